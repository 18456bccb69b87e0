import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * What keeps the treasurer app's first visit light (≤ 150 KB of script compressed over /masuk and
 * /admin, measured by e2e/byte-budget.spec.ts and `npm run bench -- --only bytes`): the source-level
 * rules that a careless import would undo, checked without a build.
 */
const dir = path.dirname(new URL(import.meta.url).pathname);
const source = (f: string) => readFileSync(path.join(dir, f), "utf8");
const screens = readdirSync(dir).filter((n) => /\.tsx?$/.test(n) && !n.endsWith(".test.ts"));

describe("the treasurer app's script stays light", () => {
  it("no screen pulls next-auth's browser client in (sign-out and the session are two plain requests)", () => {
    for (const f of screens) expect(source(f), f).not.toMatch(/from "next-auth\/react"/);
  });

  it("no screen carries the public pages' messages (both languages): their few tables come with the page (useWords)", () => {
    for (const f of screens) expect(source(f), f).not.toMatch(/^import \{[^}]*\} from "@\/server\/i18n\/messages"/m);
  });

  it("the rarely used tabs are fetched when opened, never imported by the app's first script", () => {
    const app = source("AdminApp.tsx");
    for (const lazy of ["account", "book", "year", "corrections"]) {
      expect(app, lazy).not.toMatch(new RegExp(`from "\\./${lazy}"`));
      expect(app, lazy).toContain(`import("./${lazy}")`);
      // Nor by any other screen of the first script (which would bring it back in).
      for (const f of screens.filter(
        (n) => !["account", "book", "year", "corrections"].includes(n.replace(/\.tsx?$/, "")),
      ))
        expect(source(f), `${f} imports ${lazy}`).not.toMatch(new RegExp(`from "\\./${lazy}"`));
    }
  });
});

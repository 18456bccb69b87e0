import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * What keeps the treasurer app's first visit light (≤ 150 KB of script compressed over /masuk and
 * /admin, measured by e2e/byte-budget.spec.ts and `npm run bench -- --only bytes`): the modules
 * the app's first script reaches — every value import followed from AdminApp.tsx, a dynamic
 * import() not followed (its code comes when its tab is opened) — checked without a build.
 */
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith(".") && !spec.startsWith("@/")) return spec; // a package
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const ext of [".ts", ".tsx", "/index.ts", "/index.tsx"]) if (existsSync(base + ext)) return base + ext;
  return null;
}

/** The value imports and re-exports of a module (`import type` and all-`type` specifiers left out). */
function valueImports(file: string): string[] {
  const src = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of src.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+"([^"]+)"/gms)) {
    if (m[1]) continue;
    const names = /^\{([^}]*)\}$/.exec((m[2] ?? "").trim())?.[1];
    const onlyTypes = names
      ?.split(",")
      .map((n) => n.trim())
      .filter(Boolean)
      .every((n) => n.startsWith("type "));
    if (!onlyTypes) out.push(m[3]!);
  }
  for (const m of src.matchAll(/^import\s+"([^"]+)"/gm)) out.push(m[1]!);
  return out;
}

/** Every module the app's first script reaches from AdminApp.tsx (files by path relative to the root, packages by name). */
function firstScript(): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    for (const spec of valueImports(file)) {
      const target = resolve(file, spec);
      if (!target) continue;
      const key = path.isAbsolute(target) ? path.relative(ROOT, target) : target;
      if (seen.has(key)) continue;
      seen.add(key);
      if (path.isAbsolute(target)) walk(target);
    }
  };
  walk(path.join(ROOT, "app/admin/_ui/AdminApp.tsx"));
  return seen;
}

describe("the treasurer app's first script stays light", () => {
  const reached = firstScript();

  it("reaches the screens it draws (the walk itself works)", () => {
    for (const m of [
      "app/admin/_ui/collect.tsx",
      "app/admin/_ui/loans.tsx",
      "app/admin/_ui/admin-words.tsx",
      "app/admin/_ui/client.ts",
    ])
      expect(reached, m).toContain(m);
  });

  it("without tRPC's own client (a few lines on its wire format: client.ts)", () => {
    expect([...reached].filter((m) => m.startsWith("@trpc/"))).toEqual([]);
  });

  it("without next-auth's browser client (sign-out and the session are two plain requests)", () => {
    expect(reached).not.toContain("next-auth/react");
  });

  it("without the public pages' messages in both languages (the screens' few tables come with the page: useWords)", () => {
    expect(reached).not.toContain("server/i18n/messages.ts");
  });

  it("with the screens' words of one language only: fetched in hers (admin-words.tsx)", () => {
    for (const both of ["server/i18n/admin.ts", "server/i18n/admin-id.ts", "server/i18n/admin-en.ts"])
      expect(reached).not.toContain(both);
    const words = readFileSync(path.join(ROOT, "app/admin/_ui/admin-words.tsx"), "utf8");
    for (const one of ["admin-id", "admin-en"]) expect(words).toContain(`import("@/server/i18n/${one}")`);
  });

  it("without the rarely used tabs (and the supervisor's signing list): fetched when opened", () => {
    for (const lazy of ["account", "book", "year", "corrections", "lending-rule", "signing"])
      expect(reached).not.toContain(`app/admin/_ui/${lazy}.tsx`);
    const app = readFileSync(path.join(ROOT, "app/admin/_ui/AdminApp.tsx"), "utf8");
    for (const lazy of ["account", "book", "year", "corrections"]) expect(app).toContain(`import("./${lazy}")`);
    expect(readFileSync(path.join(ROOT, "app/admin/_ui/home.tsx"), "utf8")).toContain('import("./signing")');
  });
});

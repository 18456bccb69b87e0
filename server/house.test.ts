/**
 * The house rules as a test: every arrow points down — route (app/, server/api) → verb
 * (server/services) → domain (server/domain) → db. Tests may import anything.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.tsx?$/.test(d.name) && !/\.(test|spec)\.tsx?$/.test(d.name))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)));
}

/** Every module a file imports, with whether the import is for types only. */
function importsOf(file: string): { from: string; typeOnly: boolean }[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)].map((m) => ({
    from: m[2]!,
    typeOnly: !!m[1],
  }));
}

/** The files in `dir` that import something `refused` says no to, as "file → module". */
function upwardArrows(dir: string, refused: (from: string, typeOnly: boolean) => boolean): string[] {
  return sources(dir).flatMap((f) =>
    importsOf(f)
      .filter((i) => refused(i.from, i.typeOnly))
      .map((i) => `${f} → ${i.from}`),
  );
}

describe("the house: every arrow points down", () => {
  it("finds the imports it checks (the rules below are not vacuous)", () => {
    expect(sources("server/domain").length).toBeGreaterThan(20);
    expect(importsOf("server/services/loans.ts").some((i) => i.from === "@/server/domain/loans")).toBe(true);
    expect(importsOf("server/domain/errors.ts")).toContainEqual({ from: "@/server/i18n/errors", typeOnly: true });
  });

  it("an effect returns nothing but its clean-up: no useEffect with an expression body (unless `void …`)", () => {
    // React calls whatever an effect returns when the component goes; a promise (fetches, and
    // scrollIntoView in newer browsers) there crashed the treasurer screen as a leave dialog closed.
    const bad = sources("app").flatMap((file) =>
      (readFileSync(path.join(ROOT, file), "utf8").match(/useEffect\(\(\) => (?!\{|void )[^\n]*/g) ?? []).map(
        (m) => `${file}: ${m}`,
      ),
    );
    expect(bad).toEqual([]);
  });

  it("the open-data verifier the domain re-exports imports nothing but node's own modules", () => {
    const imports = readFileSync("scripts/verify-open-data.mjs", "utf8").match(/^import .* from "([^"]+)";?$/gm) ?? [];
    expect(imports.filter((line) => !/from "node:/.test(line))).toEqual([]);
  });

  it("the domain is pure: no database, no verbs, no HTTP, no React (the message table's codes as types only)", () => {
    // The one exception: the public rules of the book live in the open-data verifier, a single plain
    // JavaScript file anyone runs with node alone (pure too: it imports nothing but node:), and
    // book-rules.ts re-exports them so the portal checks the very same code.
    const allowed = (from: string, typeOnly: boolean) =>
      from === "@/scripts/verify-open-data.mjs" ||
      from.startsWith("./") ||
      from.startsWith("../") ||
      from.startsWith("node:") ||
      (typeOnly && from.startsWith("@/server/i18n/"));
    expect(upwardArrows("server/domain", (from, typeOnly) => !allowed(from, typeOnly))).toEqual([]);
  });

  it("verbs know nothing of the API, the front server, Next or React", () => {
    const refused = /^(@\/app|@\/server\/api|@\/server\/front|next|react|@trpc)/;
    expect(upwardArrows("server/services", (from) => refused.test(from))).toEqual([]);
  });

  it("the writer (server/writer) is between the API and the verbs: it knows nothing of the API, the front server, Next or React, and no verb knows it", () => {
    const refused = /^(@\/app|@\/server\/api|@\/server\/front|next|react|@trpc)/;
    expect(upwardArrows("server/writer", (from) => refused.test(from))).toEqual([]);
    expect(upwardArrows("server/services", (from) => from.startsWith("@/server/writer"))).toEqual([]);
  });

  it("the database layer is the bottom: it imports nothing of the portal", () => {
    expect(upwardArrows("db", (from) => /^@\/(server|app|scripts)/.test(from))).toEqual([]);
  });

  it("routers only validate with the verbs' own schemas, call and return: no schema, no query of their own", () => {
    expect(upwardArrows("server/api/routers", (from) => /^(zod|@\/db|drizzle-orm)$|^@\/db\//.test(from))).toEqual([]);
  });

  it("pages never query: no schema, no SQL — they call loaders and verbs", () => {
    expect(upwardArrows("app", (from) => /^(@\/db\/schema|drizzle-orm)/.test(from))).toEqual([]);
  });

  it("strings and formats are a leaf: i18n imports only the domain's types and values, never verbs", () => {
    expect(upwardArrows("server/i18n", (from) => /^@\/(server\/services|server\/api|db|app)/.test(from))).toEqual([]);
  });
});

/**
 * Small functions: biome.json turns on `complexity/noExcessiveLinesPerFunction` at 80 lines for
 * server/, db/ and app/ (tests aside), and its last override lists the files that still hold a longer
 * function — today's exceptions, in one place. This test holds that list to what it says: each file
 * there holds exactly the long functions named below, no more (a new long function in a listed file
 * fails here), no fewer (a function split below the limit must leave the list). The list only shrinks.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const RULE = "noExcessiveLinesPerFunction";

/** The functions over 80 lines today, by file. Remove a line when its function is split; never add one. */
const LONG_FUNCTIONS: Record<string, string[]> = {
  "server/domain/paper-book.ts": ["readPaperBook"], // the paper book's reader: left to helper A's lane in #28, next to split
};

type Override = { includes?: string[]; linter?: { rules?: { complexity?: Record<string, unknown> } } };
const config = JSON.parse(readFileSync(path.join(ROOT, "biome.json"), "utf8")) as { overrides: Override[] };
const ruleOf = (o: Override) => o.linter?.rules?.complexity?.[RULE];
/** A file name as biome.json's globs write it ("[slug]" escaped). */
const glob = (file: string) => file.replace(/[[\]]/g, "\\$&");

/** The override that turns the rule off for the listed files (the last one to mention the rule). */
const exceptions = config.overrides.filter((o) => ruleOf(o) === "off");

/**
 * Lints copies of `files` (with `extra` files written beside them) under biome.json minus its
 * exceptions, and answers the functions over the limit, as "file: name".
 */
function longFunctions(files: string[], extra: Record<string, string> = {}): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "kt-length-"));
  dirs.push(dir);
  const strict = {
    ...config,
    $schema: undefined,
    vcs: { enabled: false },
    files: { includes: ["**"] },
    overrides: config.overrides.filter((o) => ruleOf(o) !== "off"),
  };
  writeFileSync(path.join(dir, "biome.json"), JSON.stringify(strict));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    cpSync(path.join(ROOT, f), path.join(dir, f));
  }
  for (const [f, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  let out: string;
  try {
    out = execFileSync(
      path.join(ROOT, "node_modules/.bin/biome"),
      ["lint", "--reporter=json", `--only=complexity/${RULE}`, "--max-diagnostics=none", "."],
      { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
  } catch (e) {
    out = (e as { stdout: string }).stdout; // biome exits 1 when it finds any
  }
  const report = JSON.parse(out) as {
    diagnostics: { severity: string; category: string; location: { path: string; start: { line: number } } }[];
  };
  // `--only` wakes the rule everywhere at its default (50 lines, as "info"): only biome.json's errors count.
  return report.diagnostics
    .filter((d) => d.category === `lint/complexity/${RULE}` && d.severity === "error")
    .map((d) => {
      const file = d.location.path.replace(/\\/g, "/");
      const line = readFileSync(path.join(dir, file), "utf8").split("\n")[d.location.start.line - 1] ?? "";
      const name = /function\*?\s+(\w+)|(?:const|let)\s+(\w+)\s*=|^\s*(?:async\s+)?(\w+)\s*\(/.exec(line);
      return `${file}: ${name?.[1] ?? name?.[2] ?? name?.[3] ?? `line ${d.location.start.line}`}`;
    })
    .sort();
}
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A function whose body is `lines` lines long (Biome counts the lines between the braces). */
const body = (lines: number) =>
  `export function probe(n: number): number {\n${"  n += 1;\n".repeat(lines - 1)}  return n;\n}\n`;

describe("small functions: at most 80 lines, today's exceptions only shrink", () => {
  it("the rule is on at 80 lines in server/, db/ and app/ (a body of 81 lines is refused, 80 pass)", () => {
    const probes = {
      "server/probe-long.ts": body(81),
      "db/probe-long.ts": body(81),
      "app/probe-long.tsx": body(81),
      "server/probe-ok.ts": body(80),
      "app/probe-ok.test.ts": body(200), // tests are not held to it
    };
    expect(longFunctions([], probes)).toEqual([
      "app/probe-long.tsx: probe",
      "db/probe-long.ts: probe",
      "server/probe-long.ts: probe",
    ]);
  });

  it("biome.json's one exception list names exactly the files listed here", () => {
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]!.includes).toEqual(Object.keys(LONG_FUNCTIONS).map(glob));
  });

  it("the listed files hold exactly the listed long functions: none split and left on the list, none added", () => {
    const listed = Object.entries(LONG_FUNCTIONS).flatMap(([file, names]) => names.map((n) => `${file}: ${n}`));
    expect(longFunctions(Object.keys(LONG_FUNCTIONS))).toEqual(listed.sort());
  });
});

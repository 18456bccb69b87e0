import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The one style sheet is whole: every block closed where it was opened. A block left open by a merge
 * put every rule after it inside a print-only block, and the treasurer's tables ran off the screen.
 */
function unclosedAt(css: string): number | null {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "));
  let depth = 0;
  let line = 1;
  let openedAt: number[] = [];
  for (const ch of code) {
    if (ch === "\n") line++;
    else if (ch === "{") openedAt = [...openedAt, line];
    else if (ch === "}") openedAt = openedAt.slice(0, -1);
    depth = openedAt.length;
  }
  return depth === 0 ? null : (openedAt.at(-1) ?? null);
}

describe("app/globals.css", () => {
  it("closes every block it opens", () => {
    expect(unclosedAt(readFileSync(path.join(__dirname, "globals.css"), "utf8"))).toBeNull();
  });
  it("finds a block left open", () => {
    expect(unclosedAt("a {\n  color: red;\n}\n.b {\n  margin: 0;\n\n.c {\n}\n")).toBe(4);
  });
});

/**
 * "Rp" never breaks from its number: every message table (server/i18n/*) and the sources the
 * public pages cite say "Rp" through the one prefix (RP, formatRupiah: a no-break space), never
 * "Rp" and an ordinary space, in their source text or in what they say.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_REFERENCE_TERMS } from "@/server/domain/finance/compare";
import { formatRupiah, RP } from "@/server/domain/money";
import { ADMIN_MESSAGES } from "./admin";
import { ERROR_CODES } from "@/server/domain/error-codes";
import { errorMessage } from "./errors";
import { GLOSSARY } from "./glossary";
import { MESSAGES } from "./messages";
import * as PAGES from "./pages";

/** "Rp" then a space that may break (ordinary space, tab) — written out or in a template. */
const BREAKING = /\bRp[ \t]/;

/** Anything a message function may be handed: a number, a string, an object with any field, a list. */
const anything: unknown = new Proxy(() => anything, {
  get: (_, k) => (k === Symbol.toPrimitive ? () => 1000 : k === "length" ? 1 : anything),
  apply: () => anything,
});

/** Every text a value says: its strings, and what its functions return for any argument. */
function texts(v: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 8) return out;
  if (typeof v === "string") out.push(v);
  else if (typeof v === "function") {
    for (const args of [
      [1000, 1000, 1000, 1000],
      ["Rp\u00a01.000", "x", "y", "z"],
      [anything, anything, anything],
    ]) {
      try {
        texts(v(...args), out, depth + 1);
      } catch {
        // A function that cannot take these arguments says nothing here; its source is scanned below.
      }
    }
  } else if (v && typeof v === "object") for (const x of Object.values(v)) texts(x, out, depth + 1);
  return out;
}

describe("Rp never breaks from its number", () => {
  it("the one path ties Rp to the number with a no-break space", () => {
    expect(RP).toBe("Rp\u00a0");
    expect(formatRupiah(1000)).toBe("Rp\u00a01.000");
    expect(formatRupiah(-5000, "en")).toBe("−Rp\u00a05,000");
  });

  it("no message table's source writes Rp and an ordinary space", () => {
    const dir = join(process.cwd(), "server/i18n");
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => join(dir, f))
      .concat(join(process.cwd(), "server/domain/finance/compare.ts"));
    expect(files.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const file of files) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          // Comments are for programmers: they may write "Rp 1.000" as they like.
          if (/^\s*(\/\/|\*|\/\*\*)/.test(line)) return;
          if (BREAKING.test(line)) found.push(`${file}:${i + 1}: ${line.trim().slice(0, 80)}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("nothing a message table says has Rp and an ordinary space", () => {
    const said = texts([MESSAGES, ADMIN_MESSAGES, PAGES, GLOSSARY, DEFAULT_REFERENCE_TERMS]);
    // Every error message, with every parameter a number (the amounts it names).
    const params = new Proxy({}, { get: () => 25_000 }) as Record<string, number>;
    expect(ERROR_CODES.length).toBeGreaterThan(50);
    for (const code of ERROR_CODES)
      for (const l of ["id", "en"] as const) {
        try {
          said.push(errorMessage(code, params, l));
        } catch {
          // A message that needs a list or a text parameter: its source is scanned above.
        }
      }
    expect(said.some((s) => s.includes(`${RP}25.000`))).toBe(true);
    expect(said.length).toBeGreaterThan(500);
    // The walk reaches prose that names rupiah (the daily saving, the default ceiling).
    expect(said.some((s) => s.includes(`${RP}1.000`))).toBe(true);
    expect(said.filter((s) => BREAKING.test(s))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import type { DomainError } from "./errors";
import { cleanText } from "./text";
import { csvCell } from "./open-ledger";

const refusal = (v: string) => {
  try {
    cleanText(v, "note", { required: false, max: 500 });
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe("what a person types", () => {
  it("refuses control characters and the invisible marks that reorder text (bidirectional overrides)", () => {
    for (const bad of ["a\u0000b", "a\u0007b", "a\u0085b", "Maria \u202egnp.exe", "x\u2066y\u2069", "a\u200fb"])
      expect(refusal(bad), JSON.stringify(bad)).toBe("text_control_chars");
    expect(refusal("Salah ketik — seharusnya Rp 1.000 (Bu Maria)")).toBeNull();
  });
});

describe("CSV cells", () => {
  it("keep a text a spreadsheet would run as a formula as text (OWASP CSV injection)", () => {
    for (const f of ['=HYPERLINK("x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
      expect(csvCell(f).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell(-1000)).toBe("-1000"); // a number stays a number
    expect(csvCell("cash:1000;savings_mandatory:-1000")).toBe("cash:1000;savings_mandatory:-1000");
  });
});

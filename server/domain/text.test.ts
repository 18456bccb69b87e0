import { describe, expect, it } from "vitest";
import type { DomainError } from "./errors";
import { cleanName, cleanText, lookAlike, nameKey } from "./text";
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

describe("a person's name", () => {
  const nameRefusal = (v: string) => {
    try {
      cleanName(v, "fullName");
      return null;
    } catch (e) {
      return (e as DomainError).code;
    }
  };

  it("refuses every Unicode format character (Cf), every default-ignorable one, line breaks and tabs", () => {
    const invisible: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // not characters
      const c = String.fromCodePoint(cp);
      if (/[\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(c)) invisible.push(cp);
    }
    expect(invisible.length).toBeGreaterThan(150); // zero-width, bidi, tags (U+E0001, U+E0020–E007F), …
    for (const cp of invisible)
      expect(nameRefusal(`Maria${String.fromCodePoint(cp)} Goreti`), cp.toString(16)).toBe("name_invisible_chars");
    for (const c of ["\t", "\n", "\r", "\r\n", "\v", "\f", "\u0085", "\u2028", "\u2029", "\u0000"])
      expect(nameRefusal(`Maria${c}Goreti`), JSON.stringify(c)).toBe("name_invisible_chars");
    expect(nameRefusal("Maria Goreti Nduk")).toBeNull();
    expect(nameRefusal("Yohanes Jehaut, S.Pd.")).toBeNull();
  });

  it("is stored NFC-normalised, its spaces collapsed", () => {
    expect(cleanName("Jose\u0301  Ma\u0301ria", "fullName")).toBe("Jos\u00e9 M\u00e1ria");
    expect(cleanName("  Maria\u00a0\u00a0Goreti ", "fullName")).toBe("Maria Goreti");
  });

  it("finds a member whose name looks the same: case, spaces and compatibility forms aside", () => {
    const others = [
      { code: "RD-001", fullName: "Maria Goreti" },
      { code: "RD-002", fullName: "Stra\u00dfe Anna" },
    ];
    for (const same of ["maria goreti", "MARIA  GORETI", "\uff2d\uff41\uff52\uff49\uff41 Goreti", "Maria Goreti "])
      expect(lookAlike(same, others)?.code, same).toBe("RD-001");
    expect(lookAlike("STRASSE anna", others)?.code).toBe("RD-002");
    expect(lookAlike("Maria Goretti", others)).toBeUndefined();
    expect(lookAlike("M\u00e1ria Goreti", others)).toBeUndefined(); // an accent is a different name
    expect(nameKey("Maria Goreti")).toBe("maria goreti");
  });
});

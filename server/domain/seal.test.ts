import { describe, expect, it } from "vitest";
import { normaliseSeal, readSeal, sealMatches, shortSeal } from "./seal";

const H = "3bab6ff787e1aa22bb33cc44dd55ee66ff7788990011223344556677889900aa";

describe("seal", () => {
  it("is the hash's first 12 hex digits in groups of four, and matches that hash however it is typed", () => {
    expect(shortSeal(H)).toBe("3BAB-6FF7-87E1");
    expect(sealMatches(H, "3BAB-6FF7-87E1")).toBe(true);
    expect(sealMatches(H, "3bab 6ff7 87e1")).toBe(true);
    expect(sealMatches(H, H)).toBe(true);
    expect(sealMatches(H, "3BAB-6FF7-87E2")).toBe(false);
    expect(normaliseSeal("3BAB")).toBeNull(); // too short to mean anything
  });

  it("refuses a seal shorter than the printed 12 hex digits (8 digits are 32 bits: found by trial in hours)", () => {
    expect(readSeal("3BAB-6FF7")).toBe("too_short");
    expect(readSeal("3BAB-6FF7-87E")).toBe("too_short");
    expect(normaliseSeal("3BAB-6FF7")).toBeNull();
    expect(sealMatches(H, "3BAB-6FF7")).toBe(false);
    expect(sealMatches(H, "3BAB6FF787E")).toBe(false);
    expect(readSeal("3bab-6ff7-87e1")).toBe("3bab6ff787e1");
    expect(readSeal(H.toUpperCase())).toBe(H); // the full hash, as the QR code carries it
    expect(readSeal(`${H}0`)).toBeNull();
    expect(readSeal("3BAB-6FF7-87EX")).toBeNull();
  });
});

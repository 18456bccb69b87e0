import { describe, expect, it } from "vitest";
import { monthEndCheckpoints, normaliseSeal, readSeal, sealMatches, shortSeal } from "./seal";

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

  it("month-end checkpoints: the last entry recorded by each month's end in the group's time zone", () => {
    const e = (seq: number, recordedAt: string) => ({ seq, hash: `h${seq}`, recordedAt });
    const entries = [
      e(1, "2026-01-10T02:00:00Z"),
      e(2, "2026-01-31T15:59:00Z"), // 23.59 WITA on 31 January
      e(3, "2026-01-31T16:00:00Z"), // 00.00 WITA on 1 February
      e(4, "2026-03-05T02:00:00Z"),
    ];
    expect(
      monthEndCheckpoints(entries, { timeZone: "Asia/Makassar", fromMonth: "2025-12", today: "2026-04-02" }),
    ).toEqual([
      { month: "2026-01", seq: 2, hash: "h2" },
      { month: "2026-02", seq: 3, hash: "h3" },
      { month: "2026-03", seq: 4, hash: "h4" },
      { month: "2026-04", seq: 4, hash: "h4" },
    ]);
  });
});

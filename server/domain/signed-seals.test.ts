import { describe, expect, it } from "vitest";
import { brokenSignedSeal } from "./signed-seals";

describe("countersigned seals as evidence", () => {
  const hashes = new Map([
    [10, "a"],
    [20, "b"],
    [30, "c"],
  ]);
  const at = (seq: number) => hashes.get(seq);

  it("holds when every signed entry still carries its signed hash", () => {
    expect(brokenSignedSeal([{ month: "2026-09", seq: 10, hash: "a" }], at)).toBeNull();
  });

  it("names the first signed month whose hash changed, and the last entry a holding seal vouches for", () => {
    const signed = [
      { month: "2026-11", seq: 30, hash: "x" },
      { month: "2026-09", seq: 10, hash: "a" },
      { month: "2026-10", seq: 20, hash: "y" },
    ];
    expect(brokenSignedSeal(signed, at)).toEqual({ month: "2026-10", seq: 20, trustedUpTo: 10 });
  });

  it("a signed entry that is gone (the books cut off) breaks its seal", () => {
    expect(brokenSignedSeal([{ month: "2026-12", seq: 40, hash: "d" }], at)).toEqual({
      month: "2026-12",
      seq: 40,
      trustedUpTo: 0,
    });
  });
});

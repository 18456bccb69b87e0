import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countTolerance,
  DEFAULT_LARGE_OUTFLOW_RP,
  isCountReplaceReason,
  isLargeCountDifference,
  isLargeOutflow,
} from "./plausibility";

describe("a count's difference from the book", () => {
  it("is large above Rp 50.000 when the book is small, the boundary itself not", () => {
    expect(isLargeCountDifference(300_000, 350_000)).toBe(false);
    expect(isLargeCountDifference(300_000, 350_001)).toBe(true);
    expect(isLargeCountDifference(300_000, 249_999)).toBe(true);
    expect(isLargeCountDifference(0, 50_000)).toBe(false);
    expect(isLargeCountDifference(0, 50_001)).toBe(true);
  });

  it("is large above 5 % of the book when that is more than Rp 50.000", () => {
    // The slip of the issue: Rp 2.000 typed instead of Rp 36.790.362.
    expect(isLargeCountDifference(36_790_362, 2_000)).toBe(true);
    expect(countTolerance(36_790_362)).toBe(1_839_518);
    expect(isLargeCountDifference(36_790_362, 36_790_362 - 1_839_518)).toBe(false);
    expect(isLargeCountDifference(36_790_362, 36_790_362 + 1_839_519)).toBe(true);
    expect(isLargeCountDifference(2_000_000, 2_100_000)).toBe(false);
    expect(isLargeCountDifference(2_000_000, 2_100_001)).toBe(true);
  });

  it("never calls a matching count large, and is symmetric in over and short", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), (book, d) => {
        expect(isLargeCountDifference(book, book)).toBe(false);
        expect(isLargeCountDifference(book, book + d)).toBe(d > countTolerance(book));
        if (book - d >= 0) expect(isLargeCountDifference(book, book - d)).toBe(d > countTolerance(book));
      }),
    );
  });
});

describe("a large outflow", () => {
  it("is above the threshold, the threshold itself not", () => {
    expect(isLargeOutflow(DEFAULT_LARGE_OUTFLOW_RP, DEFAULT_LARGE_OUTFLOW_RP)).toBe(false);
    expect(isLargeOutflow(DEFAULT_LARGE_OUTFLOW_RP + 1, DEFAULT_LARGE_OUTFLOW_RP)).toBe(true);
  });
});

it("knows the two reasons a count is replaced", () => {
  expect(isCountReplaceReason("salah_ketik")).toBe(true);
  expect(isCountReplaceReason("dihitung_ulang")).toBe(true);
  expect(isCountReplaceReason("lain")).toBe(false);
});

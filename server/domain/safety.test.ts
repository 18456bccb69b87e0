import { describe, expect, it } from "vitest";
import {
  cashMovedSince,
  checkReason,
  groupHoldings,
  HEALTHY_REPAYMENT_RATE,
  HIGH_PAR30,
  MAX_CHECK_AGE_DAYS,
  monthExpectedSealed,
  type SafetyFacts,
  SHORTAGE_TOLERANCE,
  safetyVerdict,
} from "./safety";
import { addDays } from "./dates";

const TODAY = "2026-12-07";
const count = { date: "2026-12-05", difference: 0, countersigned: true, queried: false };
const good: SafetyFacts = {
  today: TODAY,
  graceDays: 5,
  chainOk: true,
  lastCashCount: count,
  repaymentRate: 0.96,
  par30: 0.02,
  seal: { month: "2026-11", countersigned: true, queried: false },
  otherOpenQueries: 0,
};
const verdict = (f: Partial<SafetyFacts>) => safetyVerdict({ ...good, ...f }).verdict;

describe("is our money safe? the verdict first", () => {
  it("says what the group holds and where", () => {
    expect(groupHoldings({ cash: 12_346_910, bank: 180_000_000, loansOutstanding: 61_715_090 })).toEqual({
      total: 254_062_000,
      cash: 12_346_910,
      bank: 180_000_000,
      lentOut: 61_715_090,
    });
  });

  it("Aman when the count is recent, matches, is signed, loans come back, the chain holds and last month is sealed", () => {
    const v = safetyVerdict(good);
    expect(v.verdict).toBe("aman");
    expect(v.reasons.cashCount).toEqual({ mark: "ok", causes: [] });
    expect(v.reasons.bankCheck).toBeNull();
    expect(v.reasons.repayments?.mark).toBe("ok");
    expect(v.reasons.seal.mark).toBe("ok");
    expect(v.reasons.queries).toBeNull();
  });

  it("a shortage beyond the tolerance is a problem; at the tolerance it is small (either way)", () => {
    expect(verdict({ lastCashCount: { ...count, difference: -SHORTAGE_TOLERANCE } })).toBe("aman");
    expect(verdict({ lastCashCount: { ...count, difference: -SHORTAGE_TOLERANCE - 1 } })).toBe("bermasalah");
    expect(checkReason({ ...count, difference: -36_800_000 }, TODAY)).toEqual({ mark: "problem", causes: ["short"] });
    // Money over the book asks for a look (an entry not written), it is not money missing.
    expect(verdict({ lastCashCount: { ...count, difference: SHORTAGE_TOLERANCE } })).toBe("aman");
    expect(verdict({ lastCashCount: { ...count, difference: SHORTAGE_TOLERANCE + 1 } })).toBe("perlu_diperiksa");
  });

  it("a missing signature is not a shortage: it asks for a look, never says Bermasalah", () => {
    const v = safetyVerdict({ ...good, lastCashCount: { ...count, countersigned: false } });
    expect(v.verdict).toBe("perlu_diperiksa");
    expect(v.reasons.cashCount).toEqual({ mark: "attention", causes: ["unsigned"] });
    // A short box stays a problem whether or not it was signed.
    expect(verdict({ lastCashCount: { ...count, difference: -50_000, countersigned: false } })).toBe("bermasalah");
  });

  it("a count older than the limit, none at all, or one queried asks for a look", () => {
    const at = (age: number) => ({ ...count, date: addDays(TODAY, -age) });
    expect(verdict({ lastCashCount: at(MAX_CHECK_AGE_DAYS) })).toBe("aman");
    expect(verdict({ lastCashCount: at(MAX_CHECK_AGE_DAYS + 1) })).toBe("perlu_diperiksa");
    expect(checkReason(at(MAX_CHECK_AGE_DAYS + 1), TODAY).causes).toEqual(["old"]);
    expect(verdict({ lastCashCount: null })).toBe("perlu_diperiksa");
    expect(verdict({ lastCashCount: { ...count, queried: true } })).toBe("perlu_diperiksa");
  });

  it("the bank check counts only for a group with a bank, by the same rule", () => {
    expect(verdict({ bank: { lastCheck: count } })).toBe("aman");
    expect(verdict({ bank: { lastCheck: null } })).toBe("perlu_diperiksa");
    expect(verdict({ bank: { lastCheck: { ...count, difference: -SHORTAGE_TOLERANCE - 1 } } })).toBe("bermasalah");
  });

  it("PAR30 above its limit is a problem; repayments below the healthy rate ask for a look; hidden ones say nothing", () => {
    expect(verdict({ par30: HIGH_PAR30 })).toBe("aman");
    expect(verdict({ par30: HIGH_PAR30 + 0.001 })).toBe("bermasalah");
    expect(verdict({ repaymentRate: HEALTHY_REPAYMENT_RATE })).toBe("aman");
    expect(verdict({ repaymentRate: HEALTHY_REPAYMENT_RATE - 0.001 })).toBe("perlu_diperiksa");
    expect(verdict({ repaymentRate: null, par30: null })).toBe("aman");
    // 1–4 loans open: the figures are hidden, so is their mark, and they do not move the verdict.
    const hidden = safetyVerdict({ ...good, repaymentRate: 0.5, par30: 1, repaymentsHidden: true });
    expect(hidden.reasons.repayments).toBeNull();
    expect(hidden.verdict).toBe("aman");
  });

  it("a failed chain check is a problem whatever else holds, and leaves no other fact marked ✓", () => {
    expect(verdict({ chainOk: false })).toBe("bermasalah");
    const r = safetyVerdict({ ...good, chainOk: false, bank: { lastCheck: count } }).reasons;
    expect(r.chain).toBe("problem");
    // Each was read from a book that can no longer be trusted: what was ok asks for a look.
    expect([r.cashCount.mark, r.bankCheck?.mark, r.repayments?.mark, r.seal.mark]).toEqual([
      "attention",
      "attention",
      "attention",
      "attention",
    ]);
    // A problem stays a problem.
    expect(safetyVerdict({ ...good, chainOk: false, par30: 0.5 }).reasons.repayments?.mark).toBe("problem");
  });

  it("last month must be sealed once its grace period is over; an unsigned or queried seal asks for a look", () => {
    // On 5 Dec (grace 5 days) November is still in grace: October's seal is what is due.
    expect(monthExpectedSealed("2026-12-05", 5)).toBe("2026-10");
    expect(monthExpectedSealed("2026-12-06", 5)).toBe("2026-11");
    expect(monthExpectedSealed("2026-01-10", 5)).toBe("2025-12");
    expect(monthExpectedSealed("2026-01-03", 5)).toBe("2025-11");
    const october = { month: "2026-10", countersigned: true, queried: false };
    expect(verdict({ today: "2026-12-05", seal: october, lastCashCount: { ...count, date: "2026-12-01" } })).toBe(
      "aman",
    );
    expect(safetyVerdict({ ...good, seal: october }).reasons.seal).toEqual({
      mark: "attention",
      causes: ["behind"],
      expected: "2026-11",
    });
    expect(verdict({ seal: null })).toBe("perlu_diperiksa");
    expect(verdict({ seal: { ...good.seal!, countersigned: false } })).toBe("perlu_diperiksa");
    expect(verdict({ seal: { ...good.seal!, queried: true } })).toBe("perlu_diperiksa");
  });

  it("an open question of the supervisor asks for a look", () => {
    expect(verdict({ otherOpenQueries: 1 })).toBe("perlu_diperiksa");
    expect(safetyVerdict({ ...good, otherOpenQueries: 2 }).reasons.queries).toEqual({ mark: "attention", open: 2 });
  });
});

describe("what moved through the cash box since the last count", () => {
  const days = [
    { date: "2026-12-04", in: 9_000, out: 0 },
    { date: "2026-12-05", in: 12_000, out: 500_000 },
    { date: "2026-12-06", in: 31_000, out: 2_000_000 },
    { date: "2026-12-07", in: 28_000, out: 0 },
  ];
  it("counts only the days after the count's day (its book figure holds that day), in and out apart", () => {
    expect(cashMovedSince(days, "2026-12-05")).toEqual({ in: 59_000, out: 2_000_000 });
    expect(cashMovedSince(days, "2026-12-07")).toEqual({ in: 0, out: 0 });
  });
  it("book at the count + in − out is the cash on the books now", () => {
    const bookAtCount = 1_594_760;
    const moved = cashMovedSince(days, "2026-12-04");
    const cashNow = bookAtCount + days.slice(1).reduce((s, d) => s + d.in - d.out, 0);
    expect(bookAtCount + moved.in - moved.out).toBe(cashNow);
  });
});

import { describe, expect, it } from "vitest";
import { groupHoldings, safetyMarks } from "./safety";

const good = {
  lastCashCount: { difference: 0, countersigned: true },
  repaymentRate: 0.96,
  par30: 0.02,
  seal: { countersigned: true },
};

describe("is our money safe?", () => {
  it("says what the group holds and where", () => {
    expect(groupHoldings({ cash: 12_346_910, bank: 180_000_000, loansOutstanding: 61_715_090 })).toEqual({
      total: 254_062_000,
      cash: 12_346_910,
      bank: 180_000_000,
      lentOut: 61_715_090,
    });
  });

  it("all marks are ok only when the cash matches and is signed, loans come back, and the seal is signed", () => {
    expect(safetyMarks(good)).toEqual({ cashCount: "ok", bankCheck: null, repayments: "ok", seal: "ok" });
    const bank = (lastCheck: { difference: number; countersigned: boolean } | null) =>
      safetyMarks({ ...good, bank: { lastCheck } }).bankCheck;
    expect(bank({ difference: 0, countersigned: true })).toBe("ok");
    expect(bank({ difference: 0, countersigned: false })).toBe("warn");
    expect(bank({ difference: -1, countersigned: true })).toBe("warn");
    expect(bank(null)).toBe("warn");
  });
  it("warns on a cash difference either way, an unsigned count, late loans, or an unsigned seal", () => {
    expect(safetyMarks({ ...good, lastCashCount: { difference: -500, countersigned: true } }).cashCount).toBe("warn");
    expect(safetyMarks({ ...good, lastCashCount: { difference: 500, countersigned: true } }).cashCount).toBe("warn");
    expect(safetyMarks({ ...good, lastCashCount: { difference: 0, countersigned: false } }).cashCount).toBe("warn");
    expect(safetyMarks({ ...good, lastCashCount: null }).cashCount).toBe("warn");
    expect(safetyMarks({ ...good, repaymentRate: 0.85 }).repayments).toBe("warn");
    expect(safetyMarks({ ...good, par30: 0.15 }).repayments).toBe("warn");
    expect(safetyMarks({ ...good, seal: { countersigned: false } }).seal).toBe("warn");
    expect(safetyMarks({ ...good, seal: null }).seal).toBe("warn");
  });

  it("marks nothing on repayments when 1–4 loans are open: a ✓ or ! would say whether the few borrowers are late", () => {
    // The figures are hidden then (par30 and rate null); a warn would be the one borrower's lateness.
    expect(safetyMarks({ ...good, repaymentRate: null, par30: null, repaymentsHidden: true }).repayments).toBeNull();
    expect(safetyMarks({ ...good, repaymentRate: 0.5, par30: 1, repaymentsHidden: true }).repayments).toBeNull();
  });
});

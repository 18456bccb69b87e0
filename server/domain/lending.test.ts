import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import {
  ARREARS_CONFIRM_DAYS,
  assertArrearsConfirmed,
  assertLendingRule,
  assertWithinCeiling,
  borrowerDaysLate,
  DEFAULT_LENDING_RULE,
  loanCeiling,
  loanRoom,
  principalOwed,
} from "./lending";
import { errorMessage } from "../i18n/errors";
import { RP } from "./money";

const refusal = (f: () => void) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: e.field, params: e.params };
    throw e;
  }
  return null;
};

describe("the lending rule", () => {
  it("by default: 3× savings, at most Rp 10.000.000 — whichever is lower", () => {
    expect(DEFAULT_LENDING_RULE).toEqual({ savingsMultiple: 3, maxPrincipal: 10_000_000 });
    expect(loanCeiling(DEFAULT_LENDING_RULE, 1_000_000)).toEqual({ ceiling: 3_000_000, limit: "savings" });
    expect(loanCeiling(DEFAULT_LENDING_RULE, 9_300_000)).toEqual({ ceiling: 10_000_000, limit: "absolute" });
    expect(loanCeiling(DEFAULT_LENDING_RULE, -5)).toEqual({ ceiling: 0, limit: "savings" });
  });

  it("a multiple of 0 leaves the ceiling alone", () => {
    expect(loanCeiling({ savingsMultiple: 0, maxPrincipal: 5_000_000 }, 0)).toEqual({
      ceiling: 5_000_000,
      limit: "absolute",
    });
  });

  it("refuses a loan above the ceiling, naming the ceiling and which limit gives it; the ceiling itself is allowed", () => {
    expect(refusal(() => assertWithinCeiling(DEFAULT_LENDING_RULE, 1_000_000, 3_000_000, 0))).toBeNull();
    expect(refusal(() => assertWithinCeiling(DEFAULT_LENDING_RULE, 1_000_000, 3_000_001, 0))).toEqual({
      code: "loan_above_ceiling",
      field: "principal",
      params: {
        ceiling: 3_000_000,
        limit: "savings",
        multiple: 3,
        savings: 1_000_000,
        max: 10_000_000,
        owed: 0,
        room: 3_000_000,
      },
    });
    expect(refusal(() => assertWithinCeiling(DEFAULT_LENDING_RULE, 36_700_000, 900_000_000, 0))).toMatchObject({
      code: "loan_above_ceiling",
      params: { ceiling: 10_000_000, limit: "absolute" },
    });
  });

  it("holds on what she owes in total: her open loans' principal plus the new loan, at the boundary", () => {
    // Savings Rp 1 juta: she may owe Rp 3 juta. Owing Rp 2 juta, a new loan of Rp 1 juta is the
    // limit; Rp 1 juta and one rupiah is refused (a per-loan check would let up to Rp 3 juta through).
    expect(loanRoom(DEFAULT_LENDING_RULE, 1_000_000, 2_000_000)).toEqual({
      ceiling: 3_000_000,
      limit: "savings",
      owed: 2_000_000,
      room: 1_000_000,
    });
    expect(refusal(() => assertWithinCeiling(DEFAULT_LENDING_RULE, 1_000_000, 1_000_000, 2_000_000))).toBeNull();
    expect(refusal(() => assertWithinCeiling(DEFAULT_LENDING_RULE, 1_000_000, 1_000_001, 2_000_000))).toMatchObject({
      code: "loan_above_ceiling",
      params: { ceiling: 3_000_000, owed: 2_000_000, room: 1_000_000 },
    });
    // The absolute ceiling too: owing Rp 9 juta on large savings, at most Rp 1 juta more.
    expect(refusal(() => assertWithinCeiling(DEFAULT_LENDING_RULE, 50_000_000, 1_000_001, 9_000_000))).toMatchObject({
      code: "loan_above_ceiling",
      params: { ceiling: 10_000_000, limit: "absolute", owed: 9_000_000, room: 1_000_000 },
    });
    // Owing more than the ceiling already (her savings fell): nothing more, and no negative room.
    expect(loanRoom(DEFAULT_LENDING_RULE, 500_000, 2_000_000).room).toBe(0);
    expect(refusal(() => assertWithinCeiling(DEFAULT_LENDING_RULE, 500_000, 100_000, 2_000_000))).not.toBeNull();
  });

  it("counts the principal of open loans only (running or late), not repaid or written-off ones", () => {
    expect(
      principalOwed([
        { status: "berjalan", principalOutstanding: 1_000_000 },
        { status: "menunggak", principalOutstanding: 500_000 },
        { status: "lunas", principalOutstanding: 0 },
        { status: "dihapus", principalOutstanding: 700_000 },
      ]),
    ).toBe(1_500_000);
  });

  it("says in the refusal what she already owes and what she may still borrow (Indonesian first)", () => {
    const params = {
      ceiling: 3_000_000,
      limit: "savings",
      multiple: 3,
      savings: 1_000_000,
      owed: 2_000_000,
      room: 1_000_000,
    };
    expect(errorMessage("loan_above_ceiling", params, "id")).toContain(`masih berutang ${RP}2.000.000`);
    expect(errorMessage("loan_above_ceiling", params, "id")).toContain(`pinjaman baru paling banyak ${RP}1.000.000`);
    expect(errorMessage("loan_above_ceiling", params, "en")).toContain(`still owes ${RP}2,000,000`);
  });

  it("is whole and within bounds", () => {
    expect(assertLendingRule({ savingsMultiple: 4, maxPrincipal: 20_000_000 })).toEqual({
      savingsMultiple: 4,
      maxPrincipal: 20_000_000,
    });
    for (const bad of [
      { savingsMultiple: 1.5, maxPrincipal: 1 },
      { savingsMultiple: -1, maxPrincipal: 1 },
      { savingsMultiple: 101, maxPrincipal: 1 },
      { savingsMultiple: 3, maxPrincipal: 0 },
      { savingsMultiple: 3, maxPrincipal: 1_000_000_001 },
    ])
      expect(refusal(() => assertLendingRule(bad))?.code).toBe("lending_rule_invalid");
  });
});

describe("lending to a member in arrears", () => {
  const loans = [
    { status: "berjalan", daysPastDue: 0 },
    { status: "menunggak", daysPastDue: 34 },
    { status: "menunggak", daysPastDue: 37 },
    { status: "dihapus", daysPastDue: 400 }, // written off: no longer a running loan
  ];

  it("tells the most days late of her running loans", () => {
    expect(borrowerDaysLate(loans)).toBe(37);
    expect(borrowerDaysLate([])).toBe(0);
  });

  it(`needs confirming beyond ${ARREARS_CONFIRM_DAYS} days late, naming the days`, () => {
    expect(refusal(() => assertArrearsConfirmed(loans, false))).toEqual({
      code: "borrower_in_arrears",
      field: "confirmed",
      params: { days: 37, loans: 2 },
    });
    expect(refusal(() => assertArrearsConfirmed(loans, true))).toBeNull();
    expect(refusal(() => assertArrearsConfirmed([{ status: "menunggak", daysPastDue: 30 }], false))).toBeNull();
  });
});

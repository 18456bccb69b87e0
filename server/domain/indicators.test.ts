import { describe, expect, it } from "vitest";
import {
  balanceSheet,
  monthFlows,
  par30,
  retentionPerYear,
  returnOnSavings,
  suppressSmall,
  utilisation,
  yearIndicators,
  zeroBalances,
} from "./indicators";

describe("indicators", () => {
  it("monthly flows and closing balances come from the month_postings rollup", () => {
    const f = monthFlows([
      { month: "2026-01", kind: "contribution", account: "cash", amount: 30_000 },
      { month: "2026-01", kind: "contribution", account: "savings_mandatory", amount: -25_000 },
      { month: "2026-01", kind: "contribution", account: "social_fund", amount: -5_000 },
      { month: "2026-02", kind: "loan_disbursement", account: "loans_receivable", amount: 20_000 },
      { month: "2026-02", kind: "loan_disbursement", account: "cash", amount: -20_000 },
    ]);
    expect(
      f.map((m) => [m.month, m.contributions, m.dailyContributions, m.socialFundIn, m.disbursed, m.closing.cash]),
    ).toEqual([
      ["2026-01", 25_000, 25_000, 5_000, 0, 30_000],
      ["2026-02", 0, 0, 0, 20_000, 10_000],
    ]);
    expect(balanceSheet(f[1]!.closing)).toEqual({
      cash: 10_000,
      bank: 0,
      reserve: 0,
      otherFunds: 0,
      loansOutstanding: 20_000,
      memberSavings: 25_000,
      socialFund: 5_000,
      surplus: 0,
    });
  });

  it("PAR30 counts the whole balance of a loan more than 30 days late", () => {
    expect(
      par30([
        { principalOutstanding: 100, daysPastDue: 31 },
        { principalOutstanding: 300, daysPastDue: 30 },
      ]),
    ).toBe(0.25);
    expect(par30([])).toBeNull();
  });

  it("utilisation and return on savings", () => {
    const b = {
      cash: 100,
      bank: 150,
      loansOutstanding: 750,
      memberSavings: 900,
      socialFund: 10,
      reserve: 0,
      otherFunds: 0,
      surplus: 90,
    };
    expect(utilisation(b)).toBe(0.75); // money in the bank is idle money too
    expect(returnOnSavings(b, 365)).toBeCloseTo(0.1);
  });

  it("suppresses aggregates drawn from fewer than five", () => {
    expect(suppressSmall(123, 4)).toEqual({ value: null, suppressed: true });
    expect(suppressSmall(123, 5)).toEqual({ value: 123, suppressed: false });
    expect(suppressSmall(0, 0)).toEqual({ value: 0, suppressed: false });
  });

  it("hides a closed year's par30 over 1–4 open loans and its retention over 1–4 members, leavers or stayers", () => {
    const year = (openLoans: number, activeAtStart: number, left = 1) =>
      yearIndicators({
        shu: 0,
        monthEnds: [balanceSheet(zeroBalances())],
        writtenOff: 0,
        par30: 1,
        openLoans,
        activeAtStart,
        stayed: activeAtStart - left,
        activeAtEnd: activeAtStart,
      });
    expect(year(1, 3)).toMatchObject({ par30: null, retention: null });
    // 24 of 25 stayed: 96 % beside the 25 says 1 left.
    expect(year(5, 25)).toMatchObject({ par30: 1, retention: null, retentionHidden: true });
    expect(year(5, 25, 4)).toMatchObject({ retention: null });
    expect(year(5, 9, 5)).toMatchObject({ retention: null }); // only 4 stayed
    expect(year(5, 25, 5)).toMatchObject({ retention: 0.8, retentionHidden: false });
    expect(year(5, 25, 0)).toMatchObject({ retention: 1 });
  });
});

describe("members kept a year since founding", () => {
  const days = 27 * 10 * 365; // 27 members for ten years
  it("is 1 − leavers ÷ member-years: 3 of 27 leaving each year keeps about 89 %", () => {
    const r = retentionPerYear({ leavers: 30, memberDays: days, hiddenYears: 10 });
    expect(r.suppressed).toBe(false);
    expect(r.value).toBeCloseTo(1 - 30 / 270, 10);
  });
  it("is hidden while 1–4 have left in all (a count that names few), shown with none or with 5", () => {
    expect(retentionPerYear({ leavers: 4, memberDays: days, hiddenYears: 2 }).suppressed).toBe(true);
    expect(retentionPerYear({ leavers: 1, memberDays: days, hiddenYears: 0 }).suppressed).toBe(true);
    expect(retentionPerYear({ leavers: 5, memberDays: days, hiddenYears: 2 })).toEqual({
      value: 1 - (5 * 365) / days,
      suppressed: false,
    });
    expect(retentionPerYear({ leavers: 0, memberDays: days, hiddenYears: 0 })).toEqual({ value: 1, suppressed: false });
  });
  it("is hidden when exactly one year's figure is hidden: the total less the shown years would give it back", () => {
    expect(retentionPerYear({ leavers: 12, memberDays: days, hiddenYears: 1 }).suppressed).toBe(true);
    expect(retentionPerYear({ leavers: 12, memberDays: days, hiddenYears: 0 }).suppressed).toBe(false);
    expect(retentionPerYear({ leavers: 12, memberDays: days, hiddenYears: 2 }).suppressed).toBe(false);
  });
  it("says nothing under one member-year", () => {
    expect(retentionPerYear({ leavers: 0, memberDays: 364, hiddenYears: 0 })).toEqual({
      value: null,
      suppressed: false,
    });
  });
});

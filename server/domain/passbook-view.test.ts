import { describe, expect, it } from "vitest";
import { viewLoan } from "./loans";
import { passbookView, savingsMonths } from "./passbook-view";

const loan = (id: number, disbursedOn: string, principal: number) => ({
  id,
  purpose: "kopi",
  principal,
  termMonths: 2,
  rateBpsPerMonth: 200,
  method: "flat" as const,
  disbursedOn,
  lateFineAmount: 5_000,
  lateFineGraceDays: 7,
  importedOn: null,
  importedPaidInstallments: null,
  importedPrincipalOutstanding: null,
});
const disbursed = (date: string, amount: number) => ({ kind: "loan_disbursement", businessDate: date, amount });
const repaid = (date: string, amount: number) => ({ kind: "loan_repayment", businessDate: date, amount });
const TODAY = "2026-11-29";

describe("the passbook's first screen", () => {
  const repaidLoan = viewLoan(
    loan(1, "2025-01-10", 200_000),
    [disbursed("2025-01-10", 200_000), repaid("2025-02-10", 104_000), repaid("2025-03-10", 104_000)],
    TODAY,
  );
  // Due 10 Oct and 10 Nov; one installment (Rp 104.000) paid: the second is late, fined once.
  const lateLoan = viewLoan(
    loan(2, "2026-09-10", 200_000),
    [disbursed("2026-09-10", 200_000), repaid("2026-10-09", 104_000)],
    TODAY,
  );
  const runningLoan = viewLoan(loan(3, "2026-11-20", 100_000), [disbursed("2026-11-20", 100_000)], TODAY);
  const view = passbookView({
    today: TODAY,
    savings: { share: 50_000, mandatory: 700_000, voluntary: 120_000, socialFund: 9_000 },
    months: [
      { month: "2025-12", daily: 31_000, days: 31, other: 0, withdrawn: 0 },
      { month: "2026-11", daily: 30_000, days: 27, other: 20_000, withdrawn: 0 },
      { month: "2026-10", daily: 28_000, days: 31, other: 0, withdrawn: 150_000 },
    ],
    shu: [{ year: 2025, amount: 45_000 }],
    loans: [runningLoan, repaidLoan, lateLoan],
  });

  it("says her savings now (the social fund is not savings) and her days paid this month so far", () => {
    expect(view.savingsNow).toBe(870_000);
    expect(view.daysThisMonth).toEqual({ paid: 27, of: 29 });
  });

  it("lists each running loan with what is late, its fines and what is due next; a repaid loan is one line", () => {
    expect(view.open.map((l) => [l.loan.id, l.status])).toEqual([
      [2, "menunggak"],
      [3, "berjalan"],
    ]);
    expect(view.open[0]!.due).toMatchObject({ arrears: 104_000, fines: 5_000, installment: null });
    expect(view.open[0]!.due.daysPastDue).toBeGreaterThan(0);
    expect(view.open[1]!.due).toMatchObject({ arrears: 0, fines: 0, installment: { n: 1, dueOn: "2026-12-20" } });
    expect(view.closed).toEqual([{ loan: repaidLoan.loan, status: "lunas" }]);
  });

  it("groups the history by year, newest first, with the year's SHU part", () => {
    expect(view.years.map((y) => [y.year, y.daily, y.days, y.other, y.withdrawn, y.shu])).toEqual([
      [2026, 58_000, 58, 20_000, 150_000, 0],
      [2025, 31_000, 31, 0, 0, 45_000],
    ]);
    expect(view.years[0]!.months.map((m) => m.month)).toEqual(["2026-11", "2026-10"]);
  });
});

describe("her savings by month", () => {
  it("keeps money taken out apart from money paid in: a withdrawal is never a negative deposit", () => {
    const months = savingsMonths(
      [
        { month: "2020-08", account: "savings_mandatory", paidIn: 31_000, takenOut: 647_562 },
        { month: "2020-08", account: "savings_voluntary", paidIn: 5_000, takenOut: 307_438 },
        { month: "2020-07", account: "savings_mandatory", paidIn: 31_000, takenOut: 0 },
      ],
      new Map([["2020-08", 31]]),
    );
    expect(months).toEqual([
      { month: "2020-07", daily: 31_000, days: 0, other: 0, withdrawn: 0 },
      { month: "2020-08", daily: 31_000, days: 31, other: 5_000, withdrawn: 955_000 },
    ]);
    const y = passbookView({
      today: "2026-11-29",
      savings: { share: 0, mandatory: 0, voluntary: 0, socialFund: 0 },
      months,
      shu: [],
      loans: [],
    }).years[0]!;
    expect([y.daily, y.other, y.withdrawn]).toEqual([62_000, 5_000, 955_000]);
  });
});

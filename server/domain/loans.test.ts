import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import {
  collectability,
  LOAN_METHODS,
  loanDue,
  loanSchedule,
  loanState,
  loanStatus,
  type LoanTerms,
  viewLoan,
} from "./loans";

const base: LoanTerms = {
  principal: 1_000_000,
  termMonths: 4,
  rateBpsPerMonth: 200,
  method: "flat",
  disbursedOn: "2026-01-31",
  lateFineAmount: 5000,
  lateFineGraceDays: 7,
};

describe("loanSchedule", () => {
  it("flat 2% a month: jasa on the original principal, due dates clamp to month end", () => {
    const s = loanSchedule(base);
    expect(s.map((i) => [i.dueOn, i.principal, i.serviceCharge])).toEqual([
      ["2026-02-28", 250_000, 20_000],
      ["2026-03-31", 250_000, 20_000],
      ["2026-04-30", 250_000, 20_000],
      ["2026-05-31", 250_000, 20_000],
    ]);
  });

  it("declining: jasa on the balance before each installment", () => {
    const s = loanSchedule({ ...base, method: "declining" });
    expect(s.map((i) => i.serviceCharge)).toEqual([20_000, 15_000, 10_000, 5_000]);
  });

  it("annuity: equal installments except the last, which clears the balance", () => {
    const s = loanSchedule({ ...base, principal: 10_000_000, termMonths: 12, rateBpsPerMonth: 50, method: "annuity" });
    const totals = s.map((i) => i.principal + i.serviceCharge);
    // 10.000.000 at 0,5%/month over 12 months: 860.664,30 → Rp 860.664 (domain.md vector)
    for (const t of totals.slice(0, 11)) expect(t).toBe(860_664);
    expect(Math.abs(totals[11]! - 860_664)).toBeLessThanOrEqual(12);
  });

  it("puts the rounding remainder on the last installment", () => {
    const s = loanSchedule({ ...base, principal: 1_000_001, termMonths: 3 });
    expect(s.map((i) => i.principal)).toEqual([333_333, 333_333, 333_335]);
  });

  it("property: principal shares are whole rupiah and sum exactly to the principal", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom(...LOAN_METHODS),
        (principal, termMonths, rateBpsPerMonth, method) => {
          const s = loanSchedule({ ...base, principal, termMonths, rateBpsPerMonth, method });
          expect(s).toHaveLength(termMonths);
          expect(s.reduce((t, i) => t + i.principal, 0)).toBe(principal);
          for (const i of s) {
            expect(Number.isInteger(i.principal) && i.principal >= 0).toBe(true);
            expect(Number.isInteger(i.serviceCharge) && i.serviceCharge >= 0).toBe(true);
          }
        },
      ),
    );
  });

  it("refuses a bad term or rate", () => {
    expect(() => loanSchedule({ ...base, termMonths: 0 })).toThrow(DomainError);
    expect(() => loanSchedule({ ...base, rateBpsPerMonth: -1 })).toThrow(DomainError);
  });
});

describe("loanState", () => {
  it("allocates fine first, then jasa, then principal, installment by installment", () => {
    // First installment due 2026-02-28, grace 7 days: unpaid on 2026-03-10 → one fine of Rp 5.000.
    const s = loanState(base, [{ date: "2026-03-10", amount: 300_000 }], "2026-03-10");
    expect(s.allocations).toEqual([{ fine: 5_000, serviceCharge: 40_000, principal: 255_000 }]);
    expect(s.finesAccrued).toBe(5_000);
    expect(s.installments[0]!.paidOn).toBe("2026-03-10");
    expect(s.principalOutstanding).toBe(745_000);
  });

  it("charges no fine within the grace period and counts days past due", () => {
    const onTime = loanState(base, [{ date: "2026-03-07", amount: 270_000 }], "2026-03-07");
    expect(onTime.finesAccrued).toBe(0);
    expect(onTime.daysPastDue).toBe(0);
    const late = loanState(base, [], "2026-04-15");
    expect(late.daysPastDue).toBe(46); // 28 Feb → 15 Apr
    expect(late.finesAccrued).toBe(10_000); // Feb and Mar installments both past grace
    expect(loanStatus(late, { writtenOff: false, cancelled: false })).toBe("menunggak");
    expect(collectability(late.daysPastDue)).toBe("kurang_lancar");
  });

  it("refuses a repayment above what is owed, and a full repayment makes it lunas", () => {
    expect(() => loanState(base, [{ date: "2026-02-01", amount: 1_080_001 }], "2026-02-01")).toThrow(
      /repayment_exceeds_owed/,
    );
    const s = loanState(base, [{ date: "2026-02-01", amount: 1_080_000 }], "2026-02-01");
    expect(s.totalOwed).toBe(0);
    expect(loanStatus(s, { writtenOff: false, cancelled: false })).toBe("lunas");
  });

  it("property: allocations add up to each repayment and never pay more principal than lent", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400_000 }), { minLength: 1, maxLength: 8 }), (amounts) => {
        const repayments: { date: string; amount: number }[] = [];
        let day = 1;
        for (const amount of amounts) {
          const date = `2026-0${Math.min(9, 2 + Math.floor(day / 28))}-${String((day % 28) + 1).padStart(2, "0")}`;
          day += 20;
          try {
            loanState(base, [...repayments, { date, amount }], date);
            repayments.push({ date, amount });
          } catch (e) {
            expect(String(e)).toMatch(/repayment_exceeds_owed/);
          }
        }
        const s = loanState(base, repayments, "2026-12-31");
        for (const [i, a] of s.allocations.entries()) {
          expect(a.fine + a.serviceCharge + a.principal).toBe(repayments[i]!.amount);
        }
        expect(s.principalOutstanding).toBeGreaterThanOrEqual(0);
        expect(base.principal - s.principalOutstanding).toBe(s.allocations.reduce((t, a) => t + a.principal, 0));
      }),
    );
  });
});

describe("a loan moved in from the paper book", () => {
  const imported = (over: Partial<LoanTerms & Parameters<typeof loanSchedule>[0]> = {}) => ({
    ...base,
    principal: 1_200_000,
    termMonths: 6,
    disbursedOn: "2026-01-10",
    importedOn: "2026-03-20",
    importedPaidInstallments: 2,
    importedPrincipalOutstanding: 800_000,
    ...over,
  });

  it("keeps the paid installments and continues the rest from the principal still owed", () => {
    for (const method of LOAN_METHODS) {
      const whole = loanSchedule({ ...imported({ method }), importedPaidInstallments: null });
      const owed = whole.slice(2).reduce((t, i) => t + i.principal, 0);
      const s = loanSchedule(imported({ method, importedPrincipalOutstanding: owed }));
      expect(s.map((i) => i.n)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(s.map((i) => i.dueOn)).toEqual(whole.map((i) => i.dueOn));
      // When the paper book agrees with the schedule the continuation is the schedule itself.
      expect(s.slice(2).map((i) => i.principal)).toEqual(whole.slice(2).map((i) => i.principal));
    }
    // flat jasa stays on the original principal; declining jasa follows the balance owed
    expect(loanSchedule(imported()).at(-1)!.serviceCharge).toBe(24_000);
    expect(
      loanSchedule(imported({ method: "declining", importedPrincipalOutstanding: 500_000 }))[2]!.serviceCharge,
    ).toBe(10_000);
  });

  it("sums to a principal the paper book rounded differently", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOAN_METHODS),
        fc.integer({ min: 2, max: 24 }),
        fc.integer({ min: 100_000, max: 50_000_000 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 1, max: 100 }),
        (method, n, P, paidRaw, restPct) => {
          const paid = paidRaw % n;
          const rest = Math.max(1, Math.floor((P * restPct) / 100));
          const s = loanSchedule(
            imported({
              method,
              principal: P,
              termMonths: n,
              importedPaidInstallments: paid,
              importedPrincipalOutstanding: rest,
            }),
          );
          expect(s).toHaveLength(n);
          expect(s.slice(paid).reduce((t, i) => t + i.principal, 0)).toBe(rest);
          for (const i of s) expect(i.principal).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("takes a repayment after the cut-over into the next installment, and fines only lateness after it", () => {
    // Installment 3 fell due 2026-04-10; 4 on 2026-05-10. The cut-over is 2026-03-20.
    const st = loanState(imported(), [{ date: "2026-04-12", amount: 224_000 }], "2026-04-12");
    expect(st.allocations[0]).toEqual({ fine: 0, serviceCharge: 24_000, principal: 200_000 });
    expect(st.principalOutstanding).toBe(600_000);
    expect(st.installments[2]!.paidOn).toBe("2026-04-12");
    expect(st.installments[0]!.paidOn).toBe("2026-03-20");
    // Arrears carried in from the paper book count as days past due but were not fined by the portal.
    const late = loanState(
      imported({ importedOn: "2026-05-01", importedPaidInstallments: 1, importedPrincipalOutstanding: 1_000_000 }),
      [],
      "2026-05-05",
    );
    expect(late.daysPastDue).toBe(daysBetweenIso("2026-03-10", "2026-05-05"));
    expect(late.finesAccrued).toBe(0);
    const later = loanState(
      imported({ importedOn: "2026-05-01", importedPaidInstallments: 1, importedPrincipalOutstanding: 1_000_000 }),
      [],
      "2026-05-20",
    );
    expect(later.finesAccrued).toBe(5000); // installment 4 (due 05-10) went late after the cut-over
  });
});

function daysBetweenIso(a: string, b: string) {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

describe("a loan's view", () => {
  const loan = { ...base, importedOn: null, importedPaidInstallments: null, importedPrincipalOutstanding: null };
  const disbursed = { kind: "loan_disbursement", businessDate: base.disbursedOn, amount: base.principal };

  it("shares one schedule (frozen) while the loan's terms stay the same, and makes a new one when they change", () => {
    const a = viewLoan(loan, [disbursed], "2026-03-01");
    const b = viewLoan(
      loan,
      [disbursed, { kind: "loan_repayment", businessDate: "2026-02-20", amount: 60_000 }],
      "2026-04-01",
    );
    expect(b.schedule).toBe(a.schedule);
    expect(Object.isFrozen(a.schedule) && Object.isFrozen(a.schedule[0])).toBe(true);
    expect(a.schedule).toEqual(loanSchedule(loan));
    const longer = { ...loan, termMonths: loan.termMonths + 2 };
    expect(viewLoan(longer, [disbursed], "2026-03-01").schedule).toEqual(loanSchedule(longer));
    // The same row object with other terms (never done, but never trusted either): made again.
    const row = { ...loan };
    const first = viewLoan(row, [disbursed], "2026-03-01").schedule;
    row.principal = 2 * loan.principal;
    expect(viewLoan(row, [disbursed], "2026-03-01").schedule).not.toBe(first);
    expect(viewLoan(row, [disbursed], "2026-03-01").schedule).toEqual(loanSchedule(row));
  });
});

describe("loanDue: what a loan asks of its borrower on a day", () => {
  // Rp 1.200.000 over 4 months, flat 2%: Rp 300.000 + Rp 24.000 = Rp 324.000 on the 10th of each month.
  const t: LoanTerms = { ...base, principal: 1_200_000, disbursedOn: "2026-01-10" };
  const onTime = [{ date: "2026-02-10", amount: 324_000 }];

  it("names the next installment, the arrears and the fine, what to pay now and what settles it", () => {
    // The second installment (10 March) is unpaid past its grace (17 March): late, and fined once.
    const d = loanDue(loanState(t, onTime, "2026-03-25"), "2026-03-25");
    expect(d).toEqual({
      installment: { n: 3, dueOn: "2026-04-10", amount: 324_000 },
      arrears: 324_000,
      fines: 5000,
      dueNow: 329_000,
      settle: 5000 + 3 * 324_000,
      daysPastDue: 15,
    });
  });

  it("counts the installment falling due on the day itself as due now", () => {
    const d = loanDue(loanState(t, onTime, "2026-04-10"), "2026-04-10");
    expect(d.installment).toEqual({ n: 3, dueOn: "2026-04-10", amount: 324_000 });
    expect(d.arrears).toBe(324_000);
    expect(d.dueNow).toBe(5000 + 324_000 + 324_000);
  });

  it("a part payment goes to the fine first, then the late installment's jasa and principal", () => {
    const d = loanDue(loanState(t, [...onTime, { date: "2026-03-20", amount: 100_000 }], "2026-03-25"), "2026-03-25");
    expect(d.fines).toBe(0);
    expect(d.arrears).toBe(324_000 - 95_000);
    expect(d.dueNow).toBe(229_000);
    expect(d.settle).toBe(229_000 + 2 * 324_000);
  });

  it("a loan on time owes nothing now; a paid-off one has nothing left", () => {
    const fresh = loanDue(loanState(t, [], "2026-01-20"), "2026-01-20");
    expect(fresh).toMatchObject({ arrears: 0, fines: 0, dueNow: 0, settle: 1_200_000 + 4 * 24_000 });
    expect(fresh.installment).toEqual({ n: 1, dueOn: "2026-02-10", amount: 324_000 });
    const paid = loanDue(loanState(t, [{ date: "2026-01-20", amount: 1_296_000 }], "2026-01-20"), "2026-01-20");
    expect(paid).toMatchObject({ installment: null, arrears: 0, fines: 0, dueNow: 0, settle: 0 });
  });

  it("property: paying dueNow leaves nothing late; paying settle closes the loan", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOAN_METHODS),
        fc.integer({ min: 100_000, max: 50_000_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 400 }),
        (method, principal, termMonths, day) => {
          const terms: LoanTerms = { ...t, method, principal, termMonths };
          const asOf = addDaysIso("2026-01-10", day);
          const d = loanDue(loanState(terms, [], asOf), asOf);
          expect(d.settle).toBe(loanState(terms, [], asOf).totalOwed);
          if (d.dueNow > 0) {
            const after = loanDue(loanState(terms, [{ date: asOf, amount: d.dueNow }], asOf), asOf);
            expect(after.arrears + after.fines).toBe(0);
          }
          expect(loanState(terms, [{ date: asOf, amount: d.settle }], asOf).totalOwed).toBe(0);
        },
      ),
    );
  });
});

const addDaysIso = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

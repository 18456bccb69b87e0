/**
 * A member's passbook, told in the order she asks: what she has now, what she owes and when, what
 * is late — then her history by year. Pure: the service loads the facts, the page formats.
 */
import type { BusinessDate } from "./dates";
import { type LoanDue, type LoanStatus, type LoanTerms, type LoanView, loanDue } from "./loans";

export interface PassbookMonth {
  month: string;
  /** Iuran harian paid in this month (by the date it was paid). */
  daily: number;
  /** Days of this month that are paid (whenever they were paid: ahead, on the day or later). */
  days: number;
  /** Other savings paid in this month. */
  other: number;
  /** Savings taken out this month (a withdrawal, a leaver's payout): never a negative deposit. */
  withdrawn: number;
}

/** One month's savings postings of one account, money in and money out summed apart. */
export interface SavingsMonthRow {
  month: string;
  account: string;
  /** Credits to her savings (paid in), a positive sum. */
  paidIn: number;
  /** Debits from her savings (taken out), a positive sum. */
  takenOut: number;
}

/**
 * Her savings by month: iuran harian (the mandatory account) and other savings paid in, and
 * whatever was taken out, each a positive amount in its own column — a withdrawal is never shown
 * as a negative deposit (cold try #27: "Agu 2020 −Rp 616.562 disetor").
 */
export function savingsMonths(rows: readonly SavingsMonthRow[], daysIn: ReadonlyMap<string, number>): PassbookMonth[] {
  const months = new Map<string, PassbookMonth>();
  for (const r of rows) {
    const m = months.get(r.month) ?? {
      month: r.month,
      daily: 0,
      days: daysIn.get(r.month) ?? 0,
      other: 0,
      withdrawn: 0,
    };
    if (r.account === "savings_mandatory") m.daily += r.paidIn;
    else m.other += r.paidIn;
    m.withdrawn += r.takenOut;
    months.set(r.month, m);
  }
  return [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
}

export interface PassbookFacts<L extends LoanTerms & { id: number; purpose: string }> {
  today: BusinessDate;
  savings: { share: number; mandatory: number; voluntary: number; socialFund: number };
  /** Every month with money in or out, any order. */
  months: readonly PassbookMonth[];
  shu: readonly { year: number; amount: number }[];
  loans: readonly LoanView<L>[];
}

export interface PassbookYear {
  year: number;
  daily: number;
  days: number;
  other: number;
  withdrawn: number;
  shu: number;
  /** The year's months, newest first. */
  months: PassbookMonth[];
}

export interface OpenLoan<L> {
  loan: L;
  status: LoanStatus;
  due: LoanDue;
}

export interface PassbookView<L> {
  savingsNow: number;
  /** Days of the current month paid so far, and the days of the month up to today. */
  daysThisMonth: { paid: number; of: number };
  /** Loans still running (on time or late), oldest first, with what is due. */
  open: OpenLoan<L>[];
  /** Loans repaid, written off or cancelled, newest first: one line each. */
  closed: { loan: L; status: LoanStatus }[];
  /** History by year, newest first. */
  years: PassbookYear[];
}

const RUNNING: readonly LoanStatus[] = ["berjalan", "menunggak"];

export function passbookView<L extends LoanTerms & { id: number; purpose: string }>(
  f: PassbookFacts<L>,
): PassbookView<L> {
  const s = f.savings;
  const thisMonth = f.today.slice(0, 7);
  const years = new Map<number, PassbookYear>();
  const yearOf = (year: number) => {
    const y = years.get(year) ?? { year, daily: 0, days: 0, other: 0, withdrawn: 0, shu: 0, months: [] };
    years.set(year, y);
    return y;
  };
  for (const m of [...f.months].sort((a, b) => (a.month < b.month ? 1 : -1))) {
    const y = yearOf(Number(m.month.slice(0, 4)));
    y.daily += m.daily;
    y.days += m.days;
    y.other += m.other;
    y.withdrawn += m.withdrawn;
    y.months.push(m);
  }
  for (const x of f.shu) yearOf(x.year).shu += x.amount;
  const byDisbursed = [...f.loans].sort((a, b) =>
    a.loan.disbursedOn === b.loan.disbursedOn
      ? a.loan.id - b.loan.id
      : a.loan.disbursedOn < b.loan.disbursedOn
        ? -1
        : 1,
  );
  return {
    savingsNow: s.share + s.mandatory + s.voluntary,
    daysThisMonth: {
      paid: f.months.find((m) => m.month === thisMonth)?.days ?? 0,
      of: Number(f.today.slice(8, 10)),
    },
    open: byDisbursed
      .filter((l) => RUNNING.includes(l.status))
      .map((l) => ({ loan: l.loan, status: l.status, due: loanDue(l.state, f.today) })),
    closed: byDisbursed
      .filter((l) => !RUNNING.includes(l.status))
      .reverse()
      .map((l) => ({ loan: l.loan, status: l.status })),
    years: [...years.values()].sort((a, b) => b.year - a.year),
  };
}

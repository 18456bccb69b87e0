/**
 * Indicators donors expect (SEEP / SAVIX / CGAP usage, see shared domain glossary), as pure
 * functions over figures the rollups already hold. Ratios are returned as fractions (0..1) or
 * null when the denominator is zero; formatting is the page's business.
 */
import { ACCOUNTS, DEBIT_NORMAL, type Account, type EntryKind, savingsTotal } from "./ledger";

export { MIN_CELL, type Suppressed, suppressSmall } from "./disclosure";
import { type Suppressed, hiddenCell, isSmall, MIN_CELL, shownCell, suppressShare, suppressSmall } from "./disclosure";

export const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

export interface MonthPostingRow {
  month: string;
  kind: string;
  account: string;
  amount: number;
}

export interface MonthFlows {
  month: string;
  contributions: number; // all savings paid in (iuran, pokok, sukarela)
  dailyContributions: number;
  socialFundIn: number;
  withdrawals: number;
  disbursed: number;
  principalRepaid: number;
  serviceCharge: number;
  fines: number;
  expenses: number;
  otherIncome: number;
  writtenOff: number;
  closing: Record<Account, number>; // natural balances at month end
}

/** The money that moved in a period, without its month and closing balances. */
export type Flows = Omit<MonthFlows, "month" | "closing">;

/** A period in which nothing moved (every flow 0). */
export const noFlows = (): Flows => ({
  contributions: 0,
  dailyContributions: 0,
  socialFundIn: 0,
  withdrawals: 0,
  disbursed: 0,
  principalRepaid: 0,
  serviceCharge: 0,
  fines: 0,
  expenses: 0,
  otherIncome: 0,
  writtenOff: 0,
});

/** Every account at 0. */
export const zeroBalances = (): Record<Account, number> =>
  Object.fromEntries(ACCOUNTS.map((a) => [a, 0])) as Record<Account, number>;

/** What borrowers paid back in a month: principal, service charge (jasa) and fines together. */
export const repaidIn = (m: Pick<MonthFlows, "principalRepaid" | "serviceCharge" | "fines">): number =>
  m.principalRepaid + m.serviceCharge + m.fines;

const SAVINGS = new Set(["savings_share", "savings_mandatory", "savings_voluntary"]);

/** Monthly flows and closing balances from the month_postings rollup (every month from the first). */
export function monthFlows(rows: readonly MonthPostingRow[]): MonthFlows[] {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const running = zeroBalances();
  const out: MonthFlows[] = [];
  const byMonth = new Map<string, MonthPostingRow[]>();
  for (const r of rows) byMonth.set(r.month, [...(byMonth.get(r.month) ?? []), r]);
  for (const month of months) {
    const f: MonthFlows = { month, ...noFlows(), closing: running };
    for (const r of byMonth.get(month) ?? []) {
      const kind = r.kind as EntryKind;
      const a = r.account;
      const natural = DEBIT_NORMAL.has(a as Account) ? r.amount : -r.amount;
      running[a as Account] = (running[a as Account] ?? 0) + natural;
      if (kind === "contribution" && SAVINGS.has(a)) f.contributions += natural;
      if (kind === "contribution" && a === "savings_mandatory") f.dailyContributions += natural;
      if (kind === "contribution" && a === "social_fund") f.socialFundIn += natural;
      if (kind === "savings_withdrawal" && SAVINGS.has(a)) f.withdrawals -= natural;
      if (kind === "loan_disbursement" && a === "loans_receivable") f.disbursed += natural;
      if (kind === "loan_repayment" && a === "loans_receivable") f.principalRepaid -= natural;
      if (kind === "loan_repayment" && a === "income_service_charge") f.serviceCharge += natural;
      if (kind === "loan_repayment" && a === "income_fine") f.fines += natural;
      if (kind === "expense" && a === "expense") f.expenses += natural;
      if (kind === "other_income" && a === "income_other") f.otherIncome += natural;
      if (kind === "write_off" && a === "write_off_loss") f.writtenOff += natural;
    }
    f.closing = { ...running };
    out.push(f);
  }
  return out;
}

export interface BalanceSheet {
  cash: number;
  bank: number;
  loansOutstanding: number;
  memberSavings: number;
  socialFund: number;
  /** Dana cadangan: the part of past years' SHU the group keeps. */
  reserve: number;
  /** The board's and education funds from past years' SHU, not yet spent. */
  otherFunds: number;
  /** The open year's income − expenses − write-offs, plus the surplus carried in (opening balance, losses). */
  surplus: number;
}

export function balanceSheet(b: Record<Account, number>): BalanceSheet {
  return {
    cash: b.cash,
    bank: b.bank,
    loansOutstanding: b.loans_receivable,
    memberSavings: savingsTotal(b),
    socialFund: b.social_fund,
    reserve: b.reserve_fund,
    otherFunds: b.fund_board + b.fund_education,
    surplus:
      b.income_service_charge + b.income_fine + b.income_other + b.retained_surplus - b.expense - b.write_off_loss,
  };
}

/** PAR30: outstanding principal of loans more than 30 days late ÷ gross loans outstanding. */
export function par30(loans: readonly { principalOutstanding: number; daysPastDue: number }[]): number | null {
  const gross = loans.reduce((t, l) => t + l.principalOutstanding, 0);
  return ratio(
    loans.filter((l) => l.daysPastDue > 30).reduce((t, l) => t + l.principalOutstanding, 0),
    gross,
  );
}

/** Loan-fund utilisation: loans outstanding ÷ (loans outstanding + cash + bank). */
export const utilisation = (b: BalanceSheet) => ratio(b.loansOutstanding, b.loansOutstanding + b.cash + b.bank);

/** Annualised return on savings: (equity − member savings) ÷ member savings × 365 ÷ days. */
export function returnOnSavings(b: BalanceSheet, days: number): number | null {
  if (b.memberSavings === 0 || days <= 0) return null;
  return (b.surplus / b.memberSavings) * (365 / days);
}

/** The balance sheet at the end of each month of `year` (a month without entries carries the one before). */
export function yearMonthEnds(months: readonly MonthFlows[], year: number): BalanceSheet[] {
  let last = zeroBalances();
  for (const m of months) if (m.month < `${year}-01`) last = m.closing;
  const out: BalanceSheet[] = [];
  for (let mm = 1; mm <= 12; mm++) {
    const month = `${year}-${String(mm).padStart(2, "0")}`;
    const found = months.find((m) => m.month === month);
    if (found) last = found.closing;
    out.push(balanceSheet(last));
  }
  return out;
}

/**
 * A closed year's indicators, each as defined on /metodologi (SEEP/SAVIX usage where sources
 * differ: averages are of the twelve month-end balances; the year's SHU is before it is shared out).
 */
export interface YearIndicators {
  /** SHU ÷ average member savings (the year's return to savers, before it is shared out). */
  returnOnSavings: number | null;
  /** SHU ÷ average assets (cash + bank + loans outstanding). */
  returnOnAssets: number | null;
  /** Loans outstanding ÷ (loans outstanding + cash + bank), at the year's end. */
  utilisation: number | null;
  /** Outstanding principal more than 30 days late ÷ loans outstanding, at the year's end (null over 1–4 open loans). */
  par30: number | null;
  /** Members active at the year's end who were active at its start ÷ members active at its start (null when the members at the start, those who stayed or those who left are 1–4). */
  retention: number | null;
  /** Retention is hidden (null above reads "tersembunyi", not "–"); absent in years closed before it was kept. */
  retentionHidden?: boolean;
  /** Member savings ÷ active members, at the year's end (null under five members). */
  averageSavingsPerMember: number | null;
  /** Principal written off in the year ÷ average loans outstanding. */
  writeOffRatio: number | null;
}

export function yearIndicators(i: {
  shu: number;
  monthEnds: readonly BalanceSheet[];
  writtenOff: number;
  par30: number | null;
  /** Loans open at the year's end: with one, par30 would say whether she is late. */
  openLoans: number;
  activeAtStart: number;
  stayed: number;
  activeAtEnd: number;
}): YearIndicators {
  const avg = (f: (b: BalanceSheet) => number) => i.monthEnds.reduce((t, b) => t + f(b), 0) / i.monthEnds.length;
  const end = i.monthEnds.at(-1)!;
  const avgLoans = avg((b) => b.loansOutstanding);
  const retention = suppressShare(i.stayed, i.activeAtStart);
  return {
    returnOnSavings: ratio(
      i.shu,
      avg((b) => b.memberSavings),
    ),
    returnOnAssets: ratio(
      i.shu,
      avg((b) => b.cash + b.bank + b.loansOutstanding),
    ),
    utilisation: utilisation(end),
    par30: suppressSmall(i.par30, i.openLoans).value,
    // With three members at the start, retention says whether one of them left; with 25, that 1 left.
    retention: retention.value,
    retentionHidden: retention.suppressed,
    averageSavingsPerMember: i.activeAtEnd >= MIN_CELL ? Math.round(end.memberSavings / i.activeAtEnd) : null,
    writeOffRatio: ratio(i.writtenOff, avgLoans),
  };
}

/**
 * Members kept a year, over the whole life of the group: 1 − members who left ÷ member-years (every
 * member's days from joining to today or to her last day, ÷ 365). A group where 3 of 27 leave each year
 * keeps about 89 %. One year's figures (drop-out this year, a closed year's retention) are hidden while
 * their leavers are 1–4; this one is drawn from every leaver, so it is shown once 5 or more have left —
 * unless exactly one year's figure is hidden, which the total less the shown years would give back
 * (complementary suppression, server/domain/disclosure.ts). Null under one member-year.
 */
export function retentionPerYear(i: {
  leavers: number;
  memberDays: number;
  /** How many years' leaver figures (closed years' retention, this year's drop-out) are hidden. */
  hiddenYears: number;
}): Suppressed<number | null> {
  if (isSmall(i.leavers) || (i.leavers > 0 && i.hiddenYears === 1)) return hiddenCell();
  if (i.memberDays < 365) return shownCell(null);
  return shownCell(Math.max(0, 1 - (i.leavers * 365) / i.memberDays));
}

/**
 * "Apakah uang kelompok aman?" — the first question a member asks, answered first with one plain
 * verdict, then the facts behind it, each with its own mark. Pure: the page words it in the
 * reader's language, and /metodologi prints the same rule (server/i18n/glossary.ts SAFETY_RULE).
 *
 * The rule, in order:
 * - **Bermasalah** (problem) when any fact is a problem: the chain check failed (the book was
 *   changed outside the portal); the last cash count or bank check is SHORT of the book by more
 *   than SHORTAGE_TOLERANCE; or more than HIGH_PAR30 of the money lent out is over 30 days late.
 * - **Perlu diperiksa** (needs checking) when no fact is a problem but one needs attention: no
 *   count (or bank check) yet, or the last one is older than MAX_CHECK_AGE_DAYS, not countersigned
 *   by the supervisor, over the book by more than the tolerance, or queried by the supervisor;
 *   fewer than HEALTHY_REPAYMENT_RATE of the installments due in the last year paid; the last month
 *   that should be closed has no seal, or its seal is not countersigned or is queried; any other
 *   question of the supervisor still open.
 * - **Aman** (safe) otherwise.
 * When the chain check failed, no other fact is marked ✓: each was read from a book that can no
 * longer be trusted, so what would have been ok asks for a look instead.
 * A missing signature is never a shortage: it asks for a look, it does not say money is missing.
 * A difference within the tolerance (coins, a slip) is shown but does not by itself ask for a look.
 */
import { addDays, addMonths, type BusinessDate, daysBetween, monthOf } from "./dates";
import { monthStanding } from "./month-close";

export type Mark = "ok" | "attention" | "problem";
export const VERDICTS = ["aman", "perlu_diperiksa", "bermasalah"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A cash count or bank check older than this (days) is old: the supervisor counts every month. */
export const MAX_CHECK_AGE_DAYS = 35;
/** A difference between counted and book up to this many rupiah (either way) is small. */
export const SHORTAGE_TOLERANCE = 10_000;
/** At or above this share of the installments due in the last year paid, repayments are on time. */
export const HEALTHY_REPAYMENT_RATE = 0.9;
/** Above this share of the money lent out more than 30 days late (PAR30), the loans are a problem. */
export const HIGH_PAR30 = 0.1;

export interface BalanceCheckFacts {
  date: BusinessDate;
  /** Counted − book: negative is short. */
  difference: number;
  countersigned: boolean;
  /** The supervisor asked about it and the question is open. */
  queried: boolean;
}

export interface SafetyFacts {
  today: BusinessDate;
  /** The group's grace days after a month ends (server/domain/month-close.ts). */
  graceDays: number;
  /** The chain check from content passed (false: the book was changed outside the portal). */
  chainOk: boolean;
  lastCashCount: BalanceCheckFacts | null;
  /** Only for a group with money in the bank (or a check of it): its last statement check. */
  bank?: { lastCheck: BalanceCheckFacts | null } | null;
  repaymentRate: number | null;
  par30: number | null;
  /** Fewer than 5 loans open: the repayment figures are hidden (disclosure rule), and so is their mark. */
  repaymentsHidden?: boolean;
  /** The last closed month's seal. */
  seal: { month: string; countersigned: boolean; queried: boolean } | null;
  /** Other supervisor's questions still open (corrections, …), beside the count's and the seal's. */
  otherOpenQueries: number;
}

/** Why a fact is marked as it is (codes; the page words them). */
export type CheckCause = "never" | "short" | "over" | "old" | "unsigned" | "queried";
export type SealCause = "none" | "behind" | "unsigned" | "queried";

export interface SafetyReasons {
  chain: Mark;
  cashCount: { mark: Mark; causes: CheckCause[] };
  /** Null without a bank. */
  bankCheck: { mark: Mark; causes: CheckCause[] } | null;
  /** Null when the figures are hidden (neither ✓ nor ! would be true to say). */
  repayments: { mark: Mark; late: boolean; slow: boolean } | null;
  seal: { mark: Mark; causes: SealCause[]; expected: string };
  /** Null when none is open. */
  queries: { mark: Mark; open: number } | null;
}

const worst = (marks: readonly (Mark | null | undefined)[]): Mark =>
  marks.includes("problem") ? "problem" : marks.includes("attention") ? "attention" : "ok";

/** The last cash count or bank check: recent, the difference small, countersigned, not queried. */
export function checkReason(c: BalanceCheckFacts | null, today: BusinessDate): { mark: Mark; causes: CheckCause[] } {
  if (!c) return { mark: "attention", causes: ["never"] };
  const causes: CheckCause[] = [];
  let problem = false;
  if (c.difference < -SHORTAGE_TOLERANCE) {
    causes.push("short");
    problem = true;
  } else if (c.difference > SHORTAGE_TOLERANCE) causes.push("over");
  if (daysBetween(c.date, today) > MAX_CHECK_AGE_DAYS) causes.push("old");
  if (!c.countersigned) causes.push("unsigned");
  if (c.queried) causes.push("queried");
  return { mark: problem ? "problem" : causes.length ? "attention" : "ok", causes };
}

/** The last month that should be closed on `today`: last month once its grace period is over, else the one before. */
export function monthExpectedSealed(today: BusinessDate, graceDays: number): string {
  const last = monthOf(addMonths(`${monthOf(today)}-01`, -1));
  return monthStanding(last, today, graceDays) === "closed" ? last : monthOf(addDays(`${last}-01`, -1));
}

export function safetyReasons(f: SafetyFacts): SafetyReasons {
  const expected = monthExpectedSealed(f.today, f.graceDays);
  const sealCauses: SealCause[] = !f.seal
    ? ["none"]
    : [
        ...(f.seal.month < expected ? (["behind"] as const) : []),
        ...(!f.seal.countersigned ? (["unsigned"] as const) : []),
        ...(f.seal.queried ? (["queried"] as const) : []),
      ];
  const late = f.par30 !== null && f.par30 > HIGH_PAR30;
  const slow = f.repaymentRate !== null && f.repaymentRate < HEALTHY_REPAYMENT_RATE;
  // A book that failed its chain check vouches for nothing read from it.
  const trusted = (m: Mark): Mark => (f.chainOk || m !== "ok" ? m : "attention");
  const check = (c: BalanceCheckFacts | null) => {
    const r = checkReason(c, f.today);
    return { ...r, mark: trusted(r.mark) };
  };
  return {
    chain: f.chainOk ? "ok" : "problem",
    cashCount: check(f.lastCashCount),
    bankCheck: f.bank ? check(f.bank.lastCheck) : null,
    repayments: f.repaymentsHidden ? null : { mark: trusted(late ? "problem" : slow ? "attention" : "ok"), late, slow },
    seal: { mark: trusted(sealCauses.length ? "attention" : "ok"), causes: sealCauses, expected },
    queries: f.otherOpenQueries > 0 ? { mark: "attention", open: f.otherOpenQueries } : null,
  };
}

/** The verdict: Bermasalah if any reason is a problem, Perlu diperiksa if any asks for attention, else Aman. */
export function safetyVerdict(f: SafetyFacts): { verdict: Verdict; reasons: SafetyReasons } {
  const r = safetyReasons(f);
  const mark = worst([r.chain, r.cashCount.mark, r.bankCheck?.mark, r.repayments?.mark, r.seal.mark, r.queries?.mark]);
  return { verdict: mark === "problem" ? "bermasalah" : mark === "attention" ? "perlu_diperiksa" : "aman", reasons: r };
}

/** What the group holds and where: cash in the box, money in the bank and money lent out to members. */
export function groupHoldings(b: { cash: number; bank: number; loansOutstanding: number }): {
  total: number;
  cash: number;
  bank: number;
  lentOut: number;
} {
  return { total: b.cash + b.bank + b.loansOutstanding, cash: b.cash, bank: b.bank, lentOut: b.loansOutstanding };
}

/**
 * What moved through the cash box since the last count: the cash postings dated after the count's
 * day (the count's book figure holds every entry dated on or before it), money in and money out
 * apart (a deposit into the bank is money out of the box). `days`: per business date, the sum of
 * the positive and of the negative cash postings.
 */
export function cashMovedSince(
  days: readonly { date: BusinessDate; in: number; out: number }[],
  countedOn: BusinessDate,
): { in: number; out: number } {
  let moneyIn = 0;
  let moneyOut = 0;
  for (const d of days) {
    if (d.date <= countedOn) continue;
    moneyIn += d.in;
    moneyOut += d.out;
  }
  return { in: moneyIn, out: moneyOut };
}

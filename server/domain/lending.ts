/**
 * The group's lending rule (AD/ART): the largest loan one member may take, as a multiple of her
 * savings and as an absolute ceiling — whichever is lower. And the arrears rule: a new loan to a
 * member with a loan more than ARREARS_CONFIRM_DAYS late needs the treasurer's confirmation.
 * Pure: the services read the rule, the savings and the loans; these say what is allowed.
 */
import { conflict, invalid } from "./errors";

export interface LendingRule {
  /**
   * The largest loan as a whole multiple of the borrower's savings (simpanan pokok + wajib +
   * sukarela); 0 for a group that does not tie loans to savings (the ceiling alone applies).
   */
  savingsMultiple: number;
  /** The largest loan whatever her savings, in rupiah. */
  maxPrincipal: number;
}

/**
 * The rule a group follows until its pengawas or an admin sets its own: 3× savings (the common
 * rule of Indonesian savings-and-loan groups and credit unions) and at most Rp 10.000.000 — a
 * large loan for a village group whose whole fund is some tens of millions.
 */
export const DEFAULT_LENDING_RULE: LendingRule = Object.freeze({ savingsMultiple: 3, maxPrincipal: 10_000_000 });

export const LENDING_MULTIPLE_MAX = 100;
export const LENDING_CEILING_MAX = 1_000_000_000;

export function assertLendingRule(r: LendingRule): LendingRule {
  if (!Number.isInteger(r.savingsMultiple) || r.savingsMultiple < 0 || r.savingsMultiple > LENDING_MULTIPLE_MAX)
    throw invalid("lending_rule_invalid", "savingsMultiple", { max: LENDING_MULTIPLE_MAX });
  if (!Number.isSafeInteger(r.maxPrincipal) || r.maxPrincipal < 1 || r.maxPrincipal > LENDING_CEILING_MAX)
    throw invalid("lending_rule_invalid", "maxPrincipal", { max: LENDING_CEILING_MAX });
  return { savingsMultiple: r.savingsMultiple, maxPrincipal: r.maxPrincipal };
}

export interface LoanCeiling {
  /** The largest loan allowed, in rupiah. */
  ceiling: number;
  /** Which limit gives it: her savings times the multiple, or the group's absolute ceiling. */
  limit: "savings" | "absolute";
}

/** The largest loan this borrower may take under the rule (savings below zero count as none). */
export function loanCeiling(rule: LendingRule, savings: number): LoanCeiling {
  if (rule.savingsMultiple === 0) return { ceiling: rule.maxPrincipal, limit: "absolute" };
  const bySavings = Math.max(0, savings) * rule.savingsMultiple;
  return bySavings < rule.maxPrincipal
    ? { ceiling: bySavings, limit: "savings" }
    : { ceiling: rule.maxPrincipal, limit: "absolute" };
}

/**
 * What she may still borrow: the ceiling holds on what she owes IN TOTAL — the principal still
 * outstanding on her open loans plus the new loan — not on each loan alone (two loans of 3× her
 * savings would be 6×). `owed` below zero counts as none.
 */
export interface LoanRoom extends LoanCeiling {
  /** The principal she still owes on her open loans. */
  owed: number;
  /** The largest new loan: the ceiling less what she owes, never below zero. */
  room: number;
}

export function loanRoom(rule: LendingRule, savings: number, owed: number): LoanRoom {
  const c = loanCeiling(rule, savings);
  const o = Math.max(0, owed);
  return { ...c, owed: o, room: Math.max(0, c.ceiling - o) };
}

/** The principal still owed on a member's loans that are open (running or late; not repaid, not written off). */
export function principalOwed(loans: readonly { status: string; principalOutstanding: number }[]): number {
  return loans.reduce(
    (t, l) => (l.status === "berjalan" || l.status === "menunggak" ? t + Math.max(0, l.principalOutstanding) : t),
    0,
  );
}

/**
 * Refuses a loan that would take what she owes in total above the ceiling (`loan_above_ceiling`),
 * naming the ceiling, which limit gives it, what she already owes and what she may still borrow.
 */
export function assertWithinCeiling(rule: LendingRule, savings: number, principal: number, owed: number): void {
  const c = loanRoom(rule, savings, owed);
  if (principal > c.room)
    throw invalid("loan_above_ceiling", "principal", {
      ceiling: c.ceiling,
      limit: c.limit,
      multiple: rule.savingsMultiple,
      savings: Math.max(0, savings),
      max: rule.maxPrincipal,
      owed: c.owed,
      room: c.room,
    });
}

/** A loan more than this many days late makes a new loan to the same member need confirming. */
export const ARREARS_CONFIRM_DAYS = 30;

/**
 * The most days late of the borrower's running loans (0 when none is late): what the treasurer is
 * told before lending to her again.
 */
export function borrowerDaysLate(loans: readonly { status: string; daysPastDue: number }[]): number {
  return loans.reduce((m, l) => (l.status === "menunggak" && l.daysPastDue > m ? l.daysPastDue : m), 0);
}

/** Refuses a loan to a member more than ARREARS_CONFIRM_DAYS late, unless confirmed (`borrower_in_arrears`). */
export function assertArrearsConfirmed(
  loans: readonly { status: string; daysPastDue: number }[],
  confirmed: boolean,
): void {
  const days = borrowerDaysLate(loans);
  if (days > ARREARS_CONFIRM_DAYS && !confirmed)
    throw conflict("borrower_in_arrears", "confirmed", {
      days,
      loans: loans.filter((l) => l.status === "menunggak" && l.daysPastDue > ARREARS_CONFIRM_DAYS).length,
    });
}

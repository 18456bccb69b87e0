/**
 * "Apakah uang kelompok aman?" — the first question a member asks, answered with the few facts
 * that reassure or warn, each with a plain mark. Pure: the page words it in the reader's language.
 */
export type Mark = "ok" | "warn";

/** At or above this share of the installments due in the last year paid, repayments are healthy. */
export const HEALTHY_REPAYMENT_RATE = 0.9;
/** At or below this share of the money lent out more than 30 days late, the loans are healthy. */
export const HEALTHY_PAR30 = 0.1;

export interface SafetyFacts {
  lastCashCount: { difference: number; countersigned: boolean } | null;
  repaymentRate: number | null;
  par30: number | null;
  seal: { countersigned: boolean } | null;
}

export interface SafetyMarks {
  /** The last cash count: counted equals the book, and the supervisor signed it. */
  cashCount: Mark;
  /** Money lent out comes back on time. */
  repayments: Mark;
  /** Last month's seal was confirmed by the supervisor. */
  seal: Mark;
}

/** What the group holds and where: cash in the box and money lent out to members (the bank joins with #11). */
export function groupHoldings(b: { cash: number; loansOutstanding: number }): {
  total: number;
  cash: number;
  lentOut: number;
} {
  return { total: b.cash + b.loansOutstanding, cash: b.cash, lentOut: b.loansOutstanding };
}

export function safetyMarks(f: SafetyFacts): SafetyMarks {
  const count = f.lastCashCount;
  return {
    cashCount: count && count.difference === 0 && count.countersigned ? "ok" : "warn",
    repayments:
      (f.repaymentRate === null || f.repaymentRate >= HEALTHY_REPAYMENT_RATE) && (f.par30 ?? 0) <= HEALTHY_PAR30
        ? "ok"
        : "warn",
    seal: f.seal?.countersigned ? "ok" : "warn",
  };
}

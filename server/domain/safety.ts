/**
 * "Apakah uang kelompok aman?" — the first question a member asks, answered with the few facts
 * that reassure or warn, each with a plain mark. Pure: the page words it in the reader's language.
 */
export type Mark = "ok" | "warn";

/** At or above this share of the installments due in the last year paid, repayments are healthy. */
export const HEALTHY_REPAYMENT_RATE = 0.9;
/** At or below this share of the money lent out more than 30 days late, the loans are healthy. */
export const HEALTHY_PAR30 = 0.1;

type BalanceCheck = { difference: number; countersigned: boolean };

export interface SafetyFacts {
  lastCashCount: BalanceCheck | null;
  /** Only for a group with money in the bank (or a check of it): its last statement check. */
  bank?: { lastCheck: BalanceCheck | null } | null;
  repaymentRate: number | null;
  par30: number | null;
  /** Fewer than 5 loans open: the repayment figures are hidden (disclosure rule), and so is their mark. */
  repaymentsHidden?: boolean;
  seal: { countersigned: boolean } | null;
}

export interface SafetyMarks {
  /** The last cash count: counted equals the book, and the supervisor signed it. */
  cashCount: Mark;
  /** The last bank statement matches the book and the supervisor signed it; null without a bank. */
  bankCheck: Mark | null;
  /** Money lent out comes back on time; null when the figures are hidden (neither ✓ nor ! would be true to say). */
  repayments: Mark | null;
  /** Last month's seal was confirmed by the supervisor. */
  seal: Mark;
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

export function safetyMarks(f: SafetyFacts): SafetyMarks {
  const checked = (c: BalanceCheck | null): Mark => (c && c.difference === 0 && c.countersigned ? "ok" : "warn");
  return {
    cashCount: checked(f.lastCashCount),
    bankCheck: f.bank ? checked(f.bank.lastCheck) : null,
    repayments: f.repaymentsHidden
      ? null
      : (f.repaymentRate === null || f.repaymentRate >= HEALTHY_REPAYMENT_RATE) && (f.par30 ?? 0) <= HEALTHY_PAR30
        ? "ok"
        : "warn",
    seal: f.seal?.countersigned ? "ok" : "warn",
  };
}

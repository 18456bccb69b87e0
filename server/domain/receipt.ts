/**
 * A member's receipt (kuitansi) for one entry: what she paid or received in it, what she holds and
 * owes after it, and the entry's number and seal so she can find it on the public page. Built from
 * that member's postings only — a receipt never carries another member's code or amounts.
 */
import type { BusinessDate } from "./dates";
import { type Account, type EntryKind, naturalBalance, type Posting, SAVINGS_ACCOUNTS } from "./ledger";

/** What a receipt line is about, in the member's terms. */
export type ReceiptItem =
  | "savings_share"
  | "savings_mandatory"
  | "savings_voluntary"
  | "social_fund"
  | "loan_received"
  | "loan_principal"
  | "service_charge"
  | "fine";

export interface ReceiptLine {
  item: ReceiptItem;
  /** Money she handed over (positive) or received (negative), in rupiah. */
  paid: number;
}

export interface Receipt {
  group: { slug: string; name: string; isDemo: boolean };
  memberCode: string;
  seq: number;
  date: BusinessDate;
  kind: EntryKind;
  /** The entry's hash as on the public ledger (the seal a member can compare). */
  hash: string;
  lines: ReceiptLine[];
  /** Days of the daily contribution this entry paid for her. */
  days: number;
  savingsAfter: number;
  loanOwedAfter: number;
}

const ITEM_OF: Partial<Record<Account, ReceiptItem>> = {
  savings_share: "savings_share",
  savings_mandatory: "savings_mandatory",
  savings_voluntary: "savings_voluntary",
  social_fund: "social_fund",
  income_service_charge: "service_charge",
  income_fine: "fine",
};

/**
 * Her lines from an entry's postings: only postings carrying her member id count. A credit to her
 * savings is money she paid in; a debit to her loan is money she received; a credit to it she paid.
 */
export function receiptLines(postings: readonly Posting[], memberId: number): ReceiptLine[] {
  const byItem = new Map<ReceiptItem, number>();
  for (const p of postings) {
    if (p.memberId !== memberId) continue;
    const item =
      p.account === "loans_receivable" ? (p.amount > 0 ? "loan_received" : "loan_principal") : ITEM_OF[p.account];
    if (!item) continue; // a write-off's loss is the group's, not money she moved
    // A credit (negative) on her account is money she handed over; a debit is money she received.
    byItem.set(item, (byItem.get(item) ?? 0) - p.amount);
  }
  return [...byItem].filter(([, paid]) => paid !== 0).map(([item, paid]) => ({ item, paid }));
}

/** Her savings and loan balance from her own postings' signed sums by account. */
export function balancesAfter(sums: readonly { account: Account; sum: number }[]): {
  savingsAfter: number;
  loanOwedAfter: number;
} {
  let savingsAfter = 0;
  let loanOwedAfter = 0;
  for (const s of sums) {
    if ((SAVINGS_ACCOUNTS as readonly string[]).includes(s.account)) savingsAfter += naturalBalance(s.account, s.sum);
    if (s.account === "loans_receivable") loanOwedAfter += naturalBalance(s.account, s.sum);
  }
  return { savingsAfter, loanOwedAfter };
}

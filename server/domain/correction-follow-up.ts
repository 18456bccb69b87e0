/**
 * A correction finishes the job: once a wrong entry is reversed, the form for the right one opens
 * filled in from it — the same kind, member, date, category and money account — with only the
 * amount left to fix, and linked to the correction through the new entry's private note (the
 * words are the screen's: server/i18n/admin.ts). Nothing here is published.
 */
import type { BusinessDate } from "./dates";
import type { EntryKind } from "./ledger";

export interface ReversedEntry {
  seq: number;
  kind: EntryKind | (string & {});
  date: BusinessDate;
  amount: number;
  category: string | null;
  /** Postings summed by account, as the treasurer's ledger list carries them. */
  postings: readonly (readonly [string, number])[];
  /** The one member the entry concerns (null: none or several). */
  memberCode: string | null;
}

/** What links the right entry to the correction (for its private note). */
export interface Corrects {
  seq: number;
  correctionSeq: number;
}

export type RightEntryDraft =
  | {
      form: "cash";
      kind: "expense" | "income";
      amount: number;
      category: string;
      via: "cash" | "bank";
      date: BusinessDate;
      corrects: Corrects;
    }
  | { form: "withdraw"; memberCode: string; amount: number; date: BusinessDate; corrects: Corrects };

/** The right entry's form, filled from the reversed one; null for kinds that have no such form here. */
export function rightEntryDraft(original: ReversedEntry, correctionSeq: number): RightEntryDraft | null {
  const corrects = { seq: original.seq, correctionSeq };
  const via = original.postings.some(([account, amount]) => account === "bank" && amount !== 0) ? "bank" : "cash";
  const base = { amount: original.amount, date: original.date, corrects };
  if ((original.kind === "expense" || original.kind === "other_income") && original.category)
    return {
      form: "cash",
      kind: original.kind === "expense" ? "expense" : "income",
      category: original.category,
      via,
      ...base,
    };
  if (original.kind === "savings_withdrawal" && original.memberCode)
    return { form: "withdraw", memberCode: original.memberCode, ...base };
  return null;
}

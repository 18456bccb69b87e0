import { z } from "zod";
import { and, eq } from "drizzle-orm";
import { journalEntries, postings } from "@/db/schema";
import { conflict, invalid, notFound } from "@/server/domain/errors";
import { CORRECTION_REASONS, reversalPostings, type Account, type EntryKind } from "@/server/domain/ledger";
import { appendEntry, idempotentWrite, type EntryRow } from "@/server/ledger/writer";
import { nowOf, todayIn, type ServiceContext } from "@/server/shared/context";
import { cleanText } from "@/server/domain/text";
import { type OnGroup, zId, zIdempotencyKey, zText } from "@/server/shared/fields";
import { standingLoanEntries } from "@/server/shared/loans";

export const ZReverseEntrySchema = z.object({
  entryId: zId,
  /** Public: why, from CORRECTION_REASONS. */
  reasonCode: z.enum(CORRECTION_REASONS, { error: "reason_code_invalid" }),
  /** Private: the treasurer's own words (committed through the detail digest, never published). */
  note: zText(500).optional(),
  idempotencyKey: zIdempotencyKey,
});

export type ReverseEntryInput = OnGroup<typeof ZReverseEntrySchema>;

/**
 * Koreksi: a new entry, dated today, that exactly reverses one earlier entry, with a public
 * reason code and, if she wishes, the treasurer's own words as a private note.
 * An entry is reversed at most once and a correction is never itself reversed (post the right
 * entry instead). On a loan, the latest standing entry is reversed first, so that every
 * repayment's recorded allocation stays true.
 */
export async function reverseEntry(ctx: ServiceContext, input: ReverseEntryInput): Promise<EntryRow> {
  return idempotentWrite(ctx, "entries.reverse", input, async (tx, { group, key, requestHash }) => {
    if (typeof input.entryId !== "number" || !Number.isSafeInteger(input.entryId) || input.entryId <= 0)
      throw invalid("entry_id_invalid", "entryId");
    if (!(CORRECTION_REASONS as readonly unknown[]).includes(input.reasonCode))
      throw invalid("reason_code_invalid", "reasonCode");
    const note = cleanText(input.note, "note", { required: false, max: 500 });
    const [original] = await tx
      .select()
      .from(journalEntries)
      .where(and(eq(journalEntries.id, input.entryId), eq(journalEntries.groupId, group.id)));
    if (!original) throw notFound("entry_not_found", "entryId");
    if (original.kind === "correction") throw invalid("cannot_reverse_correction", "entryId");
    const [already] = await tx
      .select({ seq: journalEntries.seq })
      .from(journalEntries)
      .where(eq(journalEntries.reversesEntryId, original.id));
    if (already) throw conflict("entry_already_reversed", "entryId", { seq: already.seq });
    if (original.loanId !== null) {
      const standing = await standingLoanEntries(tx, original.loanId);
      if (standing.at(-1)?.id !== original.id) throw invalid("reverse_later_loan_entries_first", "entryId");
    }
    const rows = await tx.select().from(postings).where(eq(postings.entryId, original.id));
    // Loans moved in from a paper book live by their opening position; reversing it would orphan them.
    if (original.kind === "opening_balance" && rows.some((p) => p.loanId !== null))
      throw invalid("opening_with_loans_not_reversible", "entryId");
    const date = todayIn(ctx, group);
    return appendEntry(tx, {
      group,
      kind: "correction",
      date,
      postings: reversalPostings(
        rows.map((p) => ({ account: p.account as Account, amount: p.amount, memberId: p.memberId, loanId: p.loanId })),
      ),
      purpose: original.purpose,
      category: original.category,
      loanId: original.loanId,
      reverses: { id: original.id, seq: original.seq, kind: original.kind as EntryKind },
      reason: input.reasonCode,
      note,
      idempotencyKey: key,
      requestHash,
      actor: ctx.actor,
      now: nowOf(ctx),
    });
  });
}

/**
 * The supervisor asks ("Tanyakan") instead of countersigning; the treasurer answers. A question is
 * open — marked on the treasurer's overview and, publicly, "dipertanyakan pengawas" — until it is
 * answered or its record is countersigned (server/domain/supervisor-queries.ts). Rows are append-only
 * and audited; only codes go public, the answer's note stays private.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { cashCounts, cashCountSignatures, correctionSignatures, journalEntries, supervisorQueries } from "@/db/schema";
import { conflict, DomainError, invalid, notFound } from "@/server/domain/errors";
import {
  QUERY_REASONS,
  QUERY_SUBJECTS,
  type QuerySubject,
  type QueryTarget,
  targetKey,
} from "@/server/domain/supervisor-queries";
import { type GroupRow, loadGroupFor, nowOf, type ServiceContext, signerOf } from "@/server/shared/context";
import { type OnGroup, zId, zMonth } from "@/server/shared/fields";
import { isOwn, monthsOfOwnWork } from "@/server/shared/own-work";
import { monthCheckpoint } from "@/server/shared/seals";
import { audit, ledgerWrite } from "@/server/ledger/write";
import { openQueries } from "@/server/shared/supervisor-queries";

export const ZAskSupervisorQuerySchema = z.object({
  subject: z.enum(QUERY_SUBJECTS),
  /** A cash count's or a correction's id (not for a seal). */
  id: zId.optional(),
  /** A seal's month (only for a seal). */
  month: zMonth.optional(),
  reason: z.enum(QUERY_REASONS),
});

const targetOf = (input: { subject: QuerySubject; id?: number; month?: string }): QueryTarget => {
  if (input.subject === "seal") {
    if (!input.month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month)) throw invalid("date_invalid", "month");
    return { subject: "seal", month: input.month };
  }
  if (!input.id) throw invalid("entry_id_invalid", "id");
  return { subject: input.subject, id: input.id };
};

/** Whether the record exists in the group, whose work it is, and whether it is countersigned. */
async function recordOf(
  tx: DbOrTx,
  group: GroupRow,
  target: QueryTarget,
  userId: number,
  now: Date,
): Promise<{ own: boolean; countersigned: boolean }> {
  if (target.subject === "cash_count") {
    const [c] = await tx
      .select({ recordedBy: cashCounts.recordedBy, signed: cashCountSignatures.id })
      .from(cashCounts)
      .leftJoin(cashCountSignatures, eq(cashCountSignatures.cashCountId, cashCounts.id))
      .where(and(eq(cashCounts.groupId, group.id), eq(cashCounts.id, target.id)));
    if (!c) throw notFound("cash_count_not_found", "id");
    return { own: isOwn(c.recordedBy, userId), countersigned: c.signed !== null };
  }
  if (target.subject === "correction") {
    const [e] = await tx
      .select({
        recordedBy: journalEntries.recordedBy,
        reverses: journalEntries.reversesEntryId,
        signed: correctionSignatures.id,
      })
      .from(journalEntries)
      .leftJoin(correctionSignatures, eq(correctionSignatures.entryId, journalEntries.id))
      .where(
        and(
          eq(journalEntries.groupId, group.id),
          eq(journalEntries.id, target.id),
          eq(journalEntries.kind, "correction"),
        ),
      );
    if (!e) throw notFound("entry_not_found", "id");
    const [original] = e.reverses
      ? await tx
          .select({ recordedBy: journalEntries.recordedBy })
          .from(journalEntries)
          .where(eq(journalEntries.id, e.reverses))
      : [];
    return {
      own: isOwn(e.recordedBy, userId) || (original !== undefined && isOwn(original.recordedBy, userId)),
      countersigned: e.signed !== null,
    };
  }
  const c = await monthCheckpoint(tx, group, target.month, now);
  if (!c?.finished) throw notFound("month_has_no_entries", "month");
  const own = (await monthsOfOwnWork(tx, group, userId, target.month)).has(target.month);
  return { own, countersigned: c.countersigned !== null && c.countersigned !== undefined };
}

/** The supervisor (or an admin) asks about a record that is not her own work and not yet countersigned. */
export async function askSupervisorQuery(ctx: ServiceContext, input: OnGroup<typeof ZAskSupervisorQuerySchema>) {
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "countersign");
    const target = targetOf(input);
    const now = nowOf(ctx);
    const userId = signerOf(ctx);
    const record = await recordOf(tx, group, target, userId, now);
    // Nobody asks about her own work: the question would be hers to answer.
    if (record.own) throw new DomainError("forbidden", "own_record_query", target.subject === "seal" ? "month" : "id");
    if (record.countersigned) throw conflict("already_countersigned", target.subject === "seal" ? "month" : "id");
    const open = (await openQueries(tx, group)).get(targetKey(target));
    if (open) throw conflict("already_queried", target.subject === "seal" ? "month" : "id");
    const at = now.toISOString();
    const [q] = await tx
      .insert(supervisorQueries)
      .values({
        groupId: group.id,
        subject: target.subject,
        target: target.subject === "seal" ? target.month : String(target.id),
        reason: input.reason,
        userId,
        at,
      })
      .returning();
    await audit(tx, ctx, {
      at,
      action: "query.ask",
      groupId: group.id,
      entryId: target.subject === "correction" ? target.id : null,
      detail: { queryId: q!.id, target: targetKey(target), queryReason: input.reason },
    });
    return q!;
  });
}

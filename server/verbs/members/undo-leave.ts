import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { auditLog, journalEntries, members, postings } from "@/db/schema";
import { sha256Hex } from "@/server/domain/chain";
import { localDate } from "@/server/domain/dates";
import { conflict, invalid, notFound } from "@/server/domain/errors";
import { type Account, reversalPostings } from "@/server/domain/ledger";
import { mayUndoLeave } from "@/server/domain/membership";
import { appendEntry } from "@/server/ledger/writer";
import {
  type GroupRow,
  loadGroupFor,
  nowOf,
  type ServiceContext,
  todayIn,
  memberByCode,
} from "@/server/shared/context";
import { type OnGroup, zMemberCode } from "@/server/shared/fields";
import { audit, ledgerWrite } from "@/server/ledger/write";

export const ZUndoLeaveSchema = z.object({ code: zMemberCode });

/**
 * A leave entered by mistake, undone by the treasurer on the day it was recorded: she is a member
 * again from her joining day as before. A new audit row says so; the leave's own row stays. When
 * the leave paid her savings out, that payout is reversed in the same act (a correction entry: the
 * money goes back into the box and her savings are hers again) — an undone leave never leaves her
 * a member with nothing saved.
 */
export async function undoLeave(
  ctx: ServiceContext,
  input: OnGroup<typeof ZUndoLeaveSchema>,
): Promise<{ code: string; leftOn: null; payoutReversed: { seq: number; reversalSeq: number } | null }> {
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "write");
    const m = await memberByCode(tx, group, input.code, "code");
    if (!m) throw notFound("member_not_found", "code");
    if (m.leftOn === null) throw invalid("member_not_left", "code");
    const [leave] = await tx
      .select({ at: auditLog.at, entryId: auditLog.entryId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.groupId, group.id),
          eq(auditLog.action, "member.leave"),
          sql`json_extract(${auditLog.detail}, '$.code') = ${m.code}`,
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(1);
    const recordedOn = leave ? localDate(new Date(leave.at), group.timeZone) : null;
    if (!recordedOn || !mayUndoLeave(recordedOn, todayIn(ctx, group)))
      throw conflict("leave_undo_too_late", "code", { on: recordedOn ?? m.leftOn });
    const reversal = leave?.entryId ? await reversePayout(tx, ctx, group, leave.entryId) : null;
    await tx.update(members).set({ leftOn: null }).where(eq(members.id, m.id));
    await audit(tx, ctx, {
      action: "member.leaveUndo",
      groupId: group.id,
      entryId: reversal?.entry.id ?? null,
      detail: { code: m.code, leftOn: m.leftOn, ...(reversal ? { payoutReversed: reversal.entry.amount } : {}) },
    });
    return {
      code: m.code,
      leftOn: null,
      payoutReversed: reversal ? { seq: reversal.payoutSeq, reversalSeq: reversal.entry.seq } : null,
    };
  });
}

/** The leave's payout reversed (unless it already was, by hand): a correction dated today. */
async function reversePayout(tx: Tx, ctx: ServiceContext, group: GroupRow, payoutId: number) {
  const [payout] = await tx.select().from(journalEntries).where(eq(journalEntries.id, payoutId));
  if (!payout) return null;
  const [already] = await tx
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(eq(journalEntries.reversesEntryId, payout.id));
  if (already) return null;
  const rows = await tx.select().from(postings).where(eq(postings.entryId, payout.id));
  const key = `leave-undo-${payout.id}`;
  const entry = await appendEntry(tx, {
    group,
    kind: "correction",
    date: todayIn(ctx, group),
    postings: reversalPostings(
      rows.map((p) => ({ account: p.account as Account, amount: p.amount, memberId: p.memberId, loanId: p.loanId })),
    ),
    reverses: { id: payout.id, seq: payout.seq, kind: "savings_withdrawal" },
    reason: "lainnya",
    idempotencyKey: key,
    requestHash: sha256Hex(key),
    actor: ctx.actor,
    now: nowOf(ctx),
  });
  return { entry, payoutSeq: payout.seq };
}

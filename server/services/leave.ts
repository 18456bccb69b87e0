/**
 * A member leaves the group, and a leave entered by mistake is undone the same day.
 *
 * Membership lives in `members.left_on` (the state every check reads); its history is the audit log,
 * which is append-only (a trigger refuses UPDATE and DELETE): `member.leave` when she leaves and
 * `member.leaveUndo` when that is undone — each a new row, in the same transaction as the change.
 * The rules are in server/domain/membership.ts.
 */
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { accountBalances, auditLog, journalEntries, members, postings } from "@/db/schema";
import { sha256Hex } from "@/server/domain/chain";
import { addDays, isValidDate, localDate } from "@/server/domain/dates";
import { conflict, invalid, notFound } from "@/server/domain/errors";
import { type Account, reversalPostings, savingsTotal, withdrawalPostings } from "@/server/domain/ledger";
import { leaveRefusal, mayUndoLeave } from "@/server/domain/membership";
import { appendEntry, idempotentWrite, type EntryRow } from "@/server/ledger/writer";
import {
  type GroupRow,
  loadActiveMember,
  loadGroupFor,
  nowOf,
  type ServiceContext,
  todayIn,
  memberByCode,
} from "./context";
import { type OnGroup, zDate, zIdempotencyKey, zMemberCode } from "./fields";
import { memberSavings } from "./savings";
import { audit, ledgerWrite } from "@/server/ledger/write";

export interface LeaveMemberInput {
  groupSlug: string;
  code: string;
  leftOn: string;
  /** She was asked and said yes: the screen asks, the server refuses without it. */
  confirmed?: boolean;
  /** Pay her whole savings out (one withdrawal entry, today) in the same act, then she leaves. */
  payOut?: boolean;
  /** Needed with `payOut`: the withdrawal is an entry, made once however often it is sent. */
  idempotencyKey?: string;
}

export const ZLeaveMemberSchema = z.object({
  code: zMemberCode,
  leftOn: zDate,
  confirmed: z.boolean().optional(),
  payOut: z.boolean().optional(),
  idempotencyKey: zIdempotencyKey.optional(),
}) satisfies z.ZodType<Omit<LeaveMemberInput, "groupSlug">>;

export interface LeaveResult {
  code: string;
  leftOn: string | null;
  /** The payout entry (for her receipt), when her savings were paid out in the same act. */
  entryId: number | null;
  seq: number | null;
}

/**
 * A member leaves: from `leftOn` she can no longer be written to (her history stays). Refused while
 * a loan of hers runs or savings are left in the book, unless `payOut` pays them all out first.
 */
export async function leaveMember(ctx: ServiceContext, input: LeaveMemberInput): Promise<LeaveResult> {
  if (!input.payOut) {
    return ledgerWrite(ctx, async (tx) => {
      const group = await loadGroupFor(tx, ctx, input.groupSlug, "write");
      return leaveIn(tx, ctx, group, input, null);
    });
  }
  return idempotentWrite(
    ctx,
    "members.leave",
    { ...input, idempotencyKey: input.idempotencyKey ?? "" },
    (tx, { group, key, requestHash }) => leaveIn(tx, ctx, group, input, { key, requestHash }),
    async (tx, previous: EntryRow, group) => {
      const [m] = await tx
        .select({ code: members.code, leftOn: members.leftOn })
        .from(members)
        .where(and(eq(members.groupId, group.id), eq(members.code, input.code)));
      return { code: m!.code, leftOn: m!.leftOn, entryId: previous.id, seq: previous.seq };
    },
  );
}

async function leaveIn(
  tx: Tx,
  ctx: ServiceContext,
  group: GroupRow,
  input: LeaveMemberInput,
  payout: { key: string; requestHash: string } | null,
): Promise<LeaveResult> {
  // Leaving takes effect from a date up to tomorrow (announced at today's meeting).
  const today = todayIn(ctx, group);
  if (!isValidDate(input.leftOn)) throw invalid("date_invalid", "leftOn");
  const earlier = input.leftOn < today ? input.leftOn : today; // dates are strings: Math.min would be NaN
  const member = await loadActiveMember(tx, group, input.code, earlier, "code");
  // Leaving on the joining day itself is allowed: a member added by mistake leaves having never been active.
  if (input.leftOn < member.joinedOn) throw invalid("date_before_joining", "leftOn");
  if (input.leftOn > addDays(today, 1)) throw invalid("date_in_future", "leftOn");
  const savings = await memberSavings(tx, group.id, member.id);
  const refusal = leaveRefusal(
    { runningLoans: await runningLoans(tx, group.id, member.id), savings: savingsTotal(savings) },
    { confirmed: input.confirmed === true, payOut: payout !== null },
  );
  if (refusal) throw refusal;
  // Her whole balance, paid out today while she is still a member: one entry, with its receipt.
  const entry = payout
    ? await appendEntry(tx, {
        group,
        kind: "savings_withdrawal",
        date: today,
        postings: withdrawalPostings(member.id, savingsTotal(savings), savings),
        idempotencyKey: payout.key,
        requestHash: payout.requestHash,
        actor: ctx.actor,
        now: nowOf(ctx),
      })
    : null;
  const [updated] = await tx.update(members).set({ leftOn: input.leftOn }).where(eq(members.id, member.id)).returning();
  await audit(tx, ctx, {
    action: "member.leave",
    groupId: group.id,
    entryId: entry?.id ?? null,
    detail: { code: input.code, leftOn: input.leftOn, ...(entry ? { paidOut: entry.amount } : {}) },
  });
  return { code: updated!.code, leftOn: updated!.leftOn, entryId: entry?.id ?? null, seq: entry?.seq ?? null };
}

/** Her loans with principal still owed (a loan paid off or written off leaves nothing here). */
async function runningLoans(tx: Tx, groupId: number, memberId: number): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)` })
    .from(accountBalances)
    .where(
      and(
        eq(accountBalances.groupId, groupId),
        eq(accountBalances.memberId, memberId),
        eq(accountBalances.account, "loans_receivable"),
        gt(accountBalances.balance, 0),
      ),
    );
  return Number(r?.n ?? 0);
}

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

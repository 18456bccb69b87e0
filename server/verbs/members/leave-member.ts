/**
 * A member leaves the group, and a leave entered by mistake is undone the same day.
 *
 * Membership lives in `members.left_on` (the state every check reads); its history is the audit log,
 * which is append-only (a trigger refuses UPDATE and DELETE): `member.leave` when she leaves and
 * `member.leaveUndo` when that is undone — each a new row, in the same transaction as the change.
 * The rules are in server/domain/membership.ts.
 */
import { and, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { accountBalances, members } from "@/db/schema";
import { addDays, isValidDate } from "@/server/domain/dates";
import { invalid } from "@/server/domain/errors";
import { savingsTotal, withdrawalPostings } from "@/server/domain/ledger";
import { leaveRefusal } from "@/server/domain/membership";
import { appendEntry, idempotentWrite, type EntryRow } from "@/server/ledger/writer";
import {
  type GroupRow,
  loadActiveMember,
  loadGroupFor,
  nowOf,
  type ServiceContext,
  todayIn,
} from "@/server/shared/context";
import { type OnGroup, zDate, zIdempotencyKey, zMemberCode } from "@/server/shared/fields";
import { memberSavingsByAccount } from "@/server/shared/cash";
import { audit, ledgerWrite } from "@/server/ledger/write";

export const ZLeaveMemberSchema = z.object({
  code: zMemberCode,
  leftOn: zDate,
  /** She was asked and said yes: the screen asks, the server refuses without it. */
  confirmed: z.boolean().optional(),
  /** Pay her whole savings out (one withdrawal entry, today) in the same act, then she leaves. */
  payOut: z.boolean().optional(),
  /** Needed with `payOut`: the withdrawal is an entry, made once however often it is sent. */
  idempotencyKey: zIdempotencyKey.optional(),
});

export type LeaveMemberInput = OnGroup<typeof ZLeaveMemberSchema>;

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
  const savings = await memberSavingsByAccount(tx, group.id, member.id);
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

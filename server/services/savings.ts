import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { accountBalances } from "@/db/schema";
import { assertBusinessDate } from "@/server/domain/dates";
import { DomainError, invalid } from "@/server/domain/errors";
import {
  CONTRIBUTION_LINE_KINDS,
  contributionPostings,
  SAVINGS_ACCOUNTS,
  withdrawalPostings,
  type ContributionLineKind,
  type SavingsAccount,
} from "@/server/domain/ledger";
import { assertAmount } from "@/server/domain/money";
import { appendEntry, findReplay, type EntryRow } from "./append-entry";
import {
  assertActiveMember,
  assertIdempotencyKey,
  groupMembersByCode,
  loadActiveMember,
  loadGroup,
  nowOf,
  requestHash,
  todayIn,
  type GroupRow,
  type MemberRow,
  type ServiceContext,
} from "./context";

export interface ContributionLineInput {
  memberCode: string;
  amount: number;
  kind?: ContributionLineKind;
}

export interface RecordContributionsInput {
  groupSlug: string;
  date: string;
  idempotencyKey: string;
  lines: ContributionLineInput[];
}

export const MAX_LINES = 500;

/** A whole collection day in one entry: each member's iuran (and any other savings) at once. */
export async function recordContributions(ctx: ServiceContext, input: RecordContributionsInput): Promise<EntryRow> {
  return ctx.database.write((tx) => contributionEntry(tx, ctx, input));
}

export const MAX_QUEUED_DAYS = 50;
export type QueuedResult =
  | { idempotencyKey: string; ok: true; id: number; seq: number; amount: number }
  | { idempotencyKey: string; ok: false; error: DomainError };

/**
 * Collection days a treasurer's phone kept while there was no signal, sent together when it is
 * back: each day is its own entry with its own key, recorded or refused on its own (a refused
 * day writes nothing and does not stop the others), all in one transaction and one disk flush.
 * A day already recorded (same key, same content) answers with its entry, so resending is safe.
 */
export async function recordQueuedContributions(
  ctx: ServiceContext,
  input: { groupSlug: string; days: Omit<RecordContributionsInput, "groupSlug">[] },
): Promise<QueuedResult[]> {
  if (!Array.isArray(input.days) || input.days.length === 0) throw invalid("lines_empty", "days");
  if (input.days.length > MAX_QUEUED_DAYS) throw invalid("lines_too_many", "days", { max: MAX_QUEUED_DAYS });
  return ctx.database.write(async (tx) => {
    // Read once for the whole batch (nothing in it changes the group or its members).
    const group = await loadGroup(tx, input.groupSlug); // an unknown group refuses the whole batch
    const byCode = await groupMembersByCode(tx, group);
    const results: QueuedResult[] = [];
    for (const day of input.days) {
      const idempotencyKey = String(day?.idempotencyKey ?? "");
      try {
        const e = await tx.transaction((sp) =>
          contributionEntry(sp, ctx, { ...day, groupSlug: input.groupSlug }, { group, byCode }),
        );
        results.push({ idempotencyKey, ok: true, id: e.id, seq: e.seq, amount: e.amount });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        results.push({ idempotencyKey, ok: false, error: err });
      }
    }
    return results;
  });
}

async function contributionEntry(
  tx: Tx,
  ctx: ServiceContext,
  input: RecordContributionsInput,
  known?: { group: GroupRow; byCode: Map<string, MemberRow> },
): Promise<EntryRow> {
  const key = assertIdempotencyKey(input.idempotencyKey);
  const reqHash = requestHash("contributions.record", input);
  const group = known?.group ?? (await loadGroup(tx, input.groupSlug));
  const replay = await findReplay(tx, group.id, key, reqHash);
  if (replay) return replay;
  const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: group.foundedOn });
  if (!Array.isArray(input.lines) || input.lines.length === 0) throw invalid("lines_empty", "lines");
  if (input.lines.length > MAX_LINES) throw invalid("lines_too_many", "lines", { max: MAX_LINES });
  const byCode = known?.byCode ?? (await groupMembersByCode(tx, group));
  const seen = new Set<string>();
  const lines = [];
  for (const [i, l] of input.lines.entries()) {
    const kind = l.kind ?? "daily";
    if (!CONTRIBUTION_LINE_KINDS.includes(kind)) throw invalid("line_kind_invalid", `lines.${i}.kind`);
    const dupKey = `${l.memberCode}|${kind}`;
    if (seen.has(dupKey)) throw invalid("line_duplicate", `lines.${i}.memberCode`, { code: String(l.memberCode) });
    seen.add(dupKey);
    const amount = assertAmount(l.amount, `lines.${i}.amount`);
    const member = assertActiveMember(byCode.get(l.memberCode), l.memberCode, date, `lines.${i}.memberCode`);
    lines.push({ memberId: member.id, amount, kind });
  }
  return appendEntry(tx, {
    group,
    kind: "contribution",
    date,
    postings: contributionPostings(lines),
    idempotencyKey: key,
    requestHash: reqHash,
    actor: ctx.actor,
    now: nowOf(ctx),
  });
}

export interface WithdrawSavingsInput {
  groupSlug: string;
  memberCode: string;
  amount: number;
  date: string;
  idempotencyKey: string;
}

export async function memberSavings(
  tx: Tx,
  groupId: number,
  memberId: number,
): Promise<Record<SavingsAccount, number>> {
  const rows = await tx
    .select({ account: accountBalances.account, balance: accountBalances.balance })
    .from(accountBalances)
    .where(
      and(
        eq(accountBalances.groupId, groupId),
        eq(accountBalances.memberId, memberId),
        inArray(accountBalances.account, [...SAVINGS_ACCOUNTS]),
      ),
    );
  const out = { savings_share: 0, savings_mandatory: 0, savings_voluntary: 0 };
  for (const r of rows) out[r.account as SavingsAccount] = -r.balance;
  return out;
}

/** Penarikan simpanan: never more than the member's savings, never more than the cash on hand. */
export async function withdrawSavings(ctx: ServiceContext, input: WithdrawSavingsInput): Promise<EntryRow> {
  const key = assertIdempotencyKey(input.idempotencyKey);
  const reqHash = requestHash("savings.withdraw", input);
  return ctx.database.write(async (tx) => {
    const group = await loadGroup(tx, input.groupSlug);
    const replay = await findReplay(tx, group.id, key, reqHash);
    if (replay) return replay;
    const amount = assertAmount(input.amount);
    const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: group.foundedOn });
    const member = await loadActiveMember(tx, group, input.memberCode, date);
    const savings = await memberSavings(tx, group.id, member.id);
    return appendEntry(tx, {
      group,
      kind: "savings_withdrawal",
      date,
      postings: withdrawalPostings(member.id, amount, savings),
      idempotencyKey: key,
      requestHash: reqHash,
      actor: ctx.actor,
      now: nowOf(ctx),
    });
  });
}

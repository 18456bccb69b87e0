import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { accountBalances, dailyPayments, journalEntries, members } from "@/db/schema";
import { addDays, assertBusinessDate, isValidDate, type BusinessDate } from "@/server/domain/dates";
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
import { assertOutflowConfirmed } from "@/server/domain/plausibility";
import { appendEntry, idempotentWrite, replayOr, type EntryRow, type NewEntry } from "@/server/ledger/writer";
import {
  alreadyCollected,
  paidAlready,
  paidDayStands,
  type PaidDays,
  type RefusedLine,
} from "@/server/ledger/daily-payments";
import type { EntryBatch } from "@/server/ledger/batch";
import {
  activeMemberIn,
  groupMembersByCode,
  loadGroupFor,
  loadMemberToPayOut,
  nowOf,
  todayIn,
  type GroupRow,
  type MemberRow,
  type ServiceContext,
} from "./context";
import { assertIdempotencyKey, requestHash } from "@/server/domain/idempotency";
import { cleanText } from "@/server/domain/text";
import { type OnGroup, zDate, zIdempotencyKey, zMemberCode, zRupiah, zText } from "./fields";
import { ledgerWrite } from "@/server/ledger/write";

export interface ContributionLineInput {
  memberCode: string;
  amount: number;
  kind?: ContributionLineKind;
  /**
   * For a daily line: the days it pays for — missed days, or days in advance — named by the
   * treasurer. Without it, the line pays for the entry's own date.
   */
  days?: string[];
}

/** At most this many days in one daily line, and at most this far ahead of the entry's date. */
export const MAX_DAYS_PER_LINE = 62;
export const MAX_DAYS_AHEAD = 62;

export interface RecordContributionsInput {
  groupSlug: string;
  date: string;
  idempotencyKey: string;
  lines: ContributionLineInput[];
}

export const MAX_LINES = 500;

export const ZRecordContributionsSchema = z.object({
  date: zDate,
  idempotencyKey: zIdempotencyKey,
  lines: z
    .array(
      z.object({
        memberCode: zMemberCode,
        amount: zRupiah,
        kind: z.enum(CONTRIBUTION_LINE_KINDS).optional(),
        days: z.array(zDate).max(MAX_DAYS_PER_LINE).optional(),
      }),
    )
    .min(1)
    .max(MAX_LINES),
}) satisfies z.ZodType<Omit<RecordContributionsInput, "groupSlug">>;

/** The days a daily line pays, and a line refused alone (server/ledger/daily-payments.ts). */
export type { PaidDays, RefusedLine };

/** A collection written: its entry, and the lines refused alone (empty when every line was taken). */
export type Collected = EntryRow & { refused: RefusedLine[] };

/**
 * A whole collection day in one entry: each member's iuran (and any other savings) at once.
 *
 * A line naming a day its member has already paid is refused alone: the entry holds the other
 * lines, and the refused ones come back with the day and the entry that paid it. Only when every
 * line is refused is nothing written (`already_collected`). The request's fingerprint is the whole
 * request, refused lines included: the same key and content again answers with the same entry and
 * the same refused lines; the corrected lines go in a new request with a new key.
 */
export async function recordContributions(ctx: ServiceContext, input: RecordContributionsInput): Promise<Collected> {
  return ledgerWrite(ctx, (tx) => contributionEntry(tx, ctx, input));
}

export const MAX_QUEUED_DAYS = 50;
export type QueuedResult =
  | { idempotencyKey: string; ok: true; id: number; seq: number; amount: number; refused: RefusedLine[] }
  | {
      idempotencyKey: string;
      ok: false;
      error: { code: string; field: string | null; params?: Record<string, string | number> };
    };

/**
 * Days kept on the phone while offline: only their shape is checked here; everything else per day
 * by the domain, so one bad day is refused alone and never blocks the queue.
 */
export const ZRecordQueuedSchema = z.object({
  days: z
    .array(
      z.object({
        date: z.string().max(32),
        idempotencyKey: z.string().max(100),
        lines: z
          .array(
            z.object({
              memberCode: z.string().max(32),
              amount: z.number(),
              kind: z.string().max(32).optional(),
              days: z.array(z.string().max(32)).max(MAX_DAYS_PER_LINE).optional(),
            }),
          )
          .max(MAX_LINES),
      }),
    )
    .min(1)
    .max(MAX_QUEUED_DAYS),
});

/**
 * Collection days a treasurer's phone kept while there was no signal, sent together when it is
 * back: each day is its own entry with its own key, recorded or refused on its own (a refused
 * day writes nothing and does not stop the others), all in one transaction and one disk flush.
 * A day already recorded (same key, same content) answers with its entry, so resending is safe.
 */
export async function recordQueuedContributions(
  ctx: ServiceContext,
  input: OnGroup<typeof ZRecordQueuedSchema>,
): Promise<QueuedResult[]> {
  if (!Array.isArray(input.days) || input.days.length === 0) throw invalid("lines_empty", "days");
  if (input.days.length > MAX_QUEUED_DAYS) throw invalid("lines_too_many", "days", { max: MAX_QUEUED_DAYS });
  return ledgerWrite(ctx, async (tx) => {
    // Read once for the whole batch (nothing in it changes the group or its members).
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "write"); // an unknown group refuses the whole batch
    const byCode = await groupMembersByCode(tx, group);
    const results: QueuedResult[] = [];
    for (const day of input.days) {
      const idempotencyKey = String(day?.idempotencyKey ?? "");
      try {
        const e = await tx.transaction((sp) =>
          contributionEntry(
            sp,
            ctx,
            { ...(day as RecordContributionsInput), groupSlug: input.groupSlug },
            { group, byCode },
          ),
        );
        results.push({ idempotencyKey, ok: true, id: e.id, seq: e.seq, amount: e.amount, refused: e.refused });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        results.push({
          idempotencyKey,
          ok: false,
          error: { code: err.code, field: err.field ?? null, params: err.params },
        });
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
): Promise<Collected> {
  const key = assertIdempotencyKey(input.idempotencyKey);
  const reqHash = requestHash("contributions.record", input);
  const group = known?.group ?? (await loadGroupFor(tx, ctx, input.groupSlug, "write"));
  const byCode = known?.byCode ?? (await groupMembersByCode(tx, group));
  return replayOr(
    tx,
    group,
    { idempotencyKey: key, requestHash: reqHash },
    async (replay) => ({ ...replay, refused: await refusedBefore(tx, replay, input, byCode) }),
    () => newCollection(tx, ctx, input, { group, byCode, key, reqHash }),
  );
}

/** A collection not written before: its lines refused alone (a day paid already) left out. */
async function newCollection(
  tx: Tx,
  ctx: ServiceContext,
  input: RecordContributionsInput,
  { group, byCode, key, reqHash }: { group: GroupRow; byCode: Map<string, MemberRow>; key: string; reqHash: string },
): Promise<Collected> {
  const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: group.foundedOn });
  const whole = collection(ctx, group, byCode, input, date, key, reqHash);
  const refused = await paidAlready(tx, whole.paying);
  // Every line refused: nothing to write, and the first refusal says why.
  if (refused.length === input.lines.length) throw alreadyCollected(refused[0]!);
  const { entry, paying } = refused.length
    ? collection(ctx, group, byCode, input, date, key, reqHash, new Set(refused.map((r) => r.line)))
    : whole;
  const written = await appendEntry(tx, { ...entry, paying });
  return { ...written, refused };
}

/**
 * The lines a replayed collection left out, as they were refused when it was written: its daily
 * lines whose member has no day paid by the entry, each with the first entry before it that had
 * paid one of the line's days.
 */
async function refusedBefore(
  tx: Tx,
  entry: EntryRow,
  input: RecordContributionsInput,
  byCode: Map<string, MemberRow>,
): Promise<RefusedLine[]> {
  const mine = await tx
    .select({ memberId: dailyPayments.memberId })
    .from(dailyPayments)
    .where(eq(dailyPayments.entryId, entry.id));
  const inEntry = new Set(mine.map((m) => m.memberId));
  const out: RefusedLine[] = [];
  for (const [line, l] of input.lines.entries()) {
    const member = byCode.get(l.memberCode);
    if ((l.kind ?? "daily") !== "daily" || !member || inEntry.has(member.id)) continue;
    const days = l.days ?? [input.date];
    const [first] = await tx
      .select({ day: dailyPayments.day, seq: journalEntries.seq })
      .from(dailyPayments)
      .innerJoin(journalEntries, eq(journalEntries.id, dailyPayments.entryId))
      .where(
        and(
          eq(dailyPayments.memberId, member.id),
          inArray(dailyPayments.day, days),
          sql`${dailyPayments.entryId} < ${entry.id}`,
        ),
      )
      .orderBy(journalEntries.seq)
      .limit(1);
    if (first) out.push({ line, memberCode: member.code, day: first.day, seq: first.seq });
  }
  return out;
}

/** A collection as an entry: its lines checked against the group's members, and the days each daily line pays (no I/O). */
function collection(
  ctx: ServiceContext,
  group: GroupRow,
  byCode: Map<string, MemberRow>,
  input: RecordContributionsInput,
  date: BusinessDate,
  key: string,
  reqHash: string,
  /** Lines checked but left out of the entry (refused alone: a day already paid). */
  leftOut: ReadonlySet<number> = new Set(),
): { entry: NewEntry; paying: PaidDays[] } {
  if (!Array.isArray(input.lines) || input.lines.length === 0) throw invalid("lines_empty", "lines");
  if (input.lines.length > MAX_LINES) throw invalid("lines_too_many", "lines", { max: MAX_LINES });
  const seen = new Set<string>();
  const lines = [];
  const paying: PaidDays[] = [];
  for (const [i, l] of input.lines.entries()) {
    const kind = l.kind ?? "daily";
    if (!CONTRIBUTION_LINE_KINDS.includes(kind)) throw invalid("line_kind_invalid", `lines.${i}.kind`);
    const dupKey = `${l.memberCode}|${kind}`;
    if (seen.has(dupKey)) throw invalid("line_duplicate", `lines.${i}.memberCode`, { code: String(l.memberCode) });
    seen.add(dupKey);
    const amount = assertAmount(l.amount, `lines.${i}.amount`);
    const member = activeMemberIn(byCode, group, l.memberCode, date, `lines.${i}.memberCode`);
    const days = kind === "daily" ? daysPaidFor(l, date, member, i) : null;
    if (days === null && l.days !== undefined) throw invalid("days_only_daily", `lines.${i}.days`);
    if (leftOut.has(i)) continue;
    lines.push({ memberId: member.id, amount, kind });
    if (days) paying.push({ line: i, memberId: member.id, code: member.code, days });
  }
  const entry: NewEntry = {
    group,
    kind: "contribution",
    date,
    postings: contributionPostings(lines),
    // Missed days are held to the closing rules too: none in a closed month or year.
    namedDays: paying.flatMap((p) =>
      p.days.filter((d) => d < date).map((day) => ({ day, field: `lines.${p.line}.days` })),
    ),
    idempotencyKey: key,
    requestHash: reqHash,
    actor: ctx.actor,
    now: nowOf(ctx),
  };
  return { entry, paying };
}

/**
 * A collection added to a batch of history (see EntryBatch) instead of written on its own: the
 * same input, checks and entry as `recordContributions`; the batch checks the key and the days
 * against the database when it is written.
 */
export function batchContributions(
  batch: EntryBatch,
  ctx: ServiceContext,
  byCode: Map<string, MemberRow>,
  input: RecordContributionsInput,
): void {
  const key = assertIdempotencyKey(input.idempotencyKey);
  const group = batch.group;
  const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: group.foundedOn });
  const { entry, paying } = collection(
    ctx,
    group,
    byCode,
    input,
    date,
    key,
    requestHash("contributions.record", input),
  );
  batch.add(entry, paying);
}

/** Members whose daily contribution for `day` is paid by an entry still standing, with that entry's number. */
export const ZPaidOnSchema = z.object({ date: zDate });

export async function membersPaidOn(ctx: ServiceContext, input: OnGroup<typeof ZPaidOnSchema>) {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "read");
  return db
    .select({ memberCode: members.code, seq: journalEntries.seq })
    .from(dailyPayments)
    .innerJoin(journalEntries, eq(journalEntries.id, dailyPayments.entryId))
    .innerJoin(members, eq(members.id, dailyPayments.memberId))
    .where(and(eq(dailyPayments.groupId, group.id), eq(dailyPayments.day, input.date), paidDayStands));
}

/** At most this many days in one look at who paid (the collection screen asks for a fortnight around its date). */
export const MAX_PAID_SPAN = 31;
export const ZPaidDaysSchema = z.object({ from: zDate, to: zDate });

/**
 * Who paid which day from `from` to `to` (by entries still standing): the collection screen keeps
 * it for the days around its date, to offer as missed days only the days not paid yet.
 */
export async function paidDays(ctx: ServiceContext, input: OnGroup<typeof ZPaidDaysSchema>) {
  if (!isValidDate(input.from) || !isValidDate(input.to) || input.to < input.from) throw invalid("date_invalid", "to");
  if (input.to > addDays(input.from as BusinessDate, MAX_PAID_SPAN - 1))
    throw invalid("days_invalid", "to", { max: MAX_PAID_SPAN });
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "read");
  return db
    .select({ memberCode: members.code, day: dailyPayments.day, seq: journalEntries.seq })
    .from(dailyPayments)
    .innerJoin(journalEntries, eq(journalEntries.id, dailyPayments.entryId))
    .innerJoin(members, eq(members.id, dailyPayments.memberId))
    .where(
      and(
        eq(dailyPayments.groupId, group.id),
        gte(dailyPayments.day, input.from),
        lte(dailyPayments.day, input.to),
        paidDayStands,
      ),
    );
}

/** The days a daily line pays for: the named ones (checked), or the entry's date. */
function daysPaidFor(l: ContributionLineInput, date: BusinessDate, member: MemberRow, i: number): string[] {
  if (l.days === undefined) return [date];
  const field = `lines.${i}.days`;
  if (!Array.isArray(l.days) || l.days.length === 0 || l.days.length > MAX_DAYS_PER_LINE)
    throw invalid("days_invalid", field, { max: MAX_DAYS_PER_LINE });
  const days = [...new Set(l.days)].sort();
  if (days.length !== l.days.length) throw invalid("days_duplicate", field);
  for (const d of days) {
    if (!isValidDate(d)) throw invalid("date_invalid", field);
    if (d < member.joinedOn) throw invalid("day_before_joining", field, { day: d, joinedOn: member.joinedOn });
    if (d > addDays(date, MAX_DAYS_AHEAD)) throw invalid("day_too_far_ahead", field, { day: d, max: MAX_DAYS_AHEAD });
  }
  return days;
}

export const ZWithdrawSavingsSchema = z.object({
  memberCode: zMemberCode,
  amount: zRupiah,
  date: zDate,
  /** Private: the treasurer's words (e.g. which correction this withdrawal replaces). */
  note: zText(200).nullish(),
  confirmed: z.boolean().optional(),
  idempotencyKey: zIdempotencyKey,
}) satisfies z.ZodType<Omit<WithdrawSavingsInput, "groupSlug">>;

export interface WithdrawSavingsInput {
  groupSlug: string;
  memberCode: string;
  amount: number;
  date: string;
  note?: string | null;
  /** The treasurer read the amount in words and confirmed it: needed above the group's threshold. */
  confirmed?: boolean;
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
  return idempotentWrite(ctx, "savings.withdraw", input, async (tx, { group, key, requestHash }) => {
    const amount = assertAmount(input.amount);
    const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: group.foundedOn });
    const member = await loadMemberToPayOut(tx, group, input.memberCode, date);
    const savings = await memberSavings(tx, group.id, member.id);
    const postings = withdrawalPostings(member.id, amount, savings); // more than her savings: refused first
    assertOutflowConfirmed(amount, group.largeOutflowThreshold, input.confirmed);
    return appendEntry(tx, {
      group,
      kind: "savings_withdrawal",
      date,
      postings,
      note: cleanText(input.note, "note", { required: false, max: 200 }),
      idempotencyKey: key,
      requestHash,
      actor: ctx.actor,
      now: nowOf(ctx),
    });
  });
}

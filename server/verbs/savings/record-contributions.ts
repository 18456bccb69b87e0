import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { dailyPayments, journalEntries } from "@/db/schema";
import { addDays, assertBusinessDate, isValidDate, type BusinessDate } from "@/server/domain/dates";
import { invalid } from "@/server/domain/errors";
import { CONTRIBUTION_LINE_KINDS, contributionPostings } from "@/server/domain/ledger";
import { assertAmount } from "@/server/domain/money";
import { appendEntry, replayOr, type EntryRow, type NewEntry } from "@/server/ledger/writer";
import { alreadyCollected, paidAlready, type PaidDays, type RefusedLine } from "@/server/ledger/daily-payments";
import type { EntryBatch } from "@/server/ledger/batch";
import {
  activeMemberIn,
  groupMembersByCode,
  loadGroupFor,
  nowOf,
  todayIn,
  type GroupRow,
  type MemberRow,
  type ServiceContext,
} from "@/server/shared/context";
import { assertIdempotencyKey, requestHash } from "@/server/domain/idempotency";
import { type OnGroup, zDate, zIdempotencyKey, zMemberCode, zRupiah } from "@/server/shared/fields";
import { ledgerWrite } from "@/server/ledger/write";

/** At most this many days in one daily line, and at most this far ahead of the entry's date. */
export const MAX_DAYS_PER_LINE = 62;
export const MAX_DAYS_AHEAD = 62;

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
        /**
         * For a daily line: the days it pays for — missed days, or days in advance — named by the
         * treasurer. Without it, the line pays for the entry's own date.
         */
        days: z.array(zDate).max(MAX_DAYS_PER_LINE).optional(),
      }),
    )
    .min(1)
    .max(MAX_LINES),
});

export type RecordContributionsInput = OnGroup<typeof ZRecordContributionsSchema>;
export type ContributionLineInput = RecordContributionsInput["lines"][number];

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

export async function contributionEntry(
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

/**
 * What waits for the supervisor's (pengawas) signature, in one list: cash counts and bank statement
 * checks, finished months' seals, and corrections — each with what she is confirming. Nobody signs
 * her own record. Signing a correction is kept append-only and audited like the other signatures.
 */
import { isLargeCountDifference } from "@/server/domain/plausibility";
import { and, desc, eq, gte, isNull, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { cashCounts, cashCountSignatures, correctionSignatures, journalEntries } from "@/db/schema";
import { addMonths, localDate, monthOf } from "@/server/domain/dates";
import type { DbOrTx } from "@/db/client";
import { loadGroupFor, nowOf, signerOf, type ServiceContext, type GroupRow } from "@/server/shared/context";
import { isOwn, monthsOfOwnWork } from "@/server/shared/own-work";
import { groupCheckpoints } from "@/server/shared/seals";
import { groupQueries, type SupervisorQuery } from "@/server/shared/supervisor-queries";
import type { GroupInput } from "@/server/shared/fields";

/** How far back the list looks; anything older still unsigned is counted, not listed. */
export const SIGNING_WINDOW_MONTHS = 3;

export type WaitingItem =
  | {
      kind: "cash_count";
      id: number;
      account: "cash" | "bank";
      date: string;
      counted: number;
      book: number;
      difference: number;
      /** Further from the book than Rp 50.000 or 5 %: highlighted, not styled like a matching count. */
      large: boolean;
      /** It replaced a count of the same day, and why; or it was itself replaced by a later one. */
      replaceReason: "salah_ketik" | "dihitung_ulang" | null;
      replaced: boolean;
      recordedBy: string;
      /** The treasurer's private note on a count far from the book, shown to her (null otherwise). */
      note: string | null;
      own: boolean;
      notYours: NotYours;
      question: Question;
    }
  | {
      kind: "seal";
      month: string;
      seq: number;
      seal: string;
      /** Not closed yet: signing closes the month at once (nothing may be dated in it afterwards). */
      closed: boolean;
      own: boolean;
      notYours: NotYours;
      question: Question;
    }
  | {
      kind: "correction";
      id: number;
      seq: number;
      date: string;
      reversesSeq: number | null;
      reason: string | null;
      amount: number;
      recordedBy: string;
      own: boolean;
      notYours: NotYours;
      question: Question;
    };

/** The latest question asked about the record ("Tanyakan"), open or answered; null if none. */
export type Question = Pick<SupervisorQuery, "id" | "reason" | "open" | "answer"> | null;

/**
 * Why an item is not hers to sign (listed, not offered): she recorded it, it corrects an entry she
 * wrote, or she wrote entries in the month of the seal. `own` is true whenever this is not null.
 */
export type NotYours = "recorded" | "reverses_own" | "wrote_in_month" | null;

const reversed = alias(journalEntries, "reversed");

export async function waitingForSignature(
  ctx: ServiceContext,
  input: GroupInput,
): Promise<{ items: WaitingItem[]; older: number }> {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "read");
  const userId = signerOf(ctx);
  const now = nowOf(ctx);
  const thisMonth = monthOf(localDate(now, group.timeZone));
  const since = addMonths(`${thisMonth}-01`, -SIGNING_WINDOW_MONTHS);
  const { counts, corrections, checkpoints, olderCounts, olderCorrections } = await unsignedRecords(
    db,
    group,
    now,
    since,
  );
  const sinceMonth = monthOf(since);
  const unsignedSeals = checkpoints.filter((c) => c.finished && !c.countersigned);
  const seals = unsignedSeals.filter((c) => c.month >= sinceMonth);
  const [ownMonths, questions] = await Promise.all([
    monthsOfOwnWork(db, group, userId, sinceMonth),
    groupQueries(db, group),
  ]);
  const question = latestQuestion(questions);
  const notYours = (why: NotYours) => ({ own: why !== null, notYours: why });
  const items: WaitingItem[] = [
    ...seals.reverse().map((c) => ({
      kind: "seal" as const,
      month: c.month,
      closed: c.closed,
      seq: c.seq,
      seal: c.seal,
      question: question(`seal:${c.month}`),
      ...notYours(ownMonths.has(c.month) ? "wrote_in_month" : null),
    })),
    ...counts.map(({ cash_counts: c }) => ({
      kind: "cash_count" as const,
      id: c.id,
      account: c.account,
      date: c.businessDate,
      counted: c.countedAmount,
      book: c.bookAmount,
      difference: c.difference,
      large: isLargeCountDifference(c.bookAmount, c.countedAmount),
      replaceReason: c.replaceReason ?? null,
      replaced: counts.some(({ cash_counts: later }) => later.replacesId === c.id),
      recordedBy: c.recordedBy,
      note: isLargeCountDifference(c.bookAmount, c.countedAmount) ? (c.note ?? null) : null,
      question: question(`cash_count:${c.id}`),
      ...notYours(isOwn(c.recordedBy, userId) ? "recorded" : null),
    })),
    ...corrections.map(({ journal_entries: e, reversed: r }) => ({
      kind: "correction" as const,
      id: e.id,
      seq: e.seq,
      date: e.businessDate,
      reversesSeq: e.reversesSeq,
      reason: e.reason,
      amount: e.amount,
      recordedBy: e.recordedBy,
      question: question(`correction:${e.id}`),
      ...notYours(isOwn(e.recordedBy, userId) ? "recorded" : r && isOwn(r.recordedBy, userId) ? "reverses_own" : null),
    })),
  ];
  const older = unsignedSeals.length - seals.length + olderCounts + olderCorrections;
  return { items, older };
}

/**
 * The cash counts and corrections not yet signed within the window (since `since`), newest first,
 * the group's seals, and how many counts and corrections older than the window wait unsigned.
 */
async function unsignedRecords(db: DbOrTx, group: GroupRow, now: Date, since: string) {
  const unsignedCount = and(eq(cashCounts.groupId, group.id), isNull(cashCountSignatures.id));
  const unsignedCorrection = and(
    eq(journalEntries.groupId, group.id),
    eq(journalEntries.kind, "correction"),
    isNull(correctionSignatures.id),
  );
  const [counts, corrections, checkpoints, [olderCounts], [olderCorrections]] = await Promise.all([
    db
      .select()
      .from(cashCounts)
      .leftJoin(cashCountSignatures, eq(cashCountSignatures.cashCountId, cashCounts.id))
      .where(and(unsignedCount, gte(cashCounts.businessDate, since)))
      .orderBy(desc(cashCounts.businessDate), desc(cashCounts.id)),
    db
      .select()
      .from(journalEntries)
      .leftJoin(correctionSignatures, eq(correctionSignatures.entryId, journalEntries.id))
      .leftJoin(reversed, eq(reversed.id, journalEntries.reversesEntryId))
      .where(and(unsignedCorrection, gte(journalEntries.businessDate, since)))
      .orderBy(desc(journalEntries.seq)),
    groupCheckpoints(db, group, now),
    db
      .select({ n: sql<number>`count(*)` })
      .from(cashCounts)
      .leftJoin(cashCountSignatures, eq(cashCountSignatures.cashCountId, cashCounts.id))
      .where(and(unsignedCount, lt(cashCounts.businessDate, since))),
    db
      .select({ n: sql<number>`count(*)` })
      .from(journalEntries)
      .leftJoin(correctionSignatures, eq(correctionSignatures.entryId, journalEntries.id))
      .where(and(unsignedCorrection, lt(journalEntries.businessDate, since))),
  ]);
  return {
    counts,
    corrections,
    checkpoints,
    olderCounts: Number(olderCounts?.n ?? 0),
    olderCorrections: Number(olderCorrections?.n ?? 0),
  };
}

/** The latest question about each record ("subject:target"): the questions come newest first. */
function latestQuestion(questions: SupervisorQuery[]): (k: string) => Question {
  const latest = new Map<string, Question>();
  for (const q of questions)
    if (!latest.has(`${q.subject}:${q.target}`))
      latest.set(`${q.subject}:${q.target}`, { id: q.id, reason: q.reason, open: q.open, answer: q.answer });
  return (k) => latest.get(k) ?? null;
}

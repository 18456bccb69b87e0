/**
 * The days a member's daily savings line pays (daily_payments): a member pays a day once, and the
 * rows are written by the ledger's writer with the entry that pays them.
 */
import { sql } from "drizzle-orm";
import { insertMany, type Tx } from "@/db/client";
import { dailyPayments, journalEntries } from "@/db/schema";
import { invalid } from "@/server/domain/errors";

/**
 * A daily line left out of a collection because a day it names is already paid (by entry `seq`):
 * refused alone, the other lines saved; the screen keeps it for correction. `line` is its place in
 * the request's lines.
 */
export interface RefusedLine {
  line: number;
  memberCode: string;
  day: string;
  seq: number;
}

/** A member's daily line and the days it pays for. */
export interface PaidDays {
  line: number;
  memberId: number;
  code: string;
  days: string[];
}

export const alreadyCollected = (r: RefusedLine) =>
  invalid("already_collected", `lines.${r.line}.memberCode`, { code: r.memberCode, day: r.day, seq: r.seq });

/**
 * The (member, day) pairs of daily lines as one JSON array: one bound value, so the statements
 * that take them keep one text (prepared once) however many members paid how many days.
 */
const memberDays = (paying: readonly { memberId: number; days: readonly string[] }[]) =>
  JSON.stringify(paying.flatMap((p) => p.days.map((day) => [p.memberId, day])));

/** A day paid by an entry that still stands: the entry has not been reversed (its days are free again if it has). */
export const paidDayStands = sql`not exists (select 1 from ${journalEntries} where ${journalEntries.reversesEntryId} = ${dailyPayments.entryId})`;

/**
 * A member pays a day once: refuses a line for a day that an entry still standing (not reversed)
 * already paid, naming that entry.
 */
export async function assertDaysNotPaid(tx: Tx, paying: readonly PaidDays[]): Promise<void> {
  const [first] = await paidAlready(tx, paying);
  if (first) throw alreadyCollected(first);
}

/**
 * The daily lines naming a day that an entry still standing (not reversed) already paid, in the
 * order of the lines, each with the first such day and that entry's number.
 */
export async function paidAlready(tx: Tx, paying: readonly PaidDays[]): Promise<RefusedLine[]> {
  if (paying.length === 0) return [];
  // CROSS JOIN keeps the pairs as the outer loop, each looked up by (member, day); a plain JOIN let
  // the planner scan all of the group's paid days instead (16 times slower over the demo's history).
  // The members are this group's (checked above), so the group needs no condition of its own.
  const taken = await tx.all<{ memberId: number; day: string; seq: number }>(sql`
    SELECT daily_payments.member_id AS memberId, daily_payments.day AS day, journal_entries.seq AS seq
    FROM json_each(${memberDays(paying)}) r
    CROSS JOIN daily_payments ON daily_payments.member_id = r.value->>0 AND daily_payments.day = r.value->>1
    JOIN journal_entries ON journal_entries.id = daily_payments.entry_id
    WHERE ${paidDayStands}`);
  if (taken.length === 0) return [];
  const out: RefusedLine[] = [];
  for (const p of paying) {
    const hits = taken.filter((t) => t.memberId === p.memberId && p.days.includes(t.day));
    const hit = hits.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))[0];
    if (hit) out.push({ line: p.line, memberCode: p.code, day: hit.day, seq: hit.seq });
  }
  return out;
}

/** The daily_payments rows of an entry written (id known) that pays `paying`. */
export function paidDayRows(groupId: number, entryId: number, paying: readonly PaidDays[]) {
  return paying.flatMap((p) => p.days.map((day) => ({ groupId, memberId: p.memberId, entryId, day })));
}

/** Writes the days the entries pay, each with its entry's id. */
export async function insertPaidDays(
  tx: Tx,
  groupId: number,
  written: readonly { entryId: number; paying: readonly PaidDays[] }[],
): Promise<void> {
  await insertMany(
    tx,
    dailyPayments,
    written.flatMap((w) => paidDayRows(groupId, w.entryId, w.paying)),
  );
}

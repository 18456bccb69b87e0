/**
 * Nobody countersigns her own work: not a record she made, not a correction of an entry she wrote,
 * not the seal of a month in which she wrote entries. The one home of "whose work is this".
 */
import { and, eq, gte, like, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journalEntries } from "@/db/schema";
import { localDate, monthOf } from "@/server/domain/dates";
import type { GroupRow } from "@/server/shared/context";

/** A record (entry, cash count) made by this user: `recordedBy` is `user:<id>:<username>`. */
export const isOwn = (recordedBy: string, userId: number) => recordedBy.startsWith(`user:${userId}:`);

/**
 * The months (YYYY-MM, in the group's time zone) from `fromMonth` on in which the user wrote entries
 * of the group: an entry counts for the month it is dated in and for the month it was written in
 * (a seal covers what was written by the month's end, and, until the month closes, what is dated in it).
 */
export async function monthsOfOwnWork(
  db: DbOrTx,
  group: GroupRow,
  userId: number,
  fromMonth: string,
): Promise<Set<string>> {
  const from = `${fromMonth}-01`;
  // A day early: an instant in UTC is at most a day away from the same local date anywhere.
  const fromInstant = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString();
  const rows = await db
    .select({ businessDate: journalEntries.businessDate, recordedAt: journalEntries.recordedAt })
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.groupId, group.id),
        like(journalEntries.recordedBy, `user:${userId}:%`),
        or(gte(journalEntries.businessDate, from), gte(journalEntries.recordedAt, fromInstant)),
      ),
    );
  const months = new Set<string>();
  for (const r of rows) {
    months.add(monthOf(r.businessDate));
    months.add(monthOf(localDate(new Date(r.recordedAt), group.timeZone)));
  }
  return months;
}

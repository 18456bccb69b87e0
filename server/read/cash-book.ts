/**
 * The public cash book of one month: its entries with Masuk, Keluar and Saldo for cash and bank
 * (the arithmetic is `cashBookMonth` in the domain), the month's seal, and the months it may show.
 */
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import { monthPostings } from "@/db/schema";
import { cashBookMonth, type MoneyHeld } from "@/server/domain/cash-book";
import { addMonths, localDate, monthOf } from "@/server/domain/dates";
import { invalid, notFound } from "@/server/domain/errors";
import { MONEY_ACCOUNTS } from "@/server/domain/ledger";
import { checkedChain } from "@/server/cache/chain-check";
import type { GroupRow } from "@/server/shared/context";
import { entryDate, ledgerMonth } from "@/server/read/public-figures";
import { monthCheckpoint } from "@/server/shared/seals";

/** What cash and bank held when a month began: every posting dated before it (the month rollup). */
async function heldBefore(db: DbOrTx, groupId: number, month: string): Promise<MoneyHeld> {
  const rows = await db
    .select({ account: monthPostings.account, amount: sql<number>`sum(${monthPostings.amount})`.mapWith(Number) })
    .from(monthPostings)
    .where(
      and(
        eq(monthPostings.groupId, groupId),
        lt(monthPostings.month, month),
        inArray(monthPostings.account, [...MONEY_ACCOUNTS]),
      ),
    )
    .groupBy(monthPostings.account);
  const held: MoneyHeld = { cash: 0, bank: 0 };
  for (const r of rows) held[r.account as keyof MoneyHeld] = r.amount;
  return held;
}

/** The months a group's cash book has, newest first: from its founding month to the current one. */
export function cashBookMonths(group: Pick<GroupRow, "foundedOn" | "timeZone">, now = new Date()): string[] {
  const first = monthOf(group.foundedOn);
  const months: string[] = [];
  for (let m = monthOf(localDate(now, group.timeZone)); m >= first; m = addMonths(`${m}-01`, -1).slice(0, 7))
    months.push(m);
  return months;
}

/**
 * Which month a cash book request shows: the month asked (`bulan`, YYYY-MM), else the month of the
 * entry asked (`no`, a link to one entry), else the current one. A month the group has no book for,
 * or an entry it does not have, is not found.
 */
export async function cashBookMonthOf(
  db: DbOrTx,
  group: GroupRow,
  q: { bulan?: string; no?: string },
  now = new Date(),
): Promise<string> {
  const months = cashBookMonths(group, now);
  if (q.bulan !== undefined) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(q.bulan)) throw invalid("date_invalid", "month");
    if (!months.includes(q.bulan)) throw notFound("month_out_of_range", "month");
    return q.bulan;
  }
  if (q.no !== undefined) {
    const date = /^\d{1,9}$/.test(q.no) ? await entryDate(db, group, Number(q.no)) : null;
    if (!date) throw notFound("month_out_of_range", "month");
    return monthOf(date);
  }
  return months[0]!;
}

/** One month of the cash book, the month's seal (null before any entry), the chain's check and the months to pick. */
export async function cashBookMonthModels(database: Database, group: GroupRow, month: string, now = new Date()) {
  const db = database.db;
  const [opening, entries, seal, chain] = await Promise.all([
    heldBefore(db, group.id, month),
    ledgerMonth(db, group, month),
    monthCheckpoint(db, group, month, now),
    checkedChain(database, group),
  ]);
  return { month, book: cashBookMonth(opening, entries), seal, chain, months: cashBookMonths(group, now) };
}

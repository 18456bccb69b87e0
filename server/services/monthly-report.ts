import { and, asc, eq, like } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cashCounts, loans, monthEntries, monthPostings } from "@/db/schema";
import { localDate, monthOf } from "@/server/domain/dates";
import { invalid, notFound } from "@/server/domain/errors";
import {
  balanceSheet,
  monthFlows,
  noFlows,
  zeroBalances,
  type MonthFlows,
  type MonthPostingRow,
} from "@/server/domain/indicators";
import type { GroupRow } from "./context";

/** A group's month_postings rollup: every month's postings summed by kind and account. */
export function monthPostingRows(db: DbOrTx, groupId: number): Promise<MonthPostingRow[]> {
  return db
    .select({
      month: monthPostings.month,
      kind: monthPostings.kind,
      account: monthPostings.account,
      amount: monthPostings.amount,
    })
    .from(monthPostings)
    .where(eq(monthPostings.groupId, groupId));
}

/** The monthly report for the village notice board, from the rollups. */
export async function monthlyReport(db: DbOrTx, group: GroupRow, month: string, now = new Date()) {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw invalid("date_invalid", "month");
  // No report for a month the group did not exist in, nor one that has not begun: never invented balances.
  if (month < monthOf(group.foundedOn) || month > monthOf(localDate(now, group.timeZone)))
    throw notFound("month_out_of_range", "month");
  const rows = await monthPostingRows(db, group.id);
  const flows = monthFlows(rows.filter((r) => r.month <= month));
  const current = flows.find((f) => f.month === month);
  const before = flows.filter((f) => f.month < month).at(-1);
  const empty: MonthFlows = { month, ...noFlows(), closing: before?.closing ?? zeroBalances() };
  const [entryCounts, monthLoans, counts] = await Promise.all([
    db
      .select()
      .from(monthEntries)
      .where(and(eq(monthEntries.groupId, group.id), eq(monthEntries.month, month))),
    db
      .select({ principal: loans.principal, purpose: loans.purpose })
      .from(loans)
      .where(and(eq(loans.groupId, group.id), like(loans.disbursedOn, `${month}-%`))),
    db
      .select()
      .from(cashCounts)
      .where(and(eq(cashCounts.groupId, group.id), like(cashCounts.businessDate, `${month}-%`)))
      .orderBy(asc(cashCounts.businessDate)),
  ]);
  return {
    month,
    opening: balanceSheet(empty.closing),
    closing: balanceSheet((current ?? empty).closing),
    flows: current ?? empty,
    entries: Object.fromEntries(entryCounts.map((e) => [e.kind, e.entries])),
    loansDisbursed: monthLoans.length,
    cashCounts: counts.map((c) => ({
      date: c.businessDate,
      account: c.account,
      counted: c.countedAmount,
      book: c.bookAmount,
      difference: c.difference,
    })),
  };
}

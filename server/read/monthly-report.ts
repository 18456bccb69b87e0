import { and, asc, eq, like } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cashCounts, journalEntries, loans, monthEntries } from "@/db/schema";
import { addDays, addMonths, localDate, monthOf } from "@/server/domain/dates";
import { invalid, notFound } from "@/server/domain/errors";
import { graceClosesOn, monthStanding } from "@/server/domain/month-close";
import { balanceSheet, monthFlows, noFlows, zeroBalances, type MonthFlows } from "@/server/domain/indicators";
import type { GroupRow } from "@/server/shared/context";
import { monthCheckpoint } from "@/server/shared/seals";
import { openQueries } from "@/server/shared/supervisor-queries";
import { monthPostingRows } from "@/server/shared/month-postings";

/**
 * The monthly report for the village notice board, from the rollups. Until the month is closed
 * (server/domain/month-close.ts) it is provisional ("sementara") and carries no final seal; once
 * closed its figures and seal never change — nothing may be dated in it any more. The year's
 * closing entry, dated 31 December but posted when the year is closed (often after December is),
 * is kept out of December's figures: it is part of January's opening balances.
 */
export async function monthlyReport(db: DbOrTx, group: GroupRow, month: string, now = new Date()) {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw invalid("date_invalid", "month");
  // No report for a month the group did not exist in, nor one that has not begun: never invented balances.
  const first = monthOf(group.foundedOn);
  const latest = monthOf(localDate(now, group.timeZone));
  if (month < first || month > latest) throw notFound("month_out_of_range", "month");
  const previous = addMonths(`${month}-01`, -1).slice(0, 7);
  const next = addMonths(`${month}-01`, 1).slice(0, 7);
  const rows = await monthPostingRows(db, group.id);
  const flows = monthFlows(rows.filter((r) => r.month < month || (r.month === month && r.kind !== "year_close")));
  const current = flows.find((f) => f.month === month);
  const before = flows.filter((f) => f.month < month).at(-1);
  const empty: MonthFlows = { month, ...noFlows(), closing: before?.closing ?? zeroBalances() };
  const [entryCounts, monthLoans, counts, checkpoint, queried, corrections] = await Promise.all([
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
      .orderBy(asc(cashCounts.businessDate), asc(cashCounts.id)),
    monthCheckpoint(db, group, month, now),
    openQueries(db, group),
    db
      .select({ id: journalEntries.id })
      .from(journalEntries)
      .where(
        and(
          eq(journalEntries.groupId, group.id),
          eq(journalEntries.kind, "correction"),
          like(journalEntries.businessDate, `${month}-%`),
        ),
      ),
  ]);
  // A month closed before anything was recorded has no seal, but is closed all the same.
  const today = localDate(now, group.timeZone);
  const closed = checkpoint ? checkpoint.closed : monthStanding(month, today, group.monthGraceDays) === "closed";
  return {
    month,
    /** The months either side that have a report, for the pager: null before the founding month or after this one. */
    previousMonth: previous >= first ? previous : null,
    nextMonth: next <= latest ? next : null,
    /** Not closed yet: entries may still be dated in it, so its figures may still change. */
    provisional: !closed,
    /** The last day of its grace period: it closes at that day's end, unless the pengawas countersigns sooner. */
    graceThrough: addDays(graceClosesOn(month, group.monthGraceDays), -1),
    /** The final seal — the chain head at the month's close — or null while provisional. */
    seal: closed ? (checkpoint ?? null) : null,
    opening: balanceSheet(empty.closing),
    closing: balanceSheet((current ?? empty).closing),
    flows: current ?? empty,
    entries: Object.fromEntries(entryCounts.filter((e) => e.kind !== "year_close").map((e) => [e.kind, e.entries])),
    loansDisbursed: monthLoans.length,
    // A count replaced the same day is kept, but the report shows the one that replaced it, marked.
    cashCounts: counts
      .filter((c) => !counts.some((later) => later.replacesId === c.id))
      .map((c) => ({
        date: c.businessDate,
        account: c.account,
        counted: c.countedAmount,
        book: c.bookAmount,
        difference: c.difference,
        replaceReason: c.replaceReason ?? null,
        /** Asked about by the supervisor, not yet answered nor countersigned ("dipertanyakan pengawas"). */
        queried: queried.get(`cash_count:${c.id}`)?.reason ?? null,
      })),
    /** The month's seal is asked about by the supervisor (open question), and why. */
    sealQueried: queried.get(`seal:${month}`)?.reason ?? null,
    /** How many of the month's corrections the supervisor asked about (open questions). */
    correctionsQueried: corrections.filter((e) => queried.has(`correction:${e.id}`)).length,
  };
}

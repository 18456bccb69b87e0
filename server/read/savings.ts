import { and, eq, gte, lte } from "drizzle-orm";
import { z } from "zod";
import { dailyPayments, journalEntries, members } from "@/db/schema";
import { addDays, isValidDate, type BusinessDate } from "@/server/domain/dates";
import { invalid } from "@/server/domain/errors";
import { paidDayStands } from "@/server/ledger/daily-payments";
import { loadGroupFor, type ServiceContext } from "@/server/shared/context";
import { type OnGroup, zDate } from "@/server/shared/fields";

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

import { and, eq, inArray } from "drizzle-orm";
import { cashCounts, journalEntries } from "@/db/schema";
import type { QuerySubject } from "@/server/domain/supervisor-queries";
import { loadGroupFor, type ServiceContext } from "@/server/shared/context";
import type { GroupInput } from "@/server/shared/fields";
import { type SupervisorQuery, groupQueries } from "@/server/shared/supervisor-queries";

/** What a question is about, in the words a screen needs: the count's date and money, the correction's number. */
export type QueryAbout = { date: string | null; account: "cash" | "bank" | null; seq: number | null };

/** The questions for the treasurer's overview and the supervisor's list (private: carries the notes). */
export async function queryList(
  ctx: ServiceContext,
  input: GroupInput,
): Promise<(SupervisorQuery & { about: QueryAbout })[]> {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "read");
  const qs = await groupQueries(db, group);
  const ids = (s: QuerySubject) => qs.filter((q) => q.subject === s).map((q) => Number(q.target));
  const [counts, entries] = await Promise.all([
    ids("cash_count").length
      ? db
          .select({ id: cashCounts.id, date: cashCounts.businessDate, account: cashCounts.account })
          .from(cashCounts)
          .where(and(eq(cashCounts.groupId, group.id), inArray(cashCounts.id, ids("cash_count"))))
      : [],
    ids("correction").length
      ? db
          .select({ id: journalEntries.id, date: journalEntries.businessDate, seq: journalEntries.seq })
          .from(journalEntries)
          .where(and(eq(journalEntries.groupId, group.id), inArray(journalEntries.id, ids("correction"))))
      : [],
  ]);
  return qs.map((q) => {
    const c = q.subject === "cash_count" ? counts.find((x) => x.id === Number(q.target)) : undefined;
    const e = q.subject === "correction" ? entries.find((x) => x.id === Number(q.target)) : undefined;
    return {
      ...q,
      about: { date: c?.date ?? e?.date ?? null, account: c?.account ?? null, seq: e?.seq ?? null },
    };
  });
}

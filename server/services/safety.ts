import { and, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { postings } from "@/db/schema";
import { cashMovedSince } from "@/server/domain/safety";
import { lastCashCount } from "./cash";
import type { GroupRow } from "./context";
import { cachedRead } from "./read-cache";
import { openQueries } from "./supervisor-queries";

export interface SafetyModel {
  /** What moved through the cash box since the last count (entries dated after its day); null before any count. */
  cashMoved: { since: string; in: number; out: number } | null;
  /** The supervisor's open questions by record ("cash_count:12", "seal:2026-11", "correction:40"). */
  openQueries: string[];
}

/**
 * The facts the safety verdict needs beside the group's figures: what moved through the cash box
 * since it was last counted (from the ledger's cash postings) and which questions are open.
 * Kept like the figures, until the group's version or local date moves.
 */
export async function safetyModel(database: Database, group: GroupRow, now = new Date()): Promise<SafetyModel> {
  return cachedRead(
    database,
    group,
    "safety",
    async () => {
      const { db } = database;
      const [count, open] = await Promise.all([lastCashCount(db, group.id), openQueries(db, group)]);
      let cashMoved: SafetyModel["cashMoved"] = null;
      if (count) {
        const days = await db
          .select({
            date: postings.businessDate,
            in: sql<number>`coalesce(sum(case when ${postings.amount} > 0 then ${postings.amount} else 0 end), 0)`,
            out: sql<number>`coalesce(sum(case when ${postings.amount} < 0 then -${postings.amount} else 0 end), 0)`,
          })
          .from(postings)
          .where(
            and(
              eq(postings.groupId, group.id),
              eq(postings.account, "cash"),
              sql`${postings.memberId} IS NULL`,
              sql`${postings.loanId} IS NULL`,
              gt(postings.businessDate, count.businessDate),
            ),
          )
          .groupBy(postings.businessDate);
        cashMoved = {
          since: count.businessDate,
          ...cashMovedSince(
            days.map((d) => ({ date: d.date, in: Number(d.in), out: Number(d.out) })),
            count.businessDate,
          ),
        };
      }
      return { cashMoved, openQueries: [...open.keys()] };
    },
    now,
  );
}

import { and, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { postings } from "@/db/schema";
import { cashMovedSince, type SafetyFacts } from "@/server/domain/safety";
import { lastCashCount } from "@/server/shared/cash";
import type { GroupRow } from "@/server/shared/context";
import type { GroupFigures } from "@/server/read/public-figures";
import type { PublicCheckpoint } from "@/server/shared/seals";
import { cachedRead } from "@/server/cache/read-cache";
import { openQueries } from "@/server/shared/supervisor-queries";

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

/**
 * The facts the verdict is decided on, from what the group page reads: its figures, the last
 * closed month's seal, the chain check, the open questions. The last count's and the seal's
 * questions are told on their own lines; the rest are counted.
 */
export function safetyFactsOf(p: {
  f: GroupFigures;
  seal: PublicCheckpoint | undefined;
  chainProblem: boolean;
  safety: SafetyModel;
  graceDays: number;
}): SafetyFacts {
  const { f, seal, safety } = p;
  const c = f.lastCashCount;
  const b = f.lastBankCheck;
  const fact = (x: typeof c) =>
    x && {
      date: x.businessDate,
      difference: x.difference,
      countersigned: x.countersignedOn !== null,
      queried: x.queried !== null,
    };
  const sealQueried = seal ? safety.openQueries.includes(`seal:${seal.month}`) : false;
  const otherOpenQueries =
    safety.openQueries.length - (sealQueried ? 1 : 0) - (c?.queried ? 1 : 0) - (b?.queried ? 1 : 0);
  return {
    today: f.today,
    graceDays: p.graceDays,
    chainOk: !p.chainProblem,
    lastCashCount: fact(c),
    bank: f.balances.bank !== 0 || b ? { lastCheck: fact(b) } : null,
    repaymentRate: f.loans.repaymentRate,
    par30: f.loans.par30,
    repaymentsHidden: f.loans.performanceHidden,
    seal: seal
      ? { month: seal.month, countersigned: seal.countersigned?.matches === true, queried: sealQueried }
      : null,
    otherOpenQueries: Math.max(0, otherOpenQueries),
  };
}

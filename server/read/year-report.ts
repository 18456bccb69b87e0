/**
 * The yearly report of a closed year (public: totals, pools and indicators, never a member).
 */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { shareOutRules, yearClosings } from "@/db/schema";
import { notFound } from "@/server/domain/errors";
import type { YearIndicators } from "@/server/domain/indicators";
import type { ShareOutRule, ShuPool } from "@/server/domain/shu";
import type { GroupRow } from "@/server/shared/context";
import { ruleOfRow } from "@/server/shared/year";

export interface YearReport {
  year: number;
  totals: { serviceCharge: number; fines: number; otherIncome: number; expenses: number; writtenOff: number };
  shu: number;
  pools: Record<ShuPool, number>;
  membersPaid: number;
  rule: ShareOutRule & { isExample: boolean };
  closedAt: string;
  indicators: YearIndicators;
  /** The closed years just before and after, for the report's links (null at either end). */
  previousYear: number | null;
  nextYear: number | null;
}

export async function yearReport(db: DbOrTx, group: GroupRow, year: number): Promise<YearReport> {
  const [c] = await db
    .select()
    .from(yearClosings)
    .where(and(eq(yearClosings.groupId, group.id), eq(yearClosings.year, year)));
  if (!c) throw notFound("year_not_closed", "year");
  const [[rule], closed] = await Promise.all([
    db.select().from(shareOutRules).where(eq(shareOutRules.id, c.ruleId)),
    db.select({ year: yearClosings.year }).from(yearClosings).where(eq(yearClosings.groupId, group.id)),
  ]);
  const years = closed.map((r) => r.year);
  const before = years.filter((y) => y < year);
  const after = years.filter((y) => y > year);
  return {
    year,
    totals: {
      serviceCharge: c.serviceCharge,
      fines: c.fines,
      otherIncome: c.otherIncome,
      expenses: c.expenses,
      writtenOff: c.writtenOff,
    },
    shu: c.shu,
    pools: JSON.parse(c.pools) as Record<ShuPool, number>,
    membersPaid: c.membersPaid,
    rule: { ...ruleOfRow(rule!), isExample: rule!.isExample },
    closedAt: c.closedAt,
    indicators: JSON.parse(c.indicators) as YearIndicators,
    previousYear: before.length ? Math.max(...before) : null,
    nextYear: after.length ? Math.min(...after) : null,
  };
}

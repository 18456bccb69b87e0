/**
 * The yearly report of a closed year (public: totals, pools and indicators, never a member).
 */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, monthPostings, shareOutRules, yearClosings } from "@/db/schema";
import { notFound } from "@/server/domain/errors";
import { monthFlows, par30, yearIndicators, yearMonthEnds, type YearIndicators } from "@/server/domain/indicators";
import type { ShareOutRule, ShuPool } from "@/server/domain/shu";
import type { GroupRow } from "./context";
import { groupLoanViewsAt } from "./loans";
import { ruleOfRow } from "./year-close";

export interface YearReport {
  year: number;
  totals: { serviceCharge: number; fines: number; otherIncome: number; expenses: number; writtenOff: number };
  shu: number;
  pools: Record<ShuPool, number>;
  membersPaid: number;
  rule: ShareOutRule & { isExample: boolean };
  closedAt: string;
  indicators: YearIndicators;
}

export async function yearReport(db: DbOrTx, group: GroupRow, year: number): Promise<YearReport> {
  const [c] = await db
    .select()
    .from(yearClosings)
    .where(and(eq(yearClosings.groupId, group.id), eq(yearClosings.year, year)));
  if (!c) throw notFound("year_not_closed", "year");
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const [[rule], monthRows, memberRows, loanViews] = await Promise.all([
    db.select().from(shareOutRules).where(eq(shareOutRules.id, c.ruleId)),
    db
      .select({
        month: monthPostings.month,
        kind: monthPostings.kind,
        account: monthPostings.account,
        amount: monthPostings.amount,
      })
      .from(monthPostings)
      .where(eq(monthPostings.groupId, group.id)),
    db
      .select({ joinedOn: members.joinedOn, leftOn: members.leftOn })
      .from(members)
      .where(eq(members.groupId, group.id)),
    groupLoanViewsAt(db, group, end),
  ]);
  const activeOn = (d: string, m: { joinedOn: string; leftOn: string | null }) =>
    m.joinedOn <= d && (m.leftOn === null || m.leftOn > d);
  const atStart = memberRows.filter((m) => activeOn(start, m));
  const running = loanViews.filter((v) => v.status === "berjalan" || v.status === "menunggak");
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
    indicators: yearIndicators({
      shu: c.shu,
      monthEnds: yearMonthEnds(monthFlows(monthRows), year),
      writtenOff: c.writtenOff,
      par30: par30(
        running.map((v) => ({ principalOutstanding: v.state.principalOutstanding, daysPastDue: v.state.daysPastDue })),
      ),
      activeAtStart: atStart.length,
      stayed: atStart.filter((m) => activeOn(end, m)).length,
      activeAtEnd: memberRows.filter((m) => activeOn(end, m)).length,
    }),
  };
}

import type { Database } from "@/db/client";
import { ratio } from "@/server/domain/indicators";
import { groupFiguresCached, lastMonths, listGroups, type GroupFigures } from "./public-figures";

/** Figures across groups, per village and per group, for donors (/dampak). */
export async function impactFigures(database: Database, now = new Date()) {
  const groups = await Promise.all((await listGroups(database.db)).map((g) => groupFiguresCached(database, g, now)));
  const total = (fs: GroupFigures[]) => {
    const s = (f: (x: GroupFigures) => number) => fs.reduce((t, x) => t + f(x), 0);
    const members = s((f) => f.members.active);
    const borrowers = s((f) => f.loans.membersWithLoan.value ?? 0);
    return {
      groups: fs.length,
      members,
      savingsCollected: s((f) => f.totals.contributions),
      memberSavings: s((f) => f.balances.memberSavings),
      loansDisbursed: s((f) => f.totals.disbursed),
      loansOutstanding: s((f) => f.balances.loansOutstanding),
      costAvoided: s((f) => f.costs.avoidedVsIjon),
      savingsPerMember: members >= 5 ? Math.round(s((f) => f.balances.memberSavings) / members) : null,
      pctWithLoan: members >= 5 && borrowers >= 5 ? ratio(borrowers, members) : null,
      compliance: ratio(s((f) => f.compliance.daysPaid), s((f) => f.compliance.daysOwed)),
      utilisation: ratio(s((f) => f.balances.loansOutstanding), s((f) => f.balances.loansOutstanding + f.balances.cash)),
    };
  };
  const villages = [...new Set(groups.map((g) => g.group.village))].sort().map((village) => ({ village, ...total(groups.filter((g) => g.group.village === village)) }));
  const today = groups[0]?.today;
  const trend = today
    ? lastMonths([], today, 12).map((m) => {
        const sum = (f: (x: ReturnType<typeof lastMonths>[number]) => number) => groups.reduce((t, g) => t + f(lastMonths(g.months, today, 12).find((x) => x.month === m.month)!), 0);
        return { month: m.month, collections: sum((x) => x.contributions), loansOut: sum((x) => x.disbursed), repayments: sum((x) => x.principalRepaid + x.serviceCharge + x.fines) };
      })
    : [];
  return { groups, all: total(groups), villages, trend, anyDemo: groups.some((g) => g.group.isDemo) };
}

/**
 * Figures across every group (home page, /dampak, groups.json): totals, by village, and the trend
 * of the last 12 months — computed from each group's public figures, never from member data.
 */
import { MIN_CELL, ratio, repaidIn } from "./indicators";
import { type GroupFigures, lastMonths, type PublicGroup } from "./figures";

/**
 * A group whose book failed the portal's own check of its chain (server/cache/chain-check.ts):
 * listed, marked, and left out of every total — figures read from a book that no longer matches its
 * seals are not vouched for, and a figure that cannot be computed from it must not take the others down.
 */
export interface FlaggedGroup {
  group: PublicGroup;
  /** The first entry that no longer agrees (null: the chain's head row). */
  problemSeq: number | null;
  /** When the whole chain was last checked (ISO time). */
  wholeCheckedAt: string;
}

type Totals = ReturnType<typeof totalOf>;
export interface PortalFigures {
  /** Every group's figures, by name; pages show them a page at a time. */
  groups: GroupFigures[];
  /** Groups whose book failed its check: named, never counted. */
  flagged: FlaggedGroup[];
  all: Totals;
  villages: ({ village: string } & Totals)[];
  trend: { month: string; collections: number; loansOut: number; repayments: number }[];
  anyDemo: boolean;
}

function totalOf(fs: GroupFigures[]) {
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
    cash: s((f) => f.balances.cash),
    bank: s((f) => f.balances.bank),
    costAvoided: {
      atLeast: s((f) => f.costs.avoided.atLeast),
      ifOthersRentenir: s((f) => f.costs.avoided.ifOthersRentenir),
      memberDays: s((f) => f.costs.avoided.memberDays),
    },
    savingsPerMember: members >= MIN_CELL ? Math.round(s((f) => f.balances.memberSavings) / members) : null,
    // A group's borrowers hidden (1–4): left out of the sum, the share would be wrong; put in, a
    // subtraction of the other groups' shown counts would give them back. So no share at all.
    pctWithLoan:
      members >= MIN_CELL && borrowers >= MIN_CELL && !fs.some((f) => f.loans.membersWithLoan.suppressed)
        ? ratio(borrowers, members)
        : null,
    compliance: ratio(
      s((f) => f.compliance.daysPaid),
      s((f) => f.compliance.daysOwed),
    ),
    utilisation: ratio(
      s((f) => f.balances.loansOutstanding),
      s((f) => f.balances.loansOutstanding + f.balances.cash + f.balances.bank),
    ),
  };
}

export function portalFiguresOf(groups: GroupFigures[], flagged: FlaggedGroup[] = []): PortalFigures {
  const villages = [...new Set(groups.map((g) => g.group.village))]
    .sort()
    .map((village) => ({ village, ...totalOf(groups.filter((g) => g.group.village === village)) }));
  const today = groups[0]?.today;
  const trend = today
    ? lastMonths([], today, 12).map((m) => {
        const months = groups.map((g) => lastMonths(g.months, today, 12).find((x) => x.month === m.month)!);
        const sum = (f: (x: (typeof months)[number]) => number) => months.reduce((t, x) => t + f(x), 0);
        return {
          month: m.month,
          collections: sum((x) => x.contributions),
          loansOut: sum((x) => x.disbursed),
          repayments: sum(repaidIn),
        };
      })
    : [];
  return {
    groups,
    flagged,
    all: totalOf(groups),
    villages,
    trend,
    anyDemo: groups.some((g) => g.group.isDemo) || flagged.some((g) => g.group.isDemo),
  };
}

/** One page of a list: 1-based page number, clamped; `pages` is at least 1. */
export function pageOf<T>(
  items: readonly T[],
  page: unknown,
  perPage: number,
): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const n = Math.min(pages, Math.max(1, Number.parseInt(String(page ?? "1"), 10) || 1));
  return { items: items.slice((n - 1) * perPage, n * perPage), page: n, pages };
}

/** Groups whose name or village contains the words asked for (any case); all of them when nothing is asked. */
export function findGroups<T extends { group: { name: string; village: string } }>(
  groups: readonly T[],
  asked: unknown,
): { query: string; groups: readonly T[] } {
  const query = String(asked ?? "")
    .trim()
    .slice(0, 64);
  if (!query) return { query, groups };
  const words = query.toLocaleLowerCase("id").split(/\s+/);
  return {
    query,
    groups: groups.filter((g) =>
      words.every((w) => `${g.group.name} ${g.group.village}`.toLocaleLowerCase("id").includes(w)),
    ),
  };
}

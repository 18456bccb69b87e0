/**
 * A group's public figures, computed from what the loader read (no database, no cache): what the
 * group holds, its months, loans, compliance, indicators and the cost of its loans next to the
 * informal lenders'. Nothing here carries a member's name or a member-linked amount; counts of
 * members and loans follow the one disclosure rule (./disclosure: small cells and their complements).
 */
import { addDays, daysBetween, localDate, type BusinessDate } from "./dates";
import type { QueryReason } from "./supervisor-queries";
import type { CountReplaceReason } from "./plausibility";
import { type Cell, disclose, isSmall, suppressShare, type Table } from "./disclosure";
import {
  costAvoided,
  type InformalLender,
  type LoanCosts,
  loanCostsVersusLenders,
  realisticAlternative,
  type ReferenceTerms,
  sumCosts,
} from "./finance/compare";
import {
  balanceSheet,
  type BalanceSheet,
  type Flows,
  MIN_CELL,
  type MonthFlows,
  type MonthPostingRow,
  monthFlows,
  noFlows,
  par30,
  ratio,
  retentionPerYear,
  returnOnSavings,
  type Suppressed,
  suppressSmall,
  utilisation,
  type YearIndicators,
  zeroBalances,
} from "./indicators";
import { type Account, naturalBalance } from "./ledger";
import { LOAN_PURPOSES, type LoanStatus, type LoanTerms, type LoanView } from "./loans";
import type { ShareOutRule, ShuPool } from "./shu";

/** What the public is shown of a group: where it is, when it began, and its loan policy. */
export interface PublicGroup {
  slug: string;
  name: string;
  village: string;
  kecamatan: string;
  kabupaten: string;
  provinsi: string;
  foundedOn: BusinessDate;
  timeZone: string;
  dailyContribution: number;
  loanRateBpsPerMonth: number;
  loanMethod: LoanTerms["method"];
  loanMaxTermMonths: number;
  lateFineAmount: number;
  lateFineGraceDays: number;
  isDemo: boolean;
}

export interface MemberCounts {
  active: number;
  women: Suppressed<number>;
  men: Suppressed<number>;
  everJoined: number;
  left: number;
}

export interface LoanFigures {
  count: number;
  /** Running and in arrears. */
  active: Suppressed<number>;
  byStatus: Record<LoanStatus, Suppressed<number>>;
  byPurpose: { purpose: string; count: Suppressed<number>; principal: Suppressed<number> }[];
  outstanding: number;
  /** Null when fewer than MIN_CELL loans are open: with one loan open it would say whether she is late. */
  par30: number | null;
  /** Principal collected ÷ principal that fell due, over the last 12 months (null, like par30, over few loans). */
  repaymentRate: number | null;
  /** par30 and the repayment rate are hidden: 1–4 loans open. */
  performanceHidden: boolean;
  membersWithLoan: Suppressed<number>;
}

/** A count of the cash box (or a check of the bank statement) as the public sees it. */
export interface PublicBalanceCheck {
  businessDate: BusinessDate;
  countedAmount: number;
  bookAmount: number;
  difference: number;
  /** The supervisor's countersignature, as the group's local date. */
  countersignedOn: string | null;
  /** This count replaced one recorded earlier the same day ("diganti"), and why; null if not. */
  replaceReason: CountReplaceReason | null;
  /** The supervisor asked about it and it is neither answered nor countersigned ("dipertanyakan pengawas"). */
  queried: QueryReason | null;
}

export interface ClosedYear {
  year: number;
  shu: number;
  pools: Record<ShuPool, number>;
  membersPaid: number;
  indicators: YearIndicators;
}

export interface GroupFigures {
  group: PublicGroup;
  today: BusinessDate;
  members: MemberCounts;
  balances: BalanceSheet;
  totals: Flows;
  months: MonthFlows[];
  compliance: { daysPaid: number; daysOwed: number; ratio: number | null };
  loans: LoanFigures;
  indicators: {
    savingsPerMember: number | null;
    /** Members with a loan ÷ active members; null when the borrowers are too few to show. */
    pctWithLoan: number | null;
    utilisation: number | null;
    returnOnSavings: number | null;
    /** Members who left this year ÷ members at its start; null when hidden or no member was there at its start. */
    dropout: number | null;
    /** The drop-out is hidden: leavers, stayers or members at the start are 1–4 (null above is "tersembunyi", not "–"). */
    dropoutHidden: boolean;
    /** Members kept a year since founding: 1 − leavers ÷ member-years (`retentionPerYear` in indicators.ts). */
    retentionPerYear: number | null;
    retentionPerYearHidden: boolean;
  };
  costs: {
    terms: ReferenceTerms & { isDefault: boolean };
    /** Over every loan that stands (not cancelled): service charge paid to the group vs the same money elsewhere. */
    totals: LoanCosts;
    /**
     * At least (crop loans, each against the cheaper of pengijon and rentenir) and up to (every other loan from a rentenir too);
     * `memberDays`: the days of membership they were saved over (each member from joining to today or her last day),
     * so the headline can be said per member per year (`perMemberYear`).
     */
    avoided: { atLeast: number; ifOthersRentenir: number; memberDays: number };
    loans: number;
    /** The latest loans, without their purpose: with the date and principal it would tie a purpose to a ledger entry. */
    recent: {
      disbursedOn: string;
      principal: number;
      termMonths: number;
      costs: LoanCosts;
      comparedWith: InformalLender;
    }[];
  };
  lastCashCount: PublicBalanceCheck | null;
  /** The last check of the bank statement against the book, like the cash count. */
  lastBankCheck: PublicBalanceCheck | null;
  /** The share-out rule in force (AD/ART), and each closed year's SHU and pools. */
  shareOutRule: (ShareOutRule & { isExample: boolean; setOn: string }) | null;
  closedYears: ClosedYear[];
  head: { lastSeq: number; lastHash: string | null; lastEntryAt: string | null };
}

/** A count or a bank check as read: its signature's instant, and the open question about it if any. */
type BalanceCheckInput = Omit<PublicBalanceCheck, "countersignedOn" | "queried"> & {
  countersignedAt: string | null;
  queried?: QueryReason | null;
};

/** A loan as the figures need it: its view, and whose it is (counted, never shown). */
export type FigureLoan = LoanView<LoanTerms & { purpose: string; memberId: number; importedOn: BusinessDate | null }>;

/** Everything the figures are computed from, as the loader read it. */
export interface FigureInputs {
  group: PublicGroup;
  today: BusinessDate;
  members: readonly { gender: string; joinedOn: BusinessDate; leftOn: BusinessDate | null }[];
  /** The rollups' balance of each account, summed over members and loans (debit positive). */
  accountTotals: readonly { account: string; balance: number }[];
  monthPostings: readonly MonthPostingRow[];
  loans: readonly FigureLoan[];
  /** Member-days paid by standing entries from `trackedFrom(…)` to today. */
  daysPaid: number;
  /** The date of the group's opening balance (moving in from a paper book), if any. */
  openingBalanceOn: BusinessDate | null;
  cashCount: BalanceCheckInput | null;
  bankCheck: BalanceCheckInput | null;
  terms: ReferenceTerms & { isDefault: boolean };
  shareOutRule: { rule: ShareOutRule; isExample: boolean; setAt: string } | null;
  closedYears: ClosedYear[];
  head: GroupFigures["head"];
}

/**
 * The first day the portal keeps the book: the day after a paper book's cut-over, or the founding
 * day. Before it the paper book is the record, so contribution compliance counts from here.
 */
export const trackedFrom = (foundedOn: BusinessDate, openingBalanceOn: BusinessDate | null): BusinessDate =>
  openingBalanceOn ? addDays(openingBalanceOn, 1) : foundedOn;

export const publicGroup = (g: PublicGroup): PublicGroup => ({
  slug: g.slug,
  name: g.name,
  village: g.village,
  kecamatan: g.kecamatan,
  kabupaten: g.kabupaten,
  provinsi: g.provinsi,
  foundedOn: g.foundedOn,
  timeZone: g.timeZone,
  dailyContribution: g.dailyContribution,
  loanRateBpsPerMonth: g.loanRateBpsPerMonth,
  loanMethod: g.loanMethod,
  loanMaxTermMonths: g.loanMaxTermMonths,
  lateFineAmount: g.lateFineAmount,
  lateFineGraceDays: g.lateFineGraceDays,
  isDemo: g.isDemo,
});

function publicBalanceCheck(c: FigureInputs["cashCount"], timeZone: string): PublicBalanceCheck | null {
  return (
    c && {
      businessDate: c.businessDate,
      countedAmount: c.countedAmount,
      bookAmount: c.bookAmount,
      difference: c.difference,
      replaceReason: c.replaceReason ?? null,
      queried: c.queried ?? null,
      countersignedOn: c.countersignedAt ? localDate(new Date(c.countersignedAt), timeZone) : null,
    }
  );
}

/** Sum of the flows of every month. */
export function totalFlows(months: readonly Flows[]): Flows {
  const t = noFlows();
  for (const m of months) for (const k of Object.keys(t) as (keyof Flows)[]) t[k] += m[k];
  return t;
}

/**
 * The counts of members and loans the outputs show, as breakdowns for the disclosure rule: active
 * members by sex; loans by status (standing = active + repaid + written off; active = running +
 * in arrears); loans and their principal by purpose (every purpose, zero ones too, so a single
 * purpose cannot be read off as the total). Known cells are those anyone counts elsewhere: the
 * members shown, the loans disbursed, written off or cancelled (ledger entries), the principal lent
 * (worst case: taken as known), and the loans open — with one loan, any principal outstanding says
 * it is open — and so also the loans repaid (standing less open less written off). What stays
 * hidden when small is which open loans are late: running and in arrears, each other's complement.
 */
export function figureTable(x: Pick<FigureInputs, "members" | "loans" | "today">): Table {
  const active = activeMembers(x.members, x.today);
  const women = active.filter((m) => m.gender === "P").length;
  const count = (n: number, known = false): Cell => ({ value: n, basedOn: n, known });
  const byStatus = statusCounts(x.loans);
  const standing = x.loans.filter((l) => l.status !== "dibatalkan");
  const cells: Record<string, Cell> = {
    "members.active": count(active.length, true),
    "members.women": count(women),
    "members.men": count(active.length - women),
    "loans.count": count(standing.length, true),
    "loans.active": count(byStatus.berjalan + byStatus.menunggak, true),
    "loans.berjalan": count(byStatus.berjalan),
    "loans.menunggak": count(byStatus.menunggak),
    "loans.lunas": count(byStatus.lunas, true),
    "loans.dihapus": count(byStatus.dihapus, true),
    "loans.dibatalkan": count(byStatus.dibatalkan, true),
    "loans.principal": { value: standing.reduce((t, l) => t + l.loan.principal, 0), basedOn: 0, known: true },
  };
  for (const p of LOAN_PURPOSES) {
    const ls = standing.filter((l) => l.loan.purpose === p);
    cells[`purpose.count.${p}`] = count(ls.length);
    cells[`purpose.principal.${p}`] = { value: ls.reduce((t, l) => t + l.loan.principal, 0), basedOn: ls.length };
  }
  return {
    cells,
    breakdowns: [
      { total: "members.active", parts: ["members.women", "members.men"] },
      { total: "loans.count", parts: ["loans.active", "loans.lunas", "loans.dihapus"] },
      { total: "loans.active", parts: ["loans.berjalan", "loans.menunggak"] },
      { total: "loans.count", parts: LOAN_PURPOSES.map((p) => `purpose.count.${p}`) },
      { total: "loans.principal", parts: LOAN_PURPOSES.map((p) => `purpose.principal.${p}`) },
    ],
  };
}

/** Every cell of `figureTable` as the figures publish it (for checking that none can be recomputed). */
export function publishedCells(f: GroupFigures): Record<string, Suppressed<number>> {
  const out: Record<string, Suppressed<number>> = {
    "members.active": shown(f.members.active),
    "members.women": f.members.women,
    "members.men": f.members.men,
    "loans.count": shown(f.loans.count),
    "loans.active": f.loans.active,
  };
  for (const [status, n] of Object.entries(f.loans.byStatus)) out[`loans.${status}`] = n;
  for (const p of LOAN_PURPOSES) {
    const row = f.loans.byPurpose.find((r) => r.purpose === p);
    out[`purpose.count.${p}`] = row ? row.count : shown(0);
    out[`purpose.principal.${p}`] = row ? row.principal : shown(0);
  }
  return out;
}

const shown = <T>(value: T) => ({ value, suppressed: false as const });

function activeMembers<M extends FigureInputs["members"][number]>(members: readonly M[], today: BusinessDate): M[] {
  return members.filter((m) => m.joinedOn <= today && (m.leftOn === null || m.leftOn > today));
}

function statusCounts(loans: readonly FigureLoan[]): Record<LoanStatus, number> {
  const byStatus = { berjalan: 0, menunggak: 0, lunas: 0, dihapus: 0, dibatalkan: 0 } as Record<LoanStatus, number>;
  for (const l of loans) byStatus[l.status]++;
  return byStatus;
}

function loanFigures(
  standing: readonly FigureLoan[],
  cells: Record<string, Suppressed<number>>,
  today: BusinessDate,
): LoanFigures {
  const open = standing.filter((l) => l.status === "berjalan" || l.status === "menunggak");
  // Every purpose with a loan, and any hidden one (a zero hidden second must read as hidden too).
  const byPurpose = LOAN_PURPOSES.map((purpose) => ({
    purpose,
    count: cells[`purpose.count.${purpose}`]!,
    principal: cells[`purpose.principal.${purpose}`]!,
  })).filter((p) => p.count.suppressed || p.count.value > 0);
  const yearAgo = addDays(today, -365);
  let dueLastYear = 0;
  let collectedOfDue = 0;
  for (const l of standing) {
    if (l.status === "dihapus") continue;
    for (const i of l.state.installments) {
      if (i.dueOn > yearAgo && i.dueOn <= today) {
        dueLastYear += i.principal;
        collectedOfDue += i.principalPaid;
      }
    }
  }
  const borrowers = new Set(open.map((l) => l.loan.memberId)).size;
  const fewOpen = isSmall(open.length);
  const statuses = ["berjalan", "menunggak", "lunas", "dihapus", "dibatalkan"] as const;
  return {
    count: standing.length,
    active: cells["loans.active"]!,
    byStatus: Object.fromEntries(statuses.map((s) => [s, cells[`loans.${s}`]!])) as Record<
      LoanStatus,
      Suppressed<number>
    >,
    byPurpose,
    outstanding: open.reduce((t, l) => t + l.state.principalOutstanding, 0),
    par30: fewOpen
      ? null
      : par30(
          open.map((l) => ({ principalOutstanding: l.state.principalOutstanding, daysPastDue: l.state.daysPastDue })),
        ),
    repaymentRate: fewOpen ? null : ratio(collectedOfDue, dueLastYear),
    performanceHidden: fewOpen,
    membersWithLoan: suppressSmall(borrowers, borrowers),
  };
}

/**
 * What was avoided per member per year of membership: the sum over days of membership, in whole rupiah (rounded
 * down). Null with no day of membership yet. Over several groups: their sums, then this (a ratio of sums).
 */
export function perMemberYear(avoided: number, memberDays: number): number | null {
  return memberDays > 0 ? Math.floor((avoided * 365) / memberDays) : null;
}

/** Days of membership: each member from joining to today, or to the day before she left. */
function membershipDays(members: FigureInputs["members"], today: BusinessDate): number {
  let days = 0;
  for (const m of members) {
    const end = m.leftOn && m.leftOn <= today ? addDays(m.leftOn, -1) : today;
    if (end >= m.joinedOn) days += daysBetween(m.joinedOn, end) + 1;
  }
  return days;
}

function costFigures(
  standing: readonly FigureLoan[],
  terms: FigureInputs["terms"],
  memberDays: number,
): GroupFigures["costs"] {
  const loanCosts = standing.map((l) => ({
    l,
    costs: loanCostsVersusLenders(
      {
        principal: l.loan.principal,
        termMonths: l.loan.termMonths,
        serviceCharge: l.schedule.reduce((t, i) => t + i.serviceCharge, 0),
      },
      terms,
    ),
  }));
  return {
    terms,
    totals: sumCosts(loanCosts.map((c) => c.costs)),
    avoided: { ...costAvoided(loanCosts.map(({ l, costs }) => ({ purpose: l.loan.purpose, costs }))), memberDays },
    loans: loanCosts.length,
    recent: loanCosts
      .slice(-10)
      .reverse()
      .map(({ l, costs }) => ({
        disbursedOn: l.loan.disbursedOn,
        principal: l.loan.principal,
        termMonths: l.loan.termMonths,
        costs,
        comparedWith: realisticAlternative(l.loan.purpose, costs).lender,
      })),
  };
}

/** A group's public figures from what was read of it. */
export function groupFiguresOf(x: FigureInputs): GroupFigures {
  const { group, today } = x;
  const natural = zeroBalances();
  for (const r of x.accountTotals) natural[r.account as Account] = naturalBalance(r.account as Account, r.balance);
  const balances = balanceSheet(natural);
  const months = monthFlows(x.monthPostings);

  const active = activeMembers(x.members, today);
  const cells = disclose(figureTable(x));
  // Contribution compliance: days paid ÷ days owed, a calendar day each, from when the portal keeps the book.
  const from = trackedFrom(group.foundedOn, x.openingBalanceOn);
  let daysOwed = 0;
  for (const m of x.members) {
    const start = m.joinedOn > from ? m.joinedOn : from;
    const end = m.leftOn && m.leftOn <= today ? addDays(m.leftOn, -1) : today;
    if (end >= start) daysOwed += daysBetween(start, end) + 1;
  }

  const standing = x.loans.filter((l) => l.status !== "dibatalkan");
  const loans = loanFigures(standing, cells, today);

  const startOfYear = `${today.slice(0, 4)}-01-01`;
  const atStart = x.members.filter(
    (m) => m.joinedOn < startOfYear && (m.leftOn === null || m.leftOn >= startOfYear),
  ).length;
  const leftThisYear = x.members.filter(
    (m) => m.leftOn !== null && m.leftOn >= startOfYear && m.leftOn <= today,
  ).length;
  const dropout = suppressShare(leftThisYear, atStart);
  const memberDays = membershipDays(x.members, today);
  const leavers = x.members.filter((m) => m.leftOn !== null && m.leftOn <= today).length;
  const keptYearly = retentionPerYear({
    leavers,
    memberDays,
    hiddenYears:
      x.closedYears.filter((y) => y.indicators.retentionHidden === true).length + (dropout.suppressed ? 1 : 0),
  });
  const { value: borrowers } = loans.membersWithLoan;
  return {
    group: publicGroup(group),
    today,
    members: {
      active: active.length,
      women: cells["members.women"]!,
      men: cells["members.men"]!,
      everJoined: x.members.length,
      left: leavers,
    },
    balances,
    totals: totalFlows(months),
    months,
    compliance: { daysPaid: x.daysPaid, daysOwed, ratio: ratio(x.daysPaid, daysOwed) },
    loans,
    indicators: {
      savingsPerMember: active.length >= MIN_CELL ? Math.round(balances.memberSavings / active.length) : null,
      pctWithLoan: borrowers === null ? null : ratio(borrowers, active.length),
      utilisation: utilisation(balances),
      returnOnSavings: returnOnSavings(balances, Math.max(1, daysBetween(group.foundedOn, today))),
      // 1 leaver in 25 members at the start is a count of 1, as a rate too (leaving is not on the ledger).
      dropout: dropout.value,
      dropoutHidden: dropout.suppressed,
      retentionPerYear: keptYearly.value,
      retentionPerYearHidden: keptYearly.suppressed,
    },
    costs: costFigures(standing, x.terms, memberDays),
    lastCashCount: publicBalanceCheck(x.cashCount, group.timeZone),
    lastBankCheck: publicBalanceCheck(x.bankCheck, group.timeZone),
    shareOutRule: x.shareOutRule && {
      ...x.shareOutRule.rule,
      isExample: x.shareOutRule.isExample,
      setOn: localDate(new Date(x.shareOutRule.setAt), group.timeZone),
    },
    closedYears: x.closedYears,
    head: x.head,
  };
}

/** The last `n` months of flows ending at `today`'s month, with empty months filled in. */
export function lastMonths(months: readonly MonthFlows[], today: BusinessDate, n = 12): MonthFlows[] {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const [y, mo] = today.split("-").map(Number) as [number, number];
  const list: string[] = [];
  for (let i = n - 1; i >= 0; i--) list.push(new Date(Date.UTC(y, mo - 1 - i, 1)).toISOString().slice(0, 7));
  let closing = zeroBalances();
  for (const m of months) if (m.month < list[0]!) closing = m.closing;
  return list.map((month) => {
    const f = byMonth.get(month);
    if (f) closing = f.closing;
    return f ?? { month, ...noFlows(), closing };
  });
}

/**
 * What the public pages and the open data read: group-level figures from the rollups and the
 * anonymous ledger. Nothing here returns a member's name or a member-linked amount.
 */
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import {
  accountBalances,
  journalEntries,
  ksmGroups,
  ledgerHeads,
  members,
  postings,
  groupPublicVersion,
  publicVersion as publicVersionTable,
} from "@/db/schema";
import { type ChainVersion, entryHash, postingsByAccount } from "@/server/domain/chain";
import { addDays, daysBetween, localDate, monthOf, type BusinessDate } from "@/server/domain/dates";
import {
  balanceSheet,
  monthFlows,
  par30,
  ratio,
  returnOnSavings,
  suppressSmall,
  utilisation,
  type BalanceSheet,
  type MonthFlows,
  type Suppressed,
} from "@/server/domain/indicators";
import { ACCOUNTS, naturalBalance, type Account } from "@/server/domain/ledger";
import { LOAN_PURPOSES, type LoanStatus } from "@/server/domain/loans";
import {
  costAvoided,
  type InformalLender,
  type LoanCosts,
  loanCostsVersusLenders,
  realisticAlternative,
  type ReferenceTerms,
  sumCosts,
} from "@/server/domain/finance/compare";
import { lastCashCount, type CashCountRow } from "./cash";
import { closedYears, ruleOfRow, shareOutRuleOf } from "./year-close";
import { monthPostingRows } from "./monthly-report";
import type { ShareOutRule, ShuPool } from "@/server/domain/shu";
import { MIN_CELL, type YearIndicators } from "@/server/domain/indicators";
import { referenceTermsOf } from "./reference-terms";
import { loadGroup, type GroupRow } from "./context";
import { groupLoanViews } from "./loans";

export interface MemberCounts {
  active: number;
  women: Suppressed<number>;
  men: Suppressed<number>;
  everJoined: number;
  left: number;
}

export interface LoanFigures {
  count: number;
  active: number;
  byStatus: Record<LoanStatus, number>;
  byPurpose: { purpose: string; count: Suppressed<number>; principal: Suppressed<number> }[];
  outstanding: number;
  par30: number | null;
  /** Principal collected ÷ principal that fell due, over the last 12 months. */
  repaymentRate: number | null;
  membersWithLoan: Suppressed<number>;
}

export interface GroupFigures {
  group: Pick<
    GroupRow,
    | "slug"
    | "name"
    | "village"
    | "kecamatan"
    | "kabupaten"
    | "provinsi"
    | "foundedOn"
    | "timeZone"
    | "dailyContribution"
    | "loanRateBpsPerMonth"
    | "loanMethod"
    | "loanMaxTermMonths"
    | "lateFineAmount"
    | "lateFineGraceDays"
    | "isDemo"
  >;
  today: BusinessDate;
  members: MemberCounts;
  balances: BalanceSheet;
  totals: Omit<MonthFlows, "month" | "closing">;
  months: MonthFlows[];
  compliance: { daysPaid: number; daysOwed: number; ratio: number | null };
  loans: LoanFigures;
  indicators: {
    savingsPerMember: number | null;
    utilisation: number | null;
    returnOnSavings: number | null;
    dropout: number | null;
  };
  costs: {
    terms: ReferenceTerms & { isDefault: boolean };
    /** Over every loan that stands (not cancelled): service charge paid to the group vs the same money elsewhere. */
    totals: LoanCosts;
    /** At least (each loan against the cheapest lender its borrower realistically had) and if every loan had been ijon. */
    avoided: { atLeast: number; ifAllIjon: number };
    loans: number;
    recent: {
      disbursedOn: string;
      purpose: string;
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
  closedYears: {
    year: number;
    shu: number;
    pools: Record<ShuPool, number>;
    membersPaid: number;
    indicators: YearIndicators;
  }[];
  head: { lastSeq: number; lastHash: string | null; lastEntryAt: string | null };
}

type PublicBalanceCheck = Pick<CashCountRow, "businessDate" | "countedAmount" | "bookAmount" | "difference"> & {
  /** The supervisor's countersignature, as the group's local date. */
  countersignedOn: string | null;
};

function publicBalanceCheck(
  c: (CashCountRow & { countersignedAt: string | null }) | null,
  group: GroupRow,
): PublicBalanceCheck | null {
  return (
    c && {
      businessDate: c.businessDate,
      countedAmount: c.countedAmount,
      bookAmount: c.bookAmount,
      difference: c.difference,
      countersignedOn: c.countersignedAt ? localDate(new Date(c.countersignedAt), group.timeZone) : null,
    }
  );
}

const publicGroup = (g: GroupRow): GroupFigures["group"] => ({
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

/** Whether any group holds demo data (the banner on every page), without listing the groups. */
/** The date of the group's opening balance (moving in from a paper book), or null. */
async function openingBalanceDate(db: DbOrTx, groupId: number): Promise<BusinessDate | null> {
  const [r] = await db
    .select({ d: journalEntries.businessDate })
    .from(journalEntries)
    .where(and(eq(journalEntries.groupId, groupId), eq(journalEntries.kind, "opening_balance")))
    .orderBy(asc(journalEntries.businessDate))
    .limit(1);
  return r?.d ?? null;
}

/**
 * Member-days paid by entries still standing, from `from` to `to`. A member pays a day once (the
 * collection verb refuses a second in its write; `npm run verify` checks), so this counts rows — all
 * days paid, less those of reversed entries (few) — each by an index, instead of a distinct count
 * that looked at every paid day's entry (~190 ms a group on the demo's ten years, at every post).
 */
async function standingDaysPaid(db: DbOrTx, groupId: number, from: BusinessDate, to: BusinessDate): Promise<number> {
  const [r] = await db.all<{ n: number }>(sql`SELECT
    (SELECT count(*) FROM daily_payments WHERE group_id = ${groupId} AND day BETWEEN ${from} AND ${to})
    - (SELECT count(*) FROM journal_entries r JOIN daily_payments d ON d.entry_id = r.reverses_entry_id
       WHERE r.group_id = ${groupId} AND r.reverses_entry_id IS NOT NULL AND d.day BETWEEN ${from} AND ${to}) AS n`);
  return Number(r?.n ?? 0);
}

export async function anyDemoGroup(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: ksmGroups.id }).from(ksmGroups).where(eq(ksmGroups.isDemo, true)).limit(1);
  return !!row;
}

export async function listGroups(db: DbOrTx): Promise<GroupRow[]> {
  return db.select().from(ksmGroups).orderBy(asc(ksmGroups.name));
}

export async function groupFigures(
  db: DbOrTx,
  groupOrSlug: GroupRow | string,
  now = new Date(),
): Promise<GroupFigures> {
  const group = typeof groupOrSlug === "string" ? await loadGroup(db, groupOrSlug) : groupOrSlug;
  const today = localDate(now, group.timeZone);
  const [memberRows, balanceRows, monthRows, loanViews, cashCount, bankCheck, [head], terms, rule, years, openingDate] =
    await Promise.all([
      db
        .select({ gender: members.gender, joinedOn: members.joinedOn, leftOn: members.leftOn })
        .from(members)
        .where(eq(members.groupId, group.id)),
      db
        .select({ account: accountBalances.account, balance: sql<number>`sum(${accountBalances.balance})` })
        .from(accountBalances)
        .where(eq(accountBalances.groupId, group.id))
        .groupBy(accountBalances.account),
      monthPostingRows(db, group.id),
      groupLoanViews(db, group, today),
      lastCashCount(db, group.id),
      lastCashCount(db, group.id, "bank"),
      db.select().from(ledgerHeads).where(eq(ledgerHeads.groupId, group.id)),
      referenceTermsOf(db, group),
      shareOutRuleOf(db, group),
      closedYears(db, group),
      openingBalanceDate(db, group.id),
    ]);
  const natural = Object.fromEntries(ACCOUNTS.map((a) => [a, 0])) as Record<Account, number>;
  for (const r of balanceRows) natural[r.account as Account] = naturalBalance(r.account as Account, Number(r.balance));
  const balances = balanceSheet(natural);

  const trackedFrom = openingDate ? addDays(openingDate, 1) : group.foundedOn;
  const active = memberRows.filter((m) => m.joinedOn <= today && (m.leftOn === null || m.leftOn > today));
  const women = active.filter((m) => m.gender === "P").length;
  const months = monthFlows(monthRows);
  const totals = months.reduce(
    (t, m) => {
      for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += m[k];
      return t;
    },
    {
      contributions: 0,
      dailyContributions: 0,
      socialFundIn: 0,
      withdrawals: 0,
      disbursed: 0,
      principalRepaid: 0,
      serviceCharge: 0,
      fines: 0,
      expenses: 0,
      otherIncome: 0,
      writtenOff: 0,
    },
  );

  // Contribution compliance: distinct days paid ÷ days owed, a calendar day each, counted from when the
  // portal keeps the book (the day after a paper book's cut-over; before it the paper book is the record).
  let daysOwed = 0;
  for (const m of memberRows) {
    const from = m.joinedOn > trackedFrom ? m.joinedOn : trackedFrom;
    const end = m.leftOn && m.leftOn <= today ? addDays(m.leftOn, -1) : today;
    if (end >= from) daysOwed += daysBetween(from, end) + 1;
  }
  const daysPaid = await standingDaysPaid(db, group.id, trackedFrom, today);

  const byStatus = { berjalan: 0, menunggak: 0, lunas: 0, dihapus: 0, dibatalkan: 0 } as Record<LoanStatus, number>;
  for (const l of loanViews) byStatus[l.status]++;
  const standing = loanViews.filter((l) => l.status !== "dibatalkan");
  const open = standing.filter((l) => l.status === "berjalan" || l.status === "menunggak");
  const byPurpose = LOAN_PURPOSES.map((purpose) => {
    const ls = standing.filter((l) => l.loan.purpose === purpose);
    const principal = ls.reduce((t, l) => t + l.loan.principal, 0);
    // Derivable from the ledger (disbursements carry their purpose): shown as they are.
    const shown = <T>(value: T) => ({ value, suppressed: false as const });
    return { purpose, count: shown(ls.length), principal: shown(principal) };
  }).filter((p) => p.count.suppressed || (p.count.value ?? 0) > 0);
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
  const loans: LoanFigures = {
    count: standing.length,
    active: open.length,
    byStatus,
    byPurpose,
    outstanding: open.reduce((t, l) => t + l.state.principalOutstanding, 0),
    par30: par30(
      open.map((l) => ({ principalOutstanding: l.state.principalOutstanding, daysPastDue: l.state.daysPastDue })),
    ),
    repaymentRate: ratio(collectedOfDue, dueLastYear),
    membersWithLoan: suppressSmall(borrowers, borrowers),
  };
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
  const costTotals = sumCosts(loanCosts.map((c) => c.costs));
  const startOfYear = `${today.slice(0, 4)}-01-01`;
  const atStart = memberRows.filter(
    (m) => m.joinedOn < startOfYear && (m.leftOn === null || m.leftOn >= startOfYear),
  ).length;
  const leftThisYear = memberRows.filter(
    (m) => m.leftOn !== null && m.leftOn >= startOfYear && m.leftOn <= today,
  ).length;
  return {
    group: publicGroup(group),
    today,
    members: {
      active: active.length,
      women: suppressSmall(women, women),
      men: suppressSmall(active.length - women, active.length - women),
      everJoined: memberRows.length,
      left: memberRows.filter((m) => m.leftOn !== null && m.leftOn <= today).length,
    },
    balances,
    totals,
    months,
    compliance: { daysPaid, daysOwed, ratio: ratio(daysPaid, daysOwed) },
    loans,
    indicators: {
      savingsPerMember: active.length >= MIN_CELL ? Math.round(balances.memberSavings / active.length) : null,
      utilisation: utilisation(balances),
      returnOnSavings: returnOnSavings(balances, Math.max(1, daysBetween(group.foundedOn, today))),
      dropout: ratio(leftThisYear, atStart),
    },
    costs: {
      terms,
      totals: costTotals,
      avoided: costAvoided(loanCosts.map(({ l, costs }) => ({ purpose: l.loan.purpose, costs }))),
      loans: loanCosts.length,
      recent: loanCosts
        .slice(-10)
        .reverse()
        .map(({ l, costs }) => ({
          disbursedOn: l.loan.disbursedOn,
          purpose: l.loan.purpose,
          principal: l.loan.principal,
          termMonths: l.loan.termMonths,
          costs,
          comparedWith: realisticAlternative(l.loan.purpose, costs).lender,
        })),
    },
    lastCashCount: publicBalanceCheck(cashCount, group),
    lastBankCheck: publicBalanceCheck(bankCheck, group),
    shareOutRule: rule && {
      ...ruleOfRow(rule),
      isExample: rule.isExample,
      setOn: localDate(new Date(rule.setAt), group.timeZone),
    },
    closedYears: years.map((y) => ({
      year: y.year,
      shu: y.shu,
      pools: JSON.parse(y.pools) as Record<ShuPool, number>,
      membersPaid: y.membersPaid,
      indicators: JSON.parse(y.indicators) as YearIndicators,
    })),
    head: { lastSeq: head?.lastSeq ?? 0, lastHash: head?.lastHash ?? null, lastEntryAt: head?.lastEntryAt ?? null },
  };
}

/**
 * Read models are kept in memory and recomputed only when that group changed: the key is the
 * group's public version (database triggers raise it with every entry, member, cash count or
 * reference-terms change of that group, from any process) and the group's local date (arrears
 * move with the calendar). So a page is current on the very next request after a treasurer
 * posts, with no timer, and a post to one group leaves every other group's cache warm.
 */
const readCache = processWide("readCache", () => new Map<string, { key: string; value: Promise<unknown> }>());

/** One instance per process: Next bundles a module once per route, and every route must share the cache. */
export function processWide<T>(name: string, make: () => T): T {
  const slot = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`kas-terbuka.${name}`);
  slot[key] ??= make();
  return slot[key];
}

export async function cachedRead<T>(
  database: Database,
  group: GroupRow,
  what: string,
  compute: () => Promise<T>,
  now = new Date(),
  knownVersion?: number,
): Promise<T> {
  const version =
    knownVersion ??
    (
      await database.db
        .select({ version: groupPublicVersion.version })
        .from(groupPublicVersion)
        .where(eq(groupPublicVersion.groupId, group.id))
    )[0]?.version ??
    0;
  const key = `${version}|${localDate(now, group.timeZone)}`;
  const slot = `${database.url}|${group.id}|${what}`;
  const hit = readCache.get(slot);
  if (hit?.key === key) return hit.value as Promise<T>;
  const value = compute();
  readCache.set(slot, { key, value });
  value.catch(() => readCache.delete(slot));
  return value;
}

export const groupFiguresCached = (database: Database, group: GroupRow, now = new Date(), knownVersion?: number) =>
  cachedRead(database, group, "figures", () => groupFigures(database.db, group, now), now, knownVersion);

/** Every group's figures, reading all groups' versions in one query (each group recomputed only if it changed). */
export async function allGroupFigures(database: Database, now = new Date()): Promise<GroupFigures[]> {
  const [groups, versions] = await Promise.all([
    listGroups(database.db),
    database.db.select().from(groupPublicVersion),
  ]);
  const versionOf = new Map(versions.map((v) => [v.groupId, v.version]));
  return Promise.all(groups.map((g) => groupFiguresCached(database, g, now, versionOf.get(g.id) ?? 0)));
}

/** The public data version (database triggers raise it with every public change, from any process). */
export async function publicVersion(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ version: publicVersionTable.version })
    .from(publicVersionTable)
    .where(eq(publicVersionTable.id, 1));
  return row?.version ?? 0;
}

/** The last `n` months of flows ending at `today`'s month, with empty months filled in. */
export function lastMonths(months: readonly MonthFlows[], today: BusinessDate, n = 12): MonthFlows[] {
  const out: MonthFlows[] = [];
  const byMonth = new Map(months.map((m) => [m.month, m]));
  let closing = months[0]?.closing;
  const [y, mo] = today.split("-").map(Number) as [number, number];
  const list: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, mo - 1 - i, 1));
    list.push(d.toISOString().slice(0, 7));
  }
  for (const m of months) if (m.month < list[0]!) closing = m.closing;
  for (const month of list) {
    const f = byMonth.get(month);
    if (f) closing = f.closing;
    out.push(
      f ?? {
        month,
        contributions: 0,
        dailyContributions: 0,
        socialFundIn: 0,
        withdrawals: 0,
        disbursed: 0,
        principalRepaid: 0,
        serviceCharge: 0,
        fines: 0,
        expenses: 0,
        otherIncome: 0,
        writtenOff: 0,
        closing: closing ?? (Object.fromEntries(ACCOUNTS.map((a) => [a, 0])) as Record<Account, number>),
      },
    );
  }
  return out;
}

export interface PublicEntry {
  /** Internal id, only for treasurers' screens (withIds); never in public pages or open data. */
  id?: number;
  seq: number;
  date: BusinessDate;
  kind: string;
  amount: number;
  purpose: string | null;
  category: string | null;
  reversesSeq: number | null;
  reason: string | null;
  reversedBy: { seq: number; reason: string | null } | null;
  chainVersion: ChainVersion;
  recordedAt: string;
  postings: [string, number][];
  detailDigest: string;
  prevHash: string;
  hash: string;
}

async function toPublic(
  db: DbOrTx,
  rows: (typeof journalEntries.$inferSelect)[],
  withPostings: boolean,
  withIds = false,
): Promise<PublicEntry[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const reversals = await db
    .select({ reverses: journalEntries.reversesEntryId, seq: journalEntries.seq, reason: journalEntries.reason })
    .from(journalEntries)
    .where(inArray(journalEntries.reversesEntryId, ids));
  const revBy = new Map(reversals.map((r) => [r.reverses!, { seq: r.seq, reason: r.reason }]));
  const ps = withPostings
    ? await db
        .select({ entryId: postings.entryId, account: postings.account, amount: postings.amount })
        .from(postings)
        .where(inArray(postings.entryId, ids))
    : [];
  const byEntry = new Map<number, { account: string; amount: number }[]>();
  for (const p of ps) byEntry.set(p.entryId, [...(byEntry.get(p.entryId) ?? []), p]);
  return rows.map((e) => ({
    ...(withIds ? { id: e.id } : {}),
    seq: e.seq,
    date: e.businessDate,
    kind: e.kind,
    amount: e.amount,
    purpose: e.purpose,
    category: e.category,
    reversesSeq: e.reversesSeq,
    reason: e.reason,
    reversedBy: revBy.get(e.id) ?? null,
    chainVersion: e.chainVersion as ChainVersion,
    recordedAt: e.recordedAt,
    postings: postingsByAccount((byEntry.get(e.id) ?? []) as { account: Account; amount: number }[]),
    detailDigest: e.detailDigest,
    prevHash: e.prevHash,
    hash: e.hash,
  }));
}

/** One page of the public ledger, newest first, by sequence number (keyset: entries before `beforeSeq`). */
export async function ledgerPage(
  db: DbOrTx,
  group: GroupRow,
  opts: { beforeSeq?: number; limit?: number; withPostings?: boolean; withIds?: boolean } = {},
): Promise<{ entries: PublicEntry[]; nextBeforeSeq: number | null }> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500);
  const rows = await db
    .select()
    .from(journalEntries)
    .where(
      and(eq(journalEntries.groupId, group.id), opts.beforeSeq ? lt(journalEntries.seq, opts.beforeSeq) : undefined),
    )
    .orderBy(desc(journalEntries.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    entries: await toPublic(db, page, opts.withPostings ?? false, opts.withIds ?? false),
    nextBeforeSeq: rows.length > limit ? page.at(-1)!.seq : null,
  };
}

/** Every entry of a group in sequence order with postings by account, in chunks (for open data). */
export async function* allPublicEntries(db: DbOrTx, group: GroupRow, chunk = 2000): AsyncGenerator<PublicEntry[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(journalEntries)
      .where(and(eq(journalEntries.groupId, group.id), sql`${journalEntries.seq} > ${after}`))
      .orderBy(asc(journalEntries.seq))
      .limit(chunk);
    if (rows.length === 0) return;
    yield await toPublic(db, rows, true);
    after = rows.at(-1)!.seq;
  }
}

export const currentMonth = (g: Pick<GroupRow, "timeZone">, now = new Date()) => monthOf(localDate(now, g.timeZone));

/**
 * Rechecks the newest `n` entries against the chain: each hash recomputed from the published
 * content and linked to the one before, and the head agreeing. (`npm run verify` checks all.)
 */
export async function verifyRecentChain(
  db: DbOrTx,
  group: GroupRow,
  n = 50,
): Promise<{ checked: number; ok: boolean }> {
  const { entries } = await ledgerPage(db, group, { limit: n + 1, withPostings: true });
  const [head] = await db.select().from(ledgerHeads).where(eq(ledgerHeads.groupId, group.id));
  if (entries.length === 0) return { checked: 0, ok: !head };
  let ok = head?.lastHash === entries[0]!.hash && head.lastSeq === entries[0]!.seq;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const recomputed = entryHash({
      ...e,
      groupSlug: group.slug,
      postings: e.postings.map(([account, amount]) => ({ account: account as Account, amount })),
    });
    if (recomputed !== e.hash) ok = false;
    const older = entries[i + 1];
    if (older && (older.hash !== e.prevHash || older.seq !== e.seq - 1)) ok = false;
  }
  return { checked: Math.min(entries.length, n), ok };
}

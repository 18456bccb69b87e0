/**
 * What the public pages and the open data read: the loader of a group's figures (queries only; the
 * arithmetic is `groupFiguresOf` in the domain, the caching `read-cache`), and the anonymous ledger.
 * Nothing here returns a member's name or a member-linked amount.
 */
import { and, asc, between, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, DbOrTx } from "@/db/client";
import { accountBalances, journalEntries, ksmGroups, ledgerHeads, members, postings } from "@/db/schema";
import { type ChainVersion, postingsByAccount } from "@/server/domain/chain";
import { localDate, monthOf, type BusinessDate } from "@/server/domain/dates";
import { DomainError } from "@/server/domain/errors";
import { type GroupFigures, groupFiguresOf, publicGroup, trackedFrom } from "@/server/domain/figures";
import type { FlaggedGroup } from "@/server/domain/portal";
import type { PublicEntry } from "@/server/domain/open-ledger";
import type { Account } from "@/server/domain/ledger";
import type { YearIndicators } from "@/server/domain/indicators";
import type { ShuPool } from "@/server/domain/shu";
import { lastCashCount } from "@/server/shared/cash";
import { closedYears } from "@/server/read/year-close";
import { ruleOfRow, shareOutRuleOf } from "@/server/shared/year";
import { monthlyReport } from "@/server/read/monthly-report";
import { monthPostingRows } from "@/server/shared/month-postings";
import { referenceTermsOf } from "@/server/shared/reference-terms";
import { loadGroup, loadGroupFor, type GroupRow, type ServiceContext } from "@/server/shared/context";
import { type OnGroup, zId } from "@/server/shared/fields";
import { groupLoanViews } from "@/server/shared/loans";
import { cachedRead, groupVersions } from "@/server/cache/read-cache";
import { groupCheckpoints } from "@/server/shared/seals";
import { yearReport } from "@/server/read/year-report";
import { type ChainCheck, checkedChain } from "@/server/cache/chain-check";
import { openQueries } from "@/server/shared/supervisor-queries";
export type { GroupFigures } from "@/server/domain/figures";
export type { PublicEntry } from "@/server/domain/open-ledger";

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

/** Whether any group holds demo data (the banner on every page), without listing the groups. */
export async function anyDemoGroup(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: ksmGroups.id }).from(ksmGroups).where(eq(ksmGroups.isDemo, true)).limit(1);
  return !!row;
}

export async function listGroups(db: DbOrTx): Promise<GroupRow[]> {
  return db.select().from(ksmGroups).orderBy(asc(ksmGroups.name));
}

/** A group's public figures as of `now` (the group's local date): everything read, then computed in the domain. */
export async function groupFigures(
  db: DbOrTx,
  groupOrSlug: GroupRow | string,
  now = new Date(),
): Promise<GroupFigures> {
  const group = typeof groupOrSlug === "string" ? await loadGroup(db, groupOrSlug) : groupOrSlug;
  const today = localDate(now, group.timeZone);
  const openingBalanceOn = await openingBalanceDate(db, group.id);
  const [memberRows, accountTotals, monthRows, loanViews, count, check, [head], terms, rule, years, daysPaid, queried] =
    await Promise.all([
      db
        .select({ gender: members.gender, joinedOn: members.joinedOn, leftOn: members.leftOn })
        .from(members)
        .where(eq(members.groupId, group.id)),
      db
        .select({
          account: accountBalances.account,
          balance: sql<number>`sum(${accountBalances.balance})`.mapWith(Number),
        })
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
      standingDaysPaid(db, group.id, trackedFrom(group.foundedOn, openingBalanceOn), today),
      openQueries(db, group),
    ]);
  // A count the supervisor asked about, not yet answered nor countersigned: "dipertanyakan pengawas".
  const marked = <C extends { id: number }>(c: C | null) =>
    c && { ...c, queried: queried.get(`cash_count:${c.id}`)?.reason ?? null };
  const cashCount = marked(count);
  const bankCheck = marked(check);
  return groupFiguresOf({
    group,
    today,
    members: memberRows,
    accountTotals,
    monthPostings: monthRows,
    loans: loanViews,
    daysPaid,
    openingBalanceOn,
    cashCount,
    bankCheck,
    terms,
    shareOutRule: rule && { rule: ruleOfRow(rule), isExample: rule.isExample, setAt: rule.setAt },
    closedYears: years.map((y) => ({
      year: y.year,
      shu: y.shu,
      pools: JSON.parse(y.pools) as Record<ShuPool, number>,
      membersPaid: y.membersPaid,
      indicators: JSON.parse(y.indicators) as YearIndicators,
    })),
    head: { lastSeq: head?.lastSeq ?? 0, lastHash: head?.lastHash ?? null, lastEntryAt: head?.lastEntryAt ?? null },
  });
}

export const groupFiguresCached = (database: Database, group: GroupRow, now = new Date(), knownVersion?: number) =>
  cachedRead(database, group, "figures", () => groupFigures(database.db, group, now), now, { knownVersion });

/** The read models of a group's page that are kept on disk: its figures and its seals. */
export const keptGroupModels = (database: Database, group: GroupRow, now = new Date()) =>
  Promise.all([
    groupFiguresCached(database, group, now),
    cachedRead(database, group, "checkpoints", () => groupCheckpoints(database.db, group, now), now),
  ]);

/**
 * A group's figures, or null when they cannot be computed from a book that failed its chain check
 * (a hand edit can make the book impossible to replay: a repayment above what was owed). Computed
 * figures of a good book never fail; if they do and the chain still checks, the error stands.
 */
async function figuresUnlessBroken(
  database: Database,
  group: GroupRow,
  now: Date,
  knownVersion?: number,
): Promise<{ figures: GroupFigures | null; chain: ChainCheck }> {
  try {
    const [figures, chain] = await Promise.all([
      groupFiguresCached(database, group, now, knownVersion),
      checkedChain(database, group),
    ]);
    return { figures, chain };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    // Checked after the failure: an edit made while the figures were read is seen too.
    const chain = await checkedChain(database, group);
    if (!chain.problem) throw e;
    return { figures: null, chain };
  }
}

/**
 * What a group's page shows beyond its newest entries: its figures (kept by the read cache; null
 * when a book that failed its check can no longer be replayed), its seals, and the check of its
 * whole chain from the entries' content (server/cache/chain-check.ts: remembered only in this
 * process, never read back from disk, rechecked after any change made outside the portal's own writes).
 */
export async function groupPageModels(database: Database, group: GroupRow, now = new Date()) {
  const [{ figures, chain }, checkpoints] = await Promise.all([
    figuresUnlessBroken(database, group, now),
    cachedRead(database, group, "checkpoints", () => groupCheckpoints(database.db, group, now), now),
  ]);
  return { figures, chain, checkpoints };
}

/**
 * Every group's figures, reading all groups' versions in one query (each group recomputed only if
 * it changed); a group whose book failed its chain check is set apart (`flagged`), never counted.
 */
export async function allGroupFigures(
  database: Database,
  now = new Date(),
): Promise<{ passed: GroupFigures[]; flagged: FlaggedGroup[] }> {
  const [groups, versions] = await Promise.all([listGroups(database.db), groupVersions(database.db)]);
  const each = await Promise.all(
    groups.map(async (g) => ({ g, ...(await figuresUnlessBroken(database, g, now, versions.get(g.id) ?? 0)) })),
  );
  const passed: GroupFigures[] = [];
  const flagged: FlaggedGroup[] = [];
  for (const { g, figures, chain } of each) {
    if (chain.problem || !figures)
      flagged.push({
        group: publicGroup(g),
        problemSeq: chain.problem?.seq ?? null,
        wholeCheckedAt: chain.wholeCheckedAt,
      });
    else passed.push(figures);
  }
  return { passed, flagged };
}

/** One page of the public cash book with the check of the group's chain (its warning, its claim). */
export async function cashBookModels(database: Database, group: GroupRow, opts: { beforeSeq?: number; limit: number }) {
  const [page, chain] = await Promise.all([ledgerPage(database.db, group, opts), checkedChain(database, group)]);
  return { ...page, chain };
}

/** A month's report with the check of the group's chain: a book that failed it prints the warning. */
export async function monthReportModels(database: Database, group: GroupRow, month: string) {
  const [report, chain] = await Promise.all([monthlyReport(database.db, group, month), checkedChain(database, group)]);
  return { report, chain };
}

/**
 * A closed year's report with the check of the group's chain and the year's seal: December's final
 * seal (the chain head at its close), shown once December is closed — the HTML report and its PDF
 * render this one model, so the PDF never shows more than the page. Not closed: `year_not_closed`.
 */
export async function yearReportModels(database: Database, group: GroupRow, year: number, now = new Date()) {
  const [report, chain, seals] = await Promise.all([
    yearReport(database.db, group, year),
    checkedChain(database, group),
    groupCheckpoints(database.db, group, now),
  ]);
  const december = seals.find((c) => c.month === `${year}-12`);
  return { report, chain, seal: december?.closed ? december : null };
}

/**
 * A group's figures for the open data, or a `chain_check_failed` conflict when its book failed the
 * chain check: the open data never publishes figures the portal does not vouch for.
 */
export async function vouchedGroupFigures(database: Database, group: GroupRow, now = new Date()) {
  const { figures, chain } = await figuresUnlessBroken(database, group, now);
  if (chain.problem || !figures)
    throw new DomainError("conflict", "chain_check_failed", undefined, { seq: chain.problem?.seq ?? 0 });
  return figures;
}

/** The columns of an entry that the public sees (and its id, to link reversals and postings). */
const PUBLIC_COLUMNS = {
  id: journalEntries.id,
  seq: journalEntries.seq,
  businessDate: journalEntries.businessDate,
  kind: journalEntries.kind,
  amount: journalEntries.amount,
  purpose: journalEntries.purpose,
  category: journalEntries.category,
  reversesSeq: journalEntries.reversesSeq,
  reason: journalEntries.reason,
  chainVersion: journalEntries.chainVersion,
  recordedAt: journalEntries.recordedAt,
  detailDigest: journalEntries.detailDigest,
  prevHash: journalEntries.prevHash,
  hash: journalEntries.hash,
};
type PublicColumns = { [K in keyof typeof PUBLIC_COLUMNS]: (typeof journalEntries.$inferSelect)[K] };

async function toPublic(
  db: DbOrTx,
  rows: PublicColumns[],
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
  // Summed by account in SQL (what the hash and the open data carry): a collection day's fifty postings
  // come back as a few rows.
  const ps = withPostings
    ? await db
        .select({
          entryId: postings.entryId,
          account: postings.account,
          amount: sql<number>`sum(${postings.amount})`.mapWith(Number),
        })
        .from(postings)
        .where(inArray(postings.entryId, ids))
        .groupBy(postings.entryId, postings.account)
    : [];
  const byEntry = new Map<number, { account: string; amount: number }[]>();
  for (const p of ps) {
    const list = byEntry.get(p.entryId);
    if (list) list.push(p);
    else byEntry.set(p.entryId, [p]);
  }
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
    .select(PUBLIC_COLUMNS)
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

/** Every entry dated in a month (YYYY-MM), with its postings by account, in the order the book is read. */
export async function ledgerMonth(db: DbOrTx, group: GroupRow, month: string): Promise<PublicEntry[]> {
  const rows = await db
    .select(PUBLIC_COLUMNS)
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.groupId, group.id),
        between(journalEntries.businessDate, `${month}-01`, `${month}-31`), // by the (group, date) index
      ),
    )
    .orderBy(asc(journalEntries.businessDate), asc(journalEntries.seq));
  return toPublic(db, rows, true);
}

/** The business date of an entry by its number, or null (a cash book link names an entry, the page its month). */
export async function entryDate(db: DbOrTx, group: GroupRow, seq: number): Promise<BusinessDate | null> {
  const [r] = await db
    .select({ d: journalEntries.businessDate })
    .from(journalEntries)
    .where(and(eq(journalEntries.groupId, group.id), eq(journalEntries.seq, seq)));
  return r?.d ?? null;
}

export const ZEntryListSchema = z.object({
  beforeSeq: zId.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/**
 * The treasurer's ledger: the public page, with each entry's id (to correct it or print its receipts)
 * and its postings by account, and — private, for her screen only — the code of the one member it
 * concerns (null when none or several: `members` says how many).
 */
export async function entryList(ctx: ServiceContext, input: OnGroup<typeof ZEntryListSchema>) {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "read");
  const page = await ledgerPage(db, group, {
    beforeSeq: input.beforeSeq,
    limit: input.limit,
    withIds: true,
    withPostings: true,
  });
  const ids = page.entries.map((e) => e.id!);
  const rows = ids.length
    ? await db
        .selectDistinct({ entryId: postings.entryId, code: members.code })
        .from(postings)
        .innerJoin(members, eq(members.id, postings.memberId))
        .where(and(inArray(postings.entryId, ids), eq(members.groupId, group.id)))
    : [];
  const codes = new Map<number, string[]>();
  for (const r of rows) codes.set(r.entryId, [...(codes.get(r.entryId) ?? []), r.code]);
  return {
    ...page,
    entries: page.entries.map((e) => {
      const own = codes.get(e.id!) ?? [];
      return { ...e, memberCode: own.length === 1 ? own[0]! : null, members: own.length };
    }),
  };
}

/** Every entry of a group in sequence order with postings by account, in chunks (for open data). */
export async function* allPublicEntries(db: DbOrTx, group: GroupRow, chunk = 2000): AsyncGenerator<PublicEntry[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select(PUBLIC_COLUMNS)
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

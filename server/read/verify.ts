import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  accountBalances,
  journalEntries,
  ksmGroups,
  ledgerHeads,
  monthEntries,
  monthPostings,
  postings,
} from "@/db/schema";
import { checkClosedMonths, checkPublished, checkRules, type LedgerDoc } from "@/server/domain/book-rules";
import { type ChainedEntry, type ChainVersion, entryContentProblem, verifyChain } from "@/server/domain/chain";
import { localDate, monthOf } from "@/server/domain/dates";
import type { Account, Posting } from "@/server/domain/ledger";
import { publicLedgerOfEntries } from "@/server/domain/open-ledger";
import type { GroupRow } from "@/server/shared/context";
import { groupDetail } from "@/server/read/open-data";
import { groupFigures } from "@/server/read/public-figures";
import { groupCheckpoints } from "@/server/shared/seals";
import { paidDayStands } from "@/server/ledger/daily-payments";

export interface VerifyProblem {
  group: string;
  seq?: number;
  problem: string;
}

function diffMaps(
  group: string,
  what: string,
  expected: Map<string, number>,
  actual: Map<string, number>,
): VerifyProblem | null {
  const keys = new Set([...expected.keys(), ...actual.keys()]);
  for (const k of [...keys].sort()) {
    const e = expected.get(k) ?? 0;
    const a = actual.get(k) ?? 0;
    if (e !== a) return { group, problem: `${what} ${k}: rollup ${a}, recomputed ${e}` };
  }
  return null;
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/**
 * The rules of the book on the public ledger: the same code as scripts/verify-open-data.mjs, with
 * the months closed as checkpoints.json publishes them (each sealed at the head at its close).
 */
async function bookRulesProblem(db: DbOrTx, g: GroupRow, doc: LedgerDoc, now: Date): Promise<VerifyProblem | null> {
  const closedMonths = (await groupCheckpoints(db, g, now)).filter((c) => c.closed);
  const r = checkRules(doc, { now: now.getTime() });
  const rules = r.ok ? checkClosedMonths(doc, closedMonths) : r;
  return rules.ok ? null : { group: g.slug, seq: rules.seq || undefined, problem: `${rules.rule}: ${rules.problem}` };
}

/** Every figure the group's open data publishes, against the entries (as the script compares them). */
async function publishedProblem(db: DbOrTx, g: GroupRow, doc: LedgerDoc, now: Date): Promise<VerifyProblem | null> {
  const detail = JSON.parse(JSON.stringify(groupDetail(await groupFigures(db, g, now)))) as object;
  const r = checkPublished(doc, detail);
  return r.ok ? null : { group: g.slug, problem: `${r.rule}: ${r.problem}` };
}

/**
 * Recomputes, from the raw entries, every group's hash chain (and private detail digests),
 * that every entry balances, the rules of the book (dates, closed years, never below zero), every
 * rollup and every published figure; returns the first problem per group.
 */
export async function verifyLedger(
  db: DbOrTx,
  opts: { groupSlug?: string; progress?: (done: number, total: number, entries: number) => void; now?: Date } = {},
): Promise<{ groups: number; entries: number; problems: VerifyProblem[] }> {
  const groups = opts.groupSlug
    ? await db.select().from(ksmGroups).where(eq(ksmGroups.slug, opts.groupSlug))
    : await db.select().from(ksmGroups).orderBy(asc(ksmGroups.id));
  const problems: VerifyProblem[] = [];
  let entryCount = 0;
  for (const g of groups) {
    const { entries, problem } = await verifyGroup(db, g, opts.now ?? new Date());
    entryCount += entries;
    if (problem) problems.push(problem);
    opts.progress?.(groups.indexOf(g) + 1, groups.length, entryCount);
  }
  return { groups: groups.length, entries: entryCount, problems };
}

/** One group's book, checked in the order verifyLedger names: the first problem found, and how many entries it has. */
async function verifyGroup(
  db: DbOrTx,
  g: GroupRow,
  now: Date,
): Promise<{ entries: number; problem: VerifyProblem | null }> {
  const entries = await db
    .select()
    .from(journalEntries)
    .where(eq(journalEntries.groupId, g.id))
    .orderBy(asc(journalEntries.seq));
  const rows = await db
    .select()
    .from(postings)
    .where(eq(postings.groupId, g.id))
    .orderBy(asc(postings.entryId), asc(postings.id));
  const replay = replayEntries(g, entries, rows);
  let problem = replay.problem;
  const chainProblem = verifyChain(replay.chained);
  if (chainProblem) problem ??= { group: g.slug, seq: chainProblem.seq, problem: chainProblem.problem };
  const doc: LedgerDoc = publicLedgerOfEntries(g, localDate(now, g.timeZone), replay.chained);
  problem ??= await bookRulesProblem(db, g, doc, now);
  const [head] = await db.select().from(ledgerHeads).where(eq(ledgerHeads.groupId, g.id));
  const last = entries.at(-1);
  if ((head?.lastSeq ?? 0) !== (last?.seq ?? 0) || (last && head?.lastHash !== last.hash))
    problem ??= { group: g.slug, problem: "chain head does not match the last entry" };
  problem ??= await rollupProblem(db, g, replay);
  if (!problem) problem = await publishedProblem(db, g, doc, now);
  return { entries: entries.length, problem };
}

/** The entries replayed in order: each one's content checked, the balances and monthly rollups they add up to, the chain. */
function replayEntries(
  g: GroupRow,
  entries: (typeof journalEntries.$inferSelect)[],
  rows: (typeof postings.$inferSelect)[],
) {
  const byEntry = new Map<number, Posting[]>();
  for (const p of rows) {
    const list = byEntry.get(p.entryId) ?? [];
    list.push({ account: p.account as Account, amount: p.amount, memberId: p.memberId, loanId: p.loanId });
    byEntry.set(p.entryId, list);
  }
  const kindById = new Map(entries.map((e) => [e.id, e.kind]));
  const balances = new Map<string, number>();
  const months = new Map<string, number>();
  const counts = new Map<string, number>();
  const chained: (ChainedEntry & { hash: string })[] = [];
  let problem: VerifyProblem | null = null;
  for (const e of entries) {
    const ps = byEntry.get(e.id) ?? [];
    const content = entryContentProblem({ ...e, postings: ps });
    if (content) problem ??= { group: g.slug, seq: e.seq, problem: content };
    const flowKind = e.reversesEntryId !== null ? (kindById.get(e.reversesEntryId) ?? "?") : e.kind;
    for (const p of ps) {
      add(balances, `${p.account}|${p.memberId ?? 0}|${p.loanId ?? 0}`, p.amount);
      add(months, `${monthOf(e.businessDate)}|${flowKind}|${p.account}`, p.amount);
    }
    add(counts, `${monthOf(e.businessDate)}|${e.kind}`, 1);
    chained.push({
      ...e,
      chainVersion: e.chainVersion as ChainVersion,
      groupSlug: g.slug,
      date: e.businessDate,
      postings: ps,
    });
  }
  return { balances, months, counts, chained, problem };
}

/** The kept rollups (balances, monthly postings and entry counts, paid days) against the replayed entries. */
async function rollupProblem(
  db: DbOrTx,
  g: GroupRow,
  replay: ReturnType<typeof replayEntries>,
): Promise<VerifyProblem | null> {
  const actualBalances = new Map(
    (await db.select().from(accountBalances).where(eq(accountBalances.groupId, g.id))).map((r) => [
      `${r.account}|${r.memberId}|${r.loanId}`,
      r.balance,
    ]),
  );
  const actualMonths = new Map(
    (await db.select().from(monthPostings).where(eq(monthPostings.groupId, g.id))).map((r) => [
      `${r.month}|${r.kind}|${r.account}`,
      r.amount,
    ]),
  );
  const actualCounts = new Map(
    (await db.select().from(monthEntries).where(eq(monthEntries.groupId, g.id))).map((r) => [
      `${r.month}|${r.kind}`,
      r.entries,
    ]),
  );
  // A member pays a day once: the compliance figure counts paid days on that rule.
  const [twice] = await db.all<{ day: string }>(sql`SELECT day FROM daily_payments
    WHERE group_id = ${g.id} AND ${paidDayStands} GROUP BY member_id, day HAVING count(*) > 1 LIMIT 1`);
  if (twice) return { group: g.slug, problem: `a member's day ${twice.day} is paid twice by entries still standing` };
  return (
    diffMaps(g.slug, "balance", replay.balances, actualBalances) ??
    diffMaps(g.slug, "monthly postings", replay.months, actualMonths) ??
    diffMaps(g.slug, "monthly entry count", replay.counts, actualCounts)
  );
}

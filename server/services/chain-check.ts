/**
 * The portal's own check of a group's hash chain, from the entries' content: every entry's hash
 * and detail digest recomputed from its stored fields and postings (server/domain/chain.ts), never
 * taken from the stored hash. `/verifikasi` and the group page answer from it.
 *
 * Fast because it remembers, per group, the point up to which the chain was checked (seq, hash)
 * and rechecks only the entries after it. What is remembered is trusted only while nothing but
 * this process's own writes (appends, through `Database.write`) has touched the database:
 *  - a commit by anyone else — another connection or process, a hand edit, a restored file — is
 *    seen through `Database.outsideCommits()` (SQLite's data_version) and the next check starts
 *    again from entry no. 1; on a remote database, where that cannot be seen, a point is trusted
 *    for at most REMOTE_TRUST_MS;
 *  - nothing is kept on disk: a new process checks every chain whole (in the background from its
 *    first public page, `watchChains`, or at the first question, whichever comes first);
 *  - every chain is checked whole again at least once a day.
 * A page view therefore pays a whole check only right after a start or an outside change; at any
 * other time it checks the entries written since the last look (usually none).
 *
 * When a check's outcome changes (a problem found, or gone), the group's and the portal's public
 * versions are raised, so pages kept by the read cache and the front server are made again.
 */
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { groupPublicVersion, journalEntries, ksmGroups, ledgerHeads, postings, publicVersion } from "@/db/schema";
import {
  CHAIN_START,
  type ChainPoint,
  type ChainVersion,
  entryContentProblem,
  verifyChain,
} from "@/server/domain/chain";
import type { Account, Posting } from "@/server/domain/ledger";
import type { GroupRow } from "./context";
import { processWide } from "./read-cache";

/** A whole check at least this often (ms). */
export const WHOLE_CHECK_EVERY_MS = 24 * 60 * 60 * 1000;
/**
 * On a remote database (libSQL server, Turso: no change signal to read), a checked point is trusted
 * this long (ms): every chain is checked whole again each hour.
 */
export const REMOTE_TRUST_MS = 60 * 60 * 1000;
/** Entries read (with their postings) per step; the event loop is given back between steps. */
const CHUNK = 500;

export interface ChainCheck {
  /** Entries 1…checkedSeq agree with their content and with one another. */
  checkedSeq: number;
  /**
   * The first problem: the entry whose content or link no longer agrees, or (seq null) the chain's
   * head row that disagrees with the last entry. Null when everything checked agrees.
   */
  problem: { seq: number | null; what: string } | null;
  /** When the whole chain was last checked from entry no. 1 by this process (ISO time). */
  wholeCheckedAt: string;
}

interface Kept {
  check: ChainCheck;
  /** The last entry checked: the next check starts after it. */
  point: ChainPoint;
  /** `outsideCommits()` when the whole check began; the kept point holds while it stays. */
  outside: number | null;
  wholeAtMs: number;
}

const kept = processWide("chainChecks", () => new Map<string, Kept>());
/** One check at a time per group: a later question waits for the one under way, then checks what is left. */
const queue = processWide("chainCheckQueue", () => new Map<string, Promise<unknown>>());

const slotOf = (database: Database, groupId: number) => `${database.url}|${groupId}`;

/** What a restart loses (for tests): every remembered point and result. */
export function forgetChainChecks() {
  kept.clear();
  queue.clear();
}

function stillTrusted(k: Kept, outside: number | null, nowMs: number): boolean {
  if (nowMs - k.wholeAtMs >= WHOLE_CHECK_EVERY_MS || nowMs < k.wholeAtMs) return false;
  if (outside === null) return nowMs - k.wholeAtMs < REMOTE_TRUST_MS;
  return k.outside === outside;
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Checks the entries after `from`, in steps; the last point that agrees and the first problem. */
async function checkAfter(
  database: Database,
  group: Pick<GroupRow, "id" | "slug">,
  from: ChainPoint,
): Promise<{ point: ChainPoint; problem: ChainCheck["problem"] }> {
  const db = database.db;
  let point = from;
  for (;;) {
    const rows = await db
      .select()
      .from(journalEntries)
      .where(and(eq(journalEntries.groupId, group.id), gt(journalEntries.seq, point.seq)))
      .orderBy(asc(journalEntries.seq))
      .limit(CHUNK);
    if (rows.length === 0) break;
    const ps = await db
      .select({
        entryId: postings.entryId,
        account: postings.account,
        amount: postings.amount,
        memberId: postings.memberId,
        loanId: postings.loanId,
      })
      .from(postings)
      .where(
        inArray(
          postings.entryId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(postings.entryId), asc(postings.id));
    const byEntry = new Map<number, Posting[]>();
    for (const p of ps) {
      const list = byEntry.get(p.entryId) ?? [];
      list.push({ account: p.account as Account, amount: p.amount, memberId: p.memberId, loanId: p.loanId });
      byEntry.set(p.entryId, list);
    }
    const entries = rows.map((e) => ({
      ...e,
      chainVersion: e.chainVersion as ChainVersion,
      groupSlug: group.slug,
      date: e.businessDate,
      postings: byEntry.get(e.id) ?? [],
    }));
    const chain = verifyChain(entries, point);
    for (const e of entries) {
      if (chain && e.seq >= chain.seq) break;
      const what = entryContentProblem(e);
      if (what) return { point, problem: { seq: e.seq, what } };
      point = { seq: e.seq, hash: e.hash };
    }
    if (chain) return { point, problem: { seq: Math.min(chain.seq, point.seq + 1), what: chain.problem } };
    if (rows.length < CHUNK) break;
    await yieldToOthers();
  }
  const [head] = await db.select().from(ledgerHeads).where(eq(ledgerHeads.groupId, group.id));
  const headAgrees = head ? head.lastSeq === point.seq && head.lastHash === point.hash : point.seq === 0;
  return {
    point,
    problem: headAgrees ? null : { seq: null, what: "chain head does not match the last entry" },
  };
}

/** Raises the group's and the portal's public versions: whatever was made from the old outcome is made again. */
async function outcomeChanged(database: Database, groupId: number) {
  await database.write(async (tx) => {
    await tx
      .update(groupPublicVersion)
      .set({ version: sql`${groupPublicVersion.version} + 1` })
      .where(eq(groupPublicVersion.groupId, groupId));
    await tx
      .update(publicVersion)
      .set({ version: sql`${publicVersion.version} + 1` })
      .where(eq(publicVersion.id, 1));
  });
}

async function checkNow(database: Database, group: Pick<GroupRow, "id" | "slug">): Promise<ChainCheck> {
  const slot = slotOf(database, group.id);
  const before = kept.get(slot);
  // Read before the entries are: a commit by someone else while they are read moves it again.
  const outside = database.outsideCommits();
  const nowMs = Date.now();
  let next: Kept;
  if (before && stillTrusted(before, outside, nowMs)) {
    // A problem stays until a whole check (after an outside change, or the next day) finds it gone.
    if (before.check.problem && before.check.problem.seq !== null) return before.check;
    const { point, problem } = await checkAfter(database, group, before.point);
    next = { ...before, point, check: { ...before.check, checkedSeq: point.seq, problem } };
  } else {
    const { point, problem } = await checkAfter(database, group, CHAIN_START);
    next = {
      point,
      outside,
      wholeAtMs: nowMs,
      check: { checkedSeq: point.seq, problem, wholeCheckedAt: new Date(nowMs).toISOString() },
    };
  }
  kept.set(slot, next);
  if ((before?.check.problem ? "bad" : "ok") !== (next.check.problem ? "bad" : "ok")) {
    try {
      await outcomeChanged(database, group.id);
    } catch {
      // Not raised (the database busy past its timeout): the answer stands, and the next check tries again.
      if (before) kept.set(slot, before);
      else kept.delete(slot);
    }
  }
  return next.check;
}

/**
 * The group's chain checked from content up to its last entry: from the remembered point when it
 * still holds, else whole from entry no. 1.
 */
export function checkedChain(database: Database, group: Pick<GroupRow, "id" | "slug">): Promise<ChainCheck> {
  const slot = slotOf(database, group.id);
  const run = (queue.get(slot) ?? Promise.resolve()).then(
    () => checkNow(database, group),
    () => checkNow(database, group),
  );
  queue.set(slot, run);
  return run;
}

/** Whether a group's remembered check no longer holds (an outside change, a day gone, never checked). */
function needsWholeCheck(database: Database, groupId: number): boolean {
  const k = kept.get(slotOf(database, groupId));
  return !k || !stillTrusted(k, database.outsideCommits(), Date.now());
}

/**
 * Checks every group whose remembered check no longer holds, one after another (each gives the
 * event loop back between steps). Returns how many were checked.
 */
export async function checkStaleChains(database: Database): Promise<number> {
  const groups = await database.db.select({ id: ksmGroups.id, slug: ksmGroups.slug }).from(ksmGroups);
  let n = 0;
  for (const g of groups) {
    if (!needsWholeCheck(database, g.id)) continue;
    await checkedChain(database, g);
    n++;
  }
  return n;
}

const watched = processWide("chainWatch", () => new Set<string>());

/**
 * Started by the public pages, once per process and database: every chain checked whole at once
 * in the background, then every `everyMs` again whichever no longer holds (a change by someone
 * else, or a day gone) — so a problem reaches the group page (through the raised versions) even
 * when no one asks the app, the front server serving its kept pages meanwhile.
 */
export function watchChains(database: Database, everyMs = 60_000): void {
  if (watched.has(database.url)) return;
  watched.add(database.url);
  let running = false;
  const tick = () => {
    if (database.client.closed) {
      clearInterval(timer);
      watched.delete(database.url);
      return;
    }
    if (running) return;
    running = true;
    checkStaleChains(database)
      .catch(() => {
        // A closed or unreachable database: the next question checks for itself.
      })
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, everyMs).unref();
  setImmediate(tick);
}

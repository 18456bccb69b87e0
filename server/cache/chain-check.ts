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
 * Every check also holds the chain against the supervisor's countersigned seals (seal_signatures,
 * server/domain/signed-seals.ts): a rewrite that recomputed every hash agrees with its content, but
 * not with a seal signed before it.
 *
 * When a check's outcome changes (a problem found, or gone), the group's and the portal's public
 * versions are raised, so pages kept by the read cache and the front server are made again.
 */
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  groupPublicVersion,
  journalEntries,
  ksmGroups,
  ledgerHeads,
  postings,
  publicVersion,
  sealSignatures,
} from "@/db/schema";
import {
  CHAIN_START,
  type ChainPoint,
  type ChainVersion,
  entryContentProblem,
  verifyChain,
} from "@/server/domain/chain";
import type { Account, Posting } from "@/server/domain/ledger";
import { brokenSignedSeal } from "@/server/domain/signed-seals";
import type { GroupRow } from "@/server/shared/context";
import { processWide } from "@/server/cache/read-cache";

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
   * `signed`: the chain agrees with its content, but no longer with the seal the supervisor
   * countersigned for that month (entry `signed.seq`): the books were rewritten after she signed;
   * `seq` is then the first entry no holding countersigned seal vouches for.
   */
  problem: { seq: number | null; what: string; signed?: { month: string; seq: number } } | null;
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

/**
 * The first countersigned seal the checked chain no longer holds, as a problem — or the content
 * problem already found when it comes first. The hashes read here are those of entries already
 * checked against their content (1…point.seq); a signed entry beyond them is gone or unchecked.
 */
async function withSignedSeals(
  database: Database,
  groupId: number,
  point: ChainPoint,
  problem: ChainCheck["problem"],
): Promise<ChainCheck["problem"]> {
  const db = database.db;
  const signed = await db
    .select({ month: sealSignatures.month, seq: sealSignatures.seq, hash: sealSignatures.hash })
    .from(sealSignatures)
    .where(eq(sealSignatures.groupId, groupId));
  if (signed.length === 0) return problem;
  const rows = await db
    .select({ seq: journalEntries.seq, hash: journalEntries.hash })
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.groupId, groupId),
        inArray(
          journalEntries.seq,
          signed.map((s) => s.seq),
        ),
      ),
    );
  const hashes = new Map(rows.filter((r) => r.seq <= point.seq).map((r) => [r.seq, r.hash]));
  const broken = brokenSignedSeal(signed, (seq) => hashes.get(seq));
  if (!broken) return problem;
  const first = broken.trustedUpTo + 1;
  if (problem?.seq != null && problem.seq <= first) return problem;
  return {
    seq: first,
    what: `countersigned seal of ${broken.month} (entry ${broken.seq}) does not match the chain`,
    signed: { month: broken.month, seq: broken.seq },
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
    const found = await withSignedSeals(database, group.id, point, problem);
    next = { ...before, point, check: { ...before.check, checkedSeq: point.seq, problem: found } };
  } else {
    const { point, problem } = await checkAfter(database, group, CHAIN_START);
    const found = await withSignedSeals(database, group.id, point, problem);
    next = {
      point,
      outside,
      wholeAtMs: nowMs,
      check: { checkedSeq: point.seq, problem: found, wholeCheckedAt: new Date(nowMs).toISOString() },
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

/** How often the watch looks whether someone else committed (ms): one in-memory read, no query. */
export const WATCH_EVERY_MS = 3_000;
/** How often it looks at every group all the same (ms): a day gone, a remote database (no change signal). */
export const SWEEP_EVERY_MS = 60_000;

/**
 * One look of the watch: when someone else has committed since the last look (`outsideCommits()`
 * moved), or SWEEP_EVERY_MS went by, every group whose remembered check no longer holds is checked
 * (checkStaleChains: the versions are raised when an outcome changes, so the front server's kept
 * group pages are made again at its next version poll). Otherwise nothing is read. Returns how
 * many groups were checked.
 */
export function chainWatchTick(database: Database, now: () => number = Date.now): () => Promise<number> {
  let seen: number | null | undefined;
  let sweptAt = Number.NEGATIVE_INFINITY;
  let restUntil = Number.NEGATIVE_INFINITY;
  return async () => {
    const outside = database.outsideCommits();
    const at = now();
    const moved = outside !== null && outside !== seen;
    if (!moved && at - sweptAt < SWEEP_EVERY_MS && at >= sweptAt) return 0;
    // Other processes posting all the time (FRONT_API=1, the CLI) move the counter at every look:
    // after a sweep the watch rests four times as long as it took, so it never takes more than a
    // fifth of the time.
    if (at < restUntil) return 0;
    // Read before the chains are: a commit by someone else meanwhile is seen at the next look.
    seen = outside;
    sweptAt = at;
    try {
      return await checkStaleChains(database);
    } catch (e) {
      seen = undefined; // looked again at the next tick
      throw e;
    } finally {
      const end = now();
      restUntil = end + 4 * Math.max(0, end - at);
    }
  };
}

/**
 * Started by the public pages, once per process and database: every chain checked whole at once
 * in the background, then every `everyMs` a look whether someone else committed (a hand edit, a
 * restored file — which raises no version by itself) and, only then or once a minute, a check of
 * whichever chain no longer holds — so a problem reaches the group page (through the raised
 * versions) within seconds even when no one asks the app, the front server serving its kept pages
 * meanwhile. (/verifikasi is never served from the store and checks for itself.)
 */
export function watchChains(database: Database, everyMs = WATCH_EVERY_MS): void {
  if (watched.has(database.url)) return;
  watched.add(database.url);
  const look = chainWatchTick(database);
  let running = false;
  const tick = () => {
    if (database.client.closed) {
      clearInterval(timer);
      watched.delete(database.url);
      return;
    }
    if (running) return;
    running = true;
    look()
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

/**
 * Seals and checkpoints: the chain head at each month's end, the supervisor's countersignature of
 * a finished month, and the check of a seal someone kept against the books as they are now.
 */
import { and, eq, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { journalEntries } from "@/db/schema";
import { DomainError } from "@/server/domain/errors";
import { readSeal, sealMatches } from "@/server/domain/seal";
import { checkedChain } from "@/server/cache/chain-check";
import { type GroupRow, loadGroup, loadGroupFor, nowOf, type ServiceContext } from "@/server/shared/context";
import type { GroupInput } from "@/server/shared/fields";
import { groupCheckpoints } from "@/server/shared/seals";
import type { PublicCheckpoint } from "@/server/shared/seals";

/** The checkpoint of one month, or null when the group had no entry by then. */
/** The treasurer's and supervisor's list of every month's seal, and whether it was countersigned. */
export async function sealList(ctx: ServiceContext, input: GroupInput): Promise<PublicCheckpoint[]> {
  const db = ctx.database.db;
  return groupCheckpoints(db, await loadGroupFor(db, ctx, input.groupSlug, "read"), nowOf(ctx));
}

/**
 * What `/verifikasi` answers about a seal someone kept (an entry's number and its seal or full hash):
 *  - matches: the entry's hash, recomputed from the content of it and of every entry before it, is
 *    this seal; `later`: the whole chain's check found a problem after it (the first entry no
 *    longer to be trusted, and the countersigned month when that is how it was found) — what was
 *    asked is true, and the page says too that the books were changed further on;
 *  - changed: entry `seq` (the one asked, or one before it) no longer agrees with its content or
 *    with the entry before it — the books were changed;
 *  - rewritten: the chain agrees with its content, but no longer with the seal the supervisor
 *    countersigned for `month` (entry `seq`), and the asked entry is after the last seal that
 *    still holds — the books were rewritten after she signed;
 *  - otherEntry: the chain agrees, and the seal is that of entry `seq` — the number was mistyped;
 *  - beyond: there is no entry with that number (the books end at `last`) — check what was typed;
 *  - unknown: the chain agrees, and the seal is that of no entry at all — check what was typed
 *    first, whatever its length (`digits`: a seal is printed with 12, a full hash has 64);
 *  - tooShort: fewer hex digits than the printed 12 — refused, nothing checked;
 *  - bad: what was typed in these fields is no group, no entry number or no seal at all.
 */
export type SealVerdict =
  | { kind: "bad"; fields: SealField[] }
  | { kind: "tooShort" }
  | { kind: "matches"; later: LaterProblem | null }
  | { kind: "changed"; seq: number }
  | { kind: "rewritten"; month: string; seq: number }
  | { kind: "otherEntry"; seq: number }
  | { kind: "beyond"; last: number }
  | { kind: "unknown"; digits: number };

/** The fields of the /verifikasi form, in its order. */
export type SealField = "kelompok" | "no" | "segel";

/** A problem the whole chain's check found after the asked entry: the first entry not to be trusted, or the head (null). */
export type LaterProblem = { seq: number | null; month: string | null };

/** An entry number as typed: digits only, at least 1. */
function readEntryNumber(typed: unknown): number | null {
  const s = String(typed ?? "").trim();
  if (!/^\d{1,9}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 ? n : null;
}

/**
 * The /verifikasi form as it came (a repeated parameter comes as a list: String() makes it text
 * that is nothing valid): every field that is wrong named at once, else the seal checked.
 */
export async function verifySeal(
  database: Database,
  q: { kelompok?: unknown; no?: unknown; segel?: unknown },
): Promise<{ group: GroupRow | null; seq: number | null; verdict: SealVerdict }> {
  let group: GroupRow | null = null;
  try {
    group = await loadGroup(database.db, typeof q.kelompok === "string" ? q.kelompok : "");
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
  }
  const seq = readEntryNumber(q.no);
  const typed = typeof q.segel === "string" ? q.segel : "";
  const fields: SealField[] = [];
  if (!group) fields.push("kelompok");
  if (seq === null) fields.push("no");
  if (readSeal(typed) === null) fields.push("segel");
  if (!group || seq === null || fields.length) return { group, seq, verdict: { kind: "bad", fields } };
  return { group, seq, verdict: await checkSeal(database, group, seq, typed) };
}

/** A kept seal, as typed (the printed 12 hex digits or the full hash; dashes, spaces, any case), checked against the books' content now. */
export async function checkSeal(database: Database, group: GroupRow, seq: number, typed: string): Promise<SealVerdict> {
  const seal = readSeal(typed);
  const fields: SealField[] = [];
  if (!Number.isSafeInteger(seq) || seq < 1) fields.push("no");
  if (seal === null) fields.push("segel");
  if (fields.length) return { kind: "bad", fields };
  if (seal === "too_short" || seal === null) return { kind: "tooShort" };
  const chain = await checkedChain(database, group);
  const problem = chain.problem;
  if (problem?.seq != null && problem.seq <= seq)
    return problem.signed
      ? { kind: "rewritten", month: problem.signed.month, seq: problem.signed.seq }
      : { kind: "changed", seq: problem.seq };
  if (seq > chain.checkedSeq) return { kind: "beyond", last: chain.checkedSeq };
  // Entries 1…seq agree with their content: their stored hashes are what the content gives.
  const db = database.db;
  const [e] = await db
    .select({ hash: journalEntries.hash })
    .from(journalEntries)
    .where(and(eq(journalEntries.groupId, group.id), eq(journalEntries.seq, seq)));
  if (e && sealMatches(e.hash, seal))
    return { kind: "matches", later: problem ? { seq: problem.seq, month: problem.signed?.month ?? null } : null };
  const [other] = await db
    .select({ seq: journalEntries.seq })
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.groupId, group.id),
        lte(journalEntries.seq, chain.checkedSeq),
        sql`substr(${journalEntries.hash}, 1, ${seal.length}) = ${seal}`,
      ),
    )
    .limit(1);
  return other ? { kind: "otherEntry", seq: other.seq } : { kind: "unknown", digits: seal.length };
}

/**
 * Tamper evidence. Each group's entries form a hash chain: entry n's hash is
 *   SHA-256( canonical(entry n) )   where canonical() includes entry n−1's hash.
 *
 * canonical(entry) is the UTF-8 bytes of JSON.stringify of this array, in this order
 * (no spaces; strings escaped as JSON.stringify does; null for absent values):
 *   [version, groupSlug, seq, date, kind, amount, purpose, category,
 *    reversesSeq, reason, recordedAt, postings, detailDigest, prevHash]
 * where postings is [[account, signedAmount], ...]: the entry's postings summed per account,
 * zero sums dropped, sorted by account name; and prevHash is the previous entry's hash,
 * or 64 zeros for seq 1. Everything in it is published in the open data, so anyone can
 * recompute every hash (scripts/verify-open-data.mjs does it).
 *
 * version is "kas-terbuka/v2" for every entry written now: `reason` is null or a code from
 * CORRECTION_REASONS (never words a person typed), and a write-off carries neither reason nor
 * purpose. "kas-terbuka/v1" entries (before 2026-11-30) had free-text reasons; they verify the
 * same way, and the verifier accepts both.
 *
 * detailDigest commits to what is private (which member, which loan, the treasurer's note)
 * without publishing it: SHA-256 of JSON.stringify([salt, [[account, memberId, loanId, amount]...
 * sorted], note]) with a random per-entry salt kept in the database, so the digest cannot be
 * guessed from the small set of possible members and amounts. The server's `npm run verify`
 * checks it; the public can check everything else.
 */
import { createHash } from "node:crypto";
import { CORRECTION_REASONS, entryAmount, type Posting } from "./ledger";

export const GENESIS_HASH = "0".repeat(64);

export const CHAIN_VERSIONS = { 1: "kas-terbuka/v1", 2: "kas-terbuka/v2" } as const;
export type ChainVersion = keyof typeof CHAIN_VERSIONS;
/** The version every new entry is written with. */
export const CURRENT_CHAIN_VERSION: ChainVersion = 2;

export interface ChainedEntry {
  chainVersion: ChainVersion;
  groupSlug: string;
  seq: number;
  date: string;
  kind: string;
  amount: number;
  purpose: string | null;
  category: string | null;
  reversesSeq: number | null;
  reason: string | null;
  recordedAt: string;
  postings: readonly Posting[];
  detailDigest: string;
  prevHash: string;
}

export function sha256Hex(s: string): string {
  return createHash("sha256").update(s, "utf8").digest("hex");
}

export function postingsByAccount(postings: readonly Pick<Posting, "account" | "amount">[]): [string, number][] {
  const m = new Map<string, number>();
  for (const p of postings) m.set(p.account, (m.get(p.account) ?? 0) + p.amount);
  return [...m.entries()].filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function canonicalEntry(e: ChainedEntry): string {
  return JSON.stringify([
    CHAIN_VERSIONS[e.chainVersion],
    e.groupSlug,
    e.seq,
    e.date,
    e.kind,
    e.amount,
    e.purpose,
    e.category,
    e.reversesSeq,
    e.reason,
    e.recordedAt,
    postingsByAccount(e.postings),
    e.detailDigest,
    e.prevHash,
  ]);
}

export function entryHash(e: ChainedEntry): string {
  return sha256Hex(canonicalEntry(e));
}

export function detailDigest(salt: string, postings: readonly Posting[], note: string | null): string {
  const rows = postings
    .map((p) => [p.account, p.memberId ?? null, p.loanId ?? null, p.amount] as const)
    .map((r) => [JSON.stringify(r), r] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
  return sha256Hex(JSON.stringify([salt, rows, note]));
}

/** A point of a chain: an entry's sequence number and hash (seq 0 and 64 zeros before the first). */
export interface ChainPoint {
  seq: number;
  hash: string;
}
export const CHAIN_START: ChainPoint = { seq: 0, hash: GENESIS_HASH };

/**
 * Checks a chain in sequence order — from its first entry, or the entries that follow a point
 * already checked; returns the first problem, or null when all is well.
 */
export function verifyChain(
  entries: readonly (ChainedEntry & { hash: string })[],
  from: ChainPoint = CHAIN_START,
): { seq: number; problem: string } | null {
  let prev = from.hash;
  let expectSeq = from.seq + 1;
  for (const e of entries) {
    if (e.seq !== expectSeq) return { seq: e.seq, problem: `sequence gap: expected ${expectSeq}` };
    const words = publicWordsProblem(e);
    if (words) return { seq: e.seq, problem: words };
    if (e.prevHash !== prev) return { seq: e.seq, problem: "previous hash does not match" };
    const h = entryHash(e);
    if (h !== e.hash) return { seq: e.seq, problem: "hash does not match content" };
    prev = e.hash;
    expectSeq++;
  }
  return null;
}

/**
 * What an entry's stored content must satisfy beyond its hash: postings that balance (at least two,
 * integers, summing to zero), an amount that is their debit side, and a detail digest recomputed
 * from the postings (member and loan included), the salt and the note. Null when all holds.
 */
export function entryContentProblem(e: {
  amount: number;
  postings: readonly Posting[];
  detailSalt: string;
  note: string | null;
  detailDigest: string;
}): string | null {
  const ps = e.postings;
  if (ps.reduce((t, p) => t + p.amount, 0) !== 0 || ps.length < 2) return "postings do not sum to zero";
  if (entryAmount(ps) !== e.amount) return "amount is not the sum of debits";
  if (detailDigest(e.detailSalt, ps, e.note) !== e.detailDigest) return "detail digest does not match postings";
  if (ps.some((p) => !Number.isSafeInteger(p.amount))) return "non-integer amount";
  return null;
}

/** In a v2 entry the public fields hold no words a person typed: a reason code or nothing. */
export function publicWordsProblem(
  e: Pick<ChainedEntry, "chainVersion" | "kind" | "reason" | "purpose">,
): string | null {
  if (e.chainVersion < 2) return null;
  if (e.reason !== null && !(CORRECTION_REASONS as readonly string[]).includes(e.reason))
    return "reason is not a code from the fixed list";
  if (e.kind === "write_off" && (e.reason !== null || e.purpose !== null))
    return "a write-off publishes no reason and no purpose";
  return null;
}

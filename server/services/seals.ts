/**
 * Seals and checkpoints: the chain head at each month's end, the supervisor's countersignature of
 * a finished month, and the check of a seal someone kept against the books as they are now.
 */
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, DbOrTx } from "@/db/client";
import { journalEntries, sealSignatures } from "@/db/schema";
import { localDate, monthOf } from "@/server/domain/dates";
import { conflict, DomainError, invalid } from "@/server/domain/errors";
import { type MonthSeal, monthCloseSeals } from "@/server/domain/month-close";
import { readSeal, sealMatches, shortSeal } from "@/server/domain/seal";
import { checkedChain } from "./chain-check";
import { type GroupRow, loadGroupFor, nowOf, signerOf, type ServiceContext, audit } from "./context";
import { type GroupInput, type OnGroup, zMonth } from "./fields";
import { monthsOfOwnWork } from "./own-work";

export interface PublicCheckpoint extends MonthSeal {
  seal: string;
  /** The month has ended (in the group's time zone): it may be countersigned. */
  finished: boolean;
  /** The supervisor's countersignature: the day (group's local date), and whether it names this very entry. */
  countersigned: { on: string; seq: number; hash: string; matches: boolean } | null;
}

/**
 * Every month's seal (server/domain/month-close.ts): a closed month's is the chain head at its
 * close and never moves; a month not yet closed (this one, or the last one in its grace period)
 * shows the head so far and is marked not closed.
 */
export async function groupCheckpoints(db: DbOrTx, group: GroupRow, now = new Date()): Promise<PublicCheckpoint[]> {
  const [entries, signatures] = await Promise.all([
    db
      .select({ seq: journalEntries.seq, hash: journalEntries.hash, recordedAt: journalEntries.recordedAt })
      .from(journalEntries)
      .where(eq(journalEntries.groupId, group.id))
      .orderBy(asc(journalEntries.seq)),
    db.select().from(sealSignatures).where(eq(sealSignatures.groupId, group.id)),
  ]);
  const signed = new Map(signatures.map((s) => [s.month, s]));
  const today = localDate(now, group.timeZone);
  return monthCloseSeals(entries, signatures, {
    timeZone: group.timeZone,
    graceDays: group.monthGraceDays,
    fromMonth: monthOf(group.foundedOn),
    now,
  }).map((c) => {
    const s = signed.get(c.month);
    return {
      ...c,
      seal: shortSeal(c.hash),
      finished: c.month < monthOf(today),
      countersigned: s
        ? {
            on: localDate(new Date(s.at), group.timeZone),
            seq: s.seq,
            hash: s.hash,
            matches: s.seq === c.seq && s.hash === c.hash,
          }
        : null,
    };
  });
}

/** The checkpoint of one month, or null when the group had no entry by then. */
/** The treasurer's and supervisor's list of every month's seal, and whether it was countersigned. */
export async function sealList(ctx: ServiceContext, input: GroupInput): Promise<PublicCheckpoint[]> {
  const db = ctx.database.db;
  return groupCheckpoints(db, await loadGroupFor(db, ctx, input.groupSlug, "read"), nowOf(ctx));
}

export async function monthCheckpoint(db: DbOrTx, group: GroupRow, month: string, now = new Date()) {
  return (await groupCheckpoints(db, group, now)).find((c) => c.month === month) ?? null;
}

/**
 * The supervisor confirms a finished month's seal: the sequence number and hash she confirms are
 * kept (append-only) and shown publicly as "disegel oleh pengawas". Audited. Signing a month still
 * in its grace period signs the chain head as it stands and closes the month at once: from then on
 * nothing may be dated in it (append-entry.ts), so the signed entry is its final seal.
 */
export const ZCountersignSealSchema = z.object({ month: zMonth });

export async function countersignSeal(ctx: ServiceContext, input: OnGroup<typeof ZCountersignSealSchema>) {
  return ctx.database.write(async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "countersign");
    const now = nowOf(ctx);
    if (typeof input.month !== "string" || !/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month))
      throw invalid("date_invalid", "month");
    if (input.month >= monthOf(localDate(now, group.timeZone))) throw invalid("month_not_finished", "month");
    const c = await monthCheckpoint(tx, group, input.month, now);
    if (!c) throw invalid("month_has_no_entries", "month");
    // Nobody seals her own work: not a month in which she wrote entries (dated in it or written in it).
    if ((await monthsOfOwnWork(tx, group, signerOf(ctx), input.month)).has(input.month))
      throw new DomainError("forbidden", "own_month_seal_countersign", "month");
    const [had] = await tx
      .select({ id: sealSignatures.id })
      .from(sealSignatures)
      .where(and(eq(sealSignatures.groupId, group.id), eq(sealSignatures.month, input.month)));
    if (had) throw conflict("already_countersigned", "month");
    const at = now.toISOString();
    const [s] = await tx
      .insert(sealSignatures)
      .values({ groupId: group.id, month: input.month, seq: c.seq, hash: c.hash, userId: signerOf(ctx), at })
      .returning();
    await audit(tx, ctx, {
      at,
      action: "seal.countersign",
      groupId: group.id,
      detail: { month: input.month, seq: c.seq, hash: c.hash },
    });
    return s!;
  });
}

/**
 * What `/verifikasi` answers about a seal someone kept (an entry's number and its seal or full hash):
 *  - matches: the entry's hash, recomputed from the content of it and of every entry before it, is
 *    this seal;
 *  - changed: entry `seq` (the one asked, or one before it) no longer agrees with its content or
 *    with the entry before it — the books were changed;
 *  - otherEntry: the chain agrees, and the seal is that of entry `seq` — the number was mistyped;
 *  - beyond: there is no entry with that number (the books end at `last`) — check what was typed;
 *  - unknown: the chain agrees, and the seal is that of no entry at all — check what was typed (a
 *    seal copied exactly that still matches nothing means the books differ from when it was taken);
 *  - tooShort: fewer hex digits than the printed 12 — refused, nothing checked.
 */
export type SealVerdict =
  | { kind: "tooShort" }
  | { kind: "matches" }
  | { kind: "changed"; seq: number }
  | { kind: "otherEntry"; seq: number }
  | { kind: "beyond"; last: number }
  | { kind: "unknown" };

/**
 * A kept seal, as typed (the printed 12 hex digits or the full hash; dashes, spaces, any case),
 * checked against the books' content now. Null when what was typed is no seal at all.
 */
export async function checkSeal(
  database: Database,
  group: GroupRow,
  seq: number,
  typed: string,
): Promise<SealVerdict | null> {
  const seal = readSeal(typed);
  if (seal === "too_short") return { kind: "tooShort" };
  if (seal === null || !Number.isSafeInteger(seq) || seq < 1) return null;
  const chain = await checkedChain(database, group);
  if (chain.problem?.seq != null && chain.problem.seq <= seq) return { kind: "changed", seq: chain.problem.seq };
  if (seq > chain.checkedSeq) return { kind: "beyond", last: chain.checkedSeq };
  // Entries 1…seq agree with their content: their stored hashes are what the content gives.
  const db = database.db;
  const [e] = await db
    .select({ hash: journalEntries.hash })
    .from(journalEntries)
    .where(and(eq(journalEntries.groupId, group.id), eq(journalEntries.seq, seq)));
  if (e && sealMatches(e.hash, seal)) return { kind: "matches" };
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
  return other ? { kind: "otherEntry", seq: other.seq } : { kind: "unknown" };
}

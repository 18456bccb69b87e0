/** Month checkpoints (the seals): countersignSeal checks the month's, the pages show them all. */
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journalEntries, sealSignatures } from "@/db/schema";
import { localDate, monthOf } from "@/server/domain/dates";
import { type MonthSeal, monthCloseSeals } from "@/server/domain/month-close";
import { shortSeal } from "@/server/domain/seal";
import type { GroupRow } from "@/server/shared/context";

export async function monthCheckpoint(db: DbOrTx, group: GroupRow, month: string, now = new Date()) {
  return (await groupCheckpoints(db, group, now)).find((c) => c.month === month) ?? null;
}

/**
 * Every month's seal (server/domain/month-close.ts): a closed month's is the chain head at its
 * close and never moves; a month not yet closed (this one, or the last one in its grace period)
 * shows the head so far and is marked not closed.
 */
export async function groupCheckpoints(db: DbOrTx, group: GroupRow, now = new Date()): Promise<PublicCheckpoint[]> {
  const [entries, signatures] = await Promise.all([
    db
      .select({
        seq: journalEntries.seq,
        hash: journalEntries.hash,
        recordedAt: journalEntries.recordedAt,
        businessDate: journalEntries.businessDate,
      })
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

export interface PublicCheckpoint extends MonthSeal {
  seal: string;
  /** The month has ended (in the group's time zone): it may be countersigned. */
  finished: boolean;
  /** The supervisor's countersignature: the day (group's local date), and whether it names this very entry. */
  countersigned: { on: string; seq: number; hash: string; matches: boolean } | null;
}

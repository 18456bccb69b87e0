/**
 * Cash counts and bank checks (cash_counts): balance assertions printed in the month's report,
 * never entries. Written here with their audit row (the row holds all the audit names), and
 * replayed by key in the one idempotency shape (a conflict for other content).
 */
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cashCounts } from "@/db/schema";
import { conflict } from "@/server/domain/errors";
import { audit } from "./write";

export type CashCountRow = typeof cashCounts.$inferSelect;
type NewCashCount = typeof cashCounts.$inferInsert & { recordedAt: string; recordedBy: string };

/** The count already recorded under this key (the same request), or a conflict for other content. */
export async function cashCountByKey(
  tx: Tx,
  groupId: number,
  key: string,
  requestHash: string,
): Promise<CashCountRow | null> {
  const [existing] = await tx
    .select()
    .from(cashCounts)
    .where(and(eq(cashCounts.groupId, groupId), eq(cashCounts.idempotencyKey, key)));
  if (existing && existing.requestHash !== requestHash) throw conflict("idempotency_key_reused", "idempotencyKey");
  return existing ?? null;
}

/** Writes a count and its audit row (`cash.count`, or `bank.check` for the bank), in the caller's transaction. */
export async function writeCashCount(tx: Tx, row: NewCashCount): Promise<CashCountRow> {
  const [written] = await tx.insert(cashCounts).values(row).returning();
  const replaces = row.replacesId != null ? { replaces: row.replacesId, reason: row.replaceReason } : {};
  await audit(
    tx,
    { actor: row.recordedBy },
    {
      at: row.recordedAt,
      action: row.account === "bank" ? "bank.check" : "cash.count",
      groupId: row.groupId,
      detail: { date: row.businessDate, counted: row.countedAmount, book: row.bookAmount, ...replaces },
    },
  );
  return written!;
}

/** The loan register (loans): a loan goes in with its disbursement, or with a paper book taken over. */
import type { Tx } from "@/db/client";
import { loans } from "@/db/schema";

export type LoanRow = typeof loans.$inferSelect;

/** Inserts new loans (numbered by the database), in the caller's write transaction. */
export async function insertLoans(tx: Tx, rows: readonly (typeof loans.$inferInsert)[]): Promise<LoanRow[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(loans)
    .values([...rows])
    .returning();
}

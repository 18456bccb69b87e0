/**
 * A book that can no longer be replayed, for the tests of what the portal says of it: a loan and its
 * repayment typed through the portal, then the repayment raised in the database by another client
 * (triggers dropped, stored hashes left alone) far above what was owed.
 */
import type { Client } from "@libsql/client";
import type { Database } from "@/db/client";
import { disburseLoan } from "@/server/verbs/loans/disburse-loan";
import { repayLoan } from "@/server/verbs/loans/repay-loan";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { key, testContext } from "./db";

/** Savings in, a loan of Rp 200.000 out, one repayment of Rp 104.000 — in November 2026 (open on FIXED_NOW). */
export async function bookWithALoan(database: Database, slug: string, prefix: string) {
  const ctx = testContext(database);
  await recordContributions(ctx, {
    groupSlug: slug,
    date: "2026-11-01",
    idempotencyKey: key(),
    lines: [1, 2, 3, 4, 5].map((i) => ({ memberCode: `${prefix}-00${i}`, amount: 300_000 })),
  });
  const { loan } = await disburseLoan(ctx, {
    groupSlug: slug,
    memberCode: `${prefix}-001`,
    principal: 200_000,
    termMonths: 2,
    date: "2026-11-02",
    purpose: "kopi",
    idempotencyKey: key(),
  });
  await repayLoan(ctx, {
    groupSlug: slug,
    loanId: loan.id,
    amount: 104_000,
    date: "2026-11-20",
    idempotencyKey: key(),
  });
}

/** The group's repayment raised by Rp 5.000.000 (far above what was owed) from `other`, its stored hashes left alone. */
export async function raiseRepayment(other: Client, groupId: number) {
  await other.execute("DROP TRIGGER IF EXISTS journal_entries_no_update");
  await other.execute("DROP TRIGGER IF EXISTS postings_no_update");
  const found = await other.execute({
    sql: "SELECT id FROM journal_entries WHERE group_id = ? AND kind = 'loan_repayment' ORDER BY seq LIMIT 1",
    args: [groupId],
  });
  const id = Number(found.rows[0]!.id);
  const one = (sign: ">" | "<") =>
    `UPDATE postings SET amount = amount ${sign === ">" ? "+" : "-"} 5000000
     WHERE id = (SELECT min(id) FROM postings WHERE entry_id = ? AND amount ${sign} 0)`;
  await other.batch(
    [
      { sql: "UPDATE journal_entries SET amount = amount + 5000000 WHERE id = ?", args: [id] },
      { sql: one(">"), args: [id] },
      { sql: one("<"), args: [id] },
    ],
    "write",
  );
}

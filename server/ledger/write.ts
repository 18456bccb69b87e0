/**
 * Every write a verb makes goes through `ledgerWrite`: the database's write transaction (one at a
 * time, group commit — db/client.ts), with the rule that a write which changed anything wrote an
 * audit row too. A verb cannot forget it: entries write theirs by construction (writer.ts), other
 * verbs call `audit`; a transaction that changed rows without one is refused (an Error, rolled
 * back). A replay or a refusal changes nothing and needs none.
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, reusable, type Tx } from "@/db/client";
import { auditLog } from "@/db/schema";
import { nowOf, type ServiceContext } from "@/server/shared/context";

/** Rows changed on the write's connection so far (not by triggers), and the newest audit row. */
async function changesAndLastAudit(tx: Tx): Promise<{ changes: number; lastAudit: number | null }> {
  const [row] = await tx.all<{ changes: number; lastAudit: number | null }>(
    sql`SELECT total_changes() AS changes, (SELECT max(id) FROM audit_log) AS lastAudit`,
  );
  return { changes: Number(row!.changes), lastAudit: row!.lastAudit };
}

/** Runs `work` in a write transaction of `ctx.database`; refuses it when it changed rows and wrote no audit row. */
export function ledgerWrite<T>(ctx: Pick<ServiceContext, "database">, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.database.write(async (tx) => {
    const before = await changesAndLastAudit(tx);
    const result = await work(tx);
    const after = await changesAndLastAudit(tx);
    if (after.changes !== before.changes && after.lastAudit === before.lastAudit)
      throw new Error("a write changed the database without an audit row (call audit in the verb)");
    return result;
  });
}

/**
 * One row of the audit log, in the caller's transaction: who (the context's actor) did what, when
 * (now unless given), to which group or entry, with what detail. Private: never on a public page.
 */
export function audit(
  tx: DbOrTx,
  ctx: Pick<ServiceContext, "actor" | "now">,
  row: { action: string; groupId?: number | null; entryId?: number | null; detail: unknown; at?: string },
) {
  return insertAudit(tx).run({
    at: row.at ?? nowOf(ctx).toISOString(),
    actor: ctx.actor,
    action: row.action,
    groupId: row.groupId ?? null,
    entryId: row.entryId ?? null,
    detail: JSON.stringify(row.detail),
  });
}

const insertAudit = reusable((db) =>
  db
    .insert(auditLog)
    .values({
      at: sql.placeholder("at"),
      actor: sql.placeholder("actor"),
      action: sql.placeholder("action"),
      groupId: sql.placeholder("groupId"),
      entryId: sql.placeholder("entryId"),
      detail: sql.placeholder("detail"),
    })
    .prepare(),
);

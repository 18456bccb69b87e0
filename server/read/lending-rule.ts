import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accountBalances } from "@/db/schema";
import { SAVINGS_ACCOUNTS } from "@/server/domain/ledger";
import { loadGroupFor, type GroupRow, type ServiceContext } from "@/server/shared/context";
import type { GroupInput } from "@/server/shared/fields";
import { type LendingRuleInForce, lendingRuleOf } from "@/server/shared/lending-rule";

/** The rule in force, for the treasurer's screens. */
export async function lendingRuleFor(ctx: ServiceContext, input: GroupInput): Promise<LendingRuleInForce> {
  const db = ctx.database.db;
  return lendingRuleOf(db, await loadGroupFor(db, ctx, input.groupSlug, "read"));
}

/** Every member's savings of every kind together, as kept now, by member id. */
export async function savingsByMember(db: DbOrTx, group: Pick<GroupRow, "id">): Promise<Map<number, number>> {
  const rows = await db
    .select({
      memberId: accountBalances.memberId,
      balance: sql<number>`sum(${accountBalances.balance})`.mapWith(Number),
    })
    .from(accountBalances)
    .where(and(eq(accountBalances.groupId, group.id), inArray(accountBalances.account, [...SAVINGS_ACCOUNTS])))
    .groupBy(accountBalances.memberId);
  return new Map(rows.map((r) => [r.memberId, -r.balance]));
}

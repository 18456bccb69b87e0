/**
 * The group's lending rule (AD/ART), kept beside its share-out rule: read by every new loan, set by
 * the pengawas or an admin (append-only rows, audited), shown on /metodologi and the group page.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accountBalances, lendingRules } from "@/db/schema";
import { SAVINGS_ACCOUNTS } from "@/server/domain/ledger";
import { DEFAULT_LENDING_RULE, type LendingRule } from "@/server/domain/lending";
import type { GroupRow } from "@/server/shared/context";

export type LendingRuleRow = typeof lendingRules.$inferSelect;

/** The rule in force as shown: the newest row, or the default (`isDefault`) when the group has set none. */
export interface LendingRuleInForce extends LendingRule {
  isDefault: boolean;
  isExample: boolean;
  setAt: string | null;
}

export async function lendingRuleOf(db: DbOrTx, group: Pick<GroupRow, "id">): Promise<LendingRuleInForce> {
  const [r] = await db
    .select()
    .from(lendingRules)
    .where(eq(lendingRules.groupId, group.id))
    .orderBy(desc(lendingRules.id))
    .limit(1);
  return r
    ? {
        savingsMultiple: r.savingsMultiple,
        maxPrincipal: r.maxPrincipal,
        isDefault: false,
        isExample: r.isExample,
        setAt: r.setAt,
      }
    : { ...DEFAULT_LENDING_RULE, isDefault: true, isExample: false, setAt: null };
}

/** A member's savings of every kind together, as kept now (what the multiple applies to). */
export async function memberSavings(db: DbOrTx, group: Pick<GroupRow, "id">, memberId: number): Promise<number> {
  const [row] = await db
    .select({ balance: sql<number | null>`sum(${accountBalances.balance})` })
    .from(accountBalances)
    .where(
      and(
        eq(accountBalances.groupId, group.id),
        eq(accountBalances.memberId, memberId),
        inArray(accountBalances.account, [...SAVINGS_ACCOUNTS]),
      ),
    );
  // Savings are credit-normal: kept as negative sums.
  return -(row?.balance ?? 0);
}

/**
 * The group's lending rule (AD/ART), kept beside its share-out rule: read by every new loan, set by
 * the pengawas or an admin (append-only rows, audited), shown on /metodologi and the group page.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { accountBalances, lendingRules } from "@/db/schema";
import { SAVINGS_ACCOUNTS } from "@/server/domain/ledger";
import {
  assertLendingRule,
  DEFAULT_LENDING_RULE,
  LENDING_CEILING_MAX,
  LENDING_MULTIPLE_MAX,
  type LendingRule,
} from "@/server/domain/lending";
import { loadGroupFor, nowOf, type GroupRow, type ServiceContext } from "./context";
import type { GroupInput, OnGroup } from "./fields";
import { audit, ledgerWrite } from "@/server/ledger/write";

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

/** The rule in force, for the treasurer's screens. */
export async function lendingRuleFor(ctx: ServiceContext, input: GroupInput): Promise<LendingRuleInForce> {
  const db = ctx.database.db;
  return lendingRuleOf(db, await loadGroupFor(db, ctx, input.groupSlug, "read"));
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

export const ZSetLendingRuleSchema = z.object({
  savingsMultiple: z.number().int().min(0).max(LENDING_MULTIPLE_MAX),
  maxPrincipal: z.number().int().min(1).max(LENDING_CEILING_MAX),
});

/**
 * A new lending rule (an AD/ART change): only an admin or the pengawas, audited in the same
 * transaction. `isExample` (the demo's rule, labelled as one) is set by the seed only, never
 * through the API.
 */
export async function setLendingRule(
  ctx: ServiceContext,
  input: OnGroup<typeof ZSetLendingRuleSchema> & { isExample?: boolean },
): Promise<LendingRuleRow> {
  const rule = assertLendingRule(input);
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "countersign");
    const at = nowOf(ctx).toISOString();
    const [row] = await tx
      .insert(lendingRules)
      .values({ groupId: group.id, ...rule, isExample: input.isExample ?? false, setAt: at, setBy: ctx.actor })
      .returning();
    await audit(tx, ctx, { at, action: "lending.rule", groupId: group.id, detail: rule });
    return row!;
  });
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

import { z } from "zod";
import { lendingRules } from "@/db/schema";
import { assertLendingRule, LENDING_CEILING_MAX, LENDING_MULTIPLE_MAX } from "@/server/domain/lending";
import { loadGroupFor, nowOf, type ServiceContext } from "@/server/shared/context";
import type { OnGroup } from "@/server/shared/fields";
import { audit, ledgerWrite } from "@/server/ledger/write";
import type { LendingRuleRow } from "@/server/shared/lending-rule";

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

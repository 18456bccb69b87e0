import { z } from "zod";
import { shareOutRules } from "@/db/schema";
import { assertShareOutRule } from "@/server/domain/shu";
import { loadGroupFor, nowOf, type ServiceContext } from "@/server/shared/context";
import { type OnGroup, zBps } from "@/server/shared/fields";
import { audit, ledgerWrite } from "@/server/ledger/write";
import type { ShareOutRuleRow } from "@/server/shared/year";

export const ZSetShareOutRuleSchema = z.object({
  rule: z.object({
    cadangan: zBps,
    jasa_modal: zBps,
    jasa_pinjaman: zBps,
    pengurus: zBps,
    pendidikan: zBps,
    sosial: zBps,
    memberPayout: z.enum(["savings", "cash"]),
  }),
});

/**
 * A new rule (an AD/ART change): only an admin or the pengawas, audited. `isExample` (the demo's
 * rule, labelled as one) is set by the seed only, never through the API.
 */
export async function setShareOutRule(
  ctx: ServiceContext,
  input: OnGroup<typeof ZSetShareOutRuleSchema> & { isExample?: boolean },
): Promise<ShareOutRuleRow> {
  const rule = assertShareOutRule(input.rule);
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "countersign");
    const at = nowOf(ctx).toISOString();
    const [row] = await tx
      .insert(shareOutRules)
      .values({
        groupId: group.id,
        cadangan: rule.cadangan,
        jasaModal: rule.jasa_modal,
        jasaPinjaman: rule.jasa_pinjaman,
        pengurus: rule.pengurus,
        pendidikan: rule.pendidikan,
        sosial: rule.sosial,
        memberPayout: rule.memberPayout,
        isExample: input.isExample ?? false,
        setAt: at,
        setBy: ctx.actor,
      })
      .returning();
    await audit(tx, ctx, { at, action: "shu.rule", groupId: group.id, detail: rule });
    return row!;
  });
}

import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { cashCounts, cashCountSignatures } from "@/db/schema";
import { conflict, DomainError, notFound } from "@/server/domain/errors";
import { loadGroupFor, nowOf, signerOf, type ServiceContext } from "@/server/shared/context";
import { type OnGroup, zId } from "@/server/shared/fields";
import { audit, ledgerWrite } from "@/server/ledger/write";

/** A supervisor countersigns a cash count (once). */
export const ZCountersignCashCountSchema = z.object({ cashCountId: zId });

export async function countersignCashCount(ctx: ServiceContext, input: OnGroup<typeof ZCountersignCashCountSchema>) {
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "countersign");
    const [c] = await tx
      .select()
      .from(cashCounts)
      .where(and(eq(cashCounts.id, input.cashCountId), eq(cashCounts.groupId, group.id)));
    if (!c) throw notFound("cash_count_not_found", "cashCountId");
    // A countersignature is a second person's: nobody signs her own count, an admin included.
    if (c.recordedBy.startsWith(`user:${signerOf(ctx)}:`))
      throw new DomainError("forbidden", "own_record_countersign", "cashCountId");
    const [signed] = await tx.select().from(cashCountSignatures).where(eq(cashCountSignatures.cashCountId, c.id));
    if (signed) throw conflict("already_countersigned", "cashCountId");
    const at = nowOf(ctx).toISOString();
    const [s] = await tx
      .insert(cashCountSignatures)
      .values({ cashCountId: c.id, userId: signerOf(ctx), at })
      .returning();
    await audit(tx, ctx, { at, action: "cash.countersign", groupId: group.id, detail: { cashCountId: c.id } });
    return s!;
  });
}

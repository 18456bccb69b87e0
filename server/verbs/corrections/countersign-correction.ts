import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { correctionSignatures, journalEntries } from "@/db/schema";
import { conflict, DomainError, notFound } from "@/server/domain/errors";
import { loadGroupFor, nowOf, signerOf, type ServiceContext } from "@/server/shared/context";
import { isOwn } from "@/server/shared/own-work";
import { type OnGroup, zId } from "@/server/shared/fields";
import { audit, ledgerWrite } from "@/server/ledger/write";

/** The supervisor confirms a correction (once; never her own). */
export const ZCountersignCorrectionSchema = z.object({ entryId: zId });

export async function countersignCorrection(ctx: ServiceContext, input: OnGroup<typeof ZCountersignCorrectionSchema>) {
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "countersign");
    const [e] = await tx
      .select()
      .from(journalEntries)
      .where(
        and(
          eq(journalEntries.groupId, group.id),
          eq(journalEntries.id, input.entryId),
          eq(journalEntries.kind, "correction"),
        ),
      );
    if (!e) throw notFound("entry_not_found", "entryId");
    if (isOwn(e.recordedBy, signerOf(ctx))) throw new DomainError("forbidden", "own_record_countersign", "entryId");
    // Nor a correction of an entry she wrote: that would be her vouching for her own mistake's repair.
    const [original] = e.reversesEntryId
      ? await tx
          .select({ recordedBy: journalEntries.recordedBy })
          .from(journalEntries)
          .where(eq(journalEntries.id, e.reversesEntryId))
      : [];
    if (original && isOwn(original.recordedBy, signerOf(ctx)))
      throw new DomainError("forbidden", "own_entry_correction_countersign", "entryId");
    const [had] = await tx
      .select({ id: correctionSignatures.id })
      .from(correctionSignatures)
      .where(eq(correctionSignatures.entryId, e.id));
    if (had) throw conflict("already_countersigned", "entryId");
    const at = nowOf(ctx).toISOString();
    const [s] = await tx
      .insert(correctionSignatures)
      .values({ groupId: group.id, entryId: e.id, userId: signerOf(ctx), at })
      .returning();
    await audit(tx, ctx, {
      at,
      action: "correction.countersign",
      groupId: group.id,
      entryId: e.id,
      detail: { seq: e.seq, reversesSeq: e.reversesSeq },
    });
    return s!;
  });
}

import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { sealSignatures } from "@/db/schema";
import { localDate, monthOf } from "@/server/domain/dates";
import { conflict, DomainError, invalid } from "@/server/domain/errors";
import { loadGroupFor, nowOf, signerOf, type ServiceContext } from "@/server/shared/context";
import { type OnGroup, zMonth } from "@/server/shared/fields";
import { monthsOfOwnWork } from "@/server/shared/own-work";
import { audit, ledgerWrite } from "@/server/ledger/write";
import { monthCheckpoint } from "@/server/shared/seals";

/**
 * The supervisor confirms a finished month's seal: the sequence number and hash she confirms are
 * kept (append-only) and shown publicly as "disegel oleh pengawas". Audited. Signing a month still
 * in its grace period signs the chain head as it stands and closes the month at once: from then on
 * nothing may be dated in it (server/ledger/writer.ts), so the signed entry is its final seal.
 */
export const ZCountersignSealSchema = z.object({ month: zMonth });

export async function countersignSeal(ctx: ServiceContext, input: OnGroup<typeof ZCountersignSealSchema>) {
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "countersign");
    const now = nowOf(ctx);
    if (typeof input.month !== "string" || !/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month))
      throw invalid("date_invalid", "month");
    if (input.month >= monthOf(localDate(now, group.timeZone))) throw invalid("month_not_finished", "month");
    const c = await monthCheckpoint(tx, group, input.month, now);
    if (!c) throw invalid("month_has_no_entries", "month");
    // Nobody seals her own work: not a month in which she wrote entries (dated in it or written in it).
    if ((await monthsOfOwnWork(tx, group, signerOf(ctx), input.month)).has(input.month))
      throw new DomainError("forbidden", "own_month_seal_countersign", "month");
    const [had] = await tx
      .select({ id: sealSignatures.id })
      .from(sealSignatures)
      .where(and(eq(sealSignatures.groupId, group.id), eq(sealSignatures.month, input.month)));
    if (had) throw conflict("already_countersigned", "month");
    const at = now.toISOString();
    const [s] = await tx
      .insert(sealSignatures)
      .values({ groupId: group.id, month: input.month, seq: c.seq, hash: c.hash, userId: signerOf(ctx), at })
      .returning();
    await audit(tx, ctx, {
      at,
      action: "seal.countersign",
      groupId: group.id,
      detail: { month: input.month, seq: c.seq, hash: c.hash },
    });
    return s!;
  });
}

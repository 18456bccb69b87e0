import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { cashCounts, cashCountSignatures, members } from "@/db/schema";
import { conflict, DomainError, invalid, notFound } from "@/server/domain/errors";
import {
  loadGroupFor,
  nowOf,
  signerOf,
  type MemberRow,
  type ServiceContext,
  memberByCode,
} from "@/server/shared/context";
import { cleanName } from "@/server/domain/text";
import { assertNameConfirmed } from "@/server/verbs/groups/groups";
import { hashCheckCode, newCheckCode } from "@/server/shared/check-codes";
import { type OnGroup, zId, zMemberCode, zText } from "@/server/shared/fields";
import { audit, ledgerWrite } from "@/server/ledger/write";

export const ZUpdateMemberSchema = z.object({
  code: zMemberCode,
  fullName: zText(100).optional(),
  gender: z.enum(["P", "L"]).optional(),
  /** She confirms that a member whose name looks the same is someone else. */
  confirmed: z.boolean().optional(),
});

export async function updateMember(
  ctx: ServiceContext,
  input: OnGroup<typeof ZUpdateMemberSchema>,
): Promise<Omit<MemberRow, "checkCodeHash">> {
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "write");
    const m = await memberByCode(tx, group, input.code, "code");
    if (!m) throw notFound("member_not_found", "code");
    const set: Partial<MemberRow> = {};
    if (input.fullName !== undefined) {
      set.fullName = cleanName(input.fullName, "fullName");
      await assertNameConfirmed(tx, group, set.fullName, input.confirmed === true, m.id);
    }
    if (input.gender !== undefined) {
      if (input.gender !== "P" && input.gender !== "L") throw invalid("gender_invalid", "gender");
      set.gender = input.gender;
    }
    if (Object.keys(set).length === 0) throw invalid("nothing_to_update", "fullName");
    const [u] = await tx.update(members).set(set).where(eq(members.id, m.id)).returning();
    await audit(tx, ctx, {
      action: "member.update",
      groupId: group.id,
      detail: { code: input.code, fields: Object.keys(set) },
    });
    const { checkCodeHash: _omit, ...rest } = u!;
    return rest;
  });
}

/** A new kode cek, returned once to print in the member's passbook; only its hash is kept. */
export const ZResetCheckCodeSchema = z.object({ code: zMemberCode });

export async function resetCheckCode(
  ctx: ServiceContext,
  input: OnGroup<typeof ZResetCheckCodeSchema>,
): Promise<{ code: string; checkCode: string }> {
  const checkCode = newCheckCode();
  const h = await hashCheckCode(checkCode);
  await ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "write");
    const m = await memberByCode(tx, group, input.code, "code");
    if (!m) throw notFound("member_not_found", "code");
    await tx.update(members).set({ checkCodeHash: h }).where(eq(members.id, m.id));
    await audit(tx, ctx, { action: "member.resetCheckCode", groupId: group.id, detail: { code: input.code } });
  });
  return { code: input.code, checkCode };
}

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

/**
 * Members' phone numbers (server/domain/phone.ts): optional and private. Kept in their own table,
 * set by the treasurer, shown masked on screens; the whole number leaves the server only to build a
 * WhatsApp link (a receipt, a reminder) for those who write on the group's books. Never read by a
 * public page or open data.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { memberPhones } from "@/db/schema";
import { notFound } from "@/server/domain/errors";
import { maskPhone, normalizePhone } from "@/server/domain/phone";
import { type GroupRow, loadGroupFor, memberByCode, nowOf, type ServiceContext } from "@/server/shared/context";
import { type OnGroup, zMemberCode, zText } from "@/server/shared/fields";
import { audit, ledgerWrite } from "@/server/ledger/write";

/**
 * Sets (or, with null or an empty text, removes) a member's phone number, in the caller's
 * transaction: normalised first (`phone_invalid` writes nothing), audited with the number masked.
 */
export async function writeMemberPhone(
  tx: DbOrTx,
  ctx: ServiceContext,
  group: GroupRow,
  member: { id: number; code: string },
  phone: string | null,
): Promise<string | null> {
  if (phone === null) {
    await tx.delete(memberPhones).where(eq(memberPhones.memberId, member.id));
  } else {
    const updatedAt = nowOf(ctx).toISOString();
    await tx
      .insert(memberPhones)
      .values({ memberId: member.id, groupId: group.id, phone, updatedAt })
      .onConflictDoUpdate({ target: memberPhones.memberId, set: { phone, updatedAt } });
  }
  const masked = phone ? maskPhone(phone) : null;
  await audit(tx, ctx, { action: "member.phone", groupId: group.id, detail: { code: member.code, phone: masked } });
  return masked;
}

/** A phone number as typed: none (null, blank) or its normalised form; `phone_invalid` otherwise. */
export const phoneInput = (raw: string | null | undefined): string | null =>
  raw == null || raw.trim() === "" ? null : normalizePhone(raw);

export const ZSetMemberPhoneSchema = z.object({
  code: zMemberCode,
  /** As typed (0812-…, +62 …); null or blank removes it. */
  phone: zText(40).nullable(),
});

/** The treasurer sets, changes or removes a member's phone number. Answers it masked. */
export async function setMemberPhone(
  ctx: ServiceContext,
  input: OnGroup<typeof ZSetMemberPhoneSchema>,
): Promise<{ code: string; phoneMasked: string | null }> {
  const phone = phoneInput(input.phone);
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "write");
    const m = await memberByCode(tx, group, input.code, "code");
    if (!m) throw notFound("member_not_found", "code");
    return { code: m.code, phoneMasked: await writeMemberPhone(tx, ctx, group, m, phone) };
  });
}

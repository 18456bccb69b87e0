import { eq } from "drizzle-orm";
import { z } from "zod";
import { members } from "@/db/schema";
import { notFound } from "@/server/domain/errors";
import { loadGroupFor, type ServiceContext, memberByCode } from "@/server/shared/context";
import { hashCheckCode, newCheckCode } from "@/server/shared/check-codes";
import { type OnGroup, zMemberCode } from "@/server/shared/fields";
import { audit, ledgerWrite } from "@/server/ledger/write";

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

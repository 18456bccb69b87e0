import { eq } from "drizzle-orm";
import { z } from "zod";
import { members } from "@/db/schema";
import { invalid, notFound } from "@/server/domain/errors";
import { loadGroupFor, type MemberRow, type ServiceContext, memberByCode } from "@/server/shared/context";
import { cleanName } from "@/server/domain/text";
import { assertNameConfirmed } from "@/server/verbs/members/add-member";
import { type OnGroup, zMemberCode, zText } from "@/server/shared/fields";
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

import { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members } from "@/db/schema";
import { conflict, invalid } from "@/server/domain/errors";
import { loadGroupFor, todayIn, type GroupRow, type ServiceContext } from "@/server/shared/context";
import { cleanName, lookAlike } from "@/server/domain/text";
import { type OnGroup, zDate, zMemberCode, zText } from "@/server/shared/fields";
import { phoneInput, writeMemberPhone } from "@/server/verbs/members/set-member-phone";
import { assertBusinessDate } from "@/server/domain/dates";
import { audit, ledgerWrite } from "@/server/ledger/write";
import { newCheckCode, hashCheckCode } from "@/server/shared/check-codes";

export const ZAddMemberSchema = z.object({
  code: zMemberCode,
  fullName: zText(100),
  gender: z.enum(["P", "L"]),
  joinedOn: zDate,
  /** She confirms that a member whose name looks the same (`nameKey`) is someone else. */
  confirmed: z.boolean().optional(),
  /** Her phone number as typed (optional, private; normalised to 62…). */
  phone: zText(40).nullable().optional(),
});

export type AddMemberInput = OnGroup<typeof ZAddMemberSchema> & {
  /** Set only by seeds and tests (a known code); otherwise, and always through the API, drawn at random. */
  checkCode?: string;
};

/** A new member, with her check code (shown once to be handed to her; stored hashed). */
export async function addMember(
  ctx: ServiceContext,
  input: AddMemberInput,
): Promise<{ code: string; checkCode: string }> {
  const checkCode = input.checkCode ?? newCheckCode();
  if (typeof input.code !== "string" || !/^[A-Z0-9][A-Z0-9-]{1,19}$/.test(input.code))
    throw invalid("member_code_invalid", "code");
  const fullName = cleanName(input.fullName, "fullName");
  if (input.gender !== "P" && input.gender !== "L") throw invalid("gender_invalid", "gender");
  const phone = phoneInput(input.phone);
  const checkCodeHash = await hashCheckCode(checkCode);
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "write");
    const joinedOn = assertBusinessDate(
      input.joinedOn,
      { today: todayIn(ctx, group), foundedOn: group.foundedOn },
      "joinedOn",
    );
    const [dup] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.groupId, group.id), eq(members.code, input.code)));
    if (dup) throw conflict("member_code_taken", "code");
    await assertNameConfirmed(tx, group, fullName, input.confirmed === true);
    const [member] = await tx
      .insert(members)
      .values({ groupId: group.id, code: input.code, fullName, gender: input.gender, joinedOn, checkCodeHash })
      .returning();
    await audit(tx, ctx, { action: "member.add", groupId: group.id, detail: { code: input.code } });
    if (phone) await writeMemberPhone(tx, ctx, group, member!, phone);
    return { code: member!.code, checkCode };
  });
}

/**
 * Two members whose names look the same (same `nameKey`: case, spacing and compatibility forms
 * aside) are told apart only by their codes: a second one needs the treasurer's confirmation
 * (`name_duplicate_unconfirmed`, naming the other member), enforced here so no caller can skip it.
 */
export async function assertNameConfirmed(
  tx: DbOrTx,
  group: GroupRow,
  fullName: string,
  confirmed: boolean,
  exceptMemberId?: number,
): Promise<void> {
  if (confirmed) return;
  const others = await tx
    .select({ id: members.id, code: members.code, fullName: members.fullName })
    .from(members)
    .where(eq(members.groupId, group.id));
  const same = lookAlike(
    fullName,
    others.filter((o) => o.id !== exceptMemberId),
  );
  if (same) throw conflict("name_duplicate_unconfirmed", "fullName", { code: same.code, name: same.fullName });
}

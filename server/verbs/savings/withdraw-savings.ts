import { z } from "zod";
import { assertBusinessDate } from "@/server/domain/dates";
import { withdrawalPostings } from "@/server/domain/ledger";
import { assertAmount } from "@/server/domain/money";
import { assertOutflowConfirmed } from "@/server/domain/plausibility";
import { appendEntry, idempotentWrite, type EntryRow } from "@/server/ledger/writer";
import { memberSavingsByAccount } from "@/server/shared/cash";
import { loadMemberToPayOut, nowOf, todayIn, type ServiceContext } from "@/server/shared/context";
import { cleanText } from "@/server/domain/text";
import { type OnGroup, zDate, zIdempotencyKey, zMemberCode, zRupiah, zText } from "@/server/shared/fields";

export const ZWithdrawSavingsSchema = z.object({
  memberCode: zMemberCode,
  amount: zRupiah,
  date: zDate,
  /** Private: the treasurer's words (e.g. which correction this withdrawal replaces). */
  note: zText(200).nullish(),
  /** The treasurer read the amount in words and confirmed it: needed above the group's threshold. */
  confirmed: z.boolean().optional(),
  idempotencyKey: zIdempotencyKey,
});

export type WithdrawSavingsInput = OnGroup<typeof ZWithdrawSavingsSchema>;

/** Penarikan simpanan: never more than the member's savings, never more than the cash on hand. */
export async function withdrawSavings(ctx: ServiceContext, input: WithdrawSavingsInput): Promise<EntryRow> {
  return idempotentWrite(ctx, "savings.withdraw", input, async (tx, { group, key, requestHash }) => {
    const amount = assertAmount(input.amount);
    const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: group.foundedOn });
    const member = await loadMemberToPayOut(tx, group, input.memberCode, date);
    const savings = await memberSavingsByAccount(tx, group.id, member.id);
    const postings = withdrawalPostings(member.id, amount, savings); // more than her savings: refused first
    assertOutflowConfirmed(amount, group.largeOutflowThreshold, input.confirmed);
    return appendEntry(tx, {
      group,
      kind: "savings_withdrawal",
      date,
      postings,
      note: cleanText(input.note, "note", { required: false, max: 200 }),
      idempotencyKey: key,
      requestHash,
      actor: ctx.actor,
      now: nowOf(ctx),
    });
  });
}

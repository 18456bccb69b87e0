import { z } from "zod";
import { assertBusinessDate } from "@/server/domain/dates";
import { invalid } from "@/server/domain/errors";
import { bankTransferPostings } from "@/server/domain/ledger";
import { assertAmount } from "@/server/domain/money";
import { appendEntry, idempotentWrite, type EntryRow } from "@/server/ledger/writer";
import { nowOf, todayIn, type ServiceContext } from "@/server/shared/context";
import { type OnGroup, zDate, zIdempotencyKey, zRupiah } from "@/server/shared/fields";

/** Moving money between the cash box and the bank: the group holds the same, in another place. */
export const ZBankTransferSchema = z.object({
  /** setor ke bank (cash → bank) or tarik dari bank (bank → cash). */
  kind: z.enum(["bank_deposit", "bank_withdrawal"]),
  amount: zRupiah,
  date: zDate,
  idempotencyKey: zIdempotencyKey,
});

export type BankTransferInput = OnGroup<typeof ZBankTransferSchema>;

export async function recordBankTransfer(ctx: ServiceContext, input: BankTransferInput): Promise<EntryRow> {
  return idempotentWrite(ctx, "cash.bankTransfer", input, async (tx, { group, key, requestHash }) => {
    if (input.kind !== "bank_deposit" && input.kind !== "bank_withdrawal")
      throw invalid("transfer_kind_invalid", "kind");
    const amount = assertAmount(input.amount);
    const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: group.foundedOn });
    return appendEntry(tx, {
      group,
      kind: input.kind,
      date,
      postings: bankTransferPostings(input.kind, amount),
      idempotencyKey: key,
      requestHash,
      actor: ctx.actor,
      now: nowOf(ctx),
    });
  });
}

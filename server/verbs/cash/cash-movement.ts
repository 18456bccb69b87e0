import { z } from "zod";
import { assertBusinessDate } from "@/server/domain/dates";
import { invalid } from "@/server/domain/errors";
import { assertOutflowConfirmed } from "@/server/domain/plausibility";
import {
  EXPENSE_CATEGORIES,
  INCOME_CATEGORIES,
  expensePostings,
  moneyAccount,
  otherIncomePostings,
} from "@/server/domain/ledger";
import { assertAmount } from "@/server/domain/money";
import { appendEntry, idempotentWrite, type EntryRow } from "@/server/ledger/writer";
import { nowOf, todayIn, type ServiceContext } from "@/server/shared/context";
import { cleanText } from "@/server/domain/text";
import { type OnGroup, zDate, zIdempotencyKey, zRupiah, zText, zVia } from "@/server/shared/fields";
import type { CashCountRow } from "@/server/ledger/cash-counts";

/** An expense or other income (the category from its fixed list; the note stays private). */
export const ZCashMovementSchema = z.object({
  amount: zRupiah,
  date: zDate,
  category: z.string().max(40),
  note: zText(200).nullish(),
  /** Paid from (or into) the cash box, or the group's bank account. */
  via: zVia,
  /** The treasurer read the amount in words and confirmed it: needed above the group's threshold. */
  confirmed: z.boolean().optional(),
  idempotencyKey: zIdempotencyKey,
});

export type CashMovementInput = OnGroup<typeof ZCashMovementSchema>;

async function recordCashMovement(
  ctx: ServiceContext,
  input: CashMovementInput,
  kind: "expense" | "other_income",
): Promise<EntryRow> {
  return idempotentWrite(ctx, `cash.${kind}`, input, async (tx, { group, key, requestHash }) => {
    const amount = assertAmount(input.amount);
    const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: group.foundedOn });
    const categories: readonly string[] = kind === "expense" ? EXPENSE_CATEGORIES : INCOME_CATEGORIES;
    if (!categories.includes(input.category)) throw invalid("category_invalid", "category");
    const note = cleanText(input.note, "note", { required: false, max: 200 });
    const via = moneyAccount(input.via);
    if (kind === "expense") assertOutflowConfirmed(amount, group.largeOutflowThreshold, input.confirmed);
    return appendEntry(tx, {
      group,
      kind,
      date,
      postings: kind === "expense" ? expensePostings(amount, via) : otherIncomePostings(amount, via),
      category: input.category,
      note,
      idempotencyKey: key,
      requestHash,
      actor: ctx.actor,
      now: nowOf(ctx),
    });
  });
}

export const recordExpense = (ctx: ServiceContext, input: CashMovementInput) =>
  recordCashMovement(ctx, input, "expense");
export const recordIncome = (ctx: ServiceContext, input: CashMovementInput) =>
  recordCashMovement(ctx, input, "other_income");

export type { CashCountRow };

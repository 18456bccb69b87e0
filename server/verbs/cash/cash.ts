import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { cashCountSignatures, cashCounts } from "@/db/schema";
import { assertBusinessDate, localDate, type BusinessDate } from "@/server/domain/dates";
import { conflict, invalid, notFound } from "@/server/domain/errors";
import {
  COUNT_REPLACE_REASONS,
  countTolerance,
  isCountReplaceReason,
  isLargeCountDifference,
  assertOutflowConfirmed,
} from "@/server/domain/plausibility";
import {
  EXPENSE_CATEGORIES,
  INCOME_CATEGORIES,
  bankTransferPostings,
  expensePostings,
  moneyAccount,
  otherIncomePostings,
  type MoneyAccount,
} from "@/server/domain/ledger";
import { assertAmount, MAX_AMOUNT } from "@/server/domain/money";
import { appendEntry, assertDateOpen, idempotentWrite, type EntryRow } from "@/server/ledger/writer";
import { nowOf, todayIn, type ServiceContext } from "@/server/shared/context";
import { cleanText } from "@/server/domain/text";
import { type OnGroup, zDate, zIdempotencyKey, zRupiah, zText, zVia } from "@/server/shared/fields";
import { cashCountByKey, type CashCountRow, writeCashCount } from "@/server/ledger/cash-counts";

import { cashOnBooks } from "@/server/shared/cash";
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

export type { CashCountRow };

export const ZCashCountSchema = z.object({
  date: zDate,
  countedAmount: z.number().int().min(0).max(1_000_000_000),
  /** "bank": the balance on the bank statement (buku tabungan / rekening koran) for that date. */
  account: zVia,
  /** Private: what the treasurer says about a difference. */
  note: zText(1000).nullish(),
  /**
   * The treasurer read the difference from the book in words and confirmed it: needed when it is
   * larger than Rp 50.000 or 5 % of the book (`count_difference_unconfirmed`).
   */
  confirmed: z.boolean().optional(),
  /** This count replaces one recorded today (a typing slip, or counted again): both stay. */
  replaces: z.object({ id: z.number().int().positive(), reason: z.enum(COUNT_REPLACE_REASONS) }).nullish(),
  idempotencyKey: zIdempotencyKey,
});

export type CashCountInput = OnGroup<typeof ZCashCountSchema>;

/**
 * The count a new one replaces: in this group, for the same money (box or bank) and date, recorded
 * today (the group's today), not replaced already, and not countersigned by the pengawas.
 */
async function replacedCount(
  tx: Tx,
  group: { id: number; timeZone: string },
  replaces: NonNullable<CashCountInput["replaces"]>,
  at: { date: BusinessDate; account: MoneyAccount; today: BusinessDate },
): Promise<CashCountRow> {
  if (!Number.isSafeInteger(replaces.id)) throw notFound("cash_count_not_found", "replaces");
  if (!isCountReplaceReason(replaces.reason)) throw invalid("count_replace_reason_invalid", "replaces");
  const [old] = await tx
    .select()
    .from(cashCounts)
    .where(and(eq(cashCounts.id, replaces.id), eq(cashCounts.groupId, group.id)));
  if (!old) throw notFound("cash_count_not_found", "replaces");
  if (
    old.account !== at.account ||
    old.businessDate !== at.date ||
    localDate(new Date(old.recordedAt), group.timeZone) !== at.today
  )
    throw invalid("count_replace_not_same_day", "replaces", { date: old.businessDate });
  const [later] = await tx.select({ id: cashCounts.id }).from(cashCounts).where(eq(cashCounts.replacesId, old.id));
  if (later) throw conflict("count_already_replaced", "replaces", { id: later.id });
  const [signed] = await tx
    .select({ at: cashCountSignatures.at })
    .from(cashCountSignatures)
    .where(eq(cashCountSignatures.cashCountId, old.id));
  if (signed) throw conflict("count_already_countersigned", "replaces");
  return old;
}

/**
 * A cash count — or a bank statement check — is a balance assertion: the difference from the
 * books is recorded and shown, never adjusted.
 */
export async function recordCashCount(ctx: ServiceContext, input: CashCountInput): Promise<CashCountRow> {
  return idempotentWrite(
    ctx,
    "cash.count",
    input,
    async (tx, { group, key, requestHash: reqHash }) => {
      const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: group.foundedOn });
      const counted = input.countedAmount;
      if (typeof counted !== "number" || !Number.isSafeInteger(counted) || counted < 0 || counted > MAX_AMOUNT)
        throw invalid("amount_invalid", "countedAmount");
      const account = moneyAccount(input.account);
      const note = cleanText(input.note, "note", { required: false, max: 200 });
      // A closed month's report lists its counts as printed: a late count is dated today.
      await assertDateOpen(tx, { group, date, now: nowOf(ctx) });
      const replaced = input.replaces
        ? await replacedCount(tx, group, input.replaces, { date, account, today: todayIn(ctx, group) })
        : null;
      const book = await cashOnBooks(tx, group.id, date, account);
      // A figure far from the book is more often a slip of the thumb than money gone: it is saved
      // only when the treasurer read the difference and confirmed it, whoever sends it.
      if (isLargeCountDifference(book, counted) && input.confirmed !== true)
        throw conflict("count_difference_unconfirmed", "countedAmount", {
          difference: counted - book,
          book,
          counted,
          tolerance: countTolerance(book),
        });
      const at = nowOf(ctx).toISOString();
      return writeCashCount(tx, {
        groupId: group.id,
        businessDate: date,
        account,
        countedAmount: counted,
        bookAmount: book,
        difference: counted - book,
        note,
        replacesId: replaced?.id ?? null,
        replaceReason: replaced ? input.replaces!.reason : null,
        idempotencyKey: key,
        requestHash: reqHash,
        recordedAt: at,
        recordedBy: ctx.actor,
      });
    },
    (_tx, previous) => previous,
    cashCountByKey,
  );
}

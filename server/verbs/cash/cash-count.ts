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
} from "@/server/domain/plausibility";
import { moneyAccount, type MoneyAccount } from "@/server/domain/ledger";
import { MAX_AMOUNT } from "@/server/domain/money";
import { assertDateOpen, idempotentWrite } from "@/server/ledger/writer";
import { nowOf, todayIn, type ServiceContext } from "@/server/shared/context";
import { cleanText } from "@/server/domain/text";
import { type OnGroup, zDate, zIdempotencyKey, zText, zVia } from "@/server/shared/fields";
import { cashCountByKey, type CashCountRow, writeCashCount } from "@/server/ledger/cash-counts";
import { cashOnBooks } from "@/server/shared/cash";

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

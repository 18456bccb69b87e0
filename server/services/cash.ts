import { and, desc, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db/client";
import { accountBalances, cashCountSignatures, cashCounts, postings } from "@/db/schema";
import { assertBusinessDate, localDate, type BusinessDate } from "@/server/domain/dates";
import { conflict, invalid, notFound } from "@/server/domain/errors";
import {
  COUNT_REPLACE_REASONS,
  countTolerance,
  isCountReplaceReason,
  isLargeCountDifference,
  assertOutflowConfirmed,
  type CountReplaceReason,
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
import { appendEntry, assertDateOpen, idempotentWrite, openDays, type EntryRow } from "@/server/ledger/writer";
import { loadGroupFor, nowOf, todayIn, type ServiceContext } from "./context";
import { cleanText } from "@/server/domain/text";
import { type GroupInput, zDate, zIdempotencyKey, zRupiah, zText, zVia } from "./fields";
import { cashCountByKey, type CashCountRow, writeCashCount } from "@/server/ledger/cash-counts";

export interface CashMovementInput {
  groupSlug: string;
  amount: number;
  date: string;
  category: string;
  note?: string | null;
  /** Paid from (or into) the cash box, or the group's bank account. */
  via?: MoneyAccount;
  /** The treasurer read the amount in words and confirmed it: needed above the group's threshold. */
  confirmed?: boolean;
  idempotencyKey: string;
}

/** An expense or other income (the category from its fixed list; the note stays private). */
export const ZCashMovementSchema = z.object({
  amount: zRupiah,
  date: zDate,
  category: z.string().max(40),
  note: zText(200).nullish(),
  via: zVia,
  confirmed: z.boolean().optional(),
  idempotencyKey: zIdempotencyKey,
}) satisfies z.ZodType<Omit<CashMovementInput, "groupSlug">>;

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

export interface BankTransferInput {
  groupSlug: string;
  /** setor ke bank (cash → bank) or tarik dari bank (bank → cash). */
  kind: "bank_deposit" | "bank_withdrawal";
  amount: number;
  date: string;
  idempotencyKey: string;
}

/** Moving money between the cash box and the bank: the group holds the same, in another place. */
export const ZBankTransferSchema = z.object({
  kind: z.enum(["bank_deposit", "bank_withdrawal"]),
  amount: zRupiah,
  date: zDate,
  idempotencyKey: zIdempotencyKey,
}) satisfies z.ZodType<Omit<BankTransferInput, "groupSlug">>;

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

/** Cash (or money in the bank) in the books at the end of a business date. */
export async function cashOnBooks(
  db: DbOrTx,
  groupId: number,
  date: BusinessDate,
  account: MoneyAccount = "cash",
): Promise<number> {
  const [total] = await db
    .select({ b: accountBalances.balance })
    .from(accountBalances)
    .where(
      and(
        eq(accountBalances.groupId, groupId),
        eq(accountBalances.account, account),
        eq(accountBalances.memberId, 0),
        eq(accountBalances.loanId, 0),
      ),
    );
  const [later] = await db
    .select({ s: sql<number>`coalesce(sum(${postings.amount}), 0)` })
    .from(postings)
    .where(
      and(
        eq(postings.groupId, groupId),
        eq(postings.account, account),
        sql`${postings.memberId} IS NULL`,
        sql`${postings.loanId} IS NULL`,
        gt(postings.businessDate, date),
      ),
    );
  return (total?.b ?? 0) - Number(later?.s ?? 0);
}

export type { CashCountRow };

export interface CashCountInput {
  groupSlug: string;
  date: string;
  countedAmount: number;
  /** "bank": the balance on the bank statement (buku tabungan / rekening koran) for that date. */
  account?: MoneyAccount;
  /** Private: what the treasurer says about a difference. */
  note?: string | null;
  /**
   * The treasurer read the difference from the book in words and confirmed it: needed when it is
   * larger than Rp 50.000 or 5 % of the book (`count_difference_unconfirmed`).
   */
  confirmed?: boolean;
  /** This count replaces one recorded today (a typing slip, or counted again): both stay. */
  replaces?: { id: number; reason: CountReplaceReason } | null;
  idempotencyKey: string;
}

export const ZCashCountSchema = z.object({
  date: zDate,
  countedAmount: z.number().int().min(0).max(1_000_000_000),
  account: zVia,
  note: zText(1000).nullish(),
  confirmed: z.boolean().optional(),
  replaces: z.object({ id: z.number().int().positive(), reason: z.enum(COUNT_REPLACE_REASONS) }).nullish(),
  idempotencyKey: zIdempotencyKey,
}) satisfies z.ZodType<Omit<CashCountInput, "groupSlug">>;

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

export async function lastCashCount(
  db: DbOrTx,
  groupId: number,
  account: MoneyAccount = "cash",
): Promise<(CashCountRow & { countersignedAt: string | null }) | null> {
  const [row] = await db
    .select()
    .from(cashCounts)
    .where(and(eq(cashCounts.groupId, groupId), eq(cashCounts.account, account)))
    .orderBy(desc(cashCounts.businessDate), desc(cashCounts.id))
    .limit(1);
  if (!row) return null;
  const [signed] = await db
    .select({ at: cashCountSignatures.at })
    .from(cashCountSignatures)
    .where(eq(cashCountSignatures.cashCountId, row.id));
  return { ...row, countersignedAt: signed?.at ?? null };
}

/** What the cash box and the bank hold by the books today, and their last count and check. */
export async function moneyOnHand(ctx: ServiceContext, input: GroupInput) {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "read");
  const today = todayIn(ctx, group);
  const [cash, bank, lastCount, lastBankCheck, open] = await Promise.all([
    cashOnBooks(db, group.id, today),
    cashOnBooks(db, group.id, today, "bank"),
    lastCashCount(db, group.id),
    lastCashCount(db, group.id, "bank"),
    openDays(db, group, nowOf(ctx)),
  ]);
  // `openFrom`: the earliest date a write may carry now (the screens' lower bound; today the upper).
  return {
    cash,
    bank,
    today,
    openFrom: open.from,
    lastCount,
    lastBankCheck,
    largeOutflowThreshold: group.largeOutflowThreshold,
  };
}

import { and, desc, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db/client";
import { accountBalances, cashCountSignatures, cashCounts, postings } from "@/db/schema";
import { assertBusinessDate, type BusinessDate } from "@/server/domain/dates";
import { conflict, invalid } from "@/server/domain/errors";
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
import { appendEntry, assertDateOpen, idempotentWrite, type EntryRow } from "./append-entry";
import { loadGroupFor, nowOf, todayIn, type ServiceContext, audit } from "./context";
import { cleanText } from "@/server/domain/text";
import { type GroupInput, zDate, zIdempotencyKey, zRupiah, zText, zVia } from "./fields";

export interface CashMovementInput {
  groupSlug: string;
  amount: number;
  date: string;
  category: string;
  note?: string | null;
  /** Paid from (or into) the cash box, or the group's bank account. */
  via?: MoneyAccount;
  idempotencyKey: string;
}

/** An expense or other income (the category from its fixed list; the note stays private). */
export const ZCashMovementSchema = z.object({
  amount: zRupiah,
  date: zDate,
  category: z.string().max(40),
  note: zText(200).nullish(),
  via: zVia,
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

export type CashCountRow = typeof cashCounts.$inferSelect;

export interface CashCountInput {
  groupSlug: string;
  date: string;
  countedAmount: number;
  /** "bank": the balance on the bank statement (buku tabungan / rekening koran) for that date. */
  account?: MoneyAccount;
  /** Private: what the treasurer says about a difference. */
  note?: string | null;
  idempotencyKey: string;
}

export const ZCashCountSchema = z.object({
  date: zDate,
  countedAmount: z.number().int().min(0).max(1_000_000_000),
  account: zVia,
  note: zText(1000).nullish(),
  idempotencyKey: zIdempotencyKey,
}) satisfies z.ZodType<Omit<CashCountInput, "groupSlug">>;

/**
 * A cash count — or a bank statement check — is a balance assertion: the difference from the
 * books is recorded and shown, never adjusted.
 */
/** The count already recorded under this key (the same request), or a conflict for other content. */
async function cashCountByKey(tx: Tx, groupId: number, key: string, requestHash: string): Promise<CashCountRow | null> {
  const [existing] = await tx
    .select()
    .from(cashCounts)
    .where(and(eq(cashCounts.groupId, groupId), eq(cashCounts.idempotencyKey, key)));
  if (existing && existing.requestHash !== requestHash) throw conflict("idempotency_key_reused", "idempotencyKey");
  return existing ?? null;
}

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
      const book = await cashOnBooks(tx, group.id, date, account);
      const at = nowOf(ctx).toISOString();
      const [row] = await tx
        .insert(cashCounts)
        .values({
          groupId: group.id,
          businessDate: date,
          account,
          countedAmount: counted,
          bookAmount: book,
          difference: counted - book,
          note,
          idempotencyKey: key,
          requestHash: reqHash,
          recordedAt: at,
          recordedBy: ctx.actor,
        })
        .returning();
      await audit(tx, ctx, {
        at,
        action: account === "bank" ? "bank.check" : "cash.count",
        groupId: group.id,
        detail: { date, counted, book },
      });
      return row!;
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
  const [cash, bank, lastCount, lastBankCheck] = await Promise.all([
    cashOnBooks(db, group.id, today),
    cashOnBooks(db, group.id, today, "bank"),
    lastCashCount(db, group.id),
    lastCashCount(db, group.id, "bank"),
  ]);
  return { cash, bank, today, lastCount, lastBankCheck };
}

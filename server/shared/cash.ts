/** The money the books hold and the last count of it: the cash-count verb checks a count against them, the pages show them. */
import { and, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { accountBalances, cashCountSignatures, cashCounts, postings } from "@/db/schema";
import type { BusinessDate } from "@/server/domain/dates";
import { type MoneyAccount, SAVINGS_ACCOUNTS, type SavingsAccount } from "@/server/domain/ledger";
import { openDays } from "@/server/ledger/writer";
import { loadGroupFor, nowOf, todayIn, type ServiceContext } from "@/server/shared/context";
import type { GroupInput } from "@/server/shared/fields";
import type { CashCountRow } from "@/server/ledger/cash-counts";

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

export async function memberSavingsByAccount(
  tx: Tx,
  groupId: number,
  memberId: number,
): Promise<Record<SavingsAccount, number>> {
  const rows = await tx
    .select({ account: accountBalances.account, balance: accountBalances.balance })
    .from(accountBalances)
    .where(
      and(
        eq(accountBalances.groupId, groupId),
        eq(accountBalances.memberId, memberId),
        inArray(accountBalances.account, [...SAVINGS_ACCOUNTS]),
      ),
    );
  const out = { savings_share: 0, savings_mandatory: 0, savings_voluntary: 0 };
  for (const r of rows) out[r.account as SavingsAccount] = -r.balance;
  return out;
}

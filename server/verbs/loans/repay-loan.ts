import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { postings } from "@/db/schema";
import { assertBusinessDate } from "@/server/domain/dates";
import { invalid, notFound } from "@/server/domain/errors";
import { repaymentPostings, moneyAccount, type RepaymentAllocation } from "@/server/domain/ledger";
import { loanState, viewLoan, type LoanEntryFacts } from "@/server/domain/loans";
import { assertAmount } from "@/server/domain/money";
import { appendEntry, idempotentWrite, type EntryRow, type NewEntry } from "@/server/ledger/writer";
import type { EntryBatch } from "@/server/ledger/batch";
import { assertIdempotencyKey, requestHash } from "@/server/domain/idempotency";
import { todayIn, type GroupRow, type ServiceContext } from "@/server/shared/context";
import { type OnGroup, zDate, zId, zIdempotencyKey, zRupiah, zVia } from "@/server/shared/fields";
import { type LoanRow, loadLoan, standingLoanEntries } from "@/server/shared/loans";
import { loanEntry } from "@/server/shared/loans";

export const ZRepayLoanSchema = z.object({
  loanId: zId,
  amount: zRupiah,
  date: zDate,
  /** Paid into the cash box (the default) or the group's bank account. */
  via: zVia,
  idempotencyKey: zIdempotencyKey,
});

export type RepayLoanInput = OnGroup<typeof ZRepayLoanSchema>;

/** Angsuran: allocated to fines, then jasa, then principal; never more than what is owed. */
export async function repayLoan(
  ctx: ServiceContext,
  input: RepayLoanInput,
): Promise<{ entry: EntryRow; allocation: RepaymentAllocation }> {
  return idempotentWrite(
    ctx,
    "loans.repay",
    input,
    async (tx, { group, key, requestHash }) => {
      const loan = await loadLoan(tx, group, input.loanId);
      const { entry, allocation } = repayment(ctx, group, loan, await standingLoanEntries(tx, loan.id), input, {
        key,
        requestHash,
      });
      return { entry: await appendEntry(tx, entry), allocation };
    },
    async (tx, replay) => ({ entry: replay, allocation: await allocationOf(tx, replay.id) }),
  );
}

/** A repayment as an entry, allocated on the loan's standing entries (no I/O). */
function repayment(
  ctx: ServiceContext,
  group: GroupRow,
  loan: LoanRow,
  entries: readonly LoanEntryFacts[],
  input: RepayLoanInput,
  w: { key: string; requestHash: string },
): { entry: NewEntry; allocation: RepaymentAllocation } {
  const amount = assertAmount(input.amount);
  const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: loan.disbursedOn });
  const current = viewLoan(loan, entries, date);
  if (current.status === "dihapus" || current.status === "dibatalkan")
    throw invalid("loan_closed", "loanId", { status: current.status });
  if (current.status === "lunas") throw invalid("loan_already_repaid", "loanId");
  const paid = entries.filter((e) => e.kind === "loan_repayment");
  const last = paid.at(-1);
  if (last && date < last.businessDate)
    throw invalid("date_before_last_repayment", "date", { last: last.businessDate });
  const repayments = [...paid.map((e) => ({ date: e.businessDate, amount: e.amount })), { date, amount }];
  const allocation = loanState(loan, repayments, date, current.schedule).allocations.at(-1)!;
  const entry = loanEntry(ctx, group, loan, w, {
    kind: "loan_repayment",
    date,
    postings: repaymentPostings(loan.memberId, loan.id, allocation, moneyAccount(input.via)),
  });
  return { entry, allocation };
}

/**
 * A repayment added to a batch of history (see EntryBatch) instead of written on its own: the same
 * input, checks, allocation and entry as `repayLoan`, on the loan's standing entries as the caller
 * holds them (the batch's own repayments of the loan included).
 */
export function batchRepayment(
  batch: EntryBatch,
  ctx: ServiceContext,
  loan: LoanRow,
  entries: readonly LoanEntryFacts[],
  input: RepayLoanInput,
): { entry: NewEntry; allocation: RepaymentAllocation } {
  const key = assertIdempotencyKey(input.idempotencyKey);
  if (loan.groupId !== batch.group.id || loan.id !== input.loanId) throw notFound("loan_not_found", "loanId");
  const r = repayment(ctx, batch.group, loan, entries, input, { key, requestHash: requestHash("loans.repay", input) });
  batch.add(r.entry);
  return r;
}

async function allocationOf(db: DbOrTx, entryId: number): Promise<RepaymentAllocation> {
  const rows = await db.select().from(postings).where(eq(postings.entryId, entryId));
  const a = { fine: 0, serviceCharge: 0, principal: 0 };
  for (const p of rows) {
    if (p.account === "income_fine") a.fine = -p.amount;
    if (p.account === "income_service_charge") a.serviceCharge = -p.amount;
    if (p.account === "loans_receivable") a.principal = -p.amount;
  }
  return a;
}

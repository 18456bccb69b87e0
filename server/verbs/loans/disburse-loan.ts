import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { loans } from "@/db/schema";
import { assertBusinessDate, type BusinessDate } from "@/server/domain/dates";
import { DomainError, invalid } from "@/server/domain/errors";
import { disbursementPostings, moneyAccount } from "@/server/domain/ledger";
import { LOAN_METHODS, LOAN_PURPOSES, loanSchedule, viewLoan, type Installment } from "@/server/domain/loans";
import { assertArrearsConfirmed, assertWithinCeiling, principalOwed } from "@/server/domain/lending";
import { assertAmount } from "@/server/domain/money";
import { lendingRuleOf, memberSavings } from "@/server/shared/lending-rule";
import { appendEntry, idempotentWrite, type EntryRow, type NewEntry } from "@/server/ledger/writer";
import { EntryBatch } from "@/server/ledger/batch";
import { insertLoans } from "@/server/ledger/loans";
import { assertIdempotencyKey, requestHash } from "@/server/domain/idempotency";
import {
  activeMemberIn,
  loadActiveMember,
  todayIn,
  type GroupRow,
  type MemberRow,
  type ServiceContext,
} from "@/server/shared/context";
import { type OnGroup, zDate, zIdempotencyKey, zMemberCode, zRupiah, zVia } from "@/server/shared/fields";
import { loanEntry, type LoanRow, type LoanView, standingLoanEntries } from "@/server/shared/loans";

export const ZDisburseLoanSchema = z.object({
  memberCode: zMemberCode,
  principal: zRupiah,
  termMonths: z.number().int().min(1).max(120),
  date: zDate,
  purpose: z.enum(LOAN_PURPOSES),
  crop: z.string().max(32).nullish(),
  idempotencyKey: zIdempotencyKey,
  /** Only an admin may set these (checked by the caller); otherwise the group's policy applies. */
  rateBpsPerMonth: z.number().int().min(0).max(1000).optional(),
  method: z.enum(LOAN_METHODS).optional(),
  /** Paid out from the cash box (the default) or the group's bank account. */
  via: zVia,
  /** She was told the borrower has a loan more than 30 days late and lends all the same. */
  confirmed: z.boolean().optional(),
});

export type DisburseLoanInput = OnGroup<typeof ZDisburseLoanSchema>;

export const CROPS = ["kopi", "kemiri", "kakao", "cengkeh", "vanili", "jambu_mete", "padi", "lainnya"] as const;

/** Pencairan pinjaman: creates the loan with the group's policy, its schedule, and the entry. */
export async function disburseLoan(
  ctx: ServiceContext,
  input: DisburseLoanInput,
): Promise<{ entry: EntryRow; loan: LoanRow; schedule: Installment[] }> {
  return idempotentWrite(
    ctx,
    "loans.disburse",
    input,
    async (tx, { group, key, requestHash }) => {
      const terms = loanTerms(ctx, group, input);
      const member = await loadActiveMember(tx, group, input.memberCode, terms.disbursedOn);
      // The group's lending rule, then the borrower's arrears: checked here, so no caller skips them.
      const [rule, savings, others] = await Promise.all([
        lendingRuleOf(tx, group),
        memberSavings(tx, group, member.id),
        memberLoanViews(tx, member.id, terms.disbursedOn),
      ]);
      // The ceiling holds on what she owes in total: her open loans' principal and this one.
      const owed = principalOwed(
        others.map((v) => ({ status: v.status, principalOutstanding: v.state.principalOutstanding })),
      );
      assertWithinCeiling(rule, savings, terms.principal, owed);
      assertArrearsConfirmed(
        others.map((v) => ({ status: v.status, daysPastDue: v.state.daysPastDue })),
        input.confirmed === true,
      );
      const [loan] = await insertLoans(tx, [{ ...terms, memberId: member.id }]);
      const entry = await appendEntry(tx, disbursement(ctx, group, loan!, input, { key, requestHash }));
      return { entry, loan: loan!, schedule: loanSchedule(loan!) };
    },
    async (tx, replay) => {
      const [loan] = await tx.select().from(loans).where(eq(loans.id, replay.loanId!));
      return { entry: replay, loan: loan!, schedule: loanSchedule(loan!) };
    },
  );
}

/** A new loan's terms: the group's policy unless an admin sets the rate or method for it (no I/O). */
function loanTerms(ctx: ServiceContext, group: GroupRow, input: DisburseLoanInput) {
  // The group's own rate and method unless an admin sets others for this loan.
  if ((input.rateBpsPerMonth !== undefined || input.method !== undefined) && ctx.user && ctx.user.role !== "admin")
    throw new DomainError("forbidden", "role_forbidden", "rateBpsPerMonth");
  const principal = assertAmount(input.principal, "principal");
  if (!Number.isInteger(input.termMonths) || input.termMonths < 1 || input.termMonths > group.loanMaxTermMonths)
    throw invalid("term_invalid", "termMonths", { max: group.loanMaxTermMonths });
  if (!LOAN_PURPOSES.includes(input.purpose as never)) throw invalid("purpose_invalid", "purpose");
  if (input.crop != null && !CROPS.includes(input.crop as never)) throw invalid("crop_invalid", "crop");
  const method = input.method ?? group.loanMethod;
  if (!LOAN_METHODS.includes(method)) throw invalid("method_invalid", "method");
  const rateBpsPerMonth = input.rateBpsPerMonth ?? group.loanRateBpsPerMonth;
  if (!Number.isInteger(rateBpsPerMonth) || rateBpsPerMonth < 0 || rateBpsPerMonth > 1000)
    throw invalid("rate_invalid", "rateBpsPerMonth");
  const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: group.foundedOn });
  return {
    groupId: group.id,
    principal,
    termMonths: input.termMonths,
    rateBpsPerMonth,
    method,
    lateFineAmount: group.lateFineAmount,
    lateFineGraceDays: group.lateFineGraceDays,
    disbursedOn: date,
    purpose: input.purpose,
    crop: input.crop ?? null,
  };
}

/** A loan's disbursement as an entry (no I/O). */
function disbursement(
  ctx: ServiceContext,
  group: GroupRow,
  loan: LoanRow,
  input: DisburseLoanInput,
  w: { key: string; requestHash: string },
): NewEntry {
  return loanEntry(ctx, group, loan, w, {
    kind: "loan_disbursement",
    date: loan.disbursedOn,
    postings: disbursementPostings(loan.memberId, loan.id, loan.principal, moneyAccount(input.via)),
  });
}

/** A member's loans with their views at `asOf` (for the arrears check before lending to her again). */
async function memberLoanViews(db: DbOrTx, memberId: number, asOf: BusinessDate): Promise<LoanView[]> {
  const rows = await db.select().from(loans).where(eq(loans.memberId, memberId));
  return Promise.all(rows.map(async (l) => viewLoan(l, await standingLoanEntries(db, l.id), asOf)));
}

/** A batch of history for the group (see EntryBatch), its new loans held to the group's lending rule as it stands. */
export async function openHistoryBatch(db: DbOrTx, group: GroupRow): Promise<EntryBatch> {
  return EntryBatch.open(db, group, await lendingRuleOf(db, group));
}

/**
 * A disbursement added to a batch of history (see EntryBatch) instead of written on its own: the
 * same input, checks, loan and entry as `disburseLoan`; the loan takes the next id and goes in with
 * the batch, whose check keeps the cash (or bank) from going below zero. The lending rule is the
 * one the batch read when it opened; `borrowerSavings` is her savings as written (the caller reads
 * them, e.g. with `savingsByMember`, after writing what changed them), `borrowerOwes` the principal
 * still outstanding on her open loans (the ceiling holds on the total). The arrears confirmation is
 * not asked here: history is typed in as it happened, and `confirmed` is the caller's to give.
 */
export function batchDisbursement(
  batch: EntryBatch,
  ctx: ServiceContext,
  byCode: Map<string, MemberRow>,
  input: DisburseLoanInput,
  borrowerSavings: number,
  borrowerOwes: number,
): LoanRow {
  const key = assertIdempotencyKey(input.idempotencyKey);
  const terms = loanTerms(ctx, batch.group, input);
  const member = activeMemberIn(byCode, batch.group, input.memberCode, terms.disbursedOn, "memberCode");
  assertWithinCeiling(batch.lendingRule, borrowerSavings, terms.principal, borrowerOwes);
  const loan: LoanRow = {
    ...terms,
    id: batch.nextLoanId,
    memberId: member.id,
    importedOn: null,
    importedPaidInstallments: null,
    importedPrincipalOutstanding: null,
  };
  batch.add(
    disbursement(ctx, batch.group, loan, input, { key, requestHash: requestHash("loans.disburse", input) }),
    [],
    loan,
  );
  return loan;
}

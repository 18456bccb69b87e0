import { eq } from "drizzle-orm";
import { z } from "zod";
import { members } from "@/db/schema";
import { loanDue } from "@/server/domain/loans";
import { loadGroupFor, todayIn, type ServiceContext } from "@/server/shared/context";
import { type GroupInput, zId } from "@/server/shared/fields";
import { type LoanView, loadLoan, loanView, groupLoanViews } from "@/server/shared/loans";

/** How many loans one page of the register holds (the loans tab shows the first). */
export const LOAN_PAGE_SIZE = 50;

/** The group's loans viewed today, newest first, each with its borrower's code. */
async function viewsToday(ctx: ServiceContext, groupSlug: string) {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, groupSlug, "read");
  const today = todayIn(ctx, group);
  const [views, codes] = await Promise.all([
    groupLoanViews(db, group, today),
    db.select({ id: members.id, code: members.code }).from(members).where(eq(members.groupId, group.id)),
  ]);
  const codeOf = new Map(codes.map((m) => [m.id, m.code]));
  const row = (v: LoanView) => ({
    id: v.loan.id,
    memberCode: codeOf.get(v.loan.memberId) ?? "?",
    principal: v.loan.principal,
    termMonths: v.loan.termMonths,
    disbursedOn: v.loan.disbursedOn,
    purpose: v.loan.purpose,
    status: v.status,
    totalOwed: v.state.totalOwed,
    /** The principal still owed: what counts against her lending limit. */
    principalOutstanding: v.state.principalOutstanding,
    daysPastDue: v.state.daysPastDue,
  });
  return { today, views: views.reverse(), row };
}

/**
 * The loans still open (running or late), newest first, with what is due today and the next unpaid
 * installment's date: all the overview, the repayment picker and the arrears check need — kept on
 * the phone (one stable URL) for a meeting with no signal. No schedules: those come per loan.
 */
export async function openLoans(ctx: ServiceContext, input: GroupInput) {
  const { today, views, row } = await viewsToday(ctx, input.groupSlug);
  return views
    .filter((v) => v.status === "berjalan" || v.status === "menunggak")
    .map((v) => ({
      ...row(v),
      nextDueOn: v.state.installments.find((i) => !i.paidOn)?.dueOn ?? null,
      /** What is due today (installment, arrears, fines, payoff): kept with the list on the phone. */
      due: loanDue(v.state, today),
    }));
}

export const ZLoanPageSchema = z.object({ page: z.number().int().min(0).max(10_000).default(0) });
export type LoanPageInput = z.input<typeof ZLoanPageSchema> & GroupInput;

/** The treasurer's loan register, a page at a time (newest first), without schedules. */
export async function loanRegister(ctx: ServiceContext, input: LoanPageInput) {
  const { page } = ZLoanPageSchema.parse(input);
  const { views, row } = await viewsToday(ctx, input.groupSlug);
  return {
    loans: views.slice(page * LOAN_PAGE_SIZE, (page + 1) * LOAN_PAGE_SIZE).map(row),
    page,
    pageSize: LOAN_PAGE_SIZE,
    total: views.length,
  };
}

export const ZLoanScheduleSchema = z.object({ loanId: zId });
export type LoanScheduleInput = z.input<typeof ZLoanScheduleSchema> & GroupInput;

/** One loan's schedule as it stands today (each installment with what was paid), when that loan is opened. */
export async function loanScheduleToday(ctx: ServiceContext, input: LoanScheduleInput) {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "read");
  const loan = await loadLoan(db, group, input.loanId);
  const view = await loanView(db, group, loan, todayIn(ctx, group));
  return { loanId: loan.id, status: view.status, installments: view.state.installments };
}

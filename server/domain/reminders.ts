/**
 * Reminders of an installment (pengingat angsuran): a loan with an installment falling due in the
 * next three days, or already late, gives the treasurer one message for that member. Built from what
 * the open-loans list carries (what is due today, by the loan's schedule and repayments), in the
 * group's own dates; each reminder is about one member's loan only.
 */
import { addDays, type BusinessDate } from "./dates";
import type { LoanDue } from "./loans";

/** How many days ahead an installment falling due is worth a reminder. */
export const REMINDER_DAYS_AHEAD = 3;

export interface Reminder {
  loanId: number;
  memberCode: string;
  /** Late: installments past their date (or fines) unpaid. Otherwise one falls due within the days ahead. */
  late: boolean;
  /** What to pay: the arrears and fines, and the installment falling due in the window. */
  amount: number;
  /** Fines included in `amount`. */
  fines: number;
  /** Late: the day she fell behind; else the day the installment falls due. */
  dueOn: BusinessDate;
}

/** An open loan as the open-loans list gives it. */
export interface OpenLoanDue {
  id: number;
  memberCode: string;
  due: Pick<LoanDue, "installment" | "arrears" | "fines" | "daysPastDue">;
}

/** The reminders for `today` (the group's date): the late first (longest late first), then the soonest due. */
export function installmentReminders(loans: readonly OpenLoanDue[], today: BusinessDate): Reminder[] {
  const until = addDays(today, REMINDER_DAYS_AHEAD);
  const out: Reminder[] = [];
  for (const l of loans) {
    const { installment, arrears, fines, daysPastDue } = l.due;
    const soon = installment && installment.dueOn >= today && installment.dueOn <= until ? installment : null;
    const late = arrears > 0 || fines > 0;
    if (!late && !soon) continue;
    out.push({
      loanId: l.id,
      memberCode: l.memberCode,
      late,
      amount: arrears + fines + (soon?.amount ?? 0),
      fines,
      dueOn: late && daysPastDue > 0 ? addDays(today, -daysPastDue) : (soon?.dueOn ?? today),
    });
  }
  return out.sort((a, b) =>
    a.late !== b.late ? (a.late ? -1 : 1) : a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.loanId - b.loanId,
  );
}

/**
 * Leaving the group: the rules a treasurer's one tap must meet before a member is recorded as gone.
 *
 * - She leaves only once asked and confirmed (`leave_unconfirmed`): the screen asks, the server holds.
 * - Never while a loan of hers still runs (`member_has_loan`): the group would lose sight of it.
 * - Never with savings left in the book (`member_has_savings`) — unless the same act pays her whole
 *   balance out, as one withdrawal entry, before she leaves.
 * - A leave entered by mistake is undone by the treasurer on the day it was recorded, and only then
 *   (`leave_undo_too_late`): by the next day the group may have acted on it.
 */
import type { BusinessDate } from "./dates";
import { conflict, type DomainError, invalid } from "./errors";

export interface LeaveStanding {
  /** Her loans with principal still owed. */
  runningLoans: number;
  /** Her savings in all accounts, in rupiah. */
  savings: number;
}

/** Why she may not leave now (null: she may). `payOut`: her savings are paid out in the same act. */
export function leaveRefusal(s: LeaveStanding, opts: { confirmed: boolean; payOut: boolean }): DomainError | null {
  if (!opts.confirmed) return invalid("leave_unconfirmed", "confirmed");
  if (s.runningLoans > 0) return conflict("member_has_loan", "code", { count: s.runningLoans });
  if (s.savings > 0 && !opts.payOut) return conflict("member_has_savings", "code", { savings: s.savings });
  if (s.savings <= 0 && opts.payOut) return invalid("nothing_to_pay_out", "payOut");
  return null;
}

/** A leave may be undone on the (local) day it was recorded, and not after. */
export const mayUndoLeave = (recordedOn: BusinessDate, today: BusinessDate): boolean => recordedOn === today;

/**
 * Savings may be paid out to a member active on the day, and to one who has left with savings still
 * in the book (older data, from before leaving checked them): what is hers stays hers to take.
 */
export const mayWithdrawOn = (
  m: { joinedOn: BusinessDate; leftOn: BusinessDate | null },
  date: BusinessDate,
): boolean => date >= m.joinedOn;

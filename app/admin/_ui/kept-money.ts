/**
 * The money the phone can judge a write by with no signal: the box and the bank as last synced
 * (cash.onHand, kept by the service worker), moved by the writes still waiting in the phone's queue
 * (not on the server yet, so not in the synced figures), and a member's savings less what waits to
 * be withdrawn. Pure, so the forms' offline checks are tested without a browser. The server judges
 * each write again when it is sent.
 */
import type { QueuedWrite } from "./offline-queue";

export interface Money {
  cash: number;
  bank: number;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const account = (v: unknown): keyof Money => (v === "bank" ? "bank" : "cash");

/** What one queued write does to the box and the bank (a count moves nothing; a leave's payout is not known here). */
export function movement(w: Pick<QueuedWrite, "kind" | "input">): Money {
  const i = w.input;
  const m: Money = { cash: 0, bank: 0 };
  switch (w.kind) {
    case "collection":
      m.cash += (Array.isArray(i.lines) ? i.lines : []).reduce(
        (s: number, l) => s + num((l as { amount?: unknown }).amount),
        0,
      );
      break;
    case "repayment":
    case "income":
      m[account(i.via)] += num(i.amount);
      break;
    case "loan":
      m[account(i.via)] -= num(i.principal);
      break;
    case "expense":
      m[account(i.via)] -= num(i.amount);
      break;
    case "withdrawal":
      m.cash -= num(i.amount);
      break;
    case "bank_deposit":
      m.cash -= num(i.amount);
      m.bank += num(i.amount);
      break;
    case "bank_withdrawal":
      m.bank -= num(i.amount);
      m.cash += num(i.amount);
      break;
    default:
      break;
  }
  return m;
}

/** The box and the bank as synced, after every write still waiting on the phone. */
export function afterQueue(synced: Money, writes: readonly Pick<QueuedWrite, "kind" | "input">[]): Money {
  return writes.reduce(
    (acc, w) => {
      const m = movement(w);
      return { cash: acc.cash + m.cash, bank: acc.bank + m.bank };
    },
    { cash: synced.cash, bank: synced.bank },
  );
}

/** What waits on the phone to be withdrawn from a member's savings. */
export const waitingWithdrawals = (writes: readonly Pick<QueuedWrite, "kind" | "input">[], memberCode: string) =>
  writes
    .filter((w) => w.kind === "withdrawal" && w.input.memberCode === memberCode)
    .reduce((s, w) => s + num(w.input.amount), 0);

/** The principal of the loans to a member waiting on the phone (not on the server yet): it counts against her limit. */
export const waitingLoans = (writes: readonly Pick<QueuedWrite, "kind" | "input">[], memberCode: string) =>
  writes
    .filter((w) => w.kind === "loan" && w.input.memberCode === memberCode)
    .reduce((s, w) => s + num(w.input.principal), 0);

/** What waits on the phone to be repaid on a loan (repayments kept with no signal, not on the server yet). */
export const waitingRepayments = (writes: readonly Pick<QueuedWrite, "kind" | "input">[], loanId: number) =>
  writes
    .filter((w) => w.kind === "repayment" && Number(w.input.loanId) === loanId)
    .reduce((s, w) => s + num(w.input.amount), 0);

/**
 * A loan's figures as last synced, less the repayments waiting on the phone: what is still due now,
 * what closes it, and what is owed (never below nothing). The server allocates each repayment again
 * when it is sent; this only keeps her from taking the same installment twice.
 */
export function dueAfterWaiting(
  synced: { dueNow: number; settle: number; totalOwed: number },
  waiting: number,
): { dueNow: number; settle: number; totalOwed: number } {
  const less = (n: number) => Math.max(0, n - Math.max(0, waiting));
  return { dueNow: less(synced.dueNow), settle: less(synced.settle), totalOwed: less(synced.totalOwed) };
}

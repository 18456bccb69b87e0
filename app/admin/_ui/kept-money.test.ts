import { describe, expect, it } from "vitest";
import { DEFAULT_LENDING_RULE, loanRoom, principalOwed } from "@/server/domain/lending";
import { afterQueue, dueAfterWaiting, waitingLoans, waitingRepayments, waitingWithdrawals } from "./kept-money";
import type { QueuedWrite } from "./offline-queue";

const w = (kind: QueuedWrite["kind"], input: Record<string, unknown>) => ({ kind, input });

describe("the money a form judges by with no signal", () => {
  const synced = { cash: 500_000, bank: 1_000_000 };

  it("is the synced box and bank moved by every write still waiting on the phone", () => {
    const queue = [
      w("collection", { lines: [{ amount: 5_000 }, { amount: 10_000 }] }),
      w("repayment", { amount: 100_000, via: "cash" }),
      w("income", { amount: 7_000, via: "bank" }),
      w("expense", { amount: 20_000, via: "cash" }),
      w("loan", { principal: 300_000, via: "bank" }),
      w("withdrawal", { memberCode: "RD-001", amount: 50_000 }),
      w("bank_deposit", { amount: 200_000 }),
      w("bank_withdrawal", { amount: 30_000 }),
      w("cash_count", { countedAmount: 1 }),
    ];
    expect(afterQueue(synced, queue)).toEqual({
      cash: 500_000 + 15_000 + 100_000 - 20_000 - 50_000 - 200_000 + 30_000,
      bank: 1_000_000 + 7_000 - 300_000 + 200_000 - 30_000,
    });
    // Nothing waiting: the synced figures as they are.
    expect(afterQueue(synced, [])).toEqual(synced);
  });

  it("a second expense kept offline is judged after the first: the box is not spent twice", () => {
    const first = [w("expense", { amount: 400_000, via: "cash" })];
    expect(afterQueue(synced, first).cash).toBe(100_000);
  });

  it("a member's savings less what already waits to be withdrawn from them", () => {
    const queue = [
      w("withdrawal", { memberCode: "RD-001", amount: 50_000 }),
      w("withdrawal", { memberCode: "RD-002", amount: 9_000 }),
      w("withdrawal", { memberCode: "RD-001", amount: 20_000 }),
    ];
    expect(waitingWithdrawals(queue, "RD-001")).toBe(70_000);
    expect(waitingWithdrawals(queue, "RD-003")).toBe(0);
  });

  it("a loan's due and owed less the repayments waiting on the phone for that loan only", () => {
    const queue = [
      w("repayment", { loanId: 636, amount: 300_000, via: "cash" }),
      w("repayment", { loanId: 7, amount: 1_000, via: "cash" }),
      w("repayment", { loanId: 636, amount: 50_000, via: "bank" }),
      w("income", { loanId: 636, amount: 9_999 }),
    ];
    expect(waitingRepayments(queue, 636)).toBe(350_000);
    expect(waitingRepayments(queue, 8)).toBe(0);
    const synced = { dueNow: 400_000, settle: 1_200_000, totalOwed: 1_300_000 };
    expect(dueAfterWaiting(synced, 350_000)).toEqual({ dueNow: 50_000, settle: 850_000, totalOwed: 950_000 });
    // Paid in full (or more) on the phone: nothing more is due now, never a negative figure.
    expect(dueAfterWaiting(synced, 2_000_000)).toEqual({ dueNow: 0, settle: 0, totalOwed: 0 });
    expect(dueAfterWaiting(synced, 0)).toEqual(synced);
  });

  it("her lending limit less what she owes: her open loans as synced and the loans to her waiting on the phone", () => {
    const queue = [
      w("loan", { memberCode: "RD-001", principal: 400_000, via: "cash" }),
      w("loan", { memberCode: "RD-002", principal: 900_000, via: "cash" }),
      w("repayment", { memberCode: "RD-001", loanId: 3, amount: 100_000 }),
    ];
    expect(waitingLoans(queue, "RD-001")).toBe(400_000);
    expect(waitingLoans(queue, "RD-003")).toBe(0);
    // Savings Rp 1 juta (limit Rp 3 juta); a running loan with Rp 1,5 juta still owed, one repaid.
    const synced = principalOwed([
      { status: "berjalan", principalOutstanding: 1_500_000 },
      { status: "lunas", principalOutstanding: 0 },
    ]);
    const room = loanRoom(DEFAULT_LENDING_RULE, 1_000_000, synced + waitingLoans(queue, "RD-001"));
    expect(room).toEqual({ ceiling: 3_000_000, limit: "savings", owed: 1_900_000, room: 1_100_000 });
  });
});

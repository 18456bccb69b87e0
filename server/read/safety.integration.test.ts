/**
 * What moved through the cash box since the last count, read from the ledger: the entries dated
 * after the count's day, money in and out apart, so that the count's book figure + in − out is the
 * cash on the books now.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cashOnBooks } from "@/server/shared/cash";
import { recordBankTransfer } from "@/server/verbs/cash/bank-transfer";
import { recordCashCount } from "@/server/verbs/cash/cash-count";
import { recordExpense, recordIncome } from "@/server/verbs/cash/cash-movement";
import { loadGroup } from "@/server/shared/context";
import { safetyModel } from "@/server/read/safety";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";

let t: Awaited<ReturnType<typeof tempDatabase>>;
const G = "ratu-damai";
beforeAll(async () => {
  t = await tempDatabase();
  await seedGroup(testContext(t.database), G, 5);
});
afterAll(() => t.cleanup());

describe("cash moved since the last count", () => {
  it("is null before any count, then sums the entries dated after the count's day, in and out apart", async () => {
    const ctx = testContext(t.database);
    const group = await loadGroup(t.database.db, G);
    // Before any count: nothing to say what moved since.
    expect((await safetyModel(t.database, group, FIXED_NOW)).cashMoved).toBeNull();
    const income = (amount: number, date: string) =>
      recordIncome(ctx, { groupSlug: G, amount, date, category: "hibah", idempotencyKey: key() });
    await income(500_000, "2026-11-20");
    const count = await recordCashCount(ctx, {
      groupSlug: G,
      date: "2026-11-22",
      countedAmount: 500_000,
      idempotencyKey: key(),
    });
    await income(40_000, "2026-11-22"); // the count's day: its book figure holds it
    await income(75_000, "2026-11-25");
    await recordExpense(ctx, {
      groupSlug: G,
      amount: 12_500,
      date: "2026-11-26",
      category: "alat_tulis",
      idempotencyKey: key(),
    });
    await recordBankTransfer(ctx, {
      groupSlug: G,
      kind: "bank_deposit",
      amount: 200_000,
      date: "2026-11-28",
      idempotencyKey: key(),
    });
    const moved = (await safetyModel(t.database, group, FIXED_NOW)).cashMoved;
    expect(moved).toEqual({ since: "2026-11-22", in: 75_000, out: 212_500 });
    const bookAtCountNow = await cashOnBooks(t.database.db, group.id, count.businessDate);
    expect(bookAtCountNow + moved!.in - moved!.out).toBe(await cashOnBooks(t.database.db, group.id, "2026-11-29"));
  });
});

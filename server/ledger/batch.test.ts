import { describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { journalEntries, ksmGroups, loans } from "@/db/schema";
import { DomainError } from "@/server/domain/errors";
import { expensePostings } from "@/server/domain/ledger";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { groupMembersByCode, type ServiceContext } from "@/server/shared/context";
import type { EntryBatch } from "./batch";
import { batchContributions, recordContributions } from "@/server/verbs/savings/record-contributions";
import { batchDisbursement, disburseLoan, openHistoryBatch } from "@/server/verbs/loans/disburse-loan";
import { batchRepayment } from "@/server/verbs/loans/repay-loan";
import { verifyLedger } from "@/server/read/verify";
import { setLendingRule } from "@/server/verbs/lending-rule/set-lending-rule";
import type { NewEntry } from "./writer";

async function setUp() {
  const t = await tempDatabase();
  const ctx = testContext(t.database);
  await seedGroup(ctx, "ratu-damai", 3);
  const [group] = await t.database.db.select().from(ksmGroups).where(eq(ksmGroups.slug, "ratu-damai"));
  const byCode = await groupMembersByCode(t.database.db, group!);
  const entries = async () =>
    (await t.database.db.select({ n: count() }).from(journalEntries).where(eq(journalEntries.groupId, group!.id)))[0]!
      .n;
  return { t, ctx, group: group!, byCode, entries };
}

const collect = (date: string, days?: string[]) => ({
  groupSlug: "ratu-damai",
  date,
  idempotencyKey: key(),
  lines: [{ memberCode: "RA-001", amount: 1000 * (days?.length ?? 1), days }],
});

const expense = (ctx: ServiceContext, group: NewEntry["group"], date: string, amount: number): NewEntry => ({
  group,
  kind: "expense",
  date,
  postings: expensePostings(amount),
  category: "konsumsi",
  idempotencyKey: key(),
  requestHash: "test",
  actor: ctx.actor,
  now: FIXED_NOW,
});

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return "written";
}

describe("EntryBatch", () => {
  it("writes its entries onto the chain after those already there, with their paid days", async () => {
    const { t, ctx, group, byCode, entries } = await setUp();
    try {
      await recordContributions(ctx, collect("2026-11-02"));
      const batch = await openHistoryBatch(t.database.db, group);
      batchContributions(batch, ctx, byCode, collect("2026-11-03"));
      batchContributions(batch, ctx, byCode, collect("2026-11-05", ["2026-11-04", "2026-11-05"]));
      await t.database.write((tx) => batch.write(tx));
      expect(await entries()).toBe(3);
      expect((await verifyLedger(t.database.db)).problems).toEqual([]);
      // The days are paid: a verb now refuses them.
      expect(await refusal(recordContributions(ctx, collect("2026-11-06", ["2026-11-04"])))).toBe("already_collected");
    } finally {
      t.cleanup();
    }
  });

  it("refuses, writing nothing, what the verbs refuse: a used key, a paid day, a balance below zero, an earlier date", async () => {
    const { t, ctx, group, byCode, entries } = await setUp();
    try {
      const first = collect("2026-11-10");
      await recordContributions(ctx, first); // cash Rp 1.000
      const write = async (fill: (b: EntryBatch) => void) => {
        const batch = await openHistoryBatch(t.database.db, group);
        fill(batch);
        return refusal(t.database.write((tx) => batch.write(tx)));
      };
      expect(await write((b) => batchContributions(b, ctx, byCode, { ...first, date: "2026-11-11" }))).toBe(
        "idempotency_key_reused",
      );
      expect(await write((b) => batchContributions(b, ctx, byCode, collect("2026-11-11", ["2026-11-10"])))).toBe(
        "already_collected",
      );
      // Cash is walked through the batch: 1.000 + 1.000 − 2.500 is below zero, even with more coming later.
      expect(
        await write((b) => {
          batchContributions(b, ctx, byCode, collect("2026-11-11"));
          b.add(expense(ctx, group, "2026-11-12", 2500));
          batchContributions(b, ctx, byCode, collect("2026-11-13", ["2026-11-13", "2026-11-14", "2026-11-15"]));
        }),
      ).toBe("insufficient_cash");
      expect(await write((b) => batchContributions(b, ctx, byCode, collect("2026-11-09")))).toBe(
        "date_before_last_entry",
      );
      expect(await entries()).toBe(1);
      // Within the batch: the same day twice is refused, naming the entry that paid it first (no. 2).
      const twice = await openHistoryBatch(t.database.db, group);
      batchContributions(twice, ctx, byCode, collect("2026-11-12"));
      batchContributions(twice, ctx, byCode, collect("2026-11-13", ["2026-11-12"]));
      const error = await t.database.write((tx) => twice.write(tx)).catch((e: DomainError) => e);
      expect(error).toMatchObject({ code: "already_collected", params: { seq: 2, day: "2026-11-12" } });
      expect(await entries()).toBe(1);
      // A date going back is refused as it is added.
      const batch = await openHistoryBatch(t.database.db, group);
      batchContributions(batch, ctx, byCode, collect("2026-11-12"));
      expect(await refusal(() => batchContributions(batch, ctx, byCode, collect("2026-11-11")))).toBe(
        "date_before_last_entry",
      );
      // What is left is whole and goes in: 1.000 + 1.000 − 2.000 leaves nothing, and that is allowed.
      batch.add(expense(ctx, group, "2026-11-12", 2000));
      await t.database.write((tx) => batch.write(tx));
      expect(await entries()).toBe(3);
      expect((await verifyLedger(t.database.db)).problems).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it("holds one group's entries: another group's member or loan is not found", async () => {
    const { t, ctx, group, entries } = await setUp();
    try {
      await seedGroup(ctx, "compang-dalo", 2);
      const [other] = await t.database.db.select().from(ksmGroups).where(eq(ksmGroups.slug, "compang-dalo"));
      const theirs = await groupMembersByCode(t.database.db, other!);
      await recordContributions(ctx, {
        groupSlug: "compang-dalo",
        date: "2026-11-02",
        idempotencyKey: key(),
        lines: [{ memberCode: "CO-001", amount: 500_000, kind: "voluntary" }],
      });
      const { loan } = await disburseLoan(ctx, {
        groupSlug: "compang-dalo",
        memberCode: "CO-001",
        principal: 300_000,
        termMonths: 3,
        date: "2026-11-03",
        purpose: "kopi",
        idempotencyKey: key(),
      });
      const batch = await openHistoryBatch(t.database.db, group);
      const theirDay = { ...collect("2026-11-04"), lines: [{ memberCode: "CO-001", amount: 1000 }] };
      expect(await refusal(() => batchContributions(batch, ctx, theirs, theirDay))).toBe("member_not_found");
      const repay = {
        groupSlug: "ratu-damai",
        loanId: loan.id,
        amount: 10_000,
        date: "2026-11-04",
        idempotencyKey: key(),
      };
      expect(await refusal(() => batchRepayment(batch, ctx, loan, [], repay))).toBe("loan_not_found");
      expect(batch.size).toBe(0);
      expect(await entries()).toBe(0);
    } finally {
      t.cleanup();
    }
  });

  it("lends from what the group holds: the loan numbered as the database would, never more than the cash", async () => {
    const { t, ctx, group, byCode, entries } = await setUp();
    try {
      await recordContributions(ctx, {
        groupSlug: "ratu-damai",
        date: "2026-11-02",
        idempotencyKey: key(),
        lines: [{ memberCode: "RA-001", amount: 500_000, kind: "voluntary" }],
      });
      const lend = (principal: number) => ({
        groupSlug: "ratu-damai",
        memberCode: "RA-001",
        principal,
        termMonths: 3,
        date: "2026-11-03",
        purpose: "kopi" as const,
        idempotencyKey: key(),
      });
      const batch = await openHistoryBatch(t.database.db, group);
      const loan = batchDisbursement(batch, ctx, byCode, lend(300_000), 500_000 /* RA-001's savings */, 0);
      await t.database.write((tx) => batch.write(tx));
      expect(await t.database.db.select().from(loans)).toEqual([loan]);
      expect((await verifyLedger(t.database.db)).problems).toEqual([]);
      // Rp 200.000 left in the box: Rp 300.000 more is refused, and nothing is written.
      const more = await openHistoryBatch(t.database.db, group);
      batchDisbursement(more, ctx, byCode, lend(300_000), 500_000 /* RA-001's savings */, 0);
      expect(await refusal(t.database.write((tx) => more.write(tx)))).toBe("insufficient_cash");
      expect(await entries()).toBe(2);
      expect(await t.database.db.select().from(loans)).toHaveLength(1);
      // A loan refused as it is added takes no number: the next one gets it.
      const next = more.nextLoanId;
      expect(() =>
        batchDisbursement(
          more,
          ctx,
          byCode,
          { ...lend(100_000), date: "2026-11-01" },
          500_000 /* RA-001's savings */,
          0,
        ),
      ).toThrow();
      expect(more.nextLoanId).toBe(next);
      // A loan written meanwhile by the verb took the number the batch gave: the batch refuses to write.
      const late = await openHistoryBatch(t.database.db, group);
      batchDisbursement(late, ctx, byCode, lend(100_000), 500_000 /* RA-001's savings */, 0);
      await disburseLoan(ctx, lend(50_000));
      await expect(t.database.write((tx) => late.write(tx))).rejects.toThrow("a loan was written outside the batch");
    } finally {
      t.cleanup();
    }
  });

  it("holds its loans to the lending rule in force when it opened, as the verb does", async () => {
    const { t, ctx, group, byCode } = await setUp();
    try {
      await setLendingRule(ctx, { groupSlug: "ratu-damai", savingsMultiple: 3, maxPrincipal: 1_000_000 });
      const batch = await openHistoryBatch(t.database.db, group);
      const lend = (principal: number) => ({
        groupSlug: "ratu-damai",
        memberCode: "RA-001",
        principal,
        termMonths: 3,
        date: "2026-11-03",
        purpose: "kopi" as const,
        idempotencyKey: key(),
      });
      // Rp 200.000 of savings: 3× is Rp 600.000; Rp 900.000 of savings: the ceiling, Rp 1.000.000.
      expect(await refusal(() => batchDisbursement(batch, ctx, byCode, lend(600_001), 200_000, 0))).toBe(
        "loan_above_ceiling",
      );
      expect(await refusal(() => batchDisbursement(batch, ctx, byCode, lend(1_000_001), 900_000, 0))).toBe(
        "loan_above_ceiling",
      );
      expect(batch.size).toBe(0);
      batchDisbursement(batch, ctx, byCode, lend(600_000), 200_000, 0);
      expect(batch.size).toBe(1);
    } finally {
      t.cleanup();
    }
  });
});

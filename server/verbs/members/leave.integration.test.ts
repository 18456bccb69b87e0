import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, journalEntries, members } from "@/db/schema";
import type { DomainError } from "@/server/domain/errors";
import { savingsTotal } from "@/server/domain/ledger";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import type { ServiceContext } from "@/server/shared/context";
import { leaveMember } from "@/server/verbs/members/leave-member";
import { undoLeave } from "@/server/verbs/members/undo-leave";
import { disburseLoan } from "@/server/verbs/loans/disburse-loan";
import { repayLoan } from "@/server/verbs/loans/repay-loan";
import { memberBalances } from "@/server/read/members";
import { entryReceipts } from "@/server/read/receipts";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { withdrawSavings } from "@/server/verbs/savings/withdraw-savings";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let ctx: ServiceContext;
const G = "ratu-damai";
const today = "2026-11-29"; // FIXED_NOW in the group's time zone
const codeOf = (p: Promise<unknown>) => p.then(() => null).catch((e: DomainError) => e.code);

beforeEach(async () => {
  t = await tempDatabase();
  ctx = testContext(t.database);
  await seedGroup(ctx, G, 3);
  // RA-001 and RA-002 save; RA-003 saves nothing.
  await recordContributions(ctx, {
    groupSlug: G,
    date: "2026-11-02",
    idempotencyKey: key(),
    lines: [
      { memberCode: "RA-001", amount: 50_000, kind: "share" },
      { memberCode: "RA-001", amount: 1000 },
      { memberCode: "RA-001", amount: 20_000, kind: "voluntary" },
      { memberCode: "RA-002", amount: 500_000, kind: "voluntary" },
    ],
  });
});
afterEach(() => t.cleanup());

const savingsOf = async (code: string) =>
  savingsTotal((await memberBalances(ctx, { groupSlug: G })).find((m) => m.code === code)!.savings);
const leftOn = async (code: string) =>
  (await t.database.db.select().from(members).where(eq(members.code, code)))[0]!.leftOn;
const entryCount = async () =>
  Number((await t.database.db.select({ n: sql<number>`count(*)` }).from(journalEntries))[0]!.n);
const leave = (code: string, more: { payOut?: boolean; confirmed?: boolean } = {}) =>
  leaveMember(ctx, {
    groupSlug: G,
    code,
    leftOn: today,
    confirmed: true,
    ...more,
    ...(more.payOut ? { idempotencyKey: key() } : {}),
  });

describe("leaving the group", () => {
  it("is refused unless confirmed", async () => {
    expect(await codeOf(leave("RA-003", { confirmed: false }))).toBe("leave_unconfirmed");
    expect(await leftOn("RA-003")).toBeNull();
    expect(await leave("RA-003")).toMatchObject({ code: "RA-003", leftOn: today, entryId: null });
  });

  it("is refused while she has savings not paid out (member_has_savings), and nothing is written", async () => {
    const before = await entryCount();
    const err = await leave("RA-001").catch((e: DomainError) => e);
    expect(err).toMatchObject({ code: "member_has_savings", params: { savings: 71_000 } });
    expect(await leftOn("RA-001")).toBeNull();
    expect(await entryCount()).toBe(before);
    // Once her savings are paid out by a withdrawal, she may leave.
    await withdrawSavings(ctx, {
      groupSlug: G,
      memberCode: "RA-001",
      amount: 71_000,
      date: today,
      idempotencyKey: key(),
    });
    expect(await leave("RA-001")).toMatchObject({ leftOn: today });
  });

  it("is refused while a loan of hers runs (member_has_loan), even with her savings paid out in the act", async () => {
    const loan = await disburseLoan(ctx, {
      groupSlug: G,
      memberCode: "RA-001",
      principal: 100_000,
      termMonths: 2,
      date: "2026-11-03",
      purpose: "kopi",
      idempotencyKey: key(),
    });
    const before = await entryCount();
    expect(await codeOf(leave("RA-001"))).toBe("member_has_loan");
    expect(await codeOf(leave("RA-001", { payOut: true }))).toBe("member_has_loan");
    expect(await leftOn("RA-001")).toBeNull();
    expect(await entryCount()).toBe(before); // no payout either
    // Paid off, the loan no longer holds her.
    await repayLoan(ctx, { groupSlug: G, loanId: loan.loan.id, amount: 104_000, date: today, idempotencyKey: key() });
    expect(await leave("RA-001", { payOut: true })).toMatchObject({ leftOn: today });
  });

  it("pays her whole savings out and records her leaving in one act: one entry, balance zero, a receipt", async () => {
    const before = await entryCount();
    const r = await leave("RA-002", { payOut: true });
    expect(r).toMatchObject({ code: "RA-002", leftOn: today });
    expect(await entryCount()).toBe(before + 1);
    const [e] = await t.database.db.select().from(journalEntries).where(eq(journalEntries.id, r.entryId!));
    expect(e).toMatchObject({ kind: "savings_withdrawal", amount: 500_000, businessDate: today });
    expect(await savingsOf("RA-002")).toBe(0);
    expect(await leftOn("RA-002")).toBe(today);
    const [receipt, ...others] = await entryReceipts(ctx, { groupSlug: G, entryId: r.entryId! });
    expect(others).toHaveLength(0);
    expect(receipt).toMatchObject({ memberCode: "RA-002", seq: e!.seq, savingsAfter: 0 });
    // The audit row of the leave names the payout entry.
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "member.leave"), eq(auditLog.entryId, e!.id)));
    expect(JSON.parse(row!.detail!)).toEqual({ code: "RA-002", leftOn: today, paidOut: 500_000 });
  });

  it("with a payout that cannot be made, neither the payout nor the leave is written", async () => {
    // A loan leaves too little cash in the box for her savings: the whole act is refused.
    await disburseLoan(ctx, {
      groupSlug: G,
      memberCode: "RA-001",
      principal: 500_000,
      termMonths: 2,
      date: "2026-11-03",
      purpose: "kopi",
      idempotencyKey: key(),
    });
    const before = await entryCount();
    expect(await codeOf(leave("RA-002", { payOut: true }))).toBe("insufficient_cash");
    expect(await entryCount()).toBe(before);
    expect(await leftOn("RA-002")).toBeNull();
  });

  it("a payout sent twice with the same key pays once", async () => {
    const input = { groupSlug: G, code: "RA-002", leftOn: today, confirmed: true, payOut: true, idempotencyKey: key() };
    const first = await leaveMember(ctx, input);
    const again = await leaveMember(ctx, input);
    expect(again).toEqual(first);
    expect(await savingsOf("RA-002")).toBe(0);
  });

  it("a member who left with savings (older data) can still be paid them out", async () => {
    await t.database.db.run(sql`UPDATE members SET left_on = '2026-11-10' WHERE code = 'RA-002'`);
    await withdrawSavings(ctx, {
      groupSlug: G,
      memberCode: "RA-002",
      amount: 500_000,
      date: today,
      idempotencyKey: key(),
    });
    expect(await savingsOf("RA-002")).toBe(0);
  });
});

describe("undoing a leave entered by mistake", () => {
  it("the same day: she is a member again, and both the leave and its undoing stay in the audit log", async () => {
    await leave("RA-003");
    expect(await undoLeave(ctx, { groupSlug: G, code: "RA-003" })).toEqual({
      code: "RA-003",
      leftOn: null,
      payoutReversed: null,
    });
    expect(await leftOn("RA-003")).toBeNull();
    const rows = await t.database.db.select({ action: auditLog.action }).from(auditLog);
    expect(rows.map((r) => r.action).filter((a) => a.startsWith("member.leave"))).toEqual([
      "member.leave",
      "member.leaveUndo",
    ]);
    // She can be written to again.
    await recordContributions(ctx, {
      groupSlug: G,
      date: today,
      idempotencyKey: key(),
      lines: [{ memberCode: "RA-003", amount: 1000 }],
    });
  });

  it("reverses the payout the leave made: the money back in the box, her savings whole again, once", async () => {
    const before = await savingsOf("RA-002");
    const left = await leave("RA-002", { payOut: true });
    expect(await savingsOf("RA-002")).toBe(0);
    const entries = await entryCount();
    const undone = await undoLeave(ctx, { groupSlug: G, code: "RA-002" });
    expect(undone.payoutReversed).toEqual({ seq: left.seq, reversalSeq: left.seq! + 1 });
    expect(await savingsOf("RA-002")).toBe(before);
    expect(await entryCount()).toBe(entries + 1);
    const [reversal] = await t.database.db
      .select()
      .from(journalEntries)
      .where(eq(journalEntries.seq, undone.payoutReversed!.reversalSeq));
    expect(reversal).toMatchObject({ kind: "correction", reversesEntryId: left.entryId });
    // Left and undone again the same day: only the new payout is reversed, the first one stays reversed once.
    const again = await leave("RA-002", { payOut: true });
    const undoneAgain = await undoLeave(ctx, { groupSlug: G, code: "RA-002" });
    expect(undoneAgain.payoutReversed?.seq).toBe(again.seq);
    expect(await savingsOf("RA-002")).toBe(before);
  });

  it("is refused the next day", async () => {
    await leave("RA-003");
    const tomorrow: ServiceContext = { ...ctx, now: () => new Date(FIXED_NOW.getTime() + 24 * 3600_000) };
    const err = await undoLeave(tomorrow, { groupSlug: G, code: "RA-003" }).catch((e: DomainError) => e);
    expect(err).toMatchObject({ code: "leave_undo_too_late", params: { on: today } });
    expect(await leftOn("RA-003")).toBe(today);
  });

  it("is refused for a member who has not left", async () => {
    expect(await codeOf(undoLeave(ctx, { groupSlug: G, code: "RA-003" }))).toBe("member_not_left");
  });
});

import fc from "fast-check";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accountBalances, dailyPayments, journalEntries, members } from "@/db/schema";
import type { Database } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { chainHead, FIXED_NOW, key, seedGroup, tempDatabase, testContext, typedOn } from "@/server/testing/db";
import { passbookOf } from "@/server/read/passbook";
import { groupFigures } from "@/server/read/public-figures";
import { monthlyReport } from "@/server/read/monthly-report";
import { loadGroup, type ServiceContext } from "@/server/shared/context";
import { cashOnBooks, lastCashCount } from "@/server/shared/cash";
import { recordBankTransfer } from "@/server/verbs/cash/bank-transfer";
import { recordCashCount } from "@/server/verbs/cash/cash-count";
import { recordExpense, recordIncome } from "@/server/verbs/cash/cash-movement";
import { reverseEntry } from "@/server/verbs/corrections/reverse-entry";
import { recordOpeningBalance } from "@/server/verbs/groups/opening-balance";
import { disburseLoan } from "@/server/verbs/loans/disburse-loan";
import { repayLoan } from "@/server/verbs/loans/repay-loan";
import { writeOffLoan } from "@/server/verbs/loans/write-off-loan";
import { groupLoanViews, loadLoan, loanView } from "@/server/shared/loans";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { withdrawSavings } from "@/server/verbs/savings/withdraw-savings";
import { verifyLedger } from "@/server/read/verify";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let database: Database;
let ctx: ServiceContext;
let groupId: number;
const G = "ratu-damai";
/** Entries dated in a closed month are typed on their own day (see typedOn). */
const on = (date: string) => typedOn(ctx, date);

beforeEach(async () => {
  t = await tempDatabase();
  database = t.database;
  ctx = testContext(database);
  groupId = (await seedGroup(ctx, G, 5)).group.id;
});
afterEach(() => t.cleanup());

async function cash(): Promise<number> {
  return cashOnBooks(database.db, groupId, "2026-11-29");
}

async function collect(date: string, amount = 1000, codes = ["RA-001", "RA-002", "RA-003", "RA-004", "RA-005"]) {
  return recordContributions(on(date), {
    groupSlug: G,
    date,
    idempotencyKey: key(),
    lines: codes.map((memberCode) => ({ memberCode, amount })),
  });
}

/** Expects a refusal with this code and field, and that nothing at all was written. */
async function expectRefused(p: Promise<unknown>, code: string, field?: string) {
  const before = await chainHead(database, groupId);
  const [{ n: entriesBefore }] = (await database.db.select({ n: sql<number>`count(*)` }).from(journalEntries)) as [
    { n: number },
  ];
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  expect((err as DomainError).code).toBe(code);
  if (field) expect((err as DomainError).field).toBe(field);
  expect(await chainHead(database, groupId)).toEqual(before);
  const [{ n: entriesAfter }] = (await database.db.select({ n: sql<number>`count(*)` }).from(journalEntries)) as [
    { n: number },
  ];
  expect(entriesAfter).toBe(entriesBefore);
}

describe("contributions", () => {
  it("records a whole collection day in one entry and keeps rollups in step", async () => {
    const e = await collect("2026-11-28");
    expect(e.seq).toBe(1);
    expect(e.amount).toBe(5000);
    expect(e.kind).toBe("contribution");
    expect(await cash()).toBe(5000);
    const v = await verifyLedger(database.db);
    expect(v.problems).toEqual([]);
  });

  it("replays the same request under the same key, and refuses the key with other content", async () => {
    const input = {
      groupSlug: G,
      date: "2026-11-28",
      idempotencyKey: "collect-2026-11-28-a",
      lines: [{ memberCode: "RA-001", amount: 1000 }],
    };
    const first = await recordContributions(ctx, input);
    const again = await recordContributions(ctx, structuredClone(input));
    expect(again.id).toBe(first.id);
    await expectRefused(
      recordContributions(ctx, { ...input, lines: [{ memberCode: "RA-001", amount: 2000 }] }),
      "idempotency_key_reused",
      "idempotencyKey",
    );
  });

  it.each([
    [0, "amount_not_positive"],
    [-1000, "amount_not_positive"],
    [1000.5, "amount_not_whole"],
    [1_000_000_001, "amount_too_large"],
    [Number.NaN, "amount_not_number"],
    ["1000" as unknown as number, "amount_not_number"],
  ])("refuses amount %s with %s and writes nothing", async (amount, code) => {
    await expectRefused(
      recordContributions(ctx, {
        groupSlug: G,
        date: "2026-11-28",
        idempotencyKey: key(),
        lines: [{ memberCode: "RA-001", amount }],
      }),
      code,
      "lines.0.amount",
    );
  });

  it.each([
    ["2026-11-30", "date_in_future"], // tomorrow in WITA
    ["2023-12-31", "date_before_founding"],
    ["2026-02-30", "date_invalid"],
    ["28/11/2026", "date_invalid"],
  ])("refuses date %s with %s", async (date, code) => {
    await expectRefused(
      recordContributions(ctx, {
        groupSlug: G,
        date,
        idempotencyKey: key(),
        lines: [{ memberCode: "RA-001", amount: 1000 }],
      }),
      code,
      "date",
    );
  });

  it("uses the group's local date: 29 Nov 10:00 WITA is still 29 Nov, 30 Nov is the future", async () => {
    await collect("2026-11-29");
    await expectRefused(collect("2026-11-30"), "date_in_future");
  });

  it("refuses unknown members, members of another group, and members not active that day", async () => {
    await seedGroup(ctx, "compang-dalo", 2);
    await expectRefused(collect("2026-11-28", 1000, ["RA-999"]), "member_not_found", "lines.0.memberCode");
    await expectRefused(collect("2026-11-28", 1000, ["CO-001"]), "member_not_found", "lines.0.memberCode");
    await expectRefused(collect("2026-11-28", 1000, ["RA-001", "RA-001"]), "line_duplicate");
    await database.db.run(sql`UPDATE members SET left_on = '2026-06-01' WHERE code = 'RA-002'`);
    await expectRefused(collect("2026-07-01", 1000, ["RA-002"]), "member_not_active");
    await expect(collect("2026-05-31", 1000, ["RA-002"])).resolves.toBeTruthy();
  });
});

describe("days counted honestly", () => {
  it("a member pays a day once: a second line for the same day is refused with the first entry's number", async () => {
    const first = await collect("2026-11-20", 1000, ["RA-001", "RA-002"]);
    // Every line naming a paid day: nothing to write (one refused alone is the next test).
    await expectRefused(collect("2026-11-20", 1000, ["RA-002", "RA-001"]), "already_collected", "lines.0.memberCode");
    const err = await collect("2026-11-20", 1000, ["RA-002"]).catch((e: DomainError) => e);
    expect((err as DomainError).params).toEqual({ code: "RA-002", day: "2026-11-20", seq: first.seq });
    // Paying for other days is an explicit choice naming them: missed days, or days ahead.
    const missed = await recordContributions(ctx, {
      groupSlug: G,
      date: "2026-11-20",
      idempotencyKey: key(),
      lines: [{ memberCode: "RA-002", amount: 3000, days: ["2026-11-17", "2026-11-18", "2026-11-19"] }],
    });
    expect(missed.amount).toBe(3000);
    await expectRefused(
      recordContributions(ctx, {
        groupSlug: G,
        date: "2026-11-21",
        idempotencyKey: key(),
        lines: [{ memberCode: "RA-002", amount: 2000, days: ["2026-11-19", "2026-11-21"] }],
      }),
      "already_collected",
      "lines.0.memberCode",
    );
    // A reversed entry's days are free again.
    await reverseEntry(ctx, { groupSlug: G, entryId: first.id, reasonCode: "salah_jumlah", idempotencyKey: key() });
    await collect("2026-11-20", 1000, ["RA-001"]);
    expect((await verifyLedger(database.db)).problems).toEqual([]);
    // Compliance counts the days still paid: RA-002's 17th–19th and RA-001's 20th, not the reversed 20th.
    expect((await groupFigures(database.db, G, FIXED_NOW)).compliance.daysPaid).toBe(4);
    // A day paid twice can only come from outside the verbs; verify names it.
    await database.db.run(
      sql`INSERT INTO daily_payments (group_id, member_id, entry_id, day) SELECT group_id, member_id, entry_id, day FROM daily_payments WHERE day = '2026-11-18'`,
    );
    expect((await verifyLedger(database.db)).problems).toEqual([
      { group: G, problem: "a member's day 2026-11-18 is paid twice by entries still standing" },
    ]);
  });

  it("a line naming a paid day is refused alone: the others are saved, the refused one comes back; a retry answers the same", async () => {
    const first = await collect("2026-11-20", 1000, ["RA-001", "RA-002"]);
    const cashBefore = await cash();
    const input = {
      groupSlug: G,
      date: "2026-11-21",
      idempotencyKey: key(),
      lines: [
        { memberCode: "RA-003", amount: 1000 },
        { memberCode: "RA-002", amount: 2000, days: ["2026-11-20", "2026-11-21"] }, // the 20th is paid
        { memberCode: "RA-004", amount: 1000 },
        { memberCode: "RA-001", amount: 1000, days: ["2026-11-19", "2026-11-20"] }, // so is this 20th
        { memberCode: "RA-005", amount: 5000, kind: "voluntary" as const },
      ],
    };
    const saved = await recordContributions(ctx, input);
    expect(saved.refused).toEqual([
      { line: 1, memberCode: "RA-002", day: "2026-11-20", seq: first.seq },
      { line: 3, memberCode: "RA-001", day: "2026-11-20", seq: first.seq },
    ]);
    expect(saved.amount).toBe(7000); // RA-003, RA-004 and RA-005's voluntary savings: the refused lines wrote nothing
    expect(await cash()).toBe(cashBefore + 7000);
    const paid = await database.db
      .select({ code: members.code, day: dailyPayments.day })
      .from(dailyPayments)
      .innerJoin(members, eq(members.id, dailyPayments.memberId))
      .where(eq(dailyPayments.entryId, saved.id));
    expect(paid.map((p) => `${p.code} ${p.day}`).sort()).toEqual(["RA-003 2026-11-21", "RA-004 2026-11-21"]);
    // The same request again (a reply lost on the way back): the same entry and the same refusals, nothing written.
    const head = await chainHead(database, groupId);
    const again = await recordContributions(ctx, structuredClone(input));
    expect(again).toEqual(saved);
    expect(await chainHead(database, groupId)).toEqual(head);
    // The refused lines corrected, in a new request: RA-002's 21st and RA-001's 19th were never paid.
    const fixed = await recordContributions(ctx, {
      groupSlug: G,
      date: "2026-11-21",
      idempotencyKey: key(),
      lines: [
        { memberCode: "RA-002", amount: 1000 },
        { memberCode: "RA-001", amount: 1000, days: ["2026-11-19"] },
      ],
    });
    expect(fixed.refused).toEqual([]);
    expect(fixed.amount).toBe(2000);
    expect((await verifyLedger(database.db)).problems).toEqual([]);
  });

  it("the passbook counts distinct days paid, never the amount ÷ Rp 1.000", async () => {
    // Rp 2.000 a day for the whole of October: 31 days paid, not 62.
    for (let d = 1; d <= 31; d++) await collect(`2026-10-${String(d).padStart(2, "0")}`, 2000, ["RA-001"]);
    const [m] = await database.db.select().from(members).where(eq(members.code, "RA-001"));
    const pb = await passbookOf(database.db, m!.id, FIXED_NOW);
    const october = pb!.months.find((x) => x.month === "2026-10")!;
    expect(october.daily).toBe(62_000);
    expect(october.days).toBe(31);
    const f = await groupFigures(database.db, G, FIXED_NOW);
    expect(f.compliance.daysPaid).toBe(31);
  });

  it("the passbook shows a withdrawal as money taken out, never as a negative deposit", async () => {
    for (let d = 1; d <= 3; d++) await collect(`2026-11-0${d}`, 2000, ["RA-001"]);
    await withdrawSavings(ctx, {
      groupSlug: G,
      memberCode: "RA-001",
      amount: 5_000,
      date: "2026-11-03",
      idempotencyKey: key(),
    });
    const [m] = await database.db.select().from(members).where(eq(members.code, "RA-001"));
    const pb = await passbookOf(database.db, m!.id, FIXED_NOW);
    const november = pb!.months.find((x) => x.month === "2026-11")!;
    expect(november).toMatchObject({ daily: 6_000, other: 0, withdrawn: 5_000 });
  });
});

describe("loans", () => {
  it("the register reuses a loan's view only while its entries and the date are the same", async () => {
    await collect("2026-11-01", 100_000);
    const lend = (code: string) =>
      disburseLoan(ctx, {
        groupSlug: G,
        memberCode: code,
        principal: 100_000,
        termMonths: 2,
        date: "2026-11-02",
        purpose: "kopi",
        idempotencyKey: key(),
      });
    const [a, b] = [await lend("RA-001"), await lend("RA-002")];
    const group = await loadGroup(database.db, G);
    const before = await groupLoanViews(database.db, group, "2026-11-20");
    await repayLoan(ctx, {
      groupSlug: G,
      loanId: a.loan.id,
      amount: 30_000,
      date: "2026-11-20",
      idempotencyKey: key(),
    });
    const after = await groupLoanViews(database.db, group, "2026-11-20");
    const byId = (vs: typeof after, id: number) => vs.find((v) => v.loan.id === id)!;
    expect(byId(after, b.loan.id)).toBe(byId(before, b.loan.id)); // untouched: the same object
    expect(byId(after, a.loan.id)).not.toBe(byId(before, a.loan.id));
    expect(byId(after, a.loan.id)).toEqual(await loanView(database.db, group, a.loan, "2026-11-20"));
    expect(byId(after, a.loan.id).state.principalOutstanding).toBeLessThan(100_000);
    const later = await groupLoanViews(database.db, group, "2026-12-20"); // another date: computed afresh
    expect(byId(later, b.loan.id)).toEqual(await loanView(database.db, group, b.loan, "2026-12-20"));
    expect(byId(later, b.loan.id)).not.toBe(byId(after, b.loan.id));
  });

  it("never lends more than the cash on hand, on the loan date or any later day", async () => {
    await collect("2026-11-01", 100_000); // cash 500.000
    await expectRefused(
      disburseLoan(ctx, {
        groupSlug: G,
        memberCode: "RA-001",
        principal: 500_001,
        termMonths: 4,
        date: "2026-11-02",
        purpose: "kopi",
        idempotencyKey: key(),
      }),
      "insufficient_cash",
    );
    // Backdated before the money came in: cash that day was zero.
    await expectRefused(
      disburseLoan(on("2026-10-31"), {
        groupSlug: G,
        memberCode: "RA-001",
        principal: 1000,
        termMonths: 4,
        date: "2026-10-31",
        purpose: "kopi",
        idempotencyKey: key(),
      }),
      "insufficient_cash",
    );
    const { loan, schedule } = await disburseLoan(ctx, {
      groupSlug: G,
      memberCode: "RA-001",
      principal: 500_000,
      termMonths: 4,
      date: "2026-11-02",
      purpose: "kopi",
      crop: "kopi",
      idempotencyKey: key(),
    });
    expect(schedule.reduce((s, i) => s + i.principal, 0)).toBe(500_000);
    expect(loan.rateBpsPerMonth).toBe(200);
    expect(await cash()).toBe(0);
    // A backdated expense that would have made cash negative on a later day is refused too.
    await expectRefused(
      recordExpense(ctx, {
        groupSlug: G,
        amount: 1,
        date: "2026-11-01",
        category: "alat_tulis",
        idempotencyKey: key(),
      }),
      "insufficient_cash",
    );
  });

  it("refuses terms beyond the group's policy and unknown purposes", async () => {
    await collect("2026-11-01", 100_000);
    await expectRefused(
      disburseLoan(ctx, {
        groupSlug: G,
        memberCode: "RA-001",
        principal: 1000,
        termMonths: 13,
        date: "2026-11-02",
        purpose: "kopi",
        idempotencyKey: key(),
      }),
      "term_invalid",
      "termMonths",
    );
    await expectRefused(
      disburseLoan(ctx, {
        groupSlug: G,
        memberCode: "RA-001",
        principal: 1000,
        termMonths: 3,
        date: "2026-11-02",
        purpose: "judi" as "lainnya", // not a purpose: the verb refuses it itself (scripts call it unparsed)
        idempotencyKey: key(),
      }),
      "purpose_invalid",
      "purpose",
    );
  });

  it("allocates repayments fine → jasa → principal, refuses overpaying, and ends lunas", async () => {
    await collect("2024-02-01", 200_000);
    const { loan } = await disburseLoan(on("2024-02-01"), {
      groupSlug: G,
      memberCode: "RA-002",
      principal: 400_000,
      termMonths: 2,
      date: "2024-02-01",
      purpose: "biaya_sekolah",
      idempotencyKey: key(),
    });
    // Installment 1 due 2024-03-01 (+7 days grace): paying on 2024-03-20 incurs one fine.
    const r1 = await repayLoan(on("2024-03-20"), {
      groupSlug: G,
      loanId: loan.id,
      amount: 100_000,
      date: "2024-03-20",
      idempotencyKey: key(),
    });
    expect(r1.allocation).toEqual({ fine: 5_000, serviceCharge: 8_000, principal: 87_000 });
    await expectRefused(
      repayLoan(on("2024-03-21"), {
        groupSlug: G,
        loanId: loan.id,
        amount: 400_000,
        date: "2024-03-21",
        idempotencyKey: key(),
      }),
      "repayment_exceeds_owed",
      "amount",
    );
    await expectRefused(
      repayLoan(on("2024-03-19"), {
        groupSlug: G,
        loanId: loan.id,
        amount: 1000,
        date: "2024-03-19",
        idempotencyKey: key(),
      }),
      "date_before_last_repayment",
      "date",
    );
    const owed = (await loanView(database.db, (await seedless()).group, loan, "2024-03-21")).state.totalOwed;
    expect(owed).toBe(400_000 + 16_000 + 5_000 - 100_000);
    await repayLoan(on("2024-03-21"), {
      groupSlug: G,
      loanId: loan.id,
      amount: owed,
      date: "2024-03-21",
      idempotencyKey: key(),
    });
    const view = await loanView(database.db, (await seedless()).group, loan, "2026-11-29");
    expect(view.status).toBe("lunas");
    await expectRefused(
      repayLoan(on("2024-03-22"), {
        groupSlug: G,
        loanId: loan.id,
        amount: 1,
        date: "2024-03-22",
        idempotencyKey: key(),
      }),
      "loan_already_repaid",
    );
    expect((await verifyLedger(database.db)).problems).toEqual([]);
  });

  it("writes off the outstanding principal once, with a reason", async () => {
    await collect("2024-02-01", 200_000);
    const { loan } = await disburseLoan(on("2024-02-01"), {
      groupSlug: G,
      memberCode: "RA-003",
      principal: 300_000,
      termMonths: 3,
      date: "2024-02-01",
      purpose: "usaha_kecil",
      idempotencyKey: key(),
    });
    await repayLoan(on("2024-03-01"), {
      groupSlug: G,
      loanId: loan.id,
      amount: 106_000,
      date: "2024-03-01",
      idempotencyKey: key(),
    });
    await expectRefused(
      writeOffLoan(on("2025-01-01"), {
        groupSlug: G,
        loanId: loan.id,
        date: "2025-01-01",
        note: "",
        idempotencyKey: key(),
      }),
      "text_required",
      "note",
    );
    const e = await writeOffLoan(on("2025-01-01"), {
      groupSlug: G,
      loanId: loan.id,
      date: "2025-01-01",
      note: "Anggota pindah ke Malaysia, tidak bisa dihubungi",
      idempotencyKey: key(),
    });
    expect(e.amount).toBe(200_000);
    // Why it was written off is private; the public entry names no reason and no purpose.
    expect(e).toMatchObject({ reason: null, purpose: null, note: "Anggota pindah ke Malaysia, tidak bisa dihubungi" });
    const view = await loanView(database.db, (await seedless()).group, loan, "2026-11-29");
    expect(view.status).toBe("dihapus");
    await expectRefused(
      writeOffLoan(on("2025-01-02"), {
        groupSlug: G,
        loanId: loan.id,
        date: "2025-01-02",
        note: "lagi sekali",
        idempotencyKey: key(),
      }),
      "loan_already_written_off",
    );
    await expectRefused(
      repayLoan(on("2025-01-02"), {
        groupSlug: G,
        loanId: loan.id,
        amount: 1000,
        date: "2025-01-02",
        idempotencyKey: key(),
      }),
      "loan_closed",
    );
  });

  it("answers not found for another group's loan", async () => {
    await seedGroup(ctx, "compang-dalo", 2);
    await recordContributions(ctx, {
      groupSlug: "compang-dalo",
      date: "2026-11-01",
      idempotencyKey: key(),
      lines: [{ memberCode: "CO-001", amount: 100_000 }],
    });
    const { loan } = await disburseLoan(ctx, {
      groupSlug: "compang-dalo",
      memberCode: "CO-001",
      principal: 50_000,
      termMonths: 2,
      date: "2026-11-02",
      purpose: "kemiri",
      idempotencyKey: key(),
    });
    await expectRefused(
      repayLoan(ctx, { groupSlug: G, loanId: loan.id, amount: 1000, date: "2026-11-03", idempotencyKey: key() }),
      "loan_not_found",
      "loanId",
    );
  });
});

async function seedless() {
  const { loadGroup } = await import("@/server/shared/context");
  return { group: await loadGroup(database.db, G) };
}

describe("savings withdrawals, cash and opening balances", () => {
  it("never pays out more than the member's savings", async () => {
    await collect("2026-11-01", 10_000);
    await expectRefused(
      withdrawSavings(ctx, {
        groupSlug: G,
        memberCode: "RA-001",
        amount: 10_001,
        date: "2026-11-02",
        idempotencyKey: key(),
      }),
      "withdrawal_exceeds_savings",
      "amount",
    );
    await withdrawSavings(ctx, {
      groupSlug: G,
      memberCode: "RA-001",
      amount: 10_000,
      date: "2026-11-02",
      idempotencyKey: key(),
    });
    expect(await cash()).toBe(40_000);
  });

  it("records expenses, other income, an opening balance, and a cash count with its difference", async () => {
    await recordOpeningBalance(on("2024-01-01"), {
      groupSlug: G,
      date: "2024-01-01",
      cash: 150_000,
      socialFund: 20_000,
      savings: [{ memberCode: "RA-001", account: "savings_share", amount: 100_000 }],
      idempotencyKey: key(),
    });
    await recordIncome(on("2024-02-01"), {
      groupSlug: G,
      amount: 2_500,
      date: "2024-02-01",
      category: "bunga_bank",
      idempotencyKey: key(),
    });
    await expectRefused(
      recordExpense(on("2024-02-02"), {
        groupSlug: G,
        amount: 1000,
        date: "2024-02-02",
        category: "pesta",
        idempotencyKey: key(),
      }),
      "category_invalid",
      "category",
    );
    await recordExpense(on("2024-02-02"), {
      groupSlug: G,
      amount: 12_500,
      date: "2024-02-02",
      category: "alat_tulis",
      note: "Buku kas baru",
      idempotencyKey: key(),
    });
    expect(await cash()).toBe(140_000);
    const count = await recordCashCount(on("2024-02-02"), {
      groupSlug: G,
      date: "2024-02-02",
      countedAmount: 139_000,
      note: "Kurang Rp 1.000: uang receh dipinjam Ibu Maria",
      idempotencyKey: key(),
    });
    expect(count).toMatchObject({ bookAmount: 140_000, difference: -1000 });
    expect(await cash()).toBe(140_000); // never silently adjusted
    // The treasurer's words about the difference stay private: the public figures and report show the count only.
    expect((await lastCashCount(database.db, count.groupId))?.note).toContain("Ibu Maria");
    const group = await loadGroup(database.db, G);
    const published = JSON.stringify([
      await groupFigures(database.db, G, FIXED_NOW),
      await monthlyReport(database.db, group, "2024-02", FIXED_NOW),
    ]);
    expect(published).toContain("139000");
    expect(published).not.toContain("Maria");
    expect((await verifyLedger(database.db)).problems).toEqual([]);
  });
});

describe("cash and bank", () => {
  it("moves money between cash and the bank, pays and takes in through either, and never overdraws either", async () => {
    await collect("2026-11-20", 100_000); // Rp 500.000 in cash
    const dep = await recordBankTransfer(ctx, {
      groupSlug: G,
      kind: "bank_deposit",
      amount: 400_000,
      date: "2026-11-21",
      idempotencyKey: key(),
    });
    expect(dep.kind).toBe("bank_deposit");
    expect(dep.amount).toBe(400_000);
    expect(await cash()).toBe(100_000);
    expect(await cashOnBooks(database.db, groupId, "2026-11-29", "bank")).toBe(400_000);
    // The bank cannot pay out what it does not hold, and the cash box is its own limit.
    await expectRefused(
      recordBankTransfer(ctx, {
        groupSlug: G,
        kind: "bank_withdrawal",
        amount: 400_001,
        date: "2026-11-22",
        idempotencyKey: key(),
      }),
      "insufficient_bank",
      "amount",
    );
    await expectRefused(
      recordBankTransfer(ctx, {
        groupSlug: G,
        kind: "bank_deposit",
        amount: 100_001,
        date: "2026-11-22",
        idempotencyKey: key(),
      }),
      "insufficient_cash",
      "amount",
    );
    // Nor be drawn on a day before the money reached it.
    await expectRefused(
      recordBankTransfer(ctx, {
        groupSlug: G,
        kind: "bank_withdrawal",
        amount: 1000,
        date: "2026-11-20",
        idempotencyKey: key(),
      }),
      "insufficient_bank",
      "amount",
    );
    const loan = await disburseLoan(ctx, {
      groupSlug: G,
      memberCode: "RA-001",
      principal: 300_000,
      termMonths: 3,
      date: "2026-11-23",
      purpose: "kopi",
      via: "bank",
      idempotencyKey: key(),
    });
    expect(await cashOnBooks(database.db, groupId, "2026-11-29", "bank")).toBe(100_000);
    expect(await cash()).toBe(100_000);
    await repayLoan(ctx, {
      groupSlug: G,
      loanId: loan.loan.id,
      amount: 106_000,
      date: "2026-11-24",
      via: "bank",
      idempotencyKey: key(),
    });
    await recordExpense(ctx, {
      groupSlug: G,
      amount: 6_500,
      date: "2026-11-25",
      category: "administrasi_bank",
      via: "bank",
      idempotencyKey: key(),
    });
    await recordIncome(ctx, {
      groupSlug: G,
      amount: 1_200,
      date: "2026-11-25",
      category: "bunga_bank",
      via: "bank",
      idempotencyKey: key(),
    });
    expect(await cashOnBooks(database.db, groupId, "2026-11-29", "bank")).toBe(100_000 + 106_000 - 6_500 + 1_200);
    await expectRefused(
      recordExpense(ctx, {
        groupSlug: G,
        amount: 1,
        date: "2026-11-25",
        category: "rapat",
        via: "kotak" as "bank",
        idempotencyKey: key(),
      }),
      "money_account_invalid",
      "via",
    );
    // A bank statement check is a balance assertion like the cash count, kept apart from it.
    const check = await recordCashCount(ctx, {
      groupSlug: G,
      date: "2026-11-29",
      account: "bank",
      countedAmount: 200_000,
      idempotencyKey: key(),
    });
    expect(check).toMatchObject({ account: "bank", bookAmount: 200_700, difference: -700 });
    expect((await lastCashCount(database.db, groupId, "bank"))?.id).toBe(check.id);
    expect(await lastCashCount(database.db, groupId)).toBeNull();
    expect((await verifyLedger(database.db)).problems).toEqual([]);
  });
});

describe("corrections", () => {
  it("reverses an entry exactly once, with a reason, restoring every balance", async () => {
    const balancesOf = async () =>
      (await database.db.select().from(accountBalances).where(eq(accountBalances.groupId, groupId)))
        .filter((r) => r.balance !== 0)
        .map((r) => `${r.account}|${r.memberId}|${r.loanId}=${r.balance}`)
        .sort();
    await collect("2026-11-01", 1000);
    const before = await balancesOf();
    const wrong = await collect("2026-11-02", 10_000);
    await expectRefused(
      reverseEntry(ctx, {
        groupSlug: G,
        entryId: wrong.id,
        reasonCode: "Salah ketik Maria" as never, // words, not a code
        idempotencyKey: key(),
      }),
      "reason_code_invalid",
      "reasonCode",
    );
    const fix = await reverseEntry(ctx, {
      groupSlug: G,
      entryId: wrong.id,
      reasonCode: "salah_jumlah",
      note: "Salah ketik: seharusnya Rp 1.000",
      idempotencyKey: key(),
    });
    expect(fix).toMatchObject({
      reason: "salah_jumlah", // public: the code
      note: "Salah ketik: seharusnya Rp 1.000", // private: her words, only in the digest
      kind: "correction",
      reversesEntryId: wrong.id,
      reversesSeq: wrong.seq,
      amount: wrong.amount,
    });
    expect(await balancesOf()).toEqual(before);
    await expectRefused(
      reverseEntry(ctx, {
        groupSlug: G,
        entryId: wrong.id,
        reasonCode: "salah_jumlah",
        note: "sekali lagi",
        idempotencyKey: key(),
      }),
      "entry_already_reversed",
    );
    await expectRefused(
      reverseEntry(ctx, {
        groupSlug: G,
        entryId: fix.id,
        reasonCode: "salah_jumlah",
        note: "batalkan koreksi",
        idempotencyKey: key(),
      }),
      "cannot_reverse_correction",
    );
    expect((await verifyLedger(database.db)).problems).toEqual([]);
  });

  it("refuses a reversal that would take savings below zero, and out-of-order loan reversals", async () => {
    const c = await collect("2026-11-01", 10_000, ["RA-001"]);
    await collect("2026-11-01", 10_000, ["RA-002", "RA-003", "RA-004", "RA-005"]);
    await withdrawSavings(ctx, {
      groupSlug: G,
      memberCode: "RA-001",
      amount: 10_000,
      date: "2026-11-02",
      idempotencyKey: key(),
    });
    await expectRefused(
      reverseEntry(ctx, {
        groupSlug: G,
        entryId: c.id,
        reasonCode: "salah_jumlah",
        note: "uji saldo negatif",
        idempotencyKey: key(),
      }),
      "insufficient_savings",
    );
    const { loan, entry: disb } = await disburseLoan(ctx, {
      groupSlug: G,
      memberCode: "RA-002",
      principal: 20_000,
      termMonths: 2,
      date: "2026-11-03",
      purpose: "kopi",
      idempotencyKey: key(),
    });
    const r = await repayLoan(ctx, {
      groupSlug: G,
      loanId: loan.id,
      amount: 5_000,
      date: "2026-11-04",
      idempotencyKey: key(),
    });
    await expectRefused(
      reverseEntry(ctx, {
        groupSlug: G,
        entryId: disb.id,
        reasonCode: "salah_jumlah",
        note: "pinjaman batal",
        idempotencyKey: key(),
      }),
      "reverse_later_loan_entries_first",
    );
    await reverseEntry(ctx, {
      groupSlug: G,
      entryId: r.entry.id,
      reasonCode: "salah_jumlah",
      note: "angsuran salah dicatat",
      idempotencyKey: key(),
    });
    await reverseEntry(ctx, {
      groupSlug: G,
      entryId: disb.id,
      reasonCode: "salah_jumlah",
      note: "pinjaman batal",
      idempotencyKey: key(),
    });
    const { group } = await seedless();
    expect((await loanView(database.db, group, await loadLoan(database.db, group, loan.id), "2026-11-29")).status).toBe(
      "dibatalkan",
    );
    expect((await verifyLedger(database.db)).problems).toEqual([]);
  });
});

/** A raw statement the database itself refuses, with the trigger's message (drizzle wraps it in `cause`). */
async function refusedByDatabase(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e as Error & { cause?: unknown },
  );
  expect(err).not.toBeNull();
  expect(String(err?.cause ?? err)).toMatch(/ledger_append_only/);
}

describe("append-only and tamper evidence", () => {
  it("database triggers refuse UPDATE and DELETE on entries and postings", async () => {
    const e = await collect("2026-11-01");
    await refusedByDatabase(database.db.run(sql`UPDATE journal_entries SET amount = 1 WHERE id = ${e.id}`));
    await refusedByDatabase(database.db.run(sql`DELETE FROM journal_entries WHERE id = ${e.id}`));
    await refusedByDatabase(database.db.run(sql`UPDATE postings SET amount = amount + 1`));
    await refusedByDatabase(database.db.run(sql`DELETE FROM postings`));
    await disburseLoan(ctx, {
      groupSlug: G,
      memberCode: "RA-001",
      principal: 1000,
      termMonths: 1,
      date: "2026-11-01",
      purpose: "kopi",
      idempotencyKey: key(),
    });
    await refusedByDatabase(database.db.run(sql`UPDATE loans SET principal = 1`));
    await refusedByDatabase(database.db.run(sql`DELETE FROM loans`));
  });

  it("verify names the first entry whose content or rollup was changed behind the ledger's back", async () => {
    await collect("2026-11-01");
    await collect("2026-11-02");
    expect((await verifyLedger(database.db)).problems).toEqual([]);
    await database.client.execute("DROP TRIGGER journal_entries_no_update");
    await database.db.run(sql`UPDATE journal_entries SET amount = 4000 WHERE seq = 1 AND group_id = ${groupId}`);
    const v = await verifyLedger(database.db);
    expect(v.problems[0]).toMatchObject({ group: G, seq: 1 });
  });

  it("verify catches a rollup that disagrees with the entries", async () => {
    await collect("2026-11-01");
    await database.db.run(sql`UPDATE account_balances SET balance = balance + 1 WHERE account = 'cash'`);
    expect((await verifyLedger(database.db)).problems[0]?.problem).toMatch(/balance cash/);
  });
});

describe("concurrency", () => {
  it("parallel posts get gapless sequences; one idempotency key fired many times makes one entry", async () => {
    // Voluntary savings: a member may add to them any number of times a day (a day's iuran is paid once).
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        recordContributions(ctx, {
          groupSlug: G,
          date: "2026-11-01",
          idempotencyKey: key(),
          lines: [{ memberCode: "RA-001", amount: 1000 + i, kind: "voluntary" }],
        }),
      ),
    );
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const input = {
      groupSlug: G,
      date: "2026-11-02",
      idempotencyKey: "same-key-fired-many",
      lines: [{ memberCode: "RA-001", amount: 1000 }],
    };
    const same = await Promise.all(Array.from({ length: 30 }, () => recordContributions(ctx, structuredClone(input))));
    expect(new Set(same.map((e) => e.id)).size).toBe(1);
    expect((await chainHead(database, groupId)).seq).toBe(61);
    expect((await verifyLedger(database.db)).problems).toEqual([]);
  });
});

describe("concurrency across groups", () => {
  it("hundreds of parallel posts from two groups' treasurers: each acknowledged entry once, both chains gapless", async () => {
    await seedGroup(ctx, "compang-dalo", 5);
    const other = testContext(database, "test:bendahara-cd");
    const posts = Array.from({ length: 200 }, (_, i) =>
      i % 2
        ? recordContributions(ctx, {
            groupSlug: G,
            date: "2026-11-02",
            idempotencyKey: `rd-par-${i}`,
            lines: [{ memberCode: "RA-001", amount: 1000, kind: "voluntary" }],
          })
        : recordContributions(other, {
            groupSlug: "compang-dalo",
            date: "2026-11-02",
            idempotencyKey: `cd-par-${i}`,
            lines: [{ memberCode: "CO-001", amount: 1000, kind: "voluntary" }],
          }),
    );
    const acked = await Promise.all(posts);
    const bySlug = (prefix: string) =>
      acked
        .filter((e) => e.idempotencyKey.startsWith(prefix))
        .map((e) => e.seq)
        .sort((a, b) => a - b);
    expect(bySlug("rd-")).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(bySlug("cd-")).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect((await verifyLedger(database.db)).problems).toEqual([]);
  });
});

describe("property: any sequence of operations keeps the books consistent", () => {
  it("rollups equal a recompute and the chain verifies after random operations", async () => {
    const op = fc.oneof(
      fc.record({
        t: fc.constant("collect" as const),
        amount: fc.integer({ min: 1, max: 50_000 }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      fc.record({
        t: fc.constant("withdraw" as const),
        amount: fc.integer({ min: 1, max: 80_000 }),
        m: fc.integer({ min: 1, max: 5 }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      fc.record({
        t: fc.constant("loan" as const),
        amount: fc.integer({ min: 1000, max: 200_000 }),
        m: fc.integer({ min: 1, max: 5 }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      fc.record({
        t: fc.constant("repay" as const),
        amount: fc.integer({ min: 1, max: 100_000 }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      fc.record({
        t: fc.constant("expense" as const),
        amount: fc.integer({ min: 1, max: 30_000 }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      fc.record({ t: fc.constant("reverse" as const), pick: fc.nat() }),
      fc.record({
        t: fc.constantFrom("bank_deposit" as const, "bank_withdrawal" as const),
        amount: fc.integer({ min: 1, max: 80_000 }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
    );
    // What was recorded, by kind of operation, over all runs: a property that held only because
    // everything was refused would prove nothing.
    const recorded = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        const local = await tempDatabase();
        // 3 November: October, where the operations are dated in any order, is still in its grace period.
        const c = { ...testContext(local.database), now: () => new Date("2026-11-03T02:00:00Z") };
        try {
          await seedGroup(c, G, 5);
          // Money to work with, so that loans, withdrawals and the bank are tried for real, not only refused.
          await recordContributions(c, {
            groupSlug: G,
            date: "2026-10-01",
            idempotencyKey: key(),
            lines: [1, 2, 3, 4, 5].map((m) => ({
              memberCode: `RA-00${m}`,
              amount: 100_000,
              kind: "voluntary" as const,
            })),
          });
          await recordBankTransfer(c, {
            groupSlug: G,
            kind: "bank_deposit",
            amount: 100_000,
            date: "2026-10-01",
            idempotencyKey: key(),
          });
          const entries: number[] = [];
          const loanIds: number[] = [];
          for (const o of ops) {
            // Repayments and bank withdrawals come on the last day, after the loans and deposits they draw on.
            const last = o.t === "repay" || o.t === "bank_withdrawal" || !("day" in o);
            const date = `2026-10-${String(last ? 28 : o.day).padStart(2, "0")}`;
            const before = entries.length;
            try {
              if (o.t === "collect")
                entries.push(
                  (
                    await recordContributions(c, {
                      groupSlug: G,
                      date,
                      idempotencyKey: key(),
                      lines: [
                        { memberCode: "RA-001", amount: o.amount },
                        { memberCode: "RA-002", amount: o.amount, kind: "voluntary" },
                      ],
                    })
                  ).id,
                );
              if (o.t === "withdraw")
                entries.push(
                  (
                    await withdrawSavings(c, {
                      groupSlug: G,
                      memberCode: `RA-00${o.m}`,
                      amount: o.amount,
                      date,
                      idempotencyKey: key(),
                    })
                  ).id,
                );
              if (o.t === "loan") {
                const r = await disburseLoan(c, {
                  groupSlug: G,
                  memberCode: `RA-00${o.m}`,
                  principal: o.amount,
                  termMonths: 3,
                  date,
                  purpose: "kopi",
                  idempotencyKey: key(),
                });
                loanIds.push(r.loan.id);
                entries.push(r.entry.id);
              }
              if (o.t === "repay" && loanIds.length)
                entries.push(
                  (
                    await repayLoan(c, {
                      groupSlug: G,
                      loanId: loanIds.at(-1)!,
                      amount: o.amount,
                      date,
                      idempotencyKey: key(),
                    })
                  ).entry.id,
                );
              if (o.t === "expense")
                entries.push(
                  (
                    await recordExpense(c, {
                      groupSlug: G,
                      amount: o.amount,
                      date,
                      category: "rapat",
                      via: o.day % 2 ? "bank" : "cash",
                      idempotencyKey: key(),
                    })
                  ).id,
                );
              if (o.t === "bank_deposit" || o.t === "bank_withdrawal")
                entries.push(
                  (
                    await recordBankTransfer(c, {
                      groupSlug: G,
                      kind: o.t,
                      amount: o.amount,
                      date,
                      idempotencyKey: key(),
                    })
                  ).id,
                );
              if (o.t === "reverse" && entries.length)
                await reverseEntry(c, {
                  groupSlug: G,
                  entryId: entries[o.pick % entries.length]!,
                  reasonCode: "lainnya",
                  note: "uji koreksi acak",
                  idempotencyKey: key(),
                });
              if (entries.length > before || (o.t === "reverse" && before > 0))
                recorded.set(o.t, (recorded.get(o.t) ?? 0) + 1);
            } catch (e) {
              if (!(e instanceof DomainError)) throw e; // a refusal is fine; anything else is a bug
            }
          }
          const v = await verifyLedger(local.database.db);
          expect(v.problems).toEqual([]);
          const negatives = await local.database.db.run(
            sql`SELECT count(*) AS n FROM account_balances WHERE (account IN ('cash','loans_receivable') AND balance < 0) OR (account LIKE 'savings_%' AND balance > 0)`,
          );
          expect(Number((negatives.rows[0] as unknown as { n: number }).n)).toBe(0);
          // Cash and bank are never below zero at the end of any day, whatever order entries came in.
          const daily = await local.database.db.run(
            sql`SELECT account, business_date AS d, sum(amount) AS s FROM postings WHERE account IN ('cash','bank') GROUP BY account, business_date ORDER BY account, business_date`,
          );
          const running: Record<string, number> = {};
          for (const r of daily.rows as unknown as { account: string; d: string; s: number }[]) {
            running[r.account] = (running[r.account] ?? 0) + Number(r.s);
            expect(running[r.account], `${r.account} on ${r.d}`).toBeGreaterThanOrEqual(0);
          }
        } finally {
          local.cleanup();
        }
      }),
      {
        numRuns: 12,
        // One run that tries every kind in an order where each can succeed, so that "each kind recorded
        // at least once" below does not hang on chance (12 random runs once drew no repayment after a loan).
        examples: [
          [
            [
              { t: "collect", amount: 5_000, day: 2 },
              { t: "loan", amount: 50_000, m: 1, day: 3 },
              { t: "withdraw", amount: 10_000, m: 2, day: 4 },
              { t: "expense", amount: 2_000, day: 6 },
              { t: "bank_deposit", amount: 20_000, day: 7 },
              { t: "repay", amount: 10_000, day: 8 },
              { t: "bank_withdrawal", amount: 5_000, day: 9 },
              { t: "reverse", pick: 3 },
            ],
          ],
        ],
      },
    );
    for (const kind of [
      "collect",
      "withdraw",
      "loan",
      "repay",
      "expense",
      "reverse",
      "bank_deposit",
      "bank_withdrawal",
    ])
      expect(recorded.get(kind) ?? 0, `${kind} recorded at least once`).toBeGreaterThan(0);
  });
});

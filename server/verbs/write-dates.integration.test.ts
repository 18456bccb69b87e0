/**
 * A date on every write (issue 25): every verb that writes money facts takes yesterday's date,
 * refuses tomorrow's and refuses a day of a closed month — writing nothing — and the screens are
 * told the first day still open by the same rule.
 */
import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cashCounts, journalEntries } from "@/db/schema";
import { DomainError } from "@/server/domain/errors";
import { key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { moneyOnHand } from "@/server/shared/cash";
import { recordBankTransfer } from "@/server/verbs/cash/bank-transfer";
import { recordCashCount } from "@/server/verbs/cash/cash-count";
import { recordExpense, recordIncome } from "@/server/verbs/cash/cash-movement";
import type { ServiceContext } from "@/server/shared/context";
import { disburseLoan } from "@/server/verbs/loans/disburse-loan";
import { repayLoan } from "@/server/verbs/loans/repay-loan";
import { writeOffLoan } from "@/server/verbs/loans/write-off-loan";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { recordQueuedContributions } from "@/server/verbs/savings/record-queued";
import { withdrawSavings } from "@/server/verbs/savings/withdraw-savings";
import { countersignSeal } from "@/server/verbs/seals/countersign-seal";
import { createUser } from "@/server/verbs/users/create-user";

const G = "ratu-damai";
let t: Awaited<ReturnType<typeof tempDatabase>>;
let loans: { repay: number; writeOff: number };

/** The treasurer's context at a WITA wall-clock moment. */
const at = (local: string): ServiceContext => ({ ...testContext(t.database), now: () => new Date(`${local}+08:00`) });
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "written",
    (e: unknown) => (e instanceof DomainError ? `${e.code} ${e.field}` : Promise.reject(e)),
  );
const written = async () =>
  (await t.database.db.select({ n: count() }).from(journalEntries))[0]!.n +
  (await t.database.db.select({ n: count() }).from(cashCounts))[0]!.n;

/** 10 February 2026, 09:00 WITA: January is closed (its grace period ended with the 5th). */
const NOW = "2026-02-10T09:00:00";
const YESTERDAY = "2026-02-09";
const TOMORROW = "2026-02-11";
const IN_CLOSED_MONTH = "2026-01-20";

/** Every write verb, called with a date: its outcome as "written" or "code field". */
const VERBS: Record<string, (ctx: ServiceContext, date: string) => Promise<string>> = {
  "contributions.record": (ctx, date) =>
    codeOf(
      recordContributions(ctx, {
        groupSlug: G,
        date,
        idempotencyKey: key(),
        lines: [{ memberCode: "RA-003", amount: 10_000, kind: "voluntary" }],
      }),
    ),
  // A collection kept on the phone while offline, sent later: refused alone, in the same words.
  "contributions.recordQueued": async (ctx, date) => {
    const [r] = await recordQueuedContributions(ctx, {
      groupSlug: G,
      days: [{ date, idempotencyKey: key(), lines: [{ memberCode: "RA-003", amount: 10_000, kind: "voluntary" }] }],
    });
    return r!.ok ? "written" : `${r!.error.code} ${r!.error.field}`;
  },
  "savings.withdraw": (ctx, date) =>
    codeOf(withdrawSavings(ctx, { groupSlug: G, memberCode: "RA-003", amount: 10_000, date, idempotencyKey: key() })),
  "loans.disburse": (ctx, date) =>
    codeOf(
      disburseLoan(ctx, {
        groupSlug: G,
        memberCode: "RA-003",
        principal: 100_000,
        termMonths: 3,
        date,
        purpose: "kopi",
        idempotencyKey: key(),
      }),
    ),
  "loans.repay": (ctx, date) =>
    codeOf(repayLoan(ctx, { groupSlug: G, loanId: loans.repay, amount: 10_000, date, idempotencyKey: key() })),
  "loans.writeOff": (ctx, date) =>
    codeOf(
      writeOffLoan(ctx, {
        groupSlug: G,
        loanId: loans.writeOff,
        date,
        note: "pindah ke luar pulau",
        idempotencyKey: key(),
      }),
    ),
  "cash.expense": (ctx, date) =>
    codeOf(recordExpense(ctx, { groupSlug: G, amount: 10_000, date, category: "lainnya", idempotencyKey: key() })),
  "cash.income": (ctx, date) =>
    codeOf(recordIncome(ctx, { groupSlug: G, amount: 10_000, date, category: "hibah", idempotencyKey: key() })),
  "cash.bankTransfer (deposit)": (ctx, date) =>
    codeOf(
      recordBankTransfer(ctx, { groupSlug: G, kind: "bank_deposit", amount: 10_000, date, idempotencyKey: key() }),
    ),
  "cash.bankTransfer (withdrawal)": (ctx, date) =>
    codeOf(
      recordBankTransfer(ctx, { groupSlug: G, kind: "bank_withdrawal", amount: 10_000, date, idempotencyKey: key() }),
    ),
  "cash.count": (ctx, date) =>
    codeOf(recordCashCount(ctx, { groupSlug: G, date, countedAmount: 1, confirmed: true, idempotencyKey: key() })),
  "cash.count (bank check)": (ctx, date) =>
    codeOf(
      recordCashCount(ctx, {
        groupSlug: G,
        date,
        account: "bank",
        countedAmount: 1,
        confirmed: true,
        idempotencyKey: key(),
      }),
    ),
};

beforeEach(async () => {
  t = await tempDatabase();
  await seedGroup(at("2026-01-02T10:00:00"), G, 3);
  // January: savings on the 5th, two loans on the 10th, money into the bank on the 12th.
  await recordContributions(at("2026-01-05T18:00:00"), {
    groupSlug: G,
    date: "2026-01-05",
    idempotencyKey: key(),
    lines: ["RA-001", "RA-002", "RA-003"].map((memberCode) => ({ memberCode, amount: 500_000, kind: "voluntary" })),
  });
  const lend = (memberCode: string) =>
    disburseLoan(at("2026-01-10T18:00:00"), {
      groupSlug: G,
      memberCode,
      principal: 200_000,
      termMonths: 6,
      date: "2026-01-10",
      purpose: "kopi",
      idempotencyKey: key(),
    });
  loans = { repay: (await lend("RA-001")).loan.id, writeOff: (await lend("RA-002")).loan.id };
  await recordBankTransfer(at("2026-01-12T18:00:00"), {
    groupSlug: G,
    kind: "bank_deposit",
    amount: 300_000,
    date: "2026-01-12",
    idempotencyKey: key(),
  });
});
afterEach(() => t.cleanup());

describe("a date on every write", () => {
  it.each(Object.keys(VERBS))(
    "%s: refuses tomorrow and a day of a closed month (writing nothing), takes yesterday",
    async (verb) => {
      const write = VERBS[verb]!;
      const before = await written();
      expect(await write(at(NOW), TOMORROW)).toBe("date_in_future date");
      expect(await write(at(NOW), IN_CLOSED_MONTH)).toBe("month_closed date");
      expect(await written()).toBe(before);
      expect(await write(at(NOW), YESTERDAY)).toBe("written");
      expect(await written()).toBe(before + 1);
    },
  );

  it.each(Object.keys(VERBS))("%s: a day of the month just finished is taken through its grace days", async (verb) => {
    expect(await VERBS[verb]!(at("2026-02-05T20:00:00"), IN_CLOSED_MONTH)).toBe("written");
  });
});

describe("the first day still open, as the screens are told", () => {
  const openFrom = async (local: string) => (await moneyOnHand(at(local), { groupSlug: G })).openFrom;

  it("is the first of the month just finished through its grace days, then the first of this month", async () => {
    expect(await moneyOnHand(at("2026-02-03T09:00:00"), { groupSlug: G })).toMatchObject({
      today: "2026-02-03",
      openFrom: "2026-01-01",
    });
    expect(await openFrom("2026-02-05T23:59:00")).toBe("2026-01-01");
    expect(await openFrom("2026-02-06T00:00:00")).toBe("2026-02-01");
    expect(await openFrom("2026-01-20T09:00:00")).toBe("2026-01-01");
  });

  it("moves to the first of this month once the pengawas countersigned the month just finished", async () => {
    const u = await createUser(testContext(t.database), {
      username: `pengawas-${key()}`,
      password: "sandi-panjang-sekali",
      role: "pengawas",
      groupSlugs: [G],
    });
    const pengawas = {
      ...at("2026-02-02T10:00:00"),
      actor: `user:${u.id}:pengawas`,
      user: { id: u.id, role: "pengawas" as const },
    };
    expect(await openFrom("2026-02-02T09:59:00")).toBe("2026-01-01");
    await countersignSeal(pengawas, { groupSlug: G, month: "2026-01" });
    expect(await openFrom("2026-02-02T10:00:00")).toBe("2026-02-01");
    // What the screen offers, the ledger takes; the day before it, the ledger refuses.
    expect(await VERBS["cash.expense"]!(at("2026-02-02T10:00:00"), "2026-02-01")).toBe("written");
    expect(await VERBS["cash.expense"]!(at("2026-02-02T10:00:00"), "2026-01-31")).toBe("month_closed date");
  });
});

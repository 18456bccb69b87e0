import { EXAMPLE_RULE } from "@/server/domain/shu";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { chainHead, FIXED_NOW, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import type { DomainError } from "@/server/domain/errors";
import { recordCashCount } from "@/server/verbs/cash/cash-count";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { canActOn, userOfSession } from "@/server/read/users";
import { createUser } from "@/server/verbs/users/create-user";
import { setUserDisabled } from "@/server/verbs/users/set-user-disabled";
import { verifyCredentials } from "@/server/verbs/users/sign-in";
import type { UserRow } from "@/server/shared/users";
import { appRouter } from "./root";
import { adminRouter } from "./routers/admin";
import { createCallerFactory, isSameOrigin, type ApiContext } from "./trpc";
import { sql } from "drizzle-orm";

let t: Awaited<ReturnType<typeof tempDatabase>>;
const users: Record<string, UserRow | null> = {};
let rdGroupId = 0;
let cdLoanId = 0;
let rdLoanId = 0;
let rdEntryId = 0;
let rdCashCountId = 0;
/** An id no loan, entry or cash count has: read from the database, not assumed. */
let missingId = 0;
const createCaller = createCallerFactory(appRouter);
const PASSWORD = "kata-sandi-panjang-123";

const caller = (who: string, sameOrigin = true) =>
  createCaller({
    database: t.database,
    user: users[who] ?? null,
    sameOrigin,
    now: () => FIXED_NOW,
  } satisfies ApiContext);

beforeAll(async () => {
  t = await tempDatabase();
  const ctx = testContext(t.database, "test:setup");
  rdGroupId = (await seedGroup(ctx, "ratu-damai", 5)).group.id;
  await seedGroup(ctx, "compang-dalo", 5);
  users.admin = await createUser(ctx, { username: "admin", password: PASSWORD, role: "admin", groupSlugs: [] });
  users.bendaharaRD = await createUser(ctx, {
    username: "bendahara-rd",
    password: PASSWORD,
    role: "bendahara",
    groupSlugs: ["ratu-damai"],
  });
  users.bendaharaCD = await createUser(ctx, {
    username: "bendahara-cd",
    password: PASSWORD,
    role: "bendahara",
    groupSlugs: ["compang-dalo"],
  });
  users.pengawasRD = await createUser(ctx, {
    username: "pengawas-rd",
    password: PASSWORD,
    role: "pengawas",
    groupSlugs: ["ratu-damai"],
  });
  users.anonymous = null;
  // A treasurer of Ratu Damai who was disabled, and one whose session went idle past 12 hours.
  await createUser(ctx, {
    username: "bendahara-lama",
    password: PASSWORD,
    role: "bendahara",
    groupSlugs: ["ratu-damai"],
  });
  users.disabledRD = await setUserDisabled(ctx, "bendahara-lama", true);
  const stale = FIXED_NOW.getTime() - 13 * 3600_000;
  users.expiredSession = await userOfSession(
    t.database.db,
    { uid: users.bendaharaRD.id, issuedAtMs: stale, lastActiveMs: stale },
    FIXED_NOW.getTime(),
  );
  // Money in both groups, a loan in each, an entry and a cash count to act on.
  for (const [slug, prefix] of [
    ["ratu-damai", "RA"],
    ["compang-dalo", "CO"],
  ] as const) {
    await recordContributions(ctx, {
      groupSlug: slug,
      date: "2026-11-01",
      idempotencyKey: key(),
      lines: [1, 2, 3, 4, 5].map((i) => ({ memberCode: `${prefix}-00${i}`, amount: 200_000 })),
    });
  }
  const b = caller("bendaharaRD");
  rdLoanId = (
    await b.admin.loans.disburse({
      groupSlug: "ratu-damai",
      memberCode: "RA-001",
      principal: 100_000,
      termMonths: 4,
      date: "2026-11-02",
      purpose: "kopi",
      idempotencyKey: key(),
    })
  ).loan.id;
  cdLoanId = (
    await caller("bendaharaCD").admin.loans.disburse({
      groupSlug: "compang-dalo",
      memberCode: "CO-001",
      principal: 100_000,
      termMonths: 4,
      date: "2026-11-02",
      purpose: "kemiri",
      idempotencyKey: key(),
    })
  ).loan.id;
  rdEntryId = (
    await b.admin.contributions.record({
      groupSlug: "ratu-damai",
      date: "2026-11-03",
      idempotencyKey: key(),
      lines: [{ memberCode: "RA-002", amount: 1000 }],
    })
  ).id;
  rdCashCountId = (
    await recordCashCount(ctx, {
      groupSlug: "ratu-damai",
      date: "2026-11-03",
      countedAmount: 600_000,
      confirmed: true,
      idempotencyKey: key(),
    })
  ).id;
  const top = await t.database.db.all<{ n: number }>(
    sql`SELECT max(n) AS n FROM (SELECT max(id) AS n FROM journal_entries UNION ALL SELECT max(id) FROM loans UNION ALL SELECT max(id) FROM cash_counts)`,
  );
  missingId = Number(top[0]!.n) + 1_000_000; // far beyond anything the matrix writes
});
afterAll(() => t.cleanup());

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

const G = "ratu-damai";
/** Codes for members added by the tests: counted, never random, so that two adds never collide. */
let nextNewMember = 100;
/** Every mutation, called on Ratu Damai's books. */
const MUTATIONS: Record<string, (c: ReturnType<typeof caller>) => Promise<unknown>> = {
  "members.add": (c) =>
    c.admin.members.add({
      groupSlug: G,
      code: `RA-${String(nextNewMember++)}`,
      fullName: `Anggota Baru ${nextNewMember}`, // a name like no other member's: no confirmation asked
      gender: "P",
      joinedOn: "2026-11-01",
    }),
  "members.update": (c) => c.admin.members.update({ groupSlug: G, code: "RA-005", fullName: "Nama Diperbaiki" }),
  "members.leave": (c) =>
    c.admin.members.leave({ groupSlug: G, code: "RA-999", leftOn: "2026-11-29", confirmed: true }),
  "members.undoLeave": (c) => c.admin.members.undoLeave({ groupSlug: G, code: "RA-999" }),
  "members.resetCheckCode": (c) => c.admin.members.resetCheckCode({ groupSlug: G, code: "RA-004" }),
  "members.setPhone": (c) => c.admin.members.setPhone({ groupSlug: G, code: "RA-004", phone: "0812-3456-7890" }),
  "contributions.recordQueued": (c) =>
    c.admin.contributions.recordQueued({
      groupSlug: G,
      days: [{ date: "2026-11-27", idempotencyKey: key(), lines: [{ memberCode: "RA-003", amount: 1000 }] }],
    }),
  "contributions.record": (c) =>
    c.admin.contributions.record({
      groupSlug: G,
      date: "2026-11-28",
      idempotencyKey: key(),
      lines: [{ memberCode: "RA-003", amount: 1000, kind: "voluntary" }], // may be paid again by the next caller
    }),
  "savings.withdraw": (c) =>
    c.admin.savings.withdraw({
      groupSlug: G,
      memberCode: "RA-003",
      amount: 1000,
      date: "2026-11-28",
      idempotencyKey: key(),
    }),
  "loans.disburse": (c) =>
    c.admin.loans.disburse({
      groupSlug: G,
      memberCode: "RA-002",
      principal: 10_000,
      termMonths: 2,
      date: "2026-11-28",
      purpose: "ternak",
      idempotencyKey: key(),
    }),
  "loans.repay": (c) =>
    c.admin.loans.repay({ groupSlug: G, loanId: rdLoanId, amount: 1000, date: "2026-11-28", idempotencyKey: key() }),
  "loans.writeOff": (c) =>
    c.admin.loans.writeOff({
      groupSlug: G,
      loanId: missingId,
      date: "2026-11-28",
      note: "tidak ada pinjaman",
      idempotencyKey: key(),
    }),
  "cash.expense": (c) =>
    c.admin.cash.expense({
      groupSlug: G,
      amount: 1000,
      date: "2026-11-28",
      category: "alat_tulis",
      idempotencyKey: key(),
    }),
  "cash.income": (c) =>
    c.admin.cash.income({
      groupSlug: G,
      amount: 1000,
      date: "2026-11-28",
      category: "bunga_bank",
      idempotencyKey: key(),
    }),
  "cash.count": (c) =>
    c.admin.cash.count({
      groupSlug: G,
      date: "2026-11-28",
      countedAmount: 1000,
      confirmed: true,
      idempotencyKey: key(),
    }),
  "entries.reverse": (c) =>
    c.admin.entries.reverse({
      groupSlug: G,
      entryId: missingId,
      reasonCode: "tercatat_dua_kali",
      idempotencyKey: key(),
    }),
  "cash.bankTransfer": (c) =>
    c.admin.cash.bankTransfer({
      groupSlug: G,
      kind: "bank_deposit",
      amount: 1000,
      date: "2026-11-28",
      idempotencyKey: key(),
    }),
  // The group has entries: a paper book is refused on the data (CONFLICT) for whoever may try.
  "book.preview": (c) => c.admin.book.preview({ groupSlug: G, files: { saldo: "", anggota: "", pinjaman: "" } }),
  "book.import": (c) =>
    c.admin.book.import({ groupSlug: G, files: { saldo: "", anggota: "", pinjaman: "" }, idempotencyKey: key() }),
  "year.setRule": (c) => c.admin.year.setRule({ groupSlug: G, rule: EXAMPLE_RULE }),
  // The ceiling alone, as the seeded group has it: the matrix's loans (to members with little savings) still go.
  "lending.setRule": (c) => c.admin.lending.setRule({ groupSlug: G, savingsMultiple: 0, maxPrincipal: 1_000_000_000 }),
  "year.preview": (c) => c.admin.year.preview({ groupSlug: G, year: 2025 }),
  "year.close": (c) => c.admin.year.close({ groupSlug: G, year: 2025, idempotencyKey: key() }),
  "cash.countersign": (c) => c.admin.cash.countersign({ groupSlug: G, cashCountId: missingId }),
  "seals.countersign": (c) => c.admin.seals.countersign({ groupSlug: G, month: "2026-12" }), // not finished: refused on the data
  "signing.correction": (c) => c.admin.signing.correction({ groupSlug: G, entryId: missingId }),
  "signing.ask": (c) =>
    c.admin.signing.ask({ groupSlug: G, subject: "cash_count", id: missingId, reason: "perlu_penjelasan" }),
  "signing.answer": (c) => c.admin.signing.answer({ groupSlug: G, queryId: missingId, answer: "sudah_dijelaskan" }),
  "account.changePassword": (c) =>
    c.admin.account.changePassword({ currentPassword: "bukan-sandinya", newPassword: "sandi-baru-yang-panjang" }),
  "referenceTerms.update": (c) =>
    c.admin.referenceTerms.update({
      groupSlug: G,
      ijonRatioPct: 220,
      rentenirRateBpsPerMonth: 1500,
      rentenirMethod: "flat",
      rentenirPeriod: "week",
      kurAnnualRateBps: 600,
      sources: {
        ijon: [{ title: "Survei harga kopi setempat", url: "https://example.org/survei", checkedOn: "2026-11-01" }],
        rentenir: [{ title: "Wawancara anggota", url: "https://example.org/w", checkedOn: "2026-11-01" }],
        kur: [{ title: "KUR", url: "https://kur.ekon.go.id", checkedOn: "2026-11-01" }],
      },
    }),
};

/** What each actor gets: writes for treasurer and admin, countersign for pengawas and admin, terms for admin. */
function expected(who: string, name: string): string[] {
  if (who === "anonymous" || who === "disabledRD" || who === "expiredSession") return ["UNAUTHORIZED"];
  if (name === "account.changePassword") return ["BAD_REQUEST"]; // any signed-in user, own account; wrong current password
  if (who === "bendaharaCD") return ["FORBIDDEN"];
  const allowedFor =
    name === "cash.countersign" ||
    name === "seals.countersign" ||
    name === "signing.correction" ||
    name === "signing.ask" ||
    name === "year.setRule" ||
    name === "lending.setRule"
      ? ["admin", "pengawasRD"]
      : name === "referenceTerms.update"
        ? ["admin"]
        : ["admin", "bendaharaRD"];
  if (!allowedFor.includes(who)) return ["FORBIDDEN"];
  // Allowed: exactly what the call is made to get — done, or refused on the data (an unknown id is NOT_FOUND).
  return [ALLOWED_OUTCOME[name] ?? "no outcome written down"];
}

/** What an allowed user gets from each mutation above. */
const ALLOWED_OUTCOME: Record<string, string> = {
  "members.add": "OK",
  "members.update": "OK",
  "members.leave": "NOT_FOUND", // RA-999
  "members.undoLeave": "NOT_FOUND", // RA-999
  "members.resetCheckCode": "OK",
  "members.setPhone": "OK",
  "contributions.recordQueued": "OK", // each day answers for itself
  "contributions.record": "OK",
  "savings.withdraw": "OK",
  "loans.disburse": "OK",
  "loans.repay": "OK",
  "loans.writeOff": "NOT_FOUND",
  "cash.expense": "OK",
  "cash.income": "OK",
  "cash.count": "OK",
  "entries.reverse": "NOT_FOUND",
  "cash.bankTransfer": "OK",
  "book.preview": "CONFLICT", // the group has entries
  "book.import": "CONFLICT",
  "year.setRule": "OK",
  "lending.setRule": "OK",
  "year.preview": "BAD_REQUEST", // 2025 had no entries: nothing to close
  "year.close": "BAD_REQUEST",
  "cash.countersign": "NOT_FOUND",
  "seals.countersign": "BAD_REQUEST", // the month is not over
  "signing.correction": "NOT_FOUND",
  "signing.ask": "NOT_FOUND",
  "signing.answer": "NOT_FOUND",
  "account.changePassword": "BAD_REQUEST", // wrong current password
  "referenceTerms.update": "OK",
};

/** Mutations of the API that write nothing (previews). */
const READS_ONLY = new Set(["book.preview", "year.preview"]);
const auditRows = async () => (await t.database.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log`))[0]!.n;

describe("authorisation matrix: every mutation × every kind of user", () => {
  it("the disabled user and the idle session are what the matrix thinks they are", () => {
    expect(users.disabledRD).toMatchObject({ username: "bendahara-lama", disabled: true });
    expect(users.expiredSession).toBeNull();
  });

  for (const who of [
    "anonymous",
    "disabledRD",
    "expiredSession",
    "bendaharaRD",
    "bendaharaCD",
    "pengawasRD",
    "admin",
  ]) {
    for (const [name, call] of Object.entries(MUTATIONS)) {
      it(`${who} → ${name}`, async () => {
        const before = await chainHead(t.database, rdGroupId);
        const audited = await auditRows();
        const code = await codeOf(call(caller(who)));
        expect(expected(who, name)).toContain(code);
        const after = await chainHead(t.database, rdGroupId);
        if (code !== "OK") expect(after).toEqual(before);
        // Every mutation that goes through leaves its audit row — but the previews, which only read, and
        // a queued day that an earlier caller paid already (each day answers for itself: nothing written).
        const wroteNothing =
          READS_ONLY.has(name) || (name === "contributions.recordQueued" && after.seq === before.seq);
        if (code === "OK" && !wroteNothing)
          expect(await auditRows(), `${name} wrote no audit row`).toBeGreaterThan(audited);
      });
    }
  }

  it("ids of another group's loan or entry answer NOT_FOUND, and nothing is written", async () => {
    const before = await chainHead(t.database, rdGroupId);
    const b = caller("bendaharaRD");
    expect(
      await codeOf(
        b.admin.loans.repay({
          groupSlug: G,
          loanId: cdLoanId,
          amount: 1000,
          date: "2026-11-28",
          idempotencyKey: key(),
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(
        b.admin.contributions.record({
          groupSlug: G,
          date: "2026-11-28",
          idempotencyKey: key(),
          lines: [{ memberCode: "CO-001", amount: 1000 }],
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await chainHead(t.database, rdGroupId)).toEqual(before);
  });

  it("only an admin may override the loan rate or method", async () => {
    const input = {
      groupSlug: G,
      memberCode: "RA-003",
      principal: 10_000,
      termMonths: 2,
      date: "2026-11-28",
      purpose: "ternak" as const,
      rateBpsPerMonth: 0,
      idempotencyKey: key(),
    };
    expect(await codeOf(caller("bendaharaRD").admin.loans.disburse(input))).toBe("FORBIDDEN");
    const r = await caller("admin").admin.loans.disburse({ ...input, idempotencyKey: key() });
    expect(r.loan.rateBpsPerMonth).toBe(0);
  });

  it("anonymous reads answer UNAUTHORIZED; a pengawas reads but cannot post", async () => {
    expect(await codeOf(caller("anonymous").admin.groups.mine())).toBe("UNAUTHORIZED");
    expect(await codeOf(caller("anonymous").admin.entries.list({ groupSlug: G, limit: 5 }))).toBe("UNAUTHORIZED");
    const list = await caller("pengawasRD").admin.members.list({ groupSlug: G });
    expect(list.map((m) => m.code)).toContain("RA-001");
    expect(list[0]).not.toHaveProperty("checkCodeHash");
    expect(await caller("pengawasRD").admin.groups.mine()).toEqual([
      expect.objectContaining({ slug: G, role: "pengawas" }),
    ]);
    expect((await caller("admin").admin.groups.mine()).length).toBe(2);
  });
});

/** Every query, read on Ratu Damai's books (groups.mine: the caller's own groups). */
const QUERIES: Record<string, (c: ReturnType<typeof caller>) => Promise<unknown>> = {
  "groups.mine": (c) => c.admin.groups.mine(),
  "members.list": (c) => c.admin.members.list({ groupSlug: G }),
  "loans.list": (c) => c.admin.loans.list({ groupSlug: G }),
  "loans.open": (c) => c.admin.loans.open({ groupSlug: G }),
  "loans.schedule": (c) => c.admin.loans.schedule({ groupSlug: G, loanId: rdLoanId }),
  "loans.compare": (c) => c.admin.loans.compare({ groupSlug: G, principal: 500_000, termMonths: 5 }),
  "cash.onHand": (c) => c.admin.cash.onHand({ groupSlug: G }),
  "entries.list": (c) => c.admin.entries.list({ groupSlug: G, limit: 5 }),
  "seals.list": (c) => c.admin.seals.list({ groupSlug: G }),
  "audit.list": (c) => c.admin.audit.list({ groupSlug: G, limit: 5 }),
  "year.rule": (c) => c.admin.year.rule({ groupSlug: G }),
  "contributions.paidOn": (c) => c.admin.contributions.paidOn({ groupSlug: G, date: "2026-11-28" }),
  "contributions.paidDays": (c) =>
    c.admin.contributions.paidDays({ groupSlug: G, from: "2026-11-22", to: "2026-11-28" }),
  "year.oldestOpen": (c) => c.admin.year.oldestOpen({ groupSlug: G }),
  "signing.waiting": (c) => c.admin.signing.waiting({ groupSlug: G }),
  "signing.queries": (c) => c.admin.signing.queries({ groupSlug: G }),
  "lending.rule": (c) => c.admin.lending.rule({ groupSlug: G }),
  "receipts.forEntry": (c) => c.admin.receipts.forEntry({ groupSlug: G, entryId: rdEntryId }),
  "members.phones": (c) => c.admin.members.phones({ groupSlug: G }),
};
/** Reads for those who write on the books only (whole phone numbers, for WhatsApp links). */
const WRITERS_ONLY = new Set(["members.phones"]);

it("the matrices name every procedure of the treasurers' API", () => {
  const named = new Set([...Object.keys(QUERIES), ...Object.keys(MUTATIONS)]);
  const missing = Object.keys(adminRouter._def.procedures).filter((p) => !named.has(p));
  expect(missing).toEqual([]);
});

/**
 * server/api/service-access.integration.test.ts runs this file again with the API's own group check
 * let through (every user as an admin of every group): then the mutations must get the same answers
 * from each verb's own check. Reads are checked by the API only, so their matrix is not run then.
 */
const apiCheckLetThrough = vi.isMockFunction(canActOn);

describe.skipIf(apiCheckLetThrough)("authorisation matrix: every query × every kind of user", () => {
  for (const who of [
    "anonymous",
    "disabledRD",
    "expiredSession",
    "bendaharaRD",
    "bendaharaCD",
    "pengawasRD",
    "admin",
  ]) {
    for (const [name, call] of Object.entries(QUERIES)) {
      const want = ["anonymous", "disabledRD", "expiredSession"].includes(who)
        ? "UNAUTHORIZED"
        : (who === "bendaharaCD" && name !== "groups.mine") || (who === "pengawasRD" && WRITERS_ONLY.has(name))
          ? "FORBIDDEN"
          : "OK";
      it(`${who} → ${name}: ${want}`, async () => {
        const before = await chainHead(t.database, rdGroupId);
        expect(await codeOf(call(caller(who)))).toBe(want);
        expect(await chainHead(t.database, rdGroupId)).toEqual(before);
      });
    }
  }
});

describe("days kept on the phone while offline", () => {
  it("are sent together: each recorded or refused on its own, in order; resending answers with the same entries", async () => {
    const b = caller("bendaharaRD");
    const before = await chainHead(t.database, rdGroupId);
    const online = {
      date: "2026-11-20",
      idempotencyKey: key("sudah"),
      lines: [{ memberCode: "RA-001", amount: 1000 }],
    };
    const already = await b.admin.contributions.record({ groupSlug: G, ...online });
    const days = [
      online, // sent online a moment ago, still in the phone's queue
      {
        date: "2026-11-21",
        idempotencyKey: key("q"),
        lines: [
          { memberCode: "RA-001", amount: 1000 },
          { memberCode: "RA-002", amount: 1000 },
        ],
      },
      { date: "2026-11-22", idempotencyKey: key("q"), lines: [{ memberCode: "RA-001", amount: -1000 }] },
      { date: "2030-01-01", idempotencyKey: key("q"), lines: [{ memberCode: "RA-001", amount: 1000 }] },
      { date: "2026-11-23", idempotencyKey: key("q"), lines: [{ memberCode: "CO-001", amount: 1000 }] },
      { date: "2026-11-24", idempotencyKey: key("q"), lines: [{ memberCode: "RA-002", amount: 1000 }] },
    ];
    const results = await b.admin.contributions.recordQueued({ groupSlug: G, days });
    expect(results.map((r) => (r.ok ? "ok" : `${r.error.code}@${r.error.field}`))).toEqual([
      "ok",
      "ok",
      "amount_not_positive@lines.0.amount",
      "date_in_future@date",
      "member_not_found@lines.0.memberCode",
      "ok",
    ]);
    expect(results[0]).toMatchObject({ ok: true, id: already.id }); // already recorded online: the same entry
    const head = await chainHead(t.database, rdGroupId);
    expect(head.seq).toBe(before.seq + 3); // the online one, then the two good queued days
    const again = await b.admin.contributions.recordQueued({ groupSlug: G, days });
    expect(again.map((r) => (r.ok ? r.id : null))).toEqual(results.map((r) => (r.ok ? r.id : null)));
    expect(await chainHead(t.database, rdGroupId)).toEqual(head);
    expect(
      await codeOf(
        b.admin.contributions.recordQueued({ groupSlug: G, days: Array.from({ length: 51 }, () => days[1]!) }),
      ),
    ).toBe("BAD_REQUEST");
  });
});

describe("a collection with a line naming a paid day", () => {
  it("saves the other lines and answers with the refused one, naming the member and day — online and from the phone's queue", async () => {
    const b = caller("bendaharaRD");
    const paid = await b.admin.contributions.record({
      groupSlug: G,
      date: "2026-11-10",
      idempotencyKey: key("paid"),
      lines: [{ memberCode: "RA-002", amount: 1000 }],
    });
    const online = {
      groupSlug: G,
      date: "2026-11-11",
      idempotencyKey: key("five"),
      lines: [
        { memberCode: "RA-001", amount: 1000 },
        { memberCode: "RA-002", amount: 2000, days: ["2026-11-10", "2026-11-11"] },
        { memberCode: "RA-003", amount: 1000 },
      ],
    };
    const saved = await b.admin.contributions.record(online);
    expect(saved.amount).toBe(2000);
    expect(saved.refused).toEqual([{ line: 1, memberCode: "RA-002", day: "2026-11-10", seq: paid.seq }]);
    const head = await chainHead(t.database, rdGroupId);
    expect((await b.admin.contributions.record(online)).refused).toEqual(saved.refused); // a retry: the same answer
    expect(await chainHead(t.database, rdGroupId)).toEqual(head);
    // Who paid the 11th: the two saved, not the refused one.
    const on11 = await b.admin.contributions.paidOn({ groupSlug: G, date: "2026-11-11" });
    expect(on11.map((p) => p.memberCode).sort()).toEqual(["RA-001", "RA-003"]);
    // At most a month at a time, and never backwards.
    for (const [from, to] of [
      ["2026-10-01", "2026-11-01"],
      ["2026-11-11", "2026-11-10"],
    ])
      expect(await codeOf(b.admin.contributions.paidDays({ groupSlug: G, from: from!, to: to! }))).toBe("BAD_REQUEST");
    const span = await b.admin.contributions.paidDays({ groupSlug: G, from: "2026-11-10", to: "2026-11-11" });
    expect(span.map((p) => `${p.memberCode} ${p.day}`).sort()).toEqual([
      "RA-001 2026-11-11",
      "RA-002 2026-11-10",
      "RA-003 2026-11-11",
    ]);
    // Kept on the phone and sent later: the same partial answer per day.
    const [day] = await b.admin.contributions.recordQueued({
      groupSlug: G,
      days: [
        {
          date: "2026-11-12",
          idempotencyKey: key("q"),
          lines: [
            { memberCode: "RA-004", amount: 1000 },
            { memberCode: "RA-001", amount: 2000, days: ["2026-11-11", "2026-11-12"] },
          ],
        },
      ],
    });
    expect(day).toMatchObject({
      ok: true,
      amount: 1000,
      refused: [{ line: 1, memberCode: "RA-001", day: "2026-11-11" }],
    });
  });
});

describe("happy paths through the API", () => {
  it("records a collection, repays, reverses, counts cash, countersigns, and lists the audit", async () => {
    const b = caller("bendaharaRD");
    const day = await b.admin.contributions.record({
      groupSlug: G,
      date: "2026-11-29",
      idempotencyKey: key("day"),
      lines: [1, 2, 3, 4, 5].map((i) => ({ memberCode: `RA-00${i}`, amount: 1000 })),
    });
    expect(day.amount).toBe(5000);
    const repay = await b.admin.loans.repay({
      groupSlug: G,
      loanId: rdLoanId,
      amount: 27_000,
      date: "2026-11-29",
      idempotencyKey: key(),
    });
    expect(repay.allocation).toEqual({ fine: 0, serviceCharge: 2_000, principal: 25_000 });
    const fix = await b.admin.entries.reverse({
      groupSlug: G,
      entryId: rdEntryId,
      reasonCode: "tercatat_dua_kali",
      idempotencyKey: key(),
    });
    expect(fix.reversesEntryId).toBe(rdEntryId);
    const count = await b.admin.cash.count({
      groupSlug: G,
      date: "2026-11-29",
      countedAmount: 1000,
      confirmed: true, // far from the book: the treasurer confirmed it (server/domain/plausibility.ts)
      idempotencyKey: key(),
    });
    expect(count.difference).toBe(1000 - count.bookAmount);
    // Nobody countersigns her own count, an admin included.
    const ownCount = await caller("admin").admin.cash.count({
      groupSlug: G,
      date: "2026-11-29",
      countedAmount: 1000,
      confirmed: true, // far from the book: the treasurer confirmed it (server/domain/plausibility.ts)
      idempotencyKey: key(),
    });
    expect(await codeOf(caller("admin").admin.cash.countersign({ groupSlug: G, cashCountId: ownCount.id }))).toBe(
      "FORBIDDEN",
    );
    const signed = await caller("pengawasRD").admin.cash.countersign({ groupSlug: G, cashCountId: rdCashCountId });
    expect(signed.cashCountId).toBe(rdCashCountId);
    expect(
      await codeOf(caller("pengawasRD").admin.cash.countersign({ groupSlug: G, cashCountId: rdCashCountId })),
    ).toBe("CONFLICT");
    const loans = await b.admin.loans.list({ groupSlug: G });
    expect(loans.loans.find((l) => l.id === rdLoanId)).toMatchObject({ memberCode: "RA-001", status: "berjalan" });
    expect(loans.loans[0]).not.toHaveProperty("schedule");
    const open = await b.admin.loans.open({ groupSlug: G });
    expect(open.find((l) => l.id === rdLoanId)).toMatchObject({ memberCode: "RA-001", status: "berjalan" });
    const schedule = await b.admin.loans.schedule({ groupSlug: G, loanId: rdLoanId });
    expect(schedule.loanId).toBe(rdLoanId);
    expect(schedule.installments.length).toBeGreaterThan(0);
    // Another group's treasurer, asking through her own group, gets no schedule of this group's loan.
    const other = await caller("bendaharaCD")
      .admin.loans.schedule({ groupSlug: "compang-dalo", loanId: rdLoanId })
      .then(
        () => "answered",
        (e: unknown) => (e as { cause?: { code?: string } }).cause?.code ?? String(e),
      );
    expect(other).toBe("loan_not_found");
    const entries = await b.admin.entries.list({ groupSlug: G, limit: 3 });
    expect(entries.entries[0]!.kind).toBe("correction");
    const audit = await b.admin.audit.list({ groupSlug: G, limit: 10 });
    expect(audit[0]!.actor).toMatch(/^user:\d+:/);
    const reset = await b.admin.members.resetCheckCode({ groupSlug: G, code: "RA-002" });
    expect(reset.checkCode).toMatch(/^\d{8}$/);
  });

  it("lists what waits for the supervisor's signature; she signs a correction once, never her own", async () => {
    const p = caller("pengawasRD");
    const before = await p.admin.signing.waiting({ groupSlug: G });
    const correction = before.items.find((i) => i.kind === "correction");
    expect(correction).toMatchObject({ kind: "correction", own: false, reason: "tercatat_dua_kali" });
    // The count she signed in the test above is no longer waiting; the treasurer's newer one is.
    const counts = before.items.filter((i) => i.kind === "cash_count").map((i) => i.kind === "cash_count" && i.id);
    expect(counts).not.toContain(rdCashCountId);
    expect(counts.length).toBeGreaterThan(0);
    if (correction?.kind !== "correction") throw new Error("no correction waiting");
    await p.admin.signing.correction({ groupSlug: G, entryId: correction.id });
    expect(await codeOf(p.admin.signing.correction({ groupSlug: G, entryId: correction.id }))).toBe("CONFLICT");
    const after = await p.admin.signing.waiting({ groupSlug: G });
    expect(after.items.some((i) => i.kind === "correction" && i.id === correction.id)).toBe(false);
    // Not a correction, another group's entry: not found. Her own correction: refused, an admin's included.
    expect(await codeOf(p.admin.signing.correction({ groupSlug: G, entryId: rdEntryId }))).toBe("NOT_FOUND");
    const a = caller("admin");
    const typo = await a.admin.contributions.record({
      groupSlug: G,
      date: "2026-11-29",
      idempotencyKey: key(),
      lines: [{ memberCode: "RA-003", amount: 500, kind: "voluntary" }],
    });
    const own = await a.admin.entries.reverse({
      groupSlug: G,
      entryId: typo.id,
      reasonCode: "salah_jumlah",
      idempotencyKey: key(),
    });
    expect((await a.admin.signing.waiting({ groupSlug: G })).items).toContainEqual(
      expect.objectContaining({ kind: "correction", id: own.id, own: true }),
    );
    expect(await codeOf(a.admin.signing.correction({ groupSlug: G, entryId: own.id }))).toBe("FORBIDDEN");
    expect(
      (await t.database.client.execute("select count(*) n from audit_log where action = 'correction.countersign'"))
        .rows[0]!.n,
    ).toBe(1);
  });

  it("replays the same key and refuses the same key with other content (CONFLICT), writing nothing", async () => {
    const b = caller("bendaharaRD");
    const input = {
      groupSlug: G,
      date: "2026-11-15",
      idempotencyKey: key("replay"),
      lines: [{ memberCode: "RA-004", amount: 1000 }],
    };
    const first = await b.admin.contributions.record(input);
    expect((await b.admin.contributions.record(input)).id).toBe(first.id);
    const before = await chainHead(t.database, rdGroupId);
    const err = await b.admin.contributions
      .record({ ...input, lines: [{ memberCode: "RA-004", amount: 2000 }] })
      .catch((e: TRPCError) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("CONFLICT");
    expect((err as TRPCError).message).toBe("idempotency_key_reused");
    expect(await chainHead(t.database, rdGroupId)).toEqual(before);
  });

  it("bad input is refused with the field named and no raw database message", async () => {
    const b = caller("bendaharaRD");
    const e1 = await b.admin.contributions
      .record({
        groupSlug: G,
        date: "2026-11-30",
        idempotencyKey: key(),
        lines: [{ memberCode: "RA-001", amount: 1000 }],
      })
      .catch((e: TRPCError) => e);
    expect((e1 as TRPCError).code).toBe("BAD_REQUEST");
    expect(((e1 as TRPCError).cause as DomainError).field).toBe("date");
    const e2 = await b.admin.contributions
      .record({
        groupSlug: G,
        date: "2026-11-29",
        idempotencyKey: key(),
        lines: [{ memberCode: "RA-001", amount: -5 }],
      })
      .catch((e: TRPCError) => e);
    expect((e2 as TRPCError).code).toBe("BAD_REQUEST");
  });
});

describe("cross-site and sign-in", () => {
  it("refuses mutations whose Origin is foreign or missing", async () => {
    const before = await chainHead(t.database, rdGroupId);
    expect(
      await codeOf(
        caller("bendaharaRD", false).admin.contributions.record({
          groupSlug: G,
          date: "2026-11-29",
          idempotencyKey: key(),
          lines: [{ memberCode: "RA-001", amount: 1000 }],
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(await chainHead(t.database, rdGroupId)).toEqual(before);
    const https = { portalUrl: "https://kas.example", trustProxy: false };
    const same = (h: Record<string, string>, opts = https) => isSameOrigin(new Headers(h), opts);
    expect(same({ host: "kas.example", origin: "https://kas.example" })).toBe(true);
    expect(same({ host: "10.0.0.5:3000", origin: "https://kas.example" })).toBe(true); // the portal's URL
    expect(same({ host: "kas.example", origin: "https://evil.example" })).toBe(false);
    expect(same({ host: "kas.example" })).toBe(false);
    // Scheme and port count, not only the host name.
    expect(same({ host: "kas.example", origin: "http://kas.example" })).toBe(false);
    expect(same({ host: "kas.example", origin: "https://kas.example:8443" })).toBe(false);
    // X-Forwarded-Host is believed only behind a trusted proxy.
    const forwarded = { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example", origin: "https://evil.example" };
    expect(same(forwarded)).toBe(false);
    expect(same({ ...forwarded, "x-forwarded-proto": "https" }, { ...https, trustProxy: true })).toBe(true);
  });

  it("slows down guessing per (username, address) and per address, and a stranger cannot lock the owner out", async () => {
    const tryIt = (username: string, password: string, address: string | null = null) =>
      verifyCredentials(t.database, { username, password, address }).then(
        (u) => `ok:${u.username}`,
        (e: DomainError) => e.code,
      );
    expect(await tryIt("bendahara-rd", PASSWORD, "10.7.0.1")).toBe("ok:bendahara-rd");
    expect(await tryIt("tidak-ada", "salah", "10.7.0.1")).toBe("signin_failed");
    // A stranger guesses her password from another address: 3 free tries, a 4th, then a wait.
    for (let i = 0; i < 4; i++) expect(await tryIt("bendahara-rd", "salah", "10.6.6.6")).toBe("signin_failed");
    expect(await tryIt("bendahara-rd", PASSWORD, "10.6.6.6")).toBe("signin_throttled");
    // The owner, from her own phone, is not stopped by it.
    expect(await tryIt("bendahara-rd", PASSWORD, "10.7.0.1")).toBe("ok:bendahara-rd");
    // One address guessing across many usernames: 10 free tries, an 11th, then a wait for everyone there.
    for (let i = 0; i < 11; i++) expect(await tryIt(`orang-${i}`, "salah", "10.1.2.3")).toBe("signin_failed");
    expect(await tryIt("pengawas-rd", PASSWORD, "10.1.2.3")).toBe("signin_throttled");
    expect(await tryIt("pengawas-rd", PASSWORD, "10.9.9.9")).toBe("ok:pengawas-rd");
  });

  it("waits grow and end: the wait is told, and after it a right password signs in", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-11-29T02:00:00Z"));
      const refusal = () =>
        verifyCredentials(t.database, { username: "pengawas-rd", password: PASSWORD, address: "10.5.5.5" }).then(
          () => null,
          (e: DomainError) => e,
        );
      for (let i = 0; i < 4; i++)
        await verifyCredentials(t.database, { username: "pengawas-rd", password: "x", address: "10.5.5.5" }).catch(
          () => null,
        );
      expect((await refusal())?.params).toEqual({ waitSeconds: 5 });
      vi.setSystemTime(new Date("2026-11-29T02:00:05Z"));
      expect(await refusal()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("a burst of parallel guesses gets exactly the tries the policy allows (check-and-count is one step)", async () => {
    // Ten guesses at once, the right password last: only the first four are ever checked.
    const guesses = [...Array.from({ length: 9 }, (_, i) => `salah-${i}`), PASSWORD];
    const burst = await Promise.all(
      guesses.map((password) =>
        verifyCredentials(t.database, { username: "bendahara-cd", password, address: "10.4.4.4" }).then(
          () => "ok",
          (e: DomainError) => e.code,
        ),
      ),
    );
    expect(burst.filter((c) => c === "signin_failed")).toHaveLength(4);
    expect(burst.filter((c) => c === "signin_throttled")).toHaveLength(6);
    expect(burst).not.toContain("ok");
  });

  it("a user changes her password: the current one is required, every earlier session ends, the new one signs in", async () => {
    const ctx = testContext(t.database, "test:setup");
    const u = await createUser(ctx, {
      username: "ganti-sandi",
      password: PASSWORD,
      role: "bendahara",
      groupSlugs: ["ratu-damai"],
    });
    const self = createCaller({ database: t.database, user: u, sameOrigin: true, now: () => FIXED_NOW });
    const wrong = await self.admin.account
      .changePassword({ currentPassword: "salah-salah-salah", newPassword: "sandi-baru-yang-panjang" })
      .catch((e: TRPCError) => e);
    expect((wrong as TRPCError).cause).toMatchObject({ code: "password_wrong", field: "currentPassword" });
    const weak = await self.admin.account
      .changePassword({ currentPassword: PASSWORD, newPassword: "pendek" })
      .catch((e: TRPCError) => e);
    expect((weak as TRPCError).cause).toMatchObject({ code: "password_weak", field: "newPassword" });
    const issuedBefore = FIXED_NOW.getTime() - 60_000;
    expect(
      await userOfSession(
        t.database.db,
        { uid: u.id, issuedAtMs: issuedBefore, lastActiveMs: issuedBefore },
        FIXED_NOW.getTime(),
      ),
    ).not.toBeNull();
    await self.admin.account.changePassword({ currentPassword: PASSWORD, newPassword: "sandi-baru-yang-panjang" });
    expect(
      await userOfSession(
        t.database.db,
        { uid: u.id, issuedAtMs: issuedBefore, lastActiveMs: issuedBefore },
        FIXED_NOW.getTime(),
      ),
    ).toBeNull();
    await expect(
      verifyCredentials(t.database, { username: "ganti-sandi", password: PASSWORD, address: null }),
    ).rejects.toMatchObject({ code: "signin_failed" });
    expect(
      (
        await verifyCredentials(t.database, {
          username: "ganti-sandi",
          password: "sandi-baru-yang-panjang",
          address: null,
        })
      ).id,
    ).toBe(u.id);
    const audit = await t.database.db.all<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE action LIKE 'user.%' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["user.disable", "user.password"]));
  });

  it("disabling a user ends her sessions; enabling lets her sign in again, with no old session revived", async () => {
    const ctx = testContext(t.database, "test:setup");
    const u = await createUser(ctx, {
      username: "dinonaktifkan",
      password: PASSWORD,
      role: "bendahara",
      groupSlugs: ["ratu-damai"],
    });
    const issued = FIXED_NOW.getTime() - 60_000;
    const session = { uid: u.id, issuedAtMs: issued, lastActiveMs: issued };
    await setUserDisabled(ctx, "dinonaktifkan", true);
    expect(await userOfSession(t.database.db, session, FIXED_NOW.getTime())).toBeNull();
    await expect(
      verifyCredentials(t.database, { username: "dinonaktifkan", password: PASSWORD, address: null }),
    ).rejects.toMatchObject({ code: "signin_failed" });
    await setUserDisabled(ctx, "dinonaktifkan", false);
    expect(await userOfSession(t.database.db, session, FIXED_NOW.getTime())).toBeNull();
    expect(
      (await verifyCredentials(t.database, { username: "dinonaktifkan", password: PASSWORD, address: null })).id,
    ).toBe(u.id);
    await expect(setUserDisabled(ctx, "tidak-ada", true)).rejects.toMatchObject({
      kind: "not_found",
      code: "user_not_found",
    });
  });

  it("a disabled user cannot sign in", async () => {
    await t.database.db.run(sql`UPDATE users SET disabled = 1 WHERE username = 'admin'`);
    await expect(
      verifyCredentials(t.database, { username: "admin", password: PASSWORD, address: null }),
    ).rejects.toMatchObject({ code: "signin_failed" });
    await t.database.db.run(sql`UPDATE users SET disabled = 0 WHERE username = 'admin'`);
  });
});

describe("the days a write may be dated on (issue 25)", () => {
  it("cash.onHand tells the screens the group's today and the first day still open", async () => {
    // 29 November: October closed with the 5th of November; November runs.
    expect(await caller("bendaharaRD").admin.cash.onHand({ groupSlug: "ratu-damai" })).toMatchObject({
      today: "2026-11-29",
      openFrom: "2026-11-01",
    });
  });
});

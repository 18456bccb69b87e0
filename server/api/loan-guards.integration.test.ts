/**
 * The guards on a new loan, through the treasurers' API: the group's lending rule
 * (`loan_above_ceiling`) and the borrower's arrears (`borrower_in_arrears`, unless `confirmed`).
 * Both are checked in the verb, so a queued or scripted write cannot skip them.
 */
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, lendingRules } from "@/db/schema";
import { DomainError } from "@/server/domain/errors";
import { errorMessage } from "@/server/i18n/errors";
import { disburseLoan } from "@/server/verbs/loans/disburse-loan";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { createUser } from "@/server/verbs/users/create-user";
import type { UserRow } from "@/server/shared/users";
import { chainHead, FIXED_NOW, key, seedGroup, tempDatabase, testContext, typedOn } from "@/server/testing/db";
import { appRouter } from "./root";
import { type ApiContext, createCallerFactory } from "./trpc";

const G = "ratu-damai";
let t: Awaited<ReturnType<typeof tempDatabase>>;
let groupId = 0;
const users: Record<string, UserRow> = {};
const createCaller = createCallerFactory(appRouter);
const caller = (who: string) =>
  createCaller({
    database: t.database,
    user: users[who]!,
    sameOrigin: true,
    now: () => FIXED_NOW,
  } satisfies ApiContext);

/** The refusal a call gets: its tRPC code and the domain error behind it. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError && e.cause instanceof DomainError)
      return { trpc: e.code, code: e.cause.code, params: e.cause.params };
    if (e instanceof TRPCError) return { trpc: e.code };
    throw e;
  }
  return null;
}

const lend = (memberCode: string, principal: number, extra: { confirmed?: boolean } = {}) => ({
  groupSlug: G,
  memberCode,
  principal,
  termMonths: 4,
  date: "2026-11-28",
  purpose: "kopi" as const,
  idempotencyKey: key(),
  ...extra,
});

beforeAll(async () => {
  t = await tempDatabase();
  const ctx = testContext(t.database, "test:setup");
  groupId = (await seedGroup(ctx, G, 5)).group.id;
  const password = "kata-sandi-panjang-123";
  users.bendahara = await createUser(ctx, { username: "bendahara-rd", password, role: "bendahara", groupSlugs: [G] });
  users.pengawas = await createUser(ctx, { username: "pengawas-rd", password, role: "pengawas", groupSlugs: [G] });
  // August: savings (RA-002's Rp 300.000 among them) and a loan to RA-002 that she never repays —
  // its first installment fell due on 1 October, 58 days before a loan dated 28 November.
  const august = typedOn(ctx, "2026-08-01");
  await recordContributions(august, {
    groupSlug: G,
    date: "2026-08-01",
    idempotencyKey: key(),
    lines: [
      { memberCode: "RA-001", amount: 500_000, kind: "voluntary" },
      { memberCode: "RA-002", amount: 300_000, kind: "voluntary" },
      { memberCode: "RA-003", amount: 5_000_000, kind: "voluntary" },
    ],
  });
  await disburseLoan(typedOn(ctx, "2026-09-01"), { ...lend("RA-002", 200_000), date: "2026-09-01" });
  // RA-004's loan of 10 November is on time.
  await recordContributions(ctx, {
    groupSlug: G,
    date: "2026-11-01",
    idempotencyKey: key(),
    lines: [{ memberCode: "RA-004", amount: 100_000, kind: "voluntary" }],
  });
  await disburseLoan(ctx, { ...lend("RA-004", 50_000), date: "2026-11-10" });
});

afterAll(() => t.cleanup());

describe("the lending rule", () => {
  it("is set by the pengawas (not the treasurer), audited, and read back", async () => {
    expect(
      await refusal(
        caller("bendahara").admin.lending.setRule({ groupSlug: G, savingsMultiple: 3, maxPrincipal: 2_000_000 }),
      ),
    ).toEqual({
      trpc: "FORBIDDEN",
    });
    await caller("pengawas").admin.lending.setRule({ groupSlug: G, savingsMultiple: 3, maxPrincipal: 2_000_000 });
    expect(await caller("bendahara").admin.lending.rule({ groupSlug: G })).toMatchObject({
      savingsMultiple: 3,
      maxPrincipal: 2_000_000,
      isDefault: false,
    });
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.groupId, groupId), eq(auditLog.action, "lending.rule")));
    expect(audited.at(-1)?.actor).toMatch(/pengawas-rd$/);
    expect(JSON.parse(audited.at(-1)?.detail ?? "{}")).toEqual({ savingsMultiple: 3, maxPrincipal: 2_000_000 });
  });

  it("is append-only: the database refuses to change or delete a rule", async () => {
    await expect(t.database.db.update(lendingRules).set({ maxPrincipal: 1 })).rejects.toThrow();
    await expect(t.database.db.delete(lendingRules)).rejects.toThrow();
    expect((await caller("bendahara").admin.lending.rule({ groupSlug: G })).maxPrincipal).toBe(2_000_000);
  });

  it("refuses a loan above 3× the borrower's savings, naming the ceiling, and writes nothing", async () => {
    const before = await chainHead(t.database, groupId);
    const r = await refusal(caller("bendahara").admin.loans.disburse(lend("RA-001", 1_500_001)));
    expect(r).toMatchObject({
      trpc: "BAD_REQUEST",
      code: "loan_above_ceiling",
      params: { ceiling: 1_500_000, limit: "savings", multiple: 3, savings: 500_000 },
    });
    expect(errorMessage(r!.code!, r!.params!, "id")).toBe(
      "Pinjaman melebihi batas kelompok: utang seorang anggota paling banyak Rp\u00a01.500.000 (3× simpanan anggota ini, Rp\u00a0500.000).",
    );
    expect(await chainHead(t.database, groupId)).toEqual(before);
    // The ceiling itself is allowed.
    await caller("bendahara").admin.loans.disburse(lend("RA-001", 1_500_000));
  });

  it("holds on what she owes in total: a second loan that takes her above 3× her savings is refused, saying what she owes", async () => {
    // RA-001 (savings Rp 500.000) took Rp 1.500.000 above: she may borrow nothing more until she repays.
    const before = await chainHead(t.database, groupId);
    const r = await refusal(caller("bendahara").admin.loans.disburse(lend("RA-001", 100_000)));
    expect(r).toMatchObject({
      trpc: "BAD_REQUEST",
      code: "loan_above_ceiling",
      params: { ceiling: 1_500_000, limit: "savings", owed: 1_500_000, room: 0 },
    });
    expect(errorMessage(r!.code!, r!.params!, "id")).toBe(
      "Pinjaman melebihi batas kelompok: utang seorang anggota paling banyak Rp\u00a01.500.000 (3× simpanan anggota ini, Rp\u00a0500.000). Ia masih berutang Rp\u00a01.500.000, jadi pinjaman baru paling banyak Rp\u00a00.",
    );
    expect(await chainHead(t.database, groupId)).toEqual(before);
  });

  it("refuses a loan above the group's absolute ceiling whatever her savings", async () => {
    const before = await chainHead(t.database, groupId);
    const r = await refusal(caller("bendahara").admin.loans.disburse(lend("RA-003", 2_000_001)));
    expect(r).toMatchObject({ code: "loan_above_ceiling", params: { ceiling: 2_000_000, limit: "absolute" } });
    expect(errorMessage(r!.code!, r!.params!, "en")).toBe(
      "The loan is above the group's limit: a member may owe at most Rp\u00a02,000,000 (the group's ceiling).",
    );
    expect(await chainHead(t.database, groupId)).toEqual(before);
  });
});

describe("a loan to a member more than 30 days late", () => {
  it("is refused unless confirmed, naming the days late on the loan's date, and writes nothing", async () => {
    const before = await chainHead(t.database, groupId);
    const r = await refusal(caller("bendahara").admin.loans.disburse(lend("RA-002", 100_000)));
    expect(r).toMatchObject({ trpc: "CONFLICT", code: "borrower_in_arrears", params: { days: 58, loans: 1 } });
    expect(await chainHead(t.database, groupId)).toEqual(before);
    const done = await caller("bendahara").admin.loans.disburse(lend("RA-002", 100_000, { confirmed: true }));
    expect(done.loan.principal).toBe(100_000);
  });

  it("a member whose loans are on time needs no confirmation", async () => {
    const done = await caller("bendahara").admin.loans.disburse(lend("RA-004", 50_000));
    expect(done.loan.principal).toBe(50_000);
  });

  it("the register says what is due on the late loan: arrears and a fine, and what settles it", async () => {
    const late = (await caller("bendahara").admin.loans.open({ groupSlug: G })).find(
      (l) => l.memberCode === "RA-002" && l.disbursedOn === "2026-09-01",
    )!;
    // Rp 200.000 over 4 months, flat 2%: Rp 50.000 + Rp 4.000 on the 1st; October's and November's are late, each fined.
    expect(late.due).toEqual({
      installment: { n: 3, dueOn: "2026-12-01", amount: 54_000 },
      arrears: 108_000,
      fines: 10_000,
      dueNow: 118_000,
      settle: 10_000 + 4 * 54_000,
      daysPastDue: 59,
    });
  });
});

/**
 * Plausibility before saving, through the API as a phone (or a script) would call it: a count far
 * from the book, one expense or withdrawal above the group's threshold, are refused without
 * `confirmed: true`; a count is replaced the same day, never edited, and the public shows the latest
 * marked "diganti". Every refusal here was seen failing with its guard removed.
 */
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cashCounts } from "@/db/schema";
import { flush, type Outcome, type QueuedWrite, queued, refused } from "@/app/admin/_ui/offline-queue";
import { DomainError } from "@/server/domain/errors";
import { auditSentence } from "@/server/i18n/audit";
import { MESSAGES } from "@/server/i18n/messages";
import { recordCashCount } from "@/server/verbs/cash/cash-count";
import { recordIncome } from "@/server/verbs/cash/cash-movement";
import { createGroup } from "@/server/verbs/groups/create-group";
import { listAudit } from "@/server/read/members";
import { monthlyReport } from "@/server/read/monthly-report";
import { groupDetail } from "@/server/read/open-data";
import { groupFigures } from "@/server/read/public-figures";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { createUser } from "@/server/verbs/users/create-user";
import type { UserRow } from "@/server/shared/users";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { appRouter } from "./root";
import { createCallerFactory, type ApiContext } from "./trpc";

let t: Awaited<ReturnType<typeof tempDatabase>>;
const users: Record<string, UserRow> = {};
const createCaller = createCallerFactory(appRouter);
const PASSWORD = "kata-sandi-panjang-123";
const G = "ratu-damai";
const TODAY = "2026-11-29"; // FIXED_NOW in WITA
/** The box of the issue: Rp 36.790.362 by the book. */
const BOOK = 36_790_362;
let groupId = 0;

const caller = (who: string, now: Date = FIXED_NOW) =>
  createCaller({
    database: t.database,
    user: users[who] ?? null,
    sameOrigin: true,
    now: () => now,
  } satisfies ApiContext);
const treasurer = () => caller("bendahara").admin;

/** The refusal a call ends in: its tRPC code and the domain error the phone is told. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const d = e.cause instanceof DomainError ? e.cause : null;
    return { trpc: e.code, code: d?.code ?? null, field: d?.field ?? null, params: d?.params ?? {} };
  }
  return null;
}

const countsOf = async (account: "cash" | "bank" = "cash") =>
  t.database.db
    .select()
    .from(cashCounts)
    .where(and(eq(cashCounts.groupId, groupId), eq(cashCounts.account, account)));

beforeAll(async () => {
  t = await tempDatabase();
  const ctx = testContext(t.database, "test:setup");
  groupId = (await seedGroup(ctx, G, 3)).group.id;
  await seedGroup(ctx, "compang-dalo", 3);
  users.bendahara = await createUser(ctx, {
    username: "bendahara",
    password: PASSWORD,
    role: "bendahara",
    groupSlugs: [G],
  });
  users.pengawas = await createUser(ctx, {
    username: "pengawas",
    password: PASSWORD,
    role: "pengawas",
    groupSlugs: [G],
  });
  await recordContributions(ctx, {
    groupSlug: G,
    date: "2026-11-02",
    idempotencyKey: key(),
    lines: [{ memberCode: "RA-001", amount: 3_000_000, kind: "voluntary" }],
  });
  await recordIncome(ctx, {
    groupSlug: G,
    amount: BOOK - 3_000_000,
    date: "2026-11-02",
    category: "hibah",
    idempotencyKey: key(),
  });
});
afterAll(() => t.cleanup());

describe("a cash count far from the book", () => {
  it("is refused without confirmation, saying the difference, and nothing is written", async () => {
    // Rp 2.000 typed instead of Rp 36.790.362.
    const r = await refusal(
      treasurer().cash.count({ groupSlug: G, date: TODAY, countedAmount: 2_000, idempotencyKey: key() }),
    );
    expect(r).toEqual({
      trpc: "CONFLICT",
      code: "count_difference_unconfirmed",
      field: "countedAmount",
      params: { difference: 2_000 - BOOK, book: BOOK, counted: 2_000, tolerance: 1_839_518 },
    });
    // `confirmed: false` is no confirmation either.
    expect(
      (
        await refusal(
          treasurer().cash.count({
            groupSlug: G,
            date: TODAY,
            countedAmount: 2_000,
            confirmed: false,
            idempotencyKey: key(),
          }),
        )
      )?.code,
    ).toBe("count_difference_unconfirmed");
    expect(await countsOf()).toHaveLength(0);
  });

  it("is refused for a bank check too, above Rp 50.000 when 5 % of the book is less", async () => {
    const check = (countedAmount: number, confirmed?: boolean) =>
      treasurer().cash.count({
        groupSlug: G,
        date: TODAY,
        account: "bank",
        countedAmount,
        confirmed,
        idempotencyKey: key(),
      });
    expect((await refusal(check(50_001)))?.code).toBe("count_difference_unconfirmed");
    expect(await countsOf("bank")).toHaveLength(0);
    expect(await refusal(check(50_000))).toBeNull(); // at the tolerance: no question asked
    expect(await refusal(check(50_001, true))).toBeNull();
    expect(await countsOf("bank")).toHaveLength(2);
  });

  it("is saved once the treasurer confirmed it, and a count within the tolerance needs nothing", async () => {
    const typo = await treasurer().cash.count({
      groupSlug: G,
      date: TODAY,
      countedAmount: 2_000,
      confirmed: true,
      idempotencyKey: key(),
    });
    expect(typo).toMatchObject({ bookAmount: BOOK, difference: 2_000 - BOOK, replacesId: null });
    const group = await loadGroupRow();
    expect((await groupFigures(t.database.db, group, FIXED_NOW)).lastCashCount).toMatchObject({
      difference: 2_000 - BOOK,
      replaceReason: null,
    });
  });

  it("a queued count without confirmation comes back refused to the treasurer, and the money-out after it is held", async () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const write = (kind: QueuedWrite["kind"], input: Record<string, unknown>): QueuedWrite => ({
      key: String(input.idempotencyKey),
      kind,
      input,
      summary: kind,
      queuedAt: FIXED_NOW.toISOString(),
    });
    const count = write("cash_count", { groupSlug: G, date: TODAY, countedAmount: 3_000, idempotencyKey: key() });
    const expense = write("expense", {
      groupSlug: G,
      amount: 10_000,
      date: TODAY,
      category: "rapat",
      confirmed: true,
      idempotencyKey: key(),
    });
    storage.setItem(`kt-antrian:${G}`, JSON.stringify([count, expense]));
    // The phone's sender (app/admin/_ui/phone-queue.tsx) against the real API: a refusal is an answer.
    const send = async (w: QueuedWrite): Promise<Outcome> => {
      const r = await refusal(
        w.kind === "cash_count" ? treasurer().cash.count(w.input as never) : treasurer().cash.expense(w.input as never),
      );
      return r
        ? { ok: false, error: { code: r.code ?? r.trpc, field: r.field, params: r.params } }
        : { ok: true, seq: null };
    };
    const before = (await countsOf()).length;
    const result = await flush(storage, G, send);
    expect(result).toMatchObject({ sent: 0, held: 1, left: 1 });
    expect(refused(storage, G)).toEqual([
      {
        ...count,
        error: {
          code: "count_difference_unconfirmed",
          field: "countedAmount",
          params: { difference: 3_000 - BOOK, book: BOOK, counted: 3_000, tolerance: 1_839_518 },
        },
      },
    ]);
    expect(queued(storage, G)).toEqual([{ ...expense, held: true }]);
    expect(await countsOf()).toHaveLength(before); // not saved, not lost: refused, with its reason
  });
});

async function loadGroupRow() {
  const { loadGroup } = await import("@/server/shared/context");
  return loadGroup(t.database.db, G);
}

describe("replacing a count the same day", () => {
  it("keeps both, and the public — group figures, monthly report, open data — shows the latest, 'diganti'", async () => {
    const [typo] = (await countsOf()).filter((c) => c.countedAmount === 2_000);
    const right = await treasurer().cash.count({
      groupSlug: G,
      date: TODAY,
      countedAmount: BOOK,
      replaces: { id: typo!.id, reason: "salah_ketik" },
      idempotencyKey: key(),
    });
    expect(right).toMatchObject({ replacesId: typo!.id, replaceReason: "salah_ketik", difference: 0 });
    const rows = await countsOf();
    expect(rows.map((c) => c.id)).toEqual([typo!.id, right.id]); // append-only: the typo stays
    const group = await loadGroupRow();
    const f = await groupFigures(t.database.db, group, FIXED_NOW);
    expect(f.lastCashCount).toMatchObject({ countedAmount: BOOK, difference: 0, replaceReason: "salah_ketik" });
    expect(groupDetail(f).lastCashCount).toMatchObject({ countedRp: BOOK, replacedBecause: "salah_ketik" });
    const report = await monthlyReport(t.database.db, group, "2026-11", FIXED_NOW);
    expect(report.cashCounts.filter((c) => c.account === "cash")).toEqual([
      {
        date: TODAY,
        account: "cash",
        counted: BOOK,
        book: BOOK,
        difference: 0,
        replaceReason: "salah_ketik",
        queried: null,
      },
    ]);
    expect(
      MESSAGES.id.countReplaced(
        MESSAGES.id.countReplaceReasons[report.cashCounts.find((c) => c.account === "cash")!.replaceReason!]!,
      ),
    ).toBe("diganti (salah ketik)");
    // The audit log says it too.
    const [logged] = await listAudit(testContext(t.database), { groupSlug: G, limit: 1 });
    expect(auditSentence(logged!, "id", group.timeZone).replace(/\u00a0/g, " ")).toContain(
      "menghitung kas: Rp 36.790.362 (buku Rp 36.790.362), diganti (salah ketik)",
    );
  });

  it("the pengawas' list highlights the large difference and says which count replaced which", async () => {
    const { items } = await caller("pengawas").admin.signing.waiting({ groupSlug: G });
    const counts = items.filter((i) => i.kind === "cash_count" && i.account === "cash");
    expect(counts.map((i) => i.kind === "cash_count" && [i.counted, i.large, i.replaced, i.replaceReason])).toEqual([
      [BOOK, false, false, "salah_ketik"],
      [2_000, true, true, null],
    ]);
  });

  it("refuses a second replacement of the same count, a count of another day, and another group's count", async () => {
    const rows = await countsOf();
    const typo = rows.find((c) => c.countedAmount === 2_000)!;
    const latest = rows.at(-1)!;
    const replace = (id: number, date = TODAY, now = FIXED_NOW) =>
      refusal(
        caller("bendahara", now).admin.cash.count({
          groupSlug: G,
          date,
          countedAmount: BOOK,
          replaces: { id, reason: "dihitung_ulang" },
          idempotencyKey: key(),
        }),
      );
    expect(await replace(typo.id)).toMatchObject({ trpc: "CONFLICT", code: "count_already_replaced" });
    // The latest, but for another date.
    expect(await replace(latest.id, "2026-11-28")).toMatchObject({ code: "count_replace_not_same_day" });
    // The same date, but replaced on the next day.
    expect(await replace(latest.id, TODAY, new Date("2026-11-30T02:00:00Z"))).toMatchObject({
      trpc: "BAD_REQUEST",
      code: "count_replace_not_same_day",
      params: { date: TODAY },
    });
    // Another group's count is simply not found.
    const cdCount = await recordCashCount(testContext(t.database), {
      groupSlug: "compang-dalo",
      date: TODAY,
      countedAmount: 0,
      idempotencyKey: key(),
    });
    expect(await replace(cdCount!.id)).toMatchObject({ trpc: "NOT_FOUND", code: "cash_count_not_found" });
    expect((await countsOf()).length).toBe(rows.length);
  });

  it("refuses to replace a count the pengawas countersigned; a replacement far from the book needs confirmation too", async () => {
    const latest = (await countsOf()).at(-1)!;
    const replace = (id: number, countedAmount: number) =>
      refusal(
        treasurer().cash.count({
          groupSlug: G,
          date: TODAY,
          countedAmount,
          replaces: { id, reason: "dihitung_ulang" },
          idempotencyKey: key(),
        }),
      );
    expect(await replace(latest.id, 500_000)).toMatchObject({ code: "count_difference_unconfirmed" });
    await caller("pengawas").admin.cash.countersign({ groupSlug: G, cashCountId: latest.id });
    expect(await replace(latest.id, BOOK)).toMatchObject({ trpc: "CONFLICT", code: "count_already_countersigned" });
  });
});

describe("one expense or withdrawal above the group's threshold", () => {
  const expense = (amount: number, confirmed?: boolean, slug = G) =>
    treasurer().cash.expense({
      groupSlug: slug,
      amount,
      date: TODAY,
      category: "rapat",
      confirmed,
      idempotencyKey: key(),
    });
  const withdraw = (amount: number, confirmed?: boolean) =>
    treasurer().savings.withdraw({
      groupSlug: G,
      memberCode: "RA-001",
      amount,
      date: TODAY,
      confirmed,
      idempotencyKey: key(),
    });

  it("an expense is refused without confirmation (default Rp 1.000.000), at the threshold not", async () => {
    expect(await refusal(expense(1_000_001))).toEqual({
      trpc: "CONFLICT",
      code: "large_outflow_unconfirmed",
      field: "amount",
      params: { amount: 1_000_001, threshold: 1_000_000 },
    });
    expect(await refusal(expense(1_000_001, false))).toMatchObject({ code: "large_outflow_unconfirmed" });
    expect(await refusal(expense(1_000_000))).toBeNull();
    expect(await refusal(expense(1_000_001, true))).toBeNull();
  });

  it("a savings withdrawal is refused without confirmation; more than her savings is refused first", async () => {
    expect(await refusal(withdraw(1_500_000))).toMatchObject({
      code: "large_outflow_unconfirmed",
      params: { amount: 1_500_000, threshold: 1_000_000 },
    });
    expect(await refusal(withdraw(9_000_000))).toMatchObject({ code: "withdrawal_exceeds_savings" });
    expect(await refusal(withdraw(1_500_000, true))).toBeNull();
  });

  it("the threshold is the group's own", async () => {
    const ctx = testContext(t.database, "test:setup");
    await createGroup(ctx, {
      slug: "wae-rebo",
      name: "KSM Wae Rebo",
      village: "Wae Rebo",
      kecamatan: "Satar Mese Barat",
      kabupaten: "Manggarai",
      provinsi: "Nusa Tenggara Timur",
      foundedOn: "2024-01-01",
      largeOutflowThreshold: 5_000_000,
    });
    await recordIncome(ctx, {
      groupSlug: "wae-rebo",
      amount: 9_000_000,
      date: "2026-11-02",
      category: "hibah",
      idempotencyKey: key(),
    });
    const admin = await createUser(ctx, { username: "admin", password: PASSWORD, role: "admin", groupSlugs: [] });
    const asAdmin = createCaller({ database: t.database, user: admin, sameOrigin: true, now: () => FIXED_NOW });
    const spend = (amount: number) =>
      refusal(
        asAdmin.admin.cash.expense({
          groupSlug: "wae-rebo",
          amount,
          date: TODAY,
          category: "rapat",
          idempotencyKey: key(),
        }),
      );
    expect(await spend(2_000_000)).toBeNull();
    expect(await spend(5_000_001)).toMatchObject({ params: { threshold: 5_000_000 } });
  });
});

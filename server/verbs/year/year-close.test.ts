import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { journalEntries, members, shareOutRules } from "@/db/schema";
import { EXAMPLE_RULE, SHU_POOLS } from "@/server/domain/shu";
import { key, seedGroup, tempDatabase, testContext, typedOn } from "@/server/testing/db";
import { recordExpense, recordIncome } from "@/server/verbs/cash/cash-movement";
import { loadGroup, type ServiceContext } from "@/server/shared/context";
import { yearReport } from "@/server/read/year-report";
import { disburseLoan } from "@/server/verbs/loans/disburse-loan";
import { repayLoan } from "@/server/verbs/loans/repay-loan";
import { passbookOf } from "@/server/read/passbook";
import { groupFigures } from "@/server/read/public-figures";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { verifyLedger } from "@/server/read/verify";
import { closedYears, previewYear } from "@/server/read/year-close";
import { closeYear } from "@/server/verbs/year/close-year";
import { setShareOutRule } from "@/server/verbs/year/set-share-out-rule";
import { oldestOpenYear } from "@/server/shared/year";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let database: Database;
let ctx: ServiceContext;
const G = "ratu-damai";
/** Entries dated in a closed month are typed on their own day (see typedOn). */
const on = (date: string) => typedOn(ctx, date);

beforeEach(async () => {
  t = await tempDatabase();
  database = t.database;
  ctx = testContext(database); // today is 2026-11-29 WITA
  await seedGroup(ctx, G, 5);
});
afterEach(() => t.cleanup());

/**
 * 2024 and 2025: savings from everyone, one loan repaid with jasa by RA-001, an expense, bank
 * interest — typed in date order, each on its own day (as a treasurer would: the chain's order is
 * the order they were recorded in, which `npm run verify` holds against the months' closes).
 */
async function twoYears() {
  const collect = (date: string, amount: number) =>
    recordContributions(on(date), {
      groupSlug: G,
      date,
      idempotencyKey: key(),
      lines: ["RA-001", "RA-002", "RA-003", "RA-004", "RA-005"].map((memberCode, i) => ({
        memberCode,
        amount: amount * (i + 1),
      })),
    });
  await collect("2024-01-05", 200_000);
  const loan = await disburseLoan(on("2024-03-01"), {
    groupSlug: G,
    memberCode: "RA-001",
    principal: 500_000,
    termMonths: 2,
    date: "2024-03-01",
    purpose: "kopi",
    idempotencyKey: key(),
  });
  await repayLoan(on("2024-04-01"), {
    groupSlug: G,
    loanId: loan.loan.id,
    amount: 260_000,
    date: "2024-04-01",
    idempotencyKey: key(),
  });
  await repayLoan(on("2024-05-01"), {
    groupSlug: G,
    loanId: loan.loan.id,
    amount: 260_000,
    date: "2024-05-01",
    idempotencyKey: key(),
  });
  await collect("2024-06-05", 100_000);
  await recordExpense(on("2024-07-01"), {
    groupSlug: G,
    amount: 3_000,
    date: "2024-07-01",
    category: "alat_tulis",
    idempotencyKey: key(),
  });
  await recordIncome(on("2024-12-31"), {
    groupSlug: G,
    amount: 1_000,
    date: "2024-12-31",
    category: "bunga_bank",
    idempotencyKey: key(),
  });
  await collect("2025-02-05", 100_000);
  await recordIncome(on("2025-06-30"), {
    groupSlug: G,
    amount: 7_000,
    date: "2025-06-30",
    category: "bunga_bank",
    idempotencyKey: key(),
  });
}

describe("closing the year (SHU)", () => {
  it("previews, then posts exactly the preview: pools and members' parts summing to the SHU", async () => {
    await twoYears();
    await expect(previewYear(ctx, { groupSlug: G, year: 2024 })).rejects.toMatchObject({ code: "shu_rule_missing" });
    await setShareOutRule(ctx, { groupSlug: G, rule: EXAMPLE_RULE, isExample: true });
    const p = await previewYear(ctx, { groupSlug: G, year: 2024 });
    // jasa 2 × 10.000 (flat 2 % of 500.000) + 1.000 interest − 3.000 stationery
    expect(p.totals).toEqual({ serviceCharge: 20_000, fines: 0, otherIncome: 1_000, expenses: 3_000, writtenOff: 0 });
    expect(p.shu).toBe(18_000);
    expect(SHU_POOLS.reduce((s, k) => s + p.pools[k], 0)).toBe(18_000);
    expect(p.members.reduce((s, m) => s + m.total, 0)).toBe(p.pools.jasa_modal + p.pools.jasa_pinjaman);
    // Only RA-001 paid jasa: the whole jasa pinjaman pool is hers.
    expect(p.members.find((m) => m.code === "RA-001")!.jasaPinjaman).toBe(p.pools.jasa_pinjaman);
    // Jasa modal follows savings: RA-005 saved five times what RA-001 did.
    const modal = Object.fromEntries(p.members.map((m) => [m.code, m.jasaModal]));
    expect(Math.abs(modal["RA-005"]! - 5 * modal["RA-001"]!)).toBeLessThanOrEqual(5);

    const before = await groupFigures(database.db, G, new Date("2026-11-29T02:00:00Z"));
    const k = key();
    const closed = await closeYear(ctx, { groupSlug: G, year: 2024, idempotencyKey: k });
    expect(closed.preview).toEqual(p); // preview and close give the same numbers
    expect(closed.entry).toMatchObject({ kind: "year_close", businessDate: "2024-12-31" });
    const after = await groupFigures(database.db, G, new Date("2026-11-29T02:00:00Z"));
    // The surplus moved: into the reserve, the funds and the members' savings; what the group holds is unchanged.
    expect(after.balances.cash).toBe(before.balances.cash);
    expect(after.balances.reserve).toBe(p.pools.cadangan);
    expect(after.balances.otherFunds).toBe(p.pools.pengurus + p.pools.pendidikan);
    expect(after.balances.memberSavings - before.balances.memberSavings).toBe(
      p.pools.jasa_modal + p.pools.jasa_pinjaman,
    );
    expect(after.balances.surplus).toBe(before.balances.surplus - 18_000);
    expect((await verifyLedger(database.db)).problems).toEqual([]);

    // Idempotent: the same key answers with the same closing; another key is refused.
    const again = await closeYear(ctx, { groupSlug: G, year: 2024, idempotencyKey: k });
    expect(again.entry?.id).toBe(closed.entry?.id);
    expect(again.preview).toEqual(p);
    await expect(closeYear(ctx, { groupSlug: G, year: 2024, idempotencyKey: key() })).rejects.toMatchObject({
      code: "year_already_closed",
    });
    expect((await closedYears(database.db, { id: closed.entry!.groupId })).map((c) => [c.year, c.shu])).toEqual([
      [2024, 18_000],
    ]);
    // Its indicators are fixed with it: everyone stayed, the one loan was repaid, 18.000 on ~Rp 4 juta saved.
    const report = await yearReport(database.db, await loadGroup(database.db, G), 2024);
    expect(report.indicators).toMatchObject({ retention: 1, utilisation: 0, par30: null, writeOffRatio: 0 });
    expect(report.indicators.returnOnSavings).toBeGreaterThan(0.003);
    expect(report.indicators.returnOnSavings).toBeLessThan(0.01);
    expect(report.pools).toEqual(p.pools);

    // Her passbook shows her part.
    const [m1] = await database.db.select().from(members).where(eq(members.code, "RA-001"));
    const pb = await passbookOf(database.db, m1!.id, new Date("2026-11-29T02:00:00Z"));
    expect(pb!.shu).toEqual([{ year: 2024, amount: p.members.find((m) => m.code === "RA-001")!.total }]);
  });

  it("shares jasa modal by each member's savings at the year's month ends — from her savings before the year, whatever came after", async () => {
    await setShareOutRule(ctx, { groupSlug: G, rule: EXAMPLE_RULE, isExample: true });
    const save = (date: string, memberCode: string, amount: number) =>
      recordContributions(on(date), { groupSlug: G, date, idempotencyKey: key(), lines: [{ memberCode, amount }] });
    // A year's jasa, paid by RA-003 (so the jasa pinjaman pool is hers alone).
    const lend = async (year: number) => {
      const { loan } = await disburseLoan(on(`${year}-02-01`), {
        groupSlug: G,
        memberCode: "RA-003",
        principal: 300_000,
        termMonths: 2,
        date: `${year}-02-01`,
        purpose: "kopi",
        idempotencyKey: key(),
      });
      for (const month of ["03", "04"])
        await repayLoan(on(`${year}-${month}-01`), {
          groupSlug: G,
          loanId: loan.id,
          amount: 156_000,
          date: `${year}-${month}-01`,
          idempotencyKey: key(),
        });
    };
    await save("2024-01-05", "RA-001", 600_000);
    await lend(2024);
    const first = await closeYear(ctx, { groupSlug: G, year: 2024, idempotencyKey: key() });
    const part2024 = first.preview.members.find((m) => m.code === "RA-001")!.total; // into her savings on 31 Dec
    await save("2025-01-05", "RA-002", 600_000);
    await lend(2025);
    await save("2026-01-05", "RA-002", 5_000_000); // after the year: must not count
    const p = await previewYear(ctx, { groupSlug: G, year: 2025 });
    // Twelve month ends each: RA-001 held 600.000 + her 2024 part all year, RA-002 600.000 from
    // January (not the 5.000.000 of 2026), RA-003 her 2024 jasa pinjaman part.
    const part = (code: string) => first.preview.members.find((m) => m.code === code)?.total ?? 0;
    expect(part2024).toBeGreaterThan(0);
    expect(Object.fromEntries(p.members.map((m) => [m.code, m.averageSavings]))).toEqual({
      "RA-001": 600_000 + part2024,
      "RA-002": 600_000,
      "RA-003": part("RA-003"),
    });
    expect(p.members.reduce((t, m) => t + m.jasaModal, 0)).toBe(p.pools.jasa_modal);
  });

  it("the close tab opens on the oldest year not yet closed: the first entry's year, then the one after the last closed", async () => {
    expect(await oldestOpenYear(ctx, { groupSlug: G })).toEqual({ year: null }); // nothing written yet
    await twoYears();
    await setShareOutRule(ctx, { groupSlug: G, rule: EXAMPLE_RULE });
    expect(await oldestOpenYear(ctx, { groupSlug: G })).toEqual({ year: 2024 });
    await closeYear(ctx, { groupSlug: G, year: 2024, idempotencyKey: key() });
    expect(await oldestOpenYear(ctx, { groupSlug: G })).toEqual({ year: 2025 });
    await closeYear(ctx, { groupSlug: G, year: 2025, idempotencyKey: key() });
    expect(await oldestOpenYear(ctx, { groupSlug: G })).toEqual({ year: 2026 });
  });

  it("refuses entries dated in a closed year (a correction goes in the open year), and years out of order", async () => {
    await twoYears();
    await setShareOutRule(ctx, { groupSlug: G, rule: EXAMPLE_RULE });
    await expect(closeYear(ctx, { groupSlug: G, year: 2025, idempotencyKey: key() })).rejects.toMatchObject({
      code: "year_close_order",
      params: { expected: 2024 },
    });
    await expect(closeYear(ctx, { groupSlug: G, year: 2026, idempotencyKey: key() })).rejects.toMatchObject({
      code: "year_not_over",
    });
    // Closed in July 2025, after the history so far (the chain's order is the order things were typed in).
    await closeYear(on("2025-07-01"), { groupSlug: G, year: 2024, idempotencyKey: key() });
    const [{ n: before }] = (await database.db.select({ n: sql<number>`count(*)` }).from(journalEntries)) as [
      { n: number },
    ];
    await expect(
      recordExpense(on("2024-12-30"), {
        groupSlug: G,
        amount: 1_000,
        date: "2024-12-30",
        category: "rapat",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "year_closed", field: "date", params: { year: "2024" } });
    const [{ n: after }] = (await database.db.select({ n: sql<number>`count(*)` }).from(journalEntries)) as [
      { n: number },
    ];
    expect(after).toBe(before);
    await recordExpense(on("2025-07-02"), {
      groupSlug: G,
      amount: 1_000,
      date: "2025-07-02",
      category: "rapat",
      idempotencyKey: key(),
    });
    const y25 = await closeYear(ctx, { groupSlug: G, year: 2025, idempotencyKey: key() });
    expect(y25.preview.shu).toBe(6_000); // 7.000 interest − 1.000
    expect((await verifyLedger(database.db)).problems).toEqual([]);
  });

  it("a year with a loss carries it into retained surplus and pays no one", async () => {
    await recordContributions(on("2024-02-01"), {
      groupSlug: G,
      date: "2024-02-01",
      idempotencyKey: key(),
      lines: [{ memberCode: "RA-001", amount: 50_000 }],
    });
    await recordExpense(on("2024-03-01"), {
      groupSlug: G,
      amount: 20_000,
      date: "2024-03-01",
      category: "rapat",
      idempotencyKey: key(),
    });
    await setShareOutRule(ctx, { groupSlug: G, rule: EXAMPLE_RULE });
    const c = await closeYear(ctx, { groupSlug: G, year: 2024, idempotencyKey: key() });
    expect(c.preview.shu).toBe(-20_000);
    expect(c.preview.members).toEqual([]);
    const f = await groupFigures(database.db, G, new Date("2026-11-29T02:00:00Z"));
    expect(f.balances.surplus).toBe(-20_000);
    expect(f.balances.reserve).toBe(0);
  });

  it("a rule is changed only as a new row (append-only), and must sum to 100 %", async () => {
    await expect(
      setShareOutRule(ctx, { groupSlug: G, rule: { ...EXAMPLE_RULE, cadangan: 100 } }),
    ).rejects.toMatchObject({
      code: "shu_rule_not_100",
    });
    const r = await setShareOutRule(ctx, { groupSlug: G, rule: EXAMPLE_RULE });
    await expect(
      database.db.update(shareOutRules).set({ cadangan: 0 }).where(eq(shareOutRules.id, r.id)),
    ).rejects.toThrow();
  });
});

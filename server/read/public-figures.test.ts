import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext, typedOn } from "@/server/testing/db";
import { groupFigures, groupFiguresCached } from "@/server/read/public-figures";
import { impactFigures } from "@/server/read/impact";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { addMember } from "@/server/verbs/members/add-member";
import { recordCashCount } from "@/server/verbs/cash/cash-count";
import { disburseLoan } from "@/server/verbs/loans/disburse-loan";
import { DEFAULT_REFERENCE_TERMS, loanCostsVersusLenders } from "@/server/domain/finance/compare";

describe("cached read models", () => {
  it("are reused until a write, then current on the very next read", async () => {
    const t = await tempDatabase();
    try {
      const ctx = testContext(t.database);
      const { group } = await seedGroup(ctx, "ratu-damai", 5);
      const post = (amount: number) =>
        recordContributions(ctx, {
          groupSlug: "ratu-damai",
          date: "2026-11-28",
          idempotencyKey: key(),
          lines: [{ memberCode: "RA-001", amount, kind: "voluntary" }],
        });
      await post(1000);
      const a = await groupFiguresCached(t.database, group, FIXED_NOW);
      expect(await groupFiguresCached(t.database, group, FIXED_NOW)).toBe(a); // same object: not recomputed
      await post(2500);
      const b = await groupFiguresCached(t.database, group, FIXED_NOW);
      expect(b).not.toBe(a);
      expect(b.balances.cash).toBe(3500);
      expect(b).toEqual(await groupFigures(t.database.db, group, FIXED_NOW)); // equals a fresh compute
      // A change outside the ledger (a new member, a cash count) invalidates too.
      await addMember(ctx, {
        groupSlug: "ratu-damai",
        code: "RA-006",
        fullName: "Anggota Baru",
        gender: "P",
        joinedOn: "2026-11-01",
        checkCode: "12345678",
      });
      expect((await groupFiguresCached(t.database, group, FIXED_NOW)).members.active).toBe(6);
      await recordCashCount(ctx, {
        groupSlug: "ratu-damai",
        date: "2026-11-28",
        countedAmount: 3000,
        idempotencyKey: key(),
      });
      expect((await groupFiguresCached(t.database, group, FIXED_NOW)).lastCashCount?.difference).toBe(-500);
    } finally {
      t.cleanup();
    }
  });
});

describe("read models and other processes", () => {
  it("see a change committed by another process (a CLI, a second server) at the next read", async () => {
    const t = await tempDatabase();
    const other = await openDatabase(t.database.url); // another connection, as another process has
    try {
      const { group } = await seedGroup(testContext(t.database), "ratu-damai", 5);
      const before = await groupFiguresCached(t.database, group, FIXED_NOW);
      await addMember(testContext(other, "cli:test"), {
        groupSlug: "ratu-damai",
        code: "RA-009",
        fullName: "Dari Proses Lain",
        gender: "P",
        joinedOn: "2026-11-01",
        checkCode: "12345678",
      });
      expect((await groupFiguresCached(t.database, group, FIXED_NOW)).members.active).toBe(before.members.active + 1);
    } finally {
      other.close();
      t.cleanup();
    }
  });
});

describe("portal-wide figures (home page, /dampak, groups.json)", () => {
  it("are one cached object until public data changes, then equal a fresh sum; other groups are not recomputed", async () => {
    const t = await tempDatabase();
    try {
      const ctx = testContext(t.database);
      const { group: rd } = await seedGroup(ctx, "ratu-damai", 5);
      const { group: cd } = await seedGroup(ctx, "compang-dalo", 5);
      const post = (slug: string, code: string, amount: number) =>
        recordContributions(ctx, {
          groupSlug: slug,
          date: "2026-11-28",
          idempotencyKey: key(),
          lines: [{ memberCode: code, amount }],
        });
      await post("ratu-damai", "RA-001", 1000);
      await post("compang-dalo", "CO-001", 2000);
      const a = await impactFigures(t.database, FIXED_NOW);
      expect(await impactFigures(t.database, FIXED_NOW)).toBe(a);
      expect(a.all.cash).toBe(3000);
      const cdBefore = await groupFiguresCached(t.database, cd, FIXED_NOW);
      await post("ratu-damai", "RA-002", 5000);
      const b = await impactFigures(t.database, FIXED_NOW);
      expect(b).not.toBe(a);
      expect(b.all.cash).toBe(8000);
      expect(b.all.members).toBe(
        (await groupFigures(t.database.db, rd, FIXED_NOW)).members.active +
          (await groupFigures(t.database.db, cd, FIXED_NOW)).members.active,
      );
      expect(b.groups.find((g) => g.group.slug === "compang-dalo")).toBe(cdBefore); // untouched group: same cached object
      // A change outside the ledger counts too (a member joins: the public member count moves).
      await addMember(ctx, {
        groupSlug: "compang-dalo",
        code: "CO-006",
        fullName: "Anggota Baru",
        gender: "L",
        joinedOn: "2026-11-01",
        checkCode: "12345678",
      });
      expect((await impactFigures(t.database, FIXED_NOW)).all.members).toBe(b.all.members + 1);
    } finally {
      t.cleanup();
    }
  });
});

describe("cost avoided, honestly", () => {
  it("is recomputed from the loans and the per-purpose rule: a crop loan against the cheaper informal lender, any other against the rentenir", async () => {
    const t = await tempDatabase();
    try {
      const ctx = testContext(t.database);
      const { group } = await seedGroup(ctx, "ratu-damai", 5);
      await recordContributions(typedOn(ctx, "2026-01-05"), {
        groupSlug: "ratu-damai",
        date: "2026-01-05",
        idempotencyKey: key(),
        lines: [{ memberCode: "RA-001", amount: 5_000_000, kind: "voluntary" }],
      });
      const loans = [
        { memberCode: "RA-002", principal: 1_000_000, termMonths: 4, purpose: "kopi" as const },
        { memberCode: "RA-003", principal: 2_000_000, termMonths: 10, purpose: "kesehatan" as const },
        { memberCode: "RA-004", principal: 1_000_000, termMonths: 12, purpose: "kemiri" as const },
      ];
      for (const l of loans)
        await disburseLoan(typedOn(ctx, "2026-02-02"), {
          groupSlug: "ratu-damai",
          date: "2026-02-02",
          idempotencyKey: key(),
          ...l,
        });
      const f = await groupFigures(t.database.db, group, FIXED_NOW);
      let expected = 0;
      let upper = 0;
      const lenders: string[] = [];
      for (const l of loans) {
        const c = loanCostsVersusLenders(
          { principal: l.principal, termMonths: l.termMonths, serviceCharge: (l.principal * 2 * l.termMonths) / 100 },
          DEFAULT_REFERENCE_TERMS,
        );
        // A crop loan: the cheaper of pengijon and rentenir; anything else: the rentenir. Never KUR.
        const crop = l.purpose === "kopi" || l.purpose === "kemiri";
        const ijon = crop && c.ijon < c.rentenir;
        // At least: crop loans only; up to: the others against a rentenir as well.
        if (crop) expected += (ijon ? c.ijon : c.rentenir) - c.ksm;
        upper += (ijon ? c.ijon : c.rentenir) - c.ksm;
        lenders.push(ijon ? "ijon" : "rentenir");
      }
      expect(f.costs.avoided.atLeast).toBe(expected);
      expect(f.costs.avoided.ifOthersRentenir).toBe(upper);
      expect(f.costs.avoided.atLeast).toBeLessThan(upper);
      expect(f.costs.recent.map((r) => r.comparedWith).reverse()).toEqual(lenders);
      expect(lenders).toEqual(["rentenir", "rentenir", "ijon"]); // each branch of the rule is exercised
    } finally {
      t.cleanup();
    }
  });
});

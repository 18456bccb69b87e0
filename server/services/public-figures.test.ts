import { describe, expect, it } from "vitest";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { groupFigures, groupFiguresCached } from "./public-figures";
import { recordContributions } from "./savings";
import { addMember } from "./groups";
import { recordCashCount } from "./cash";

describe("cached read models", () => {
  it("are reused until a write, then current on the very next read", async () => {
    const t = await tempDatabase();
    try {
      const ctx = testContext(t.database);
      const { group } = await seedGroup(ctx, "ratu-damai", 5);
      const post = (amount: number) => recordContributions(ctx, { groupSlug: "ratu-damai", date: "2026-11-28", idempotencyKey: key(), lines: [{ memberCode: "RA-001", amount }] });
      await post(1000);
      const a = await groupFiguresCached(t.database, group, FIXED_NOW);
      expect(await groupFiguresCached(t.database, group, FIXED_NOW)).toBe(a); // same object: not recomputed
      await post(2500);
      const b = await groupFiguresCached(t.database, group, FIXED_NOW);
      expect(b).not.toBe(a);
      expect(b.balances.cash).toBe(3500);
      expect(b).toEqual(await groupFigures(t.database.db, group, FIXED_NOW)); // equals a fresh compute
      // A change outside the ledger (a new member, a cash count) invalidates too.
      await addMember(ctx, { groupSlug: "ratu-damai", code: "RA-006", fullName: "Anggota Baru", gender: "P", joinedOn: "2026-11-01" }, "12345678");
      expect((await groupFiguresCached(t.database, group, FIXED_NOW)).members.active).toBe(6);
      await recordCashCount(ctx, { groupSlug: "ratu-damai", date: "2026-11-28", countedAmount: 3000, idempotencyKey: key() });
      expect((await groupFiguresCached(t.database, group, FIXED_NOW)).lastCashCount?.difference).toBe(-500);
    } finally {
      t.cleanup();
    }
  });
});

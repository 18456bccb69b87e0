import { describe, expect, it } from "vitest";
import type { DomainError } from "@/server/domain/errors";
import { normaliseSeal } from "@/server/domain/seal";
import { key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { checkSeal } from "@/server/read/seals";
import { countersignSeal } from "@/server/verbs/seals/countersign-seal";
import { groupCheckpoints } from "@/server/shared/seals";
import { createUser } from "@/server/verbs/users/create-user";

describe("monthly seals", () => {
  it("the supervisor confirms a finished month's seal once; it is public and checks against the books", async () => {
    const t = await tempDatabase();
    try {
      const october = { ...testContext(t.database), now: () => new Date("2026-10-15T02:00:00Z") };
      const { group } = await seedGroup(october, "ratu-damai", 3);
      const e = await recordContributions(october, {
        groupSlug: "ratu-damai",
        date: "2026-10-15",
        idempotencyKey: key(),
        lines: [{ memberCode: "RA-001", amount: 1000 }],
      });
      await recordContributions(testContext(t.database), {
        groupSlug: "ratu-damai",
        date: "2026-11-28",
        idempotencyKey: key(),
        lines: [{ memberCode: "RA-002", amount: 1000 }],
      });
      const pengawas = await createUser(testContext(t.database), {
        username: "pengawas-uji",
        password: "sandi-panjang-sekali",
        role: "pengawas",
        groupSlugs: ["ratu-damai"],
      });
      const sign = (month: string) =>
        countersignSeal(
          {
            ...testContext(t.database, `user:${pengawas.id}:pengawas-uji`),
            user: { id: pengawas.id, role: "pengawas" },
          },
          {
            groupSlug: "ratu-damai",
            month,
          },
        ).catch((err: DomainError) => err.code);

      expect(await sign("2026-11")).toBe("month_not_finished"); // 29 November: the month is still open
      expect(await sign("2023-12")).toBe("month_has_no_entries");
      expect(await sign("2026-10")).toMatchObject({ month: "2026-10", seq: e.seq, hash: e.hash });
      expect(await sign("2026-10")).toBe("already_countersigned");

      const october2026 = (await groupCheckpoints(t.database.db, group, new Date("2026-11-29T02:00:00Z"))).find(
        (c) => c.month === "2026-10",
      );
      expect(october2026).toMatchObject({
        seq: e.seq,
        hash: e.hash,
        countersigned: { on: "2026-11-29", matches: true },
      });
      const seal = normaliseSeal(october2026!.seal)!;
      expect(await checkSeal(t.database, group, e.seq, seal)).toEqual({ kind: "matches", later: null });
      expect(await checkSeal(t.database, group, e.seq, "000000000000")).toEqual({ kind: "unknown", digits: 12 });
      expect(await checkSeal(t.database, group, 999, seal)).toEqual({ kind: "beyond", last: e.seq + 1 });
    } finally {
      t.cleanup();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { compareLoan } from "@/server/read/compare";
import { disburseLoan } from "@/server/verbs/loans/disburse-loan";
import { recordContributions } from "@/server/verbs/savings/record-contributions";

let t: Awaited<ReturnType<typeof tempDatabase>>;
beforeAll(async () => {
  t = await tempDatabase();
  await seedGroup(testContext(t.database), "ratu-damai", 2);
  await recordContributions(testContext(t.database), {
    groupSlug: "ratu-damai",
    date: "2026-11-19",
    idempotencyKey: "savings-to-lend",
    lines: ["RA-001", "RA-002"].map((memberCode) => ({ memberCode, amount: 1_000_000, kind: "voluntary" as const })),
  });
});
afterAll(() => t.cleanup());

describe("the loan form's preview", () => {
  it("is the schedule the loan will get under the group's policy, and the same money from the other lenders", async () => {
    const ctx = testContext(t.database);
    const preview = await compareLoan(ctx, {
      groupSlug: "ratu-damai",
      principal: 1_000_000,
      termMonths: 4,
      date: "2026-11-20",
    });
    expect(preview.schedule.map((i) => i.dueOn)).toEqual(["2026-12-20", "2027-01-20", "2027-02-20", "2027-03-20"]);
    expect(preview.schedule.every((i) => i.serviceCharge === 20_000)).toBe(true); // 2 % a month, flat
    expect(preview.lenders.map((l) => l.key)).toEqual(expect.arrayContaining(["ksm", "rentenir", "ijon"]));
    // What the verb then writes is that very schedule.
    const { schedule } = await disburseLoan(ctx, {
      groupSlug: "ratu-damai",
      memberCode: "RA-001",
      principal: 1_000_000,
      termMonths: 4,
      date: "2026-11-20",
      purpose: "kopi",
      idempotencyKey: "preview-then-disburse",
    });
    expect(schedule).toEqual(preview.schedule);
  });

  it("is dated today when no date is given", async () => {
    const preview = await compareLoan(testContext(t.database), {
      groupSlug: "ratu-damai",
      principal: 500_000,
      termMonths: 1,
    });
    expect(preview.schedule[0]!.dueOn).toBe("2026-12-29"); // FIXED_NOW is 29 Nov 2026 in WITA
  });
});

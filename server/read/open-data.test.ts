import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { members } from "@/db/schema";
import { localDate } from "@/server/domain/dates";
import { recoverable, type Suppressed } from "@/server/domain/disclosure";
import { figureTable } from "@/server/domain/figures";
import { LOAN_PURPOSES } from "@/server/domain/loans";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext, typedOn } from "@/server/testing/db";
import { groupDetail, groupHeadline } from "@/server/read/open-data";
import { groupFigures } from "@/server/read/public-figures";
import { disburseLoan } from "@/server/verbs/loans/disburse-loan";
import { groupLoanViews } from "@/server/shared/loans";
import { recordContributions } from "@/server/verbs/savings/record-contributions";

const cell = (v: number | null): Suppressed<number> =>
  v === null ? { value: null, suppressed: true } : { value: v, suppressed: false };

describe("the open JSON of a 2-member group", () => {
  it("gives no hidden count back by any subtraction, and hides the one borrower's lateness", async () => {
    const t = await tempDatabase();
    try {
      const ctx = testContext(t.database);
      const { group, codes } = await seedGroup(ctx, "dua-anggota", 2); // one woman, one man
      await recordContributions(typedOn(ctx, "2026-08-01"), {
        groupSlug: group.slug,
        date: "2026-08-01",
        idempotencyKey: key(),
        lines: codes.map((memberCode) => ({ memberCode, amount: 300_000 })),
      });
      await disburseLoan(typedOn(ctx, "2026-08-02"), {
        groupSlug: group.slug,
        memberCode: codes[0]!,
        principal: 200_000,
        termMonths: 2,
        date: "2026-08-02",
        purpose: "kopi",
        idempotencyKey: key(),
      });
      const db = t.database.db;
      const detail = groupDetail(await groupFigures(db, group, FIXED_NOW));
      expect(groupHeadline(await groupFigures(db, group, FIXED_NOW))).toMatchObject({
        membersActive: 2,
        membersWomen: null,
        membersMen: null,
      });
      expect(detail.loans).toMatchObject({ count: 1, active: 1 });
      expect(detail.loans.byStatus).toMatchObject({ berjalan: null, menunggak: null });

      // Every count the file shows (a purpose it leaves out shows none), read back as cells.
      const shown: Record<string, Suppressed<number>> = {
        "members.active": cell(detail.membersActive),
        "members.women": cell(detail.membersWomen),
        "members.men": cell(detail.membersMen),
        "loans.count": cell(detail.loans.count),
        "loans.active": cell(detail.loans.active),
      };
      for (const [s, n] of Object.entries(detail.loans.byStatus)) shown[`loans.${s}`] = cell(n);
      for (const p of LOAN_PURPOSES) {
        const row = detail.loans.byPurpose.find((r) => r.purpose === p);
        shown[`purpose.count.${p}`] = cell(row ? row.count : 0);
        shown[`purpose.principal.${p}`] = cell(row ? row.principalRp : 0);
      }
      const today = localDate(FIXED_NOW, group.timeZone);
      const truth = figureTable({
        today,
        members: await db.select().from(members).where(eq(members.groupId, group.id)),
        loans: await groupLoanViews(db, group, today),
      });
      expect(truth.cells["loans.menunggak"]!.value).toBe(1); // she is late, in truth
      expect(recoverable(truth, shown)).toEqual([]);
    } finally {
      await t.cleanup();
    }
  });
});

import { z } from "zod";
/**
 * Tutup buku: the group's share-out rule, the year's SHU and each member's part (preview), and the
 * one closing entry that posts exactly that (close). After a close, no entry may be dated in the year.
 */
import { eq } from "drizzle-orm";
import { ksmGroups, yearClosings } from "@/db/schema";
import { yearClosePostings } from "@/server/domain/ledger";
import { appendEntry, idempotentWrite, type EntryRow } from "@/server/ledger/writer";
import { nowOf, type ServiceContext } from "@/server/shared/context";
import { type OnGroup, zIdempotencyKey, zYear } from "@/server/shared/fields";
import { audit } from "@/server/ledger/write";
import { computeYearIndicators } from "@/server/shared/year";
import { type YearPreview, closedYearPreview } from "@/server/shared/year";
import { previewOf, prepare } from "@/server/shared/year";
import { yearBounds } from "@/server/shared/year";

/**
 * Posts the year's closing entry, dated 31 December, exactly as previewed, and closes the year:
 * later entries dated in it are refused. A second close of the same year is refused; the same key
 * again answers with the closing already made.
 */
export const ZCloseYearSchema = z.object({ year: zYear, idempotencyKey: zIdempotencyKey });

export async function closeYear(
  ctx: ServiceContext,
  input: OnGroup<typeof ZCloseYearSchema>,
): Promise<{ entry: EntryRow | null; preview: YearPreview }> {
  return idempotentWrite(
    ctx,
    "year.close",
    input,
    async (tx, { group, key, requestHash: reqHash }) => {
      const p = await prepare(tx, ctx, group, input.year);
      const preview = previewOf(p.year, p.y, p.s, p.rule, p.basis, p.active);
      const payout = new Map(preview.members.map((m) => [m.code, m.payout]));
      const post = yearClosePostings(
        p.y,
        p.s.pools,
        p.s.members.map((m) => ({ memberId: m.memberId, amount: m.total, payout: payout.get(m.code)! })),
      );
      const now = nowOf(ctx);
      const { to } = yearBounds(p.year);
      const entry =
        post.length >= 2
          ? await appendEntry(tx, {
              group,
              kind: "year_close",
              date: to,
              postings: post,
              idempotencyKey: key,
              requestHash: reqHash,
              actor: ctx.actor,
              now,
            })
          : null;
      const indicators = await computeYearIndicators(tx, group, p.year, {
        shu: preview.shu,
        writtenOff: preview.totals.writtenOff,
      });
      await tx.insert(yearClosings).values({
        groupId: group.id,
        year: p.year,
        entryId: entry?.id ?? null,
        ruleId: p.rule.id,
        serviceCharge: preview.totals.serviceCharge,
        fines: preview.totals.fines,
        otherIncome: preview.totals.otherIncome,
        expenses: preview.totals.expenses,
        writtenOff: preview.totals.writtenOff,
        shu: preview.shu,
        pools: JSON.stringify(preview.pools),
        membersPaid: preview.members.length,
        detail: JSON.stringify(preview),
        indicators: JSON.stringify(indicators),
        closedAt: now.toISOString(),
        closedBy: ctx.actor,
      });
      await tx.update(ksmGroups).set({ closedThrough: to }).where(eq(ksmGroups.id, group.id));
      await audit(tx, ctx, {
        at: now.toISOString(),
        action: "year.close",
        groupId: group.id,
        entryId: entry?.id ?? null,
        detail: { year: p.year, shu: preview.shu },
      });
      return { entry, preview };
    },
    async (tx, replay, group) => ({ entry: replay, preview: await closedYearPreview(tx, group, input.year) }),
  );
}

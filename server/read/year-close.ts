import { z } from "zod";
/**
 * Tutup buku: the group's share-out rule, the year's SHU and each member's part (preview), and the
 * one closing entry that posts exactly that (close). After a close, no entry may be dated in the year.
 */
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { yearClosings } from "@/db/schema";
import { loadGroupFor, type GroupRow, type ServiceContext } from "@/server/shared/context";
import { type OnGroup, zYear } from "@/server/shared/fields";
import type { YearClosingRow } from "@/server/shared/year";
import { previewOf, prepare } from "@/server/shared/year";
import type { YearPreview } from "@/server/shared/year";

/** What closing the year would post: income, costs, SHU, every pool and every member's part. Writes nothing. */
export const ZPreviewYearSchema = z.object({ year: zYear });

export async function previewYear(
  ctx: ServiceContext,
  input: OnGroup<typeof ZPreviewYearSchema>,
): Promise<YearPreview> {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "write");
  const p = await prepare(db, ctx, group, input.year);
  return previewOf(p.year, p.y, p.s, p.rule, p.basis, p.active);
}

/** The group's closed years, oldest first (public: totals and pools, never a member). */
export async function closedYears(db: DbOrTx, group: Pick<GroupRow, "id">): Promise<YearClosingRow[]> {
  return db.select().from(yearClosings).where(eq(yearClosings.groupId, group.id)).orderBy(asc(yearClosings.year));
}

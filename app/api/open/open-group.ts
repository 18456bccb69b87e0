import { getDatabase } from "@/db/client";
import { notFound } from "@/server/domain/errors";
import { type GroupRow, loadGroup } from "@/server/shared/context";

/**
 * The group for an open-data URL; an unknown one, or an address too long to be any group's, is
 * refused as not found (the route answers it through server/http-errors.ts: a 404).
 */
export async function openGroup(slug: string): Promise<GroupRow> {
  if (slug.length === 0 || slug.length > 64) throw notFound("group_not_found", "groupSlug");
  const { db } = await getDatabase();
  return loadGroup(db, slug);
}

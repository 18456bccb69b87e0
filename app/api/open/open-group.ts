import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { bothLanguages } from "@/server/i18n/errors";
import { loadGroup, type GroupRow } from "@/server/services/context";

/** The group for an open-data URL, or a 404 JSON answer. */
export async function openGroup(slug: string): Promise<GroupRow | Response> {
  const { db } = await getDatabase();
  try {
    return await loadGroup(db, slug);
  } catch (e) {
    if (e instanceof DomainError)
      return Response.json(
        {
          error: "group_not_found",
          message: bothLanguages("group_not_found"),
        },
        { status: 404 },
      );
    throw e;
  }
}

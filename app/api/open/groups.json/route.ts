import { getDatabase } from "@/db/client";
import { groupHeadline, LICENSE } from "@/server/services/open-data";
import { groupFiguresCached, listGroups } from "@/server/services/public-figures";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await getDatabase();
  const groups = await Promise.all((await listGroups(database.db)).map(async (g) => groupHeadline(await groupFiguresCached(database, g))));
  return Response.json({ license: LICENSE, groups }, { headers: { "Access-Control-Allow-Origin": "*" } });
}

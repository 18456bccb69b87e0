import { getDatabase } from "@/db/client";
import { groupHeadline, LICENSE } from "@/server/services/open-data";
import { groupFigures, listGroups } from "@/server/services/public-figures";

export const dynamic = "force-dynamic";

export async function GET() {
  const { db } = await getDatabase();
  const groups = await Promise.all((await listGroups(db)).map(async (g) => groupHeadline(await groupFigures(db, g))));
  return Response.json({ license: LICENSE, groups }, { headers: { "Access-Control-Allow-Origin": "*" } });
}

import { getDatabase } from "@/db/client";
import { LICENSE } from "@/server/domain/open-ledger";
import { groupHeadline } from "@/server/services/open-data";
import { impactFigures } from "@/server/services/impact";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await getDatabase();
  const groups = (await impactFigures(database)).groups.map(groupHeadline);
  return Response.json({ license: LICENSE, groups }, { headers: { "Access-Control-Allow-Origin": "*" } });
}

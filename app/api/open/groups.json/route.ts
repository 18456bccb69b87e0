import { getDatabase } from "@/db/client";
import { LICENSE } from "@/server/domain/open-ledger";
import { groupHeadline } from "@/server/services/open-data";
import { impactFigures } from "@/server/services/impact";
import { watchChains } from "@/server/services/chain-check";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await getDatabase();
  // The start's warm-up asks this first: every chain is then checked whole in the background.
  watchChains(database);
  const groups = (await impactFigures(database)).groups.map(groupHeadline);
  return Response.json({ license: LICENSE, groups }, { headers: { "Access-Control-Allow-Origin": "*" } });
}

import { getDatabase } from "@/db/client";
import { groupDetailOf } from "@/server/services/open-data";
import { openGroup } from "../../open-group";

export const dynamic = "force-dynamic";

/** GET /api/open/groups/ratu-damai.json */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const file = (await params).slug;
  if (!file.endsWith(".json")) return Response.json({ error: "not_found" }, { status: 404 });
  const found = await openGroup(file.slice(0, -".json".length));
  if (found instanceof Response) return found;
  return Response.json(await groupDetailOf(await getDatabase(), found), {
    headers: { "Access-Control-Allow-Origin": "*" },
  });
}

import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { bothLanguages } from "@/server/i18n/errors";
import { groupDetailOf } from "@/server/services/open-data";
import { openGroup } from "../../open-group";

export const dynamic = "force-dynamic";

/** GET /api/open/groups/ratu-damai.json — a book that failed its chain check answers 409 and says why. */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const file = (await params).slug;
  if (!file.endsWith(".json")) return Response.json({ error: "not_found" }, { status: 404 });
  const found = await openGroup(file.slice(0, -".json".length));
  if (found instanceof Response) return found;
  const cors = { "Access-Control-Allow-Origin": "*" };
  try {
    return Response.json(await groupDetailOf(await getDatabase(), found), { headers: cors });
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== "chain_check_failed") throw e;
    return Response.json(
      { error: e.code, message: bothLanguages(e.code), firstProblemSeq: e.params.seq || null },
      { status: 409, headers: cors },
    );
  }
}

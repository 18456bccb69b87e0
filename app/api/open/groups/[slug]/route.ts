import { getDatabase } from "@/db/client";
import { bothLanguages } from "@/server/i18n/errors";
import { answersDomainErrors } from "@/server/http-errors";
import { groupDetailOf } from "@/server/read/open-data";
import { openGroup } from "../../open-group";

export const dynamic = "force-dynamic";

const cors = { "Access-Control-Allow-Origin": "*" };

/** GET /api/open/groups/ratu-damai.json — a book that failed its chain check answers 409 and says why. */
export const GET = answersDomainErrors(
  async (_req: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const file = (await params).slug;
    if (!file.endsWith(".json")) return Response.json({ error: "not_found" }, { status: 404 });
    const found = await openGroup(file.slice(0, -".json".length));
    return Response.json(await groupDetailOf(await getDatabase(), found), { headers: cors });
  },
  (e) =>
    e.code === "chain_check_failed"
      ? {
          headers: cors,
          body: { error: e.code, message: bothLanguages(e.code), firstProblemSeq: e.params.seq || null },
        }
      : {},
);

import { getDatabase } from "@/db/client";
import { answersDomainErrors } from "@/server/http-errors";
import { LICENSE } from "@/server/domain/open-ledger";
import { groupCheckpoints } from "@/server/shared/seals";
import { openGroup } from "../../../open-group";

export const dynamic = "force-dynamic";

/**
 * GET /api/open/groups/[slug]/checkpoints.json — every month's seal (sequence number and hash of
 * the chain head at the month's close; for a month not yet closed, `closed: false` and the head so
 * far), with the supervisor's countersignature date. Mirror it: with a copy kept
 * elsewhere, `node scripts/verify-open-data.mjs ledger.json --checkpoints checkpoints.json`
 * proves any later rewrite or truncation of the books.
 */
export const GET = answersDomainErrors(async (_req: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const found = await openGroup((await params).slug);
  const checkpoints = await groupCheckpoints((await getDatabase()).db, found);
  return Response.json(
    {
      license: LICENSE,
      group: found.slug,
      isDemo: found.isDemo,
      checkpoints: checkpoints.map((c) => ({
        month: c.month,
        seq: c.seq,
        hash: c.hash,
        seal: c.seal,
        closed: c.closed,
        countersignedOn: c.countersigned?.on ?? null,
      })),
    },
    { headers: { "Access-Control-Allow-Origin": "*" } },
  );
});

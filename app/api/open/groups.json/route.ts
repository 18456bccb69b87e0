import { getDatabase } from "@/db/client";
import { LICENSE } from "@/server/domain/open-ledger";
import { flaggedHeadline, groupHeadline } from "@/server/read/open-data";
import { impactFigures } from "@/server/read/impact";
import { watchChains } from "@/server/cache/chain-check";
import { answersDomainErrors } from "@/server/http-errors";

export const dynamic = "force-dynamic";

export const GET = answersDomainErrors(async () => {
  const database = await getDatabase();
  // The start's warm-up asks this first: every chain is then checked whole in the background.
  watchChains(database);
  const portal = await impactFigures(database);
  // A group whose book failed its check is listed apart, without figures (the portal does not vouch for them).
  return Response.json(
    {
      license: LICENSE,
      groups: portal.groups.map(groupHeadline),
      failedChainCheck: portal.flagged.map(flaggedHeadline),
    },
    { headers: { "Access-Control-Allow-Origin": "*" } },
  );
});

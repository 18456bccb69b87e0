import { getDatabase } from "@/db/client";
import { answersDomainErrors } from "@/server/http-errors";
import { ledgerJsonChunks, streamOf } from "@/server/read/open-data";
import { openGroup } from "../../../open-group";

export const dynamic = "force-dynamic";

export const GET = answersDomainErrors(async (_req: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const found = await openGroup((await params).slug);
  const { db } = await getDatabase();
  return new Response(streamOf(ledgerJsonChunks(db, found)), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" },
  });
});

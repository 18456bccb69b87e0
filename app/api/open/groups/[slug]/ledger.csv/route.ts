import { getDatabase } from "@/db/client";
import { answersDomainErrors } from "@/server/http-errors";
import { ledgerCsvChunks, streamOf } from "@/server/read/open-data";
import { openGroup } from "../../../open-group";

export const dynamic = "force-dynamic";

export const GET = answersDomainErrors(async (_req: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const found = await openGroup((await params).slug);
  const { db } = await getDatabase();
  return new Response(streamOf(ledgerCsvChunks(db, found)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${found.slug}-buku-kas${found.isDemo ? "-DEMO" : ""}.csv"`,
      "Access-Control-Allow-Origin": "*",
    },
  });
});

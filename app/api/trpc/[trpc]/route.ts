import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDatabase } from "@/db/client";
import { appRouter } from "@/server/api/root";
import { apiContext } from "@/server/api/context";
import { MAX_BATCH_SIZE } from "@/server/api/trpc";

export const dynamic = "force-dynamic";

/** The API through Next (`next dev`, or Next run alone); `npm start` serves it from the front server. */
const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => apiContext(await getDatabase(), req.headers),
    maxBatchSize: MAX_BATCH_SIZE,
  });
export { handler as GET, handler as POST };

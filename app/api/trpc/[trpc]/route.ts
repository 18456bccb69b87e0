import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDatabase } from "@/db/client";
import { appRouter } from "@/server/api/root";
import { isSameOrigin, MAX_BATCH_SIZE, type ApiContext } from "@/server/api/trpc";
import { currentUser } from "@/server/auth/session";

export const dynamic = "force-dynamic";

async function createContext(req: Request): Promise<ApiContext> {
  const database = await getDatabase();
  return { database, user: await currentUser(database), sameOrigin: isSameOrigin(req.headers) };
}

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext(req),
    maxBatchSize: MAX_BATCH_SIZE,
  });
export { handler as GET, handler as POST };

import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getServerSession } from "next-auth";
import { getDatabase } from "@/db/client";
import { appRouter } from "@/server/api/root";
import { isSameOrigin, type ApiContext } from "@/server/api/trpc";
import { authOptions } from "@/server/auth/options";
import { userOfSession } from "@/server/services/users";

export const dynamic = "force-dynamic";

async function createContext(req: Request): Promise<ApiContext> {
  const database = await getDatabase();
  const session = await getServerSession(authOptions);
  return { database, user: await userOfSession(database.db, session), sameOrigin: isSameOrigin(req.headers) };
}

const handler = (req: Request) => fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createContext(req) });
export { handler as GET, handler as POST };

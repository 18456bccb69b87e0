import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getServerSession } from "next-auth";
import { getDatabase } from "@/db/client";
import { appRouter } from "@/server/api/root";
import { isSameOrigin, type ApiContext } from "@/server/api/trpc";
import { authOptions } from "@/server/auth/options";
import { loadUser } from "@/server/services/users";

export const dynamic = "force-dynamic";

async function createContext(req: Request): Promise<ApiContext> {
  const database = await getDatabase();
  const session = await getServerSession(authOptions);
  let user = session?.uid ? await loadUser(database.db, session.uid) : null;
  // A session issued before a password change or sign-out, or of a disabled user, is no session.
  if (user && (user.disabled || (session?.issuedAtMs ?? 0) < user.sessionsValidAfter)) user = null;
  return { database, user, sameOrigin: isSameOrigin(req.headers) };
}

const handler = (req: Request) => fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createContext(req) });
export { handler as GET, handler as POST };

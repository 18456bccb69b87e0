import type { Database } from "@/db/client";
import { userOfCookies } from "@/server/auth/session";
import { type ApiContext, isSameOrigin } from "./trpc";

/** The API's context for one request, wherever the API is served: who is signed in, and whether the request came from the portal's own pages. */
export async function apiContext(database: Database, headers: Headers): Promise<ApiContext> {
  return { database, user: await userOfCookies(database, headers.get("cookie")), sameOrigin: isSameOrigin(headers) };
}

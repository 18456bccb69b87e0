/**
 * The treasurers' API served by plain Node (the front server, `npm start`), without Next's
 * request path: the same router, context, limits and error shapes as the Next route
 * (app/api/trpc), at a fraction of the cost per call.
 */
import type http from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Database } from "@/db/client";
import { apiContext } from "./context";
import { MAX_BATCH_SIZE } from "./limits";
import { appRouter } from "./root";

/** Headers of a Node request as a Fetch `Headers` (what the context reads). */
function headersOf(req: http.IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") h.set(k, v);
  return h;
}

export function treasurerApi(database: Database, maxBodySize: number): http.RequestListener {
  return createHTTPHandler({
    router: appRouter,
    basePath: "/api/trpc/",
    maxBatchSize: MAX_BATCH_SIZE,
    maxBodySize,
    createContext: ({ req }) => apiContext(database, headersOf(req)),
  });
}

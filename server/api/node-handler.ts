/**
 * The treasurers' API served by plain Node (the front server, `npm start`), without Next's
 * request path: the same router, context, limits and error shapes as the Next route
 * (app/api/trpc), at a fraction of the cost per call.
 */
import type http from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Database } from "@/db/client";
import type { Writer } from "@/server/writer/writer";
import { apiContext } from "./context";
import { MAX_BATCH_SIZE } from "./limits";
import { appRouter } from "./root";

/** Headers of a Node request as a Fetch `Headers` (what the context reads). */
function headersOf(req: http.IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") h.set(k, v);
  return h;
}

/** What next.config.js sends with every /api answer: data, never a document. */
const API_HEADERS: [string, string][] = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Frame-Options", "DENY"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"],
  ["Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"],
];

/**
 * The API's handler: reads (queries, sessions) on this thread with `database`; mutations handed to
 * `writer` (the writer thread under `npm start`, server/writer), on this thread when absent.
 */
export function treasurerApi(database: Database, maxBodySize: number, writer?: Writer): http.RequestListener {
  const handler = createHTTPHandler({
    router: appRouter,
    basePath: "/api/trpc/",
    maxBatchSize: MAX_BATCH_SIZE,
    maxBodySize,
    createContext: async ({ req }) => ({ ...(await apiContext(database, headersOf(req))), writer }),
  });
  return (req, res) => {
    for (const [k, v] of API_HEADERS) res.setHeader(k, v);
    return handler(req, res);
  };
}

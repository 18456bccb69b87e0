import { ADMIN_SCOPE } from "../_pwa/manifest";
import { workerSource } from "../_pwa/worker";

export const dynamic = "force-static";

/**
 * The treasurer app's service worker. Served from /admin/sw.js, whose own scope would be /admin/;
 * Service-Worker-Allowed lets it take /admin itself (the page has no trailing slash) and no more.
 */
export function GET() {
  return new Response(workerSource(), {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "service-worker-allowed": ADMIN_SCOPE,
      "cache-control": "no-cache",
    },
  });
}

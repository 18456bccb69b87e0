import { ADMIN_MANIFEST } from "../_pwa/manifest";

export const dynamic = "force-static";

export function GET() {
  return new Response(JSON.stringify(ADMIN_MANIFEST), {
    headers: { "content-type": "application/manifest+json; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}

// The framework's best case for the benchmark: a route prerendered at build time and served
// from Next's static cache (no database, no rendering per request).
export const dynamic = "force-static";

const HTML = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Kas Terbuka</title></head><body><main><h1>Kas Terbuka</h1><p>${"Gerakan seribu rupiah per hari. ".repeat(200)}</p></main></body></html>`;

export function GET() {
  return new Response(HTML, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

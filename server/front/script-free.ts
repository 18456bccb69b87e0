/**
 * Public pages as villagers get them: no JavaScript at all. Every public page is complete as the
 * server draws it (the Playwright suite reads each one with JavaScript off), so Next's runtime,
 * its inline flight data and the page's chunks are removed before the page is stored — about
 * 140 KB a first visit that a phone on a weak signal no longer pays — and the page's CSP says
 * `script-src 'none'`. The treasurer screens (/admin, /masuk) keep their JavaScript.
 */

/** Public pages that are served without any script (cached or not). */
export const SCRIPT_FREE_PATH =
  /^\/(?:|kelompok\/[a-z0-9-]{1,64}(?:\/buku-kas|\/laporan\/\d{4}-\d{2})?|dampak|bandingkan|metodologi|data|verifikasi|anggota|_kt\/tidak-ditemukan)(?:\?.*)?$/;

export function isScriptFreePage(url: string, contentType: string | undefined): boolean {
  return SCRIPT_FREE_PATH.test(url) && String(contentType ?? "").startsWith("text/html");
}

/** The page without scripts, script preloads or module preloads. */
export function stripScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, "")
    .replace(/<link\b[^>]*\bas="script"[^>]*>/gi, "")
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, "");
}

/** The page's CSP with its script-src replaced by 'none' (the nonce has nothing left to allow). */
export function scriptFreeCsp(csp: string | undefined): string {
  const kept = (csp ?? "default-src 'self'")
    .split(";")
    .map((d) => d.trim())
    .filter((d) => d && !/^script-src(?:-elem|-attr)?\b/.test(d));
  return [...kept, "script-src 'none'"].join("; ");
}

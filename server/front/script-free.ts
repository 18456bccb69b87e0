/**
 * Public pages as villagers get them: no JavaScript at all. Every public page is complete as the
 * server draws it (the Playwright suite reads each one with JavaScript off), so Next's runtime,
 * its inline flight data and the page's chunks are removed before the page is stored — about
 * 140 KB a first visit that a phone on a weak signal no longer pays — and the page's CSP says
 * `script-src 'none'`. Only the treasurer screens (/admin) keep their JavaScript; the sign-in
 * page (/masuk), a plain POST form, has none either.
 */
import { keepsScripts } from "./canonical";

/** An address no route matches: Next answers it with app/not-found.tsx drawn on the server. */
export const NOT_FOUND_PATH = "/_kt/tidak-ditemukan";

/**
 * Served without any script, stored or not: every page but the treasurer screens (/admin) — the
 * sign-in page, the public pages the front server stores (server/front/routes.ts), the passbook
 * (personal, never stored), the site's 404 page, and any other address Next might answer with a
 * page. Next's own files (/_next) and the APIs are data, sent as they come.
 */
export function isScriptFreePath(url: string): boolean {
  return !keepsScripts(url);
}

/** A script-free path answered with HTML (open-data files on the same paths are data, not pages). */
export function isScriptFreePage(url: string, contentType: string | undefined): boolean {
  return isScriptFreePath(url) && String(contentType ?? "").startsWith("text/html");
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

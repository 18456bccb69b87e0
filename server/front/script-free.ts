/**
 * Public pages as villagers get them: no JavaScript at all. Every public page is complete as the
 * server draws it (the Playwright suite reads each one with JavaScript off), so Next's runtime,
 * its inline flight data and the page's chunks are removed before the page is stored — about
 * 140 KB a first visit that a phone on a weak signal no longer pays — and the page's CSP says
 * `script-src 'none'`. The treasurer screens (/admin, /masuk) keep their JavaScript.
 */
import { isPublicPath, pathOf } from "./page-cache";

/** An address no route matches: Next answers it with app/not-found.tsx drawn on the server. */
export const NOT_FOUND_PATH = "/_kt/tidak-ditemukan";

/**
 * Served without any script, stored or not: the public pages the front server stores, the
 * passbook (personal, never stored) and the site's 404 page. The treasurer screens are not.
 */
export function isScriptFreePath(url: string): boolean {
  const path = pathOf(url);
  return isPublicPath(path) || path === "/anggota" || path === NOT_FOUND_PATH;
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

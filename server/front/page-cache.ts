/**
 * The public-page cache of the front server: which requests may be answered from memory, and under
 * which key (the store itself is page-store.ts). Pure: no HTTP, no database — the front server supplies the
 * version of the data (it changes on every committed write) and today's business dates.
 *
 * A page is only ever served for the data version it was rendered from: a treasurer's post
 * changes the version, so the very next request renders afresh (no time-based staleness).
 */
import { canonicalFormOf } from "./canonical";
import { isStored } from "./routes";

/** The path of a URL (without its query). */
export const pathOf = (url: string) => {
  const q = url.indexOf("?");
  return q < 0 ? url : url.slice(0, q);
};

/** Cookies that make a page personal (a signed-in treasurer, a member's passbook): never cached. */
const PERSONAL_COOKIE = /(?:^|;\s*)(?:__Secure-|__Host-)?(?:next-auth\.session-token|buku)=/;
const LOCALE_COOKIE = /(?:^|;\s*)bahasa=(id|en)(?:;|$)/;
/** The longest public URL stored or rendered: no form or link of the portal writes one half as long. */
export const MAX_URL = 512;

export interface CacheableRequest {
  method: string;
  url: string;
  cookie?: string;
  /** Next's own data request for client navigation (an `RSC` header or `_rsc` parameter). */
  rsc?: boolean;
}

/** Whether a request is one of Next's data requests (never stored, never served from the store). */
export function isNextDataRequest(headers: Record<string, string | string[] | undefined>, url: string): boolean {
  return (
    headers.rsc !== undefined ||
    headers["next-router-state-tree"] !== undefined ||
    headers["next-router-prefetch"] !== undefined ||
    /[?&]_rsc=/.test(url)
  );
}

/**
 * Where a public URL spelt any other way than its canonical form (server/front/canonical.ts) is sent:
 * `ratu%2Ddamai`, `/./`, `/x/../`, `?&`, `ledger.json?x=<random>` cost one redirect, never a render.
 * Null when the URL already is canonical, or is not a public route's.
 */
export function canonicalUrl(url: string, canonical = canonicalFormOf(url)): string | null {
  return canonical && canonical.url !== url ? canonical.url : null;
}

/** The cache key of a request, or null when it must go to the application (its canonical form given when known). */
export function cacheKeyOf(req: CacheableRequest, canonical = canonicalFormOf(req.url)): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (req.rsc) return null;
  if (req.url.length > MAX_URL) return null;
  // Only a stored route's canonical spelling: any other is redirected, never rendered or stored.
  if (!canonical || !isStored(canonical.route) || canonical.url !== req.url) return null;
  const cookie = req.cookie ?? "";
  if (PERSONAL_COOKIE.test(cookie)) return null;
  return `${localeOf(cookie) ?? "id"} ${req.url}`;
}

/** The language a visitor chose (the `bahasa` cookie), if any. */
export function localeOf(cookie: string | undefined): "id" | "en" | null {
  return (LOCALE_COOKIE.exec(cookie ?? "")?.[1] as "id" | "en" | undefined) ?? null;
}

/** Whether an application response may be stored: a complete 200 that sets no cookie. */
export function isStorable(status: number, headers: Record<string, string | string[] | undefined>): boolean {
  return status === 200 && headers["set-cookie"] === undefined && typeof headers["content-type"] === "string";
}

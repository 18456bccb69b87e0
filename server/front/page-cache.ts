/**
 * The public-page cache of the front server: which requests may be answered from memory, under
 * which key, and a bounded store. Pure: no HTTP, no database — the front server supplies the
 * version of the data (it changes on every committed write) and today's business dates.
 *
 * A page is only ever served for the data version it was rendered from: a treasurer's post
 * changes the version, so the very next request renders afresh (no time-based staleness).
 */
import { createHash } from "node:crypto";
import { canonicalFormOf, isStored } from "./routes";

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
 * Where a public URL spelt any other way than its canonical form (server/front/routes.ts) is sent:
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

/** Response headers that belong to one exchange, not to the stored page. */
const HOP_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "date",
  "content-length",
  "content-encoding",
  "vary",
  "etag",
  "cache-control",
]);

export interface StoredPage {
  status: number;
  headers: Record<string, string>;
  gzip: Buffer;
  identity: Buffer;
  etag: string;
  /** The data version and business dates it was rendered for. */
  version: string;
  /** Its headers as sent, by answer kind (made on first use: `preparedHeaders`). */
  prepared?: Map<string, string[]>;
}

/** Whether an application response may be stored: a complete 200 that sets no cookie. */
export function isStorable(status: number, headers: Record<string, string | string[] | undefined>): boolean {
  return status === 200 && headers["set-cookie"] === undefined && typeof headers["content-type"] === "string";
}

export function storedPage(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  identity: Buffer,
  gzip: Buffer,
  version: string,
): StoredPage {
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined && !HOP_HEADERS.has(k)) kept[k] = Array.isArray(v) ? v.join(", ") : v;
  const etag = `"kt-${createHash("sha256").update(identity).digest("base64url").slice(0, 22)}"`;
  return { status, headers: kept, gzip, identity, etag, version };
}

/**
 * Headers to send with a stored page. `no-cache` lets a phone keep the page and ask "still the
 * same?" (If-None-Match) on the next visit: an unchanged page then costs a few hundred bytes.
 */
export function headersFor(page: StoredPage, gzip: boolean, headOnly = false): Record<string, string> {
  const body = gzip ? page.gzip : page.identity;
  return {
    ...page.headers,
    etag: page.etag,
    "cache-control": "private, no-cache",
    vary: "Accept-Encoding, Cookie",
    ...(gzip ? { "content-encoding": "gzip" } : {}),
    ...(headOnly ? {} : { "content-length": String(body.length) }),
    "x-kt-cache": "hit",
  };
}

/**
 * The same headers as a flat [name, value, …] list, made once per page and answer kind: Node
 * writes such a list as it is, where an object costs a check and a copy of every header at every
 * request (about an eighth of a served page's time).
 */
export function preparedHeaders(
  page: StoredPage,
  kind: { gzip: boolean; headOnly: boolean; state: "hit" | "miss"; notModified: boolean },
): string[] {
  const name = `${+kind.gzip}${+kind.headOnly}${kind.state}${+kind.notModified}`;
  page.prepared ??= new Map();
  let list = page.prepared.get(name);
  if (!list) {
    const headers: Record<string, string> = { ...headersFor(page, kind.gzip, kind.headOnly), "x-kt-cache": kind.state };
    if (kind.notModified) {
      delete headers["content-length"];
      delete headers["content-encoding"];
    }
    list = Object.entries(headers).flat();
    page.prepared.set(name, list);
  }
  return list;
}

export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return /\bgzip\b/.test(acceptEncoding ?? "");
}

export function notModified(page: StoredPage, ifNoneMatch: string | undefined): boolean {
  return !!ifNoneMatch && ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === page.etag);
}

/** One least-recently-used share of the store, bounded by entries and bytes. */
class Share {
  readonly pages = new Map<string, StoredPage>();
  bytes = 0;
  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get over() {
    return this.pages.size > this.maxEntries || this.bytes > this.maxBytes;
  }

  delete(key: string) {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.gzip.length + page.identity.length;
  }

  dropOldest() {
    const [oldest] = this.pages.keys();
    if (oldest !== undefined) this.delete(oldest);
  }
}

/**
 * A least-recently-used store bounded by entries and bytes. A page with a query (a search, a
 * seal checked, a calculator's answer: values anyone can vary without end) lives in its own share,
 * at most a quarter of the store, and only ever pushes out another such page once it is full — so
 * no stream of queries can push a group's own pages out. A page without a query is one of a known
 * route's canonical paths (never a 404: only a complete 200 is stored), bounded by the groups.
 */
export class PageStore {
  private readonly paths: Share;
  private readonly queries: Share;
  constructor(
    private readonly maxEntries = 5000,
    private readonly maxBytes = 128 * 2 ** 20,
  ) {
    this.paths = new Share(maxEntries, maxBytes);
    this.queries = new Share(Math.max(1, Math.floor(maxEntries / 4)), Math.floor(maxBytes / 4));
  }

  /** The share a key belongs to (a key is "<language> <canonical URL>"). */
  private shareOf(key: string): Share {
    return key.includes("?") ? this.queries : this.paths;
  }

  get(key: string, version: string): StoredPage | null {
    const share = this.shareOf(key);
    const page = share.pages.get(key);
    if (!page) return null;
    if (page.version !== version) {
      share.delete(key);
      return null;
    }
    share.pages.delete(key); // refresh its place in the LRU order
    share.pages.set(key, page);
    return page;
  }

  set(key: string, page: StoredPage): void {
    const share = this.shareOf(key);
    share.delete(key);
    share.pages.set(key, page);
    share.bytes += page.gzip.length + page.identity.length;
    while (share.over) share.dropOldest();
    // Over the whole store's bounds: a page gives way to its own kind first.
    const other = share === this.paths ? this.queries : this.paths;
    while (this.over) (share.pages.size > 1 || other.pages.size === 0 ? share : other).dropOldest();
  }

  private get over() {
    const s = this.size;
    return s.entries > this.maxEntries || s.bytes > this.maxBytes;
  }

  get size() {
    return {
      entries: this.paths.pages.size + this.queries.pages.size,
      bytes: this.paths.bytes + this.queries.bytes,
    };
  }

  /** Whether a page is held (for any version), without touching its place. */
  has(key: string): boolean {
    return this.shareOf(key).pages.has(key);
  }
}

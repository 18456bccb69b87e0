/**
 * A stored page: a public page as rendered, gzipped and plain, tagged with the data version it was
 * rendered from, and the headers it is sent with (made once per kind of answer). Pure: no HTTP.
 */
import { createHash } from "node:crypto";

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

/**
 * The public routes, written down once: which paths are public pages or open data, which query
 * parameters each reads (in the order its own forms and links write them), which version of the
 * data it follows, and whether the front server stores it. The page cache (page-cache.ts), the
 * script-free rule (script-free.ts) and the front server (front-server.ts) all read this table.
 *
 * One canonical URL per public resource: percent-encoded unreserved characters decoded (RFC 3986
 * §6.2.2.2), dot segments resolved (§5.2.4), empty segments and a trailing slash dropped, and only
 * the parameters the route reads kept — non-empty, in the table's order, form-encoded. Any other
 * spelling of a public URL is sent there with a 301: it is never rendered and never stored.
 */
import { COMPARE_PARAMS } from "@/server/domain/finance/params";

/** Which version of the data a page follows (server/cache/read-cache.ts owns the keys). */
export type VersionOf = "group" | "terms" | "global";

export interface PublicRoute {
  /** The canonical path; for a group's own pages the group's slug is the first capture. */
  path: RegExp;
  /**
   * The query parameters the page reads, in the order its form or links write them (so a form's
   * own answer is already canonical). Null: the query is the page's own and is left as it came
   * (the passbook's refusal notice).
   */
  params: readonly string[] | null;
  version: VersionOf;
  /**
   * A public page or an open-data file: the same bytes for every visitor of one language, kept in
   * the page store (a Next data request, RSC, for one is answered with the document). The passbook
   * is private: never stored. A live page is public and script-free but made afresh for every
   * request, never stored: `/verifikasi`, whose "cocok" must come from the database as it is at
   * that moment — a page kept under the data versions would still say "cocok" after an edit made
   * by another connection (which raises no version) until the background watch sees it.
   */
  kind: "page" | "data" | "live" | "private";
}

const SLUG = "([a-z0-9-]{1,64})";
const COMPARE = ["kelompok", ...COMPARE_PARAMS] as const;

export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  { path: /^\/$/, params: ["cari", "hal"], version: "global", kind: "page" },
  { path: /^\/(?:dampak|data)$/, params: ["hal"], version: "global", kind: "page" },
  { path: /^\/verifikasi$/, params: ["kelompok", "no", "segel"], version: "global", kind: "live" },
  { path: /^\/metodologi$/, params: [], version: "terms", kind: "page" },
  { path: /^\/bandingkan$/, params: COMPARE, version: "terms", kind: "page" },
  { path: new RegExp(`^/kelompok/${SLUG}$`), params: [], version: "group", kind: "page" },
  { path: new RegExp(`^/kelompok/${SLUG}/buku-kas$`), params: ["bulan", "no"], version: "group", kind: "page" },
  {
    path: new RegExp(`^/kelompok/${SLUG}/(?:laporan/\\d{4}-\\d{2}|tahun/\\d{4})$`),
    params: [],
    version: "group",
    kind: "page",
  },
  // The monthly and yearly reports as PDFs to share (next.config.js sends them to their route handlers): open data, stored.
  {
    path: new RegExp(`^/kelompok/${SLUG}/(?:laporan/\\d{4}-\\d{2}|tahun/\\d{4})\\.pdf$`),
    params: [],
    version: "group",
    kind: "data",
  },
  { path: /^\/api\/open\/compare$/, params: COMPARE, version: "terms", kind: "data" },
  { path: /^\/api\/open\/groups\.json$/, params: [], version: "global", kind: "data" },
  {
    path: new RegExp(`^/api/open/groups/${SLUG}(?:\\.json|/ledger\\.json|/ledger\\.csv|/checkpoints\\.json)$`),
    params: [],
    version: "group",
    kind: "data",
  },
  // The passbook: personal, never stored, but script-free and with one spelling of its path.
  { path: /^\/anggota$/, params: null, version: "global", kind: "private" },
];

/** The route a canonical path belongs to, and the group it shows (if any). */
export function routeOf(path: string): { route: PublicRoute; slug: string | null } | null {
  for (const route of PUBLIC_ROUTES) {
    const m = route.path.exec(path);
    if (m) return { route, slug: m[1] ?? null };
  }
  return null;
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * A path with percent-encoded unreserved characters decoded (other escapes kept, their hex in
 * capitals), backslashes read as slashes (as browsers and Next do), dot segments resolved, and
 * empty segments (a doubled or trailing slash) dropped, a group's slug in lower case. Always starts with
 * exactly one slash.
 */
export function canonicalPath(raw: string): string {
  const decoded = raw.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => {
    const c = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(c) ? c : `%${hex.toUpperCase()}`;
  });
  const out: string[] = [];
  for (const segment of decoded.replace(/\\/g, "/").split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  // A group's address as a person types it from a notice board ("/kelompok/RATU-DAMAI"): slugs are lower case.
  if (out[0] === "kelompok" && out[1]) out[1] = out[1].toLowerCase();
  return `/${out.join("/")}`;
}

/** The parameters a route reads, non-empty, in the table's order (repeats kept in theirs), form-encoded. */
export function canonicalQuery(params: readonly string[], raw: string): string {
  const given = [...new URLSearchParams(raw)];
  const kept = params.flatMap((name) => given.filter(([k, v]) => k === name && v !== ""));
  return new URLSearchParams(kept).toString();
}

/**
 * The canonical form of a request target (origin form, or absolute form as a proxy sends it), or
 * null when it is not a public route's.
 */
export function canonicalFormOf(target: string): { url: string; route: PublicRoute; slug: string | null } | null {
  const url = originForm(target);
  if (url === null) return null;
  const q = url.indexOf("?");
  const path = canonicalPath(q < 0 ? url : url.slice(0, q));
  const found = routeOf(path);
  if (!found) return null;
  const raw = q < 0 ? "" : url.slice(q + 1);
  const query = found.route.params ? canonicalQuery(found.route.params, raw) : raw;
  return { url: query ? `${path}?${query}` : path, ...found };
}

/** The path and query of a request target: as it came, or from the absolute form a proxy sends; no fragment. */
function originForm(target: string): string | null {
  // A fragment is the browser's own and never sent; one that is sent anyway names the same page.
  const hash = target.indexOf("#");
  if (hash >= 0) return originForm(target.slice(0, hash));
  if (target.startsWith("/")) return target;
  try {
    const u = new URL(target);
    return u.pathname + u.search;
  } catch {
    return null;
  }
}

/**
 * Where the treasurers' screens, Next's own files and the APIs live: answered as the app sends them.
 * Not the sign-in page: a plain POST form that works without JavaScript, sent without any script
 * (a treasurer's first visit pays only for the app itself).
 */
const SCRIPTED = /^\/(?:admin|_next|api)(?:\/|\?|$)/;

/**
 * Whether a GET for this target may carry scripts: only the treasurer screens (/admin), Next's
 * assets and the APIs do. Every other page — a public one, the sign-in page, the passbook, a 404,
 * a spelling of a public page Next would still answer — is sent without them.
 */
export function keepsScripts(target: string): boolean {
  const url = originForm(target);
  return url !== null && SCRIPTED.test(url) && !canonicalFormOf(url);
}

/** Whether the front server keeps a route's pages in its store: public pages and open data only. */
export const isStored = (route: PublicRoute): boolean => route.kind === "page" || route.kind === "data";

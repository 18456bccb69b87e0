/**
 * The public routes, written down once: which paths are public pages or open data, which query
 * parameters each reads (in the order its own forms and links write them), which version of the
 * data it follows, whether the front server stores it, whether it is sent without scripts, and the
 * file under app/ that draws it (routes.test.ts checks the table against app/ both ways). The
 * canonical URLs (canonical.ts), the page store's keys (page-cache.ts), the script stripper
 * (script-free.ts) and the front server's request path (request-path.ts) all read this table.
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
   * A public page or an open-data file: the same bytes for every visitor of one language. The
   * passbook is private (personal). A live page is public but made afresh for every request:
   * `/verifikasi`, whose "cocok" must come from the database as it is at that moment — a page kept
   * under the data versions would still say "cocok" after an edit made by another connection
   * (which raises no version) until the background watch sees it.
   */
  kind: "page" | "data" | "live" | "private";
  /** Kept in the front server's page store (a Next data request, RSC, for it is answered with the document). */
  cacheable: boolean;
  /** Sent without any script: its HTML is whole as the server draws it (server/front/script-free.ts). */
  scriptFree: boolean;
  /** The file under app/ that answers it (a report's PDF: the handler next.config.js rewrites it to). */
  app: string;
}

const SLUG = "([a-z0-9-]{1,64})";
const COMPARE = ["kelompok", ...COMPARE_PARAMS] as const;
const group = (rest: string) => new RegExp(`^/kelompok/${SLUG}${rest}$`);
const openGroup = (rest: string) => new RegExp(`^/api/open/groups/${SLUG}${rest}$`);
/** A public page or an open-data file: stored, script-free. */
const stored = { cacheable: true, scriptFree: true } as const;

export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  { path: /^\/$/, params: ["cari", "hal"], version: "global", kind: "page", ...stored, app: "app/page.tsx" },
  { path: /^\/dampak$/, params: ["hal"], version: "global", kind: "page", ...stored, app: "app/dampak/page.tsx" },
  { path: /^\/data$/, params: ["hal"], version: "global", kind: "page", ...stored, app: "app/data/page.tsx" },
  {
    path: /^\/verifikasi$/,
    params: ["kelompok", "no", "segel"],
    version: "global",
    kind: "live",
    cacheable: false,
    scriptFree: true,
    app: "app/verifikasi/page.tsx",
  },
  { path: /^\/metodologi$/, params: [], version: "terms", kind: "page", ...stored, app: "app/metodologi/page.tsx" },
  {
    path: /^\/bandingkan$/,
    params: COMPARE,
    version: "terms",
    kind: "page",
    ...stored,
    app: "app/bandingkan/page.tsx",
  },
  { path: group(""), params: [], version: "group", kind: "page", ...stored, app: "app/kelompok/[slug]/page.tsx" },
  {
    path: group("/buku-kas"),
    params: ["bulan", "no"],
    version: "group",
    kind: "page",
    ...stored,
    app: "app/kelompok/[slug]/buku-kas/page.tsx",
  },
  {
    path: group("/laporan/\\d{4}-\\d{2}"),
    params: [],
    version: "group",
    kind: "page",
    ...stored,
    app: "app/kelompok/[slug]/laporan/[bulan]/page.tsx",
  },
  {
    path: group("/tahun/\\d{4}"),
    params: [],
    version: "group",
    kind: "page",
    ...stored,
    app: "app/kelompok/[slug]/tahun/[tahun]/page.tsx",
  },
  // The monthly and yearly reports as PDFs to share (next.config.js sends them to their route handlers): open data, stored.
  {
    path: group("/laporan/\\d{4}-\\d{2}\\.pdf"),
    params: [],
    version: "group",
    kind: "data",
    ...stored,
    app: "app/api/open/groups/[slug]/laporan/[bulan]/route.ts",
  },
  {
    path: group("/tahun/\\d{4}\\.pdf"),
    params: [],
    version: "group",
    kind: "data",
    ...stored,
    app: "app/api/open/groups/[slug]/tahun/[tahun]/route.ts",
  },
  {
    path: /^\/api\/open\/compare$/,
    params: COMPARE,
    version: "terms",
    kind: "data",
    ...stored,
    app: "app/api/open/compare/route.ts",
  },
  {
    path: /^\/api\/open\/groups\.json$/,
    params: [],
    version: "global",
    kind: "data",
    ...stored,
    app: "app/api/open/groups.json/route.ts",
  },
  {
    path: openGroup("\\.json"),
    params: [],
    version: "group",
    kind: "data",
    ...stored,
    app: "app/api/open/groups/[slug]/route.ts",
  },
  ...(["ledger.json", "ledger.csv", "checkpoints.json"] as const).map(
    (file): PublicRoute => ({
      path: openGroup(`/${file.replace(".", "\\.")}`),
      params: [],
      version: "group",
      kind: "data",
      ...stored,
      app: `app/api/open/groups/[slug]/${file}/route.ts`,
    }),
  ),
  // The passbook: personal, never stored, but script-free and with one spelling of its path.
  {
    path: /^\/anggota$/,
    params: null,
    version: "global",
    kind: "private",
    cacheable: false,
    scriptFree: true,
    app: "app/anggota/page.tsx",
  },
];

/** The route a canonical path belongs to, and the group it shows (if any). */
export function routeOf(path: string): { route: PublicRoute; slug: string | null } | null {
  for (const route of PUBLIC_ROUTES) {
    const m = route.path.exec(path);
    if (m) return { route, slug: m[1] ?? null };
  }
  return null;
}

/** The treasurers' API: served by the front server itself when it is given one (FRONT_API=1). */
export const API_PREFIX = "/api/trpc";

/**
 * Where the treasurers' screens, Next's own files and the APIs live: answered as the app sends them,
 * scripts and all. Not the sign-in page: a plain POST form that works without JavaScript, sent
 * without any script (a treasurer's first visit pays only for the app itself).
 */
const SCRIPTED_AREAS = /^\/(?:admin|_next|api)(?:\/|\?|$)/;
export const isScriptedArea = (url: string): boolean => SCRIPTED_AREAS.test(url);

/** Whether the front server keeps a route's pages in its store: public pages and open data only. */
export const isStored = (route: PublicRoute): boolean => route.cacheable;

/**
 * One canonical URL per public resource (the routes are routes.ts's table): percent-encoded
 * unreserved characters decoded (RFC 3986 §6.2.2.2), dot segments resolved (§5.2.4), empty segments
 * and a trailing slash dropped, and only the parameters the route reads kept — non-empty, in the
 * table's order, form-encoded. Any other spelling of a public URL is sent there with a 301: it is
 * never rendered and never stored.
 */
import { isScriptedArea, type PublicRoute, routeOf } from "./routes";

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
 * Whether a GET for this target may carry scripts: only the treasurer screens (/admin), Next's
 * assets and the APIs do. Every other page — a public one, the sign-in page, the passbook, a 404,
 * a spelling of a public page Next would still answer — is sent without them.
 */
export function keepsScripts(target: string): boolean {
  const url = originForm(target);
  return url !== null && isScriptedArea(url) && !canonicalFormOf(url)?.route.scriptFree;
}

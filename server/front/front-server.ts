/**
 * The front server (`npm start`): a small HTTP server in front of Next that answers public pages
 * and open data from memory, and passes everything else through unchanged.
 *
 * Currency: every stored page is tagged with the version of the public data it shows and today's
 * business dates (`PageVersions` in server/cache/page-versions.ts; server/cache/read-cache.ts owns the version keys), so
 * a committed post reaches the very next request — from this process or any other on the same
 * database (an embedded file, or a libSQL server / Turso shared by several `npm start`s).
 *
 * It also tells the app who the client is (x-kt-client, always overwritten), so sign-in and
 * passbook throttling by address work without a reverse proxy.
 */
import http from "node:http";
import { env } from "@/server/env";
import { bothLanguages } from "@/server/i18n/errors";
import { gunzipSync, gzipSync } from "node:zlib";
import { PageVersions } from "@/server/cache/page-versions";
import type { VersionKey } from "@/server/cache/read-cache";
import { canonicalFormOf, routeOf } from "./routes";
import { isScriptFreePage, isScriptFreePath, NOT_FOUND_PATH, scriptFreeCsp, stripScripts } from "./script-free";
import { acceptsBrotli, type BrotliAsset, BrotliStore, compressAsset, isStaticAsset } from "./static-brotli";
import {
  acceptsGzip,
  cacheKeyOf,
  canonicalUrl,
  isNextDataRequest,
  preparedHeaders,
  isStorable,
  localeOf,
  MAX_URL,
  notModified,
  pathOf,
  PageStore,
  storedPage,
  type StoredPage,
} from "./page-cache";

export interface FrontOptions {
  port: number;
  host: string;
  upstream: { host: string; port: number };
  /** The app's database; null, or a non-file URL, turns the cache off. */
  databaseUrl: string | null;
  /** Behind a reverse proxy: the client is the last address it added to X-Forwarded-For. */
  trustProxy: boolean;
  store?: PageStore;
  /** Next's built scripts and styles, brotli-compressed once (server/front/static-brotli.ts). */
  brotli?: BrotliStore;
  /** The treasurers' API (/api/trpc), served here instead of through Next when given. */
  api?: http.RequestListener;
}

const HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "host",
]);

/**
 * What a page's currency depends on (the route table, server/front/routes.ts): a group's own pages
 * follow that group's version, so a post to one group leaves every other group's pages in memory;
 * the compare and method pages follow the terms version; other portal-wide pages the global one.
 */
export function versionKeyOf(url: string, found = routeOf(pathOf(url))): VersionKey {
  if (found?.route.version === "terms") return { of: "terms" };
  return found?.route.version === "group" && found.slug ? { of: "group", slug: found.slug } : { of: "global" };
}

/**
 * A public HTML page without its scripts (server/front/script-free.ts): decoded, stripped, its CSP
 * saying script-src 'none'. Anything else is returned as it came.
 */
function withoutScripts(
  url: string,
  headers: http.IncomingHttpHeaders,
  body: Buffer,
): { headers: http.IncomingHttpHeaders; body: Buffer } {
  if (!isScriptFreePage(url, headers["content-type"])) return { headers, body };
  const encoding = headers["content-encoding"];
  if (encoding && encoding !== "gzip") return { headers, body };
  const html = (encoding === "gzip" ? gunzipSync(body) : body).toString("utf8");
  const { "content-encoding": _e, "content-length": _l, ...rest } = headers;
  return {
    headers: { ...rest, "content-security-policy": scriptFreeCsp(headers["content-security-policy"] as string) },
    body: Buffer.from(stripScripts(html), "utf8"),
  };
}

function notModifiedTag(ifNoneMatch: string | undefined, etag: string): boolean {
  const bare = etag.replace(/^W\//, "");
  return !!ifNoneMatch && ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === bare);
}

/** Next's answer to a page's notFound(): a 404 whose HTML body is an empty error shell. */
export function isEmptyNotFoundShell(
  status: number | undefined,
  headers: http.IncomingHttpHeaders,
  body: Buffer,
): boolean {
  if (status !== 404 || !String(headers["content-type"] ?? "").startsWith("text/html")) return false;
  const html = headers["content-encoding"] === "gzip" ? gunzipSync(body) : body;
  return html.includes('<html id="__next_error__"');
}

/** The most a request body may carry: the offline queue's 50 days for tRPC, a small form elsewhere. */
export const BODY_LIMITS = { trpc: 512 * 1024, form: 16 * 1024 } as const;

export function bodyLimitOf(url: string): number {
  return url.startsWith("/api/trpc") ? BODY_LIMITS.trpc : BODY_LIMITS.form;
}

export function clientAddressOf(req: http.IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = String(req.headers["x-forwarded-for"] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (hops.length) return hops[hops.length - 1]!.slice(0, 64);
  }
  return (req.socket.remoteAddress ?? "").slice(0, 64);
}

export async function startFront(
  opts: FrontOptions,
): Promise<{ server: http.Server; store: PageStore; close: () => Promise<void> }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const store = opts.store ?? new PageStore();
  const version = opts.databaseUrl
    ? PageVersions.open(opts.databaseUrl, { authToken: env().DATABASE_AUTH_TOKEN, pollMs: env().FRONT_POLL_MS ?? 500 })
    : null;
  /** What one render gave: a stored page, or the app's own answer to pass on unstored (an error, a redirect). */
  type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
  type Rendered = { page: StoredPage } | Answer | null;
  const rendering = new Map<string, Promise<Rendered>>();
  const brotli = opts.brotli ?? new BrotliStore();
  const compressing = new Map<string, Promise<BrotliAsset | null>>();

  function upstreamHeaders(req: http.IncomingMessage, cacheable: boolean): http.OutgoingHttpHeaders {
    const h: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && v !== undefined) h[k] = v;
    h.host = req.headers.host ?? `${opts.host}:${opts.port}`;
    h["x-kt-client"] = clientAddressOf(req, opts.trustProxy);
    if (cacheable) {
      // The stored page may depend on nothing but its key: the language cookie, the URL.
      const locale = localeOf(req.headers.cookie);
      delete h.cookie;
      if (locale) h.cookie = `bahasa=${locale}`;
      delete h["if-none-match"];
      delete h["if-modified-since"];
      // Nor on what a visitor says the host is: a stored page is served to everyone.
      delete h["x-forwarded-host"];
      delete h["x-forwarded-proto"];
      h["accept-encoding"] = "gzip";
    }
    return h;
  }

  /** Headers asking the app for a page as a document: never Next's data (RSC) answer for it. */
  function pageHeaders(req: http.IncomingMessage, cacheable: boolean): http.OutgoingHttpHeaders {
    const h = upstreamHeaders(req, cacheable);
    delete h.rsc;
    delete h["next-router-state-tree"];
    delete h["next-router-prefetch"];
    return h;
  }

  // Until the app has answered once it is still starting: a refused connection then is expected
  // (the visitor is asked to wait, as always) and not worth a line in the log.
  let appAnswered = false;
  function noAnswer(err: NodeJS.ErrnoException, what: string) {
    if (appAnswered || err.code !== "ECONNREFUSED")
      console.error(`[front] no answer from the app: ${err.code ?? err.message} ${what}`);
  }

  function unavailable(res: http.ServerResponse) {
    if (res.headersSent) return res.destroy();
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "2" });
    res.end(`${bothLanguages("server_busy")}\n`);
  }

  /**
   * A public page from the app, whole, as visitors get it: its scripts taken out
   * (server/front/script-free.ts), and Next's empty answer to a page's notFound() — a shell only
   * JavaScript fills (vercel/next.js#62228) — replaced by the site's own 404 page, which Next
   * draws on the server for an address that matches no route. Null when the app did not answer.
   */
  function publicPage(
    req: http.IncomingMessage,
    path: string,
    cacheable: boolean,
    retried = false,
  ): Promise<Answer | null> {
    return new Promise((resolve) => {
      const up = http.request(
        // A retry goes over a fresh connection, never another kept-alive one that may be closing too.
        {
          ...opts.upstream,
          agent: retried ? false : agent,
          method: "GET",
          path,
          headers: pageHeaders(req, cacheable),
        },
        (ur) => {
          appAnswered = true;
          const chunks: Buffer[] = [];
          ur.on("data", (c: Buffer) => chunks.push(c));
          ur.on("end", () => {
            const raw = Buffer.concat(chunks);
            if (path !== NOT_FOUND_PATH && isEmptyNotFoundShell(ur.statusCode, ur.headers, raw))
              return void publicPage(req, NOT_FOUND_PATH, cacheable).then((a) => resolve(a && { ...a, status: 404 }));
            resolve({ status: ur.statusCode ?? 502, ...withoutScripts(path, ur.headers, raw) });
          });
          ur.on("error", () => resolve(null));
        },
      );
      up.on("error", (err: NodeJS.ErrnoException) => {
        // No answer (a kept-alive socket the app had just closed, a restart): asked again, once.
        if (!retried) return void publicPage(req, path, cacheable, true).then(resolve);
        noAnswer(err, `GET ${path}`);
        resolve(null);
      });
      up.end();
    });
  }

  /** A public page that is not stored (the passbook, a signed-in visitor, the cache off). */
  function passThroughScriptFree(req: http.IncomingMessage, res: http.ServerResponse) {
    void publicPage(req, req.url ?? "/", false).then((a) => {
      if (!a) return unavailable(res);
      const { connection: _c, "keep-alive": _k, "transfer-encoding": _t, "content-length": _l, ...rest } = a.headers;
      res.writeHead(a.status, { ...rest, "content-length": String(a.body.length) });
      res.end(a.body);
    });
  }

  function tooLarge(res: http.ServerResponse) {
    if (res.headersSent) return res.destroy();
    res.writeHead(413, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    res.end(`${bothLanguages("request_too_large")}\n`);
  }

  function passThrough(req: http.IncomingMessage, res: http.ServerResponse, retried = false) {
    // A body larger than its route takes is refused before it is read whole (or sent on).
    const limit = bodyLimitOf(req.url ?? "/");
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      req.resume();
      return tooLarge(res);
    }
    const up = http.request(
      {
        ...opts.upstream,
        // A retry goes over a fresh connection, never another kept-alive one that may be closing too.
        agent: retried ? false : agent,
        method: req.method,
        path: req.url,
        headers: upstreamHeaders(req, false),
      },
      (ur) => {
        appAnswered = true;
        const raw: string[] = [];
        for (let i = 0; i < ur.rawHeaders.length; i += 2)
          if (!HOP.has(ur.rawHeaders[i]!.toLowerCase())) raw.push(ur.rawHeaders[i]!, ur.rawHeaders[i + 1]!);
        res.writeHead(ur.statusCode ?? 502, raw);
        ur.pipe(res);
      },
    );
    let received = 0;
    up.on("error", (err: NodeJS.ErrnoException) => {
      // A request without a body that found no answer (a kept-alive socket the app had just closed, a
      // connection refused while it restarts) is sent again, once, before the visitor is told to wait.
      if (!retried && !res.headersSent && (req.method === "GET" || req.method === "HEAD"))
        return passThrough(req, res, true);
      noAnswer(err, `${req.method} ${pathOf(req.url ?? "/")}`);
      if (received <= limit) unavailable(res);
    });
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) return;
      req.unpipe(up);
      up.destroy();
      req.resume();
      tooLarge(res);
    });
    // A retried request has no body left to read: it is sent as it is.
    if (retried) up.end();
    else req.pipe(up);
  }

  /** A built file from the app as it is (identity), compressed with brotli and kept; null when not a plain 200. */
  function brotliAsset(req: http.IncomingMessage, url: string): Promise<BrotliAsset | null> {
    const kept = brotli.get(url);
    if (kept) return Promise.resolve(kept);
    const waiting = compressing.get(url);
    if (waiting) return waiting;
    const p = new Promise<BrotliAsset | null>((resolve) => {
      const headers = upstreamHeaders(req, false);
      headers["accept-encoding"] = "identity";
      delete headers["if-none-match"];
      delete headers["if-modified-since"];
      delete headers.range;
      const up = http.request({ ...opts.upstream, agent, method: "GET", path: url, headers }, (ur) => {
        appAnswered = true;
        const chunks: Buffer[] = [];
        ur.on("data", (c: Buffer) => chunks.push(c));
        ur.on("end", () => {
          if (ur.statusCode !== 200 || ur.headers["content-encoding"]) return resolve(null);
          compressAsset(ur.headers as Record<string, string>, Buffer.concat(chunks)).then(
            (asset) => {
              brotli.set(url, asset);
              resolve(asset);
            },
            () => resolve(null),
          );
        });
        ur.on("error", () => resolve(null));
      });
      up.on("error", () => resolve(null));
      up.end();
    }).finally(() => compressing.delete(url));
    compressing.set(url, p);
    return p;
  }

  /** A built script or style, brotli-compressed, to a browser that takes brotli; as Next sends it otherwise. */
  function sendStatic(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = req.url ?? "/";
    void brotliAsset(req, url).then((asset) => {
      if (!asset) return passThrough(req, res);
      const etag = asset.headers.etag;
      if (etag && notModifiedTag(req.headers["if-none-match"], etag)) {
        res.writeHead(304, { ...asset.headers, vary: "Accept-Encoding" });
        return res.end();
      }
      res.writeHead(200, {
        ...asset.headers,
        "content-encoding": "br",
        vary: "Accept-Encoding",
        "content-length": String(asset.body.length),
      });
      res.end(req.method === "HEAD" ? undefined : asset.body);
    });
  }

  /** Renders a page through the app and stores it (one render per key and version at a time). */
  function render(req: http.IncomingMessage, key: string, v: string): { rendered: Promise<Rendered>; first: boolean } {
    const flight = `${v} ${key}`;
    const waiting = rendering.get(flight);
    if (waiting) return { rendered: waiting, first: false };
    const p = publicPage(req, req.url ?? "/", true)
      .then((a): Rendered => {
        if (!a) return null;
        const gzipped = a.headers["content-encoding"] === "gzip";
        if (!isStorable(a.status, a.headers) || (a.headers["content-encoding"] && !gzipped)) return a;
        const page = storedPage(
          a.status,
          a.headers,
          gzipped ? gunzipSync(a.body) : a.body,
          gzipped ? a.body : gzipSync(a.body),
          v,
        );
        store.set(key, page);
        return { page };
      })
      .finally(() => rendering.delete(flight));
    rendering.set(flight, p);
    return { rendered: p, first: true };
  }

  function send(req: http.IncomingMessage, res: http.ServerResponse, page: StoredPage, state: "hit" | "miss") {
    const gzip = acceptsGzip(req.headers["accept-encoding"]);
    const headOnly = req.method === "HEAD";
    if (notModified(page, req.headers["if-none-match"])) {
      res.writeHead(304, preparedHeaders(page, { gzip, headOnly, state, notModified: true }));
      return res.end();
    }
    res.writeHead(page.status, preparedHeaders(page, { gzip, headOnly, state, notModified: false }));
    res.end(headOnly ? undefined : gzip ? page.gzip : page.identity);
  }

  const server = http.createServer(async (req, res) => {
    const url = req.url ?? "/";
    if (opts.api && url.startsWith("/api/trpc/")) {
      if (Number(req.headers["content-length"] ?? 0) > BODY_LIMITS.trpc) {
        req.resume();
        return tooLarge(res);
      }
      return opts.api(req, res);
    }
    if (
      (req.method === "GET" || req.method === "HEAD") &&
      isStaticAsset(url) &&
      acceptsBrotli(req.headers["accept-encoding"])
    )
      return sendStatic(req, res);
    const form = canonicalFormOf(url); // read once: the redirect, the key and the version all follow it
    // A public address is answered as a document whatever Next data-request header (RSC) or `_rsc`
    // comes with it: from the store, without scripts — Next's client, leaving the treasurer screens
    // by a link, then loads it as a whole page. Only other addresses pass such requests to Next.
    const rsc = !form && isNextDataRequest(req.headers, url);
    // One URL per public resource: any other spelling is sent there before anything is looked up,
    // rendered or stored (server/front/routes.ts).
    const read = !rsc && (req.method === "GET" || req.method === "HEAD");
    const canonical = read ? canonicalUrl(url, form) : null;
    if (canonical) {
      res.writeHead(301, { location: canonical, "cache-control": "public, max-age=3600", "content-length": "0" });
      return res.end();
    }
    // Longer than any public URL the portal writes: refused, never rendered unstored time after time.
    if (read && form && form.route.kind !== "private" && url.length > MAX_URL) {
      res.writeHead(414, { "content-type": "text/plain; charset=utf-8" });
      return res.end(`${bothLanguages("request_too_large")}\n`);
    }
    const key = version
      ? cacheKeyOf({ method: req.method ?? "GET", url, cookie: req.headers.cookie, rsc }, form)
      : null;
    if ((!key || !version) && req.method === "GET" && !rsc && isScriptFreePath(url))
      return passThroughScriptFree(req, res);
    if (!key || !version) return passThrough(req, res);
    try {
      const which = versionKeyOf(url, form);
      const v = version.knownNow(which) ?? (await version.of(which));
      const cached = store.get(key, v);
      if (cached) return send(req, res, cached, "hit");
      // A HEAD is rendered as a GET and stored like one: it is no way round the store either.
      const { rendered, first } = render(req, key, v);
      const r = await rendered;
      if (r && "page" in r) return send(req, res, r.page, "miss");
      if (!r || !first) return passThrough(req, res); // another visitor's unstored answer is not this one's
      // Not storable (an error page, a redirect): the app's own answer — gzipped for a client that
      // takes gzip, plain for one that does not (the front asked the app for gzip).
      const {
        connection: _c,
        "keep-alive": _k,
        "transfer-encoding": _t,
        "content-length": _l,
        "content-encoding": encoding,
        ...headers
      } = r.headers;
      const wantsGzip = acceptsGzip(req.headers["accept-encoding"]);
      const plain = encoding === "gzip" ? gunzipSync(r.body) : r.body;
      const out = encoding && encoding !== "gzip" ? r.body : wantsGzip ? gzipSync(plain) : plain;
      const sentEncoding = encoding && encoding !== "gzip" ? encoding : wantsGzip ? "gzip" : undefined;
      res.writeHead(r.status, {
        ...headers,
        ...(sentEncoding ? { "content-encoding": sentEncoding } : {}),
        "content-length": String(out.length),
      });
      res.end(req.method === "HEAD" ? undefined : out);
    } catch {
      return passThrough(req, res);
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(opts.port, opts.host, resolve));
  return {
    server,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
        version?.close();
      }),
  };
}

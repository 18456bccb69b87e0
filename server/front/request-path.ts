/**
 * The path of a request through the front server: the treasurers' API (when served here), Next's
 * built files (brotli), a public URL's canonical spelling (a 301), a public page or open-data file
 * from the page store — rendered once per key and version when it is missing — and everything else
 * passed to the app as it came (a public page without its scripts).
 */
import type http from "node:http";
import { gunzipSync, gzipSync } from "node:zlib";
import { bothLanguages } from "@/server/i18n/errors";
import { type AppProxy, BODY_LIMITS, tooLarge } from "./app-proxy";
import { canonicalFormOf } from "./canonical";
import type { ChangeSignal } from "./change-signal";
import { cacheKeyOf, canonicalUrl, isNextDataRequest, isStorable, MAX_URL } from "./page-cache";
import type { PageStore } from "./page-store";
import { type Answer, passThroughScriptFree, publicPage, sendUnstored } from "./public-page";
import { API_PREFIX } from "./routes";
import { isScriptFreePath } from "./script-free";
import { acceptsBrotli, isStaticAsset } from "./static-brotli";
import type { StaticAssets } from "./static-assets";
import { acceptsGzip, notModified, preparedHeaders, type StoredPage, storedPage } from "./stored-page";

export interface FrontParts {
  proxy: AppProxy;
  statics: StaticAssets;
  store: PageStore;
  /** Null: the store is off (no database, or not one the front can watch). */
  signal: ChangeSignal | null;
  /** The treasurers' API (/api/trpc), served here instead of through Next when given. */
  api?: http.RequestListener;
}

/** What one render gave: a stored page, or the app's own answer to pass on unstored (an error, a redirect). */
type Rendered = { page: StoredPage } | Answer | null;

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

export function requestPath({ proxy, statics, store, signal, api }: FrontParts): http.RequestListener {
  const rendering = new Map<string, Promise<Rendered>>();

  /** Renders a page through the app and stores it (one render per key and version at a time). */
  function render(req: http.IncomingMessage, key: string, v: string): { rendered: Promise<Rendered>; first: boolean } {
    const flight = `${v} ${key}`;
    const waiting = rendering.get(flight);
    if (waiting) return { rendered: waiting, first: false };
    const p = publicPage(proxy, req, req.url ?? "/", true)
      .then((a): Rendered => {
        if (!a) return null;
        const gzipped = a.headers["content-encoding"] === "gzip";
        if (!isStorable(a.status, a.headers) || (a.headers["content-encoding"] && !gzipped)) return a;
        const identity = gzipped ? gunzipSync(a.body) : a.body;
        const page = storedPage(a.status, a.headers, identity, gzipped ? a.body : gzipSync(a.body), v);
        store.set(key, page);
        return { page };
      })
      .finally(() => rendering.delete(flight));
    rendering.set(flight, p);
    return { rendered: p, first: true };
  }

  return async (req, res) => {
    const url = req.url ?? "/";
    if (api && url.startsWith(`${API_PREFIX}/`)) {
      if (Number(req.headers["content-length"] ?? 0) > BODY_LIMITS.trpc) {
        req.resume();
        return tooLarge(res);
      }
      return api(req, res);
    }
    const read = req.method === "GET" || req.method === "HEAD";
    if (read && isStaticAsset(url) && acceptsBrotli(req.headers["accept-encoding"])) return statics.send(req, res);
    const form = canonicalFormOf(url); // read once: the redirect, the key and the version all follow it
    // A public address is answered as a document whatever Next data-request header (RSC) or `_rsc`
    // comes with it: from the store, without scripts — Next's client, leaving the treasurer screens
    // by a link, then loads it as a whole page. Only other addresses pass such requests to Next.
    const rsc = !form && isNextDataRequest(req.headers, url);
    // One URL per public resource: any other spelling is sent there before anything is looked up,
    // rendered or stored (server/front/canonical.ts).
    const canonical = read && !rsc ? canonicalUrl(url, form) : null;
    if (canonical) {
      res.writeHead(301, { location: canonical, "cache-control": "public, max-age=3600", "content-length": "0" });
      return res.end();
    }
    // Longer than any public URL the portal writes: refused, never rendered unstored time after time.
    if (read && !rsc && form && form.route.kind !== "private" && url.length > MAX_URL) {
      res.writeHead(414, { "content-type": "text/plain; charset=utf-8" });
      return res.end(`${bothLanguages("request_too_large")}\n`);
    }
    const key = signal ? cacheKeyOf({ method: req.method ?? "GET", url, cookie: req.headers.cookie, rsc }, form) : null;
    if (!key || !signal) {
      if (req.method === "GET" && !rsc && isScriptFreePath(url)) return passThroughScriptFree(proxy, req, res);
      return proxy.passThrough(req, res);
    }
    try {
      const now = signal.versionOf(url, form); // at once, without a promise, while nothing has changed
      const v = typeof now === "string" ? now : await now;
      const cached = store.get(key, v);
      if (cached) return send(req, res, cached, "hit");
      // A HEAD is rendered as a GET and stored like one: it is no way round the store either.
      const { rendered, first } = render(req, key, v);
      const r = await rendered;
      if (r && "page" in r) return send(req, res, r.page, "miss");
      if (!r || !first) return proxy.passThrough(req, res); // another visitor's unstored answer is not this one's
      sendUnstored(req, res, r);
    } catch {
      return proxy.passThrough(req, res);
    }
  };
}

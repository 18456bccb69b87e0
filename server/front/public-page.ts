/**
 * A public page from the app, whole, as visitors get it: its scripts taken out
 * (server/front/script-free.ts), and Next's empty answer to a page's notFound() — a shell only
 * JavaScript fills (vercel/next.js#62228) — replaced by the site's own 404 page, which Next draws on
 * the server for an address that matches no route.
 */
import type http from "node:http";
import { gunzipSync, gzipSync } from "node:zlib";
import { type AppProxy, unavailable } from "./app-proxy";
import { acceptsGzip } from "./stored-page";
import { isScriptFreePage, NOT_FOUND_PATH, scriptFreeCsp, stripScripts } from "./script-free";

/** What the app answered, whole. */
export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

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

/** Headers asking the app for a page as a document: never Next's data (RSC) answer for it. */
function pageHeaders(proxy: AppProxy, req: http.IncomingMessage, cacheable: boolean): http.OutgoingHttpHeaders {
  const h = proxy.headers(req, cacheable);
  delete h.rsc;
  delete h["next-router-state-tree"];
  delete h["next-router-prefetch"];
  return h;
}

/** A public page as visitors get it (see above); null when the app did not answer. */
export function publicPage(
  proxy: AppProxy,
  req: http.IncomingMessage,
  path: string,
  cacheable: boolean,
  retried = false,
): Promise<Answer | null> {
  return new Promise((resolve) => {
    const headers = pageHeaders(proxy, req, cacheable);
    const up = proxy.request({ method: "GET", path, headers, retried }, (ur) => {
      const chunks: Buffer[] = [];
      ur.on("data", (c: Buffer) => chunks.push(c));
      ur.on("end", () => {
        const raw = Buffer.concat(chunks);
        if (path !== NOT_FOUND_PATH && isEmptyNotFoundShell(ur.statusCode, ur.headers, raw))
          return void publicPage(proxy, req, NOT_FOUND_PATH, cacheable).then((a) =>
            resolve(a && { ...a, status: 404 }),
          );
        resolve({ status: ur.statusCode ?? 502, ...withoutScripts(path, ur.headers, raw) });
      });
      ur.on("error", () => resolve(null));
    });
    up.on("error", (err: NodeJS.ErrnoException) => {
      // No answer (a kept-alive socket the app had just closed, a restart): asked again, once.
      if (!retried) return void publicPage(proxy, req, path, cacheable, true).then(resolve);
      proxy.noAnswer(err, `GET ${path}`);
      resolve(null);
    });
    up.end();
  });
}

/** A public page that is not stored (the passbook, a signed-in visitor, the cache off). */
export function passThroughScriptFree(proxy: AppProxy, req: http.IncomingMessage, res: http.ServerResponse) {
  void publicPage(proxy, req, req.url ?? "/", false).then((a) => {
    if (!a) return unavailable(res);
    const { connection: _c, "keep-alive": _k, "transfer-encoding": _t, "content-length": _l, ...rest } = a.headers;
    res.writeHead(a.status, { ...rest, "content-length": String(a.body.length) });
    res.end(a.body);
  });
}

/**
 * The app's own answer for a page to store that may not be stored (an error page, a redirect):
 * gzipped for a client that takes gzip, plain for one that does not (the front asked the app for gzip).
 */
export function sendUnstored(req: http.IncomingMessage, res: http.ServerResponse, r: Answer) {
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
}

/**
 * The front server's way to the app (Next, on its own port): requests passed on as they came, with
 * who the client is (x-kt-client, always overwritten) so sign-in and passbook throttling by address
 * work without a reverse proxy; a body larger than its route takes refused before it is read whole;
 * a request without a body that found no answer sent again, once, before the visitor is told to wait.
 */
import http from "node:http";
import { bothLanguages } from "@/server/i18n/errors";
import { localeOf, pathOf } from "./page-cache";
import { API_PREFIX } from "./routes";

/** Headers of one connection, never passed on. */
export const HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "host",
]);

/** The most a request body may carry: the offline queue's 50 days for tRPC, a small form elsewhere. */
export const BODY_LIMITS = { trpc: 512 * 1024, form: 16 * 1024 } as const;

export function bodyLimitOf(url: string): number {
  return url.startsWith(API_PREFIX) ? BODY_LIMITS.trpc : BODY_LIMITS.form;
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

export function unavailable(res: http.ServerResponse) {
  if (res.headersSent) return res.destroy();
  res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "2" });
  res.end(`${bothLanguages("server_busy")}\n`);
}

export function tooLarge(res: http.ServerResponse) {
  if (res.headersSent) return res.destroy();
  res.writeHead(413, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  res.end(`${bothLanguages("request_too_large")}\n`);
}

export interface ProxyOptions {
  upstream: { host: string; port: number };
  /** The front's own address, the Host the app is told when the client sent none. */
  self: { host: string; port: number };
  /** Behind a reverse proxy: the client is the last address it added to X-Forwarded-For. */
  trustProxy: boolean;
}

export class AppProxy {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  // Until the app has answered once it is still starting: a refused connection then is expected
  // (the visitor is asked to wait, as always) and not worth a line in the log.
  private answered = false;
  constructor(private readonly opts: ProxyOptions) {}

  /** Headers for the app; for a page to store, only what the stored page may depend on. */
  headers(req: http.IncomingMessage, cacheable: boolean): http.OutgoingHttpHeaders {
    const h: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && v !== undefined) h[k] = v;
    h.host = req.headers.host ?? `${this.opts.self.host}:${this.opts.self.port}`;
    h["x-kt-client"] = clientAddressOf(req, this.opts.trustProxy);
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

  /** A request to the app; a retry goes over a fresh connection, never another kept-alive one that may be closing too. */
  request(
    o: { method?: string; path?: string; headers: http.OutgoingHttpHeaders; retried?: boolean },
    onAnswer: (ur: http.IncomingMessage) => void,
  ): http.ClientRequest {
    const { retried, ...rest } = o;
    return http.request({ ...this.opts.upstream, agent: retried ? false : this.agent, ...rest }, (ur) => {
      this.answered = true;
      onAnswer(ur);
    });
  }

  noAnswer(err: NodeJS.ErrnoException, what: string) {
    if (this.answered || err.code !== "ECONNREFUSED")
      console.error(`[front] no answer from the app: ${err.code ?? err.message} ${what}`);
  }

  /** The request passed on to the app, and its answer back, as they come. */
  passThrough(req: http.IncomingMessage, res: http.ServerResponse, retried = false) {
    // A body larger than its route takes is refused before it is read whole (or sent on).
    const limit = bodyLimitOf(req.url ?? "/");
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      req.resume();
      return tooLarge(res);
    }
    const headers = this.headers(req, false);
    const up = this.request({ method: req.method, path: req.url, headers, retried }, (ur) => {
      const raw: string[] = [];
      for (let i = 0; i < ur.rawHeaders.length; i += 2)
        if (!HOP.has(ur.rawHeaders[i]!.toLowerCase())) raw.push(ur.rawHeaders[i]!, ur.rawHeaders[i + 1]!);
      res.writeHead(ur.statusCode ?? 502, raw);
      ur.pipe(res);
    });
    let received = 0;
    up.on("error", (err: NodeJS.ErrnoException) => {
      // A request without a body that found no answer (a kept-alive socket the app had just closed, a
      // connection refused while it restarts) is sent again, once, before the visitor is told to wait.
      if (!retried && !res.headersSent && (req.method === "GET" || req.method === "HEAD"))
        return this.passThrough(req, res, true);
      this.noAnswer(err, `${req.method} ${pathOf(req.url ?? "/")}`);
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

  close() {
    this.agent.destroy();
  }
}

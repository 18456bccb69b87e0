/**
 * The front server (`npm start`): a small HTTP server in front of Next that answers public pages
 * and open data from memory, and passes everything else through unchanged. In parts:
 *  - routes.ts: the public route table (path → kind, version, stored, script-free, app/ file), and
 *    canonical.ts: one spelling per public URL;
 *  - request-path.ts: what each request goes through, in order;
 *  - page-cache.ts (which requests are stored, under which key), page-store.ts and stored-page.ts:
 *    the page store;
 *  - change-signal.ts: the version a stored page must carry, from server/cache (a committed post
 *    reaches the very next request — from this process or any other on the same database);
 *  - app-proxy.ts and public-page.ts: the way to the app, and public pages from it without scripts;
 *    static-assets.ts: Next's built files in brotli.
 */
import http from "node:http";
import { AppProxy } from "./app-proxy";
import { openChangeSignal } from "./change-signal";
import { PageStore } from "./page-store";
import { requestPath } from "./request-path";
import { StaticAssets } from "./static-assets";
import { BrotliStore } from "./static-brotli";

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

export async function startFront(
  opts: FrontOptions,
): Promise<{ server: http.Server; store: PageStore; close: () => Promise<void> }> {
  const proxy = new AppProxy({
    upstream: opts.upstream,
    self: { host: opts.host, port: opts.port },
    trustProxy: opts.trustProxy,
  });
  const store = opts.store ?? new PageStore();
  const signal = openChangeSignal(opts.databaseUrl);
  const statics = new StaticAssets(proxy, opts.brotli ?? new BrotliStore());
  const server = http.createServer(requestPath({ proxy, statics, store, signal, api: opts.api }));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(opts.port, opts.host, resolve));
  return {
    server,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        proxy.close();
        signal?.close();
      }),
  };
}

/**
 * Next's built scripts and styles sent brotli-compressed (static-brotli.ts): each fetched from the
 * app as it is (identity) once, compressed, kept; a browser that does not take brotli, or a file
 * the app does not send as a plain 200, gets Next's own answer.
 */
import type http from "node:http";
import type { AppProxy } from "./app-proxy";
import { type BrotliAsset, type BrotliStore, compressAsset } from "./static-brotli";

function notModifiedTag(ifNoneMatch: string | undefined, etag: string): boolean {
  const bare = etag.replace(/^W\//, "");
  return !!ifNoneMatch && ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === bare);
}

export class StaticAssets {
  private readonly compressing = new Map<string, Promise<BrotliAsset | null>>();
  constructor(
    private readonly proxy: AppProxy,
    private readonly brotli: BrotliStore,
  ) {}

  /** A built file from the app as it is (identity), compressed with brotli and kept; null when not a plain 200. */
  private asset(req: http.IncomingMessage, url: string): Promise<BrotliAsset | null> {
    const kept = this.brotli.get(url);
    if (kept) return Promise.resolve(kept);
    const waiting = this.compressing.get(url);
    if (waiting) return waiting;
    const p = new Promise<BrotliAsset | null>((resolve) => {
      const headers = this.proxy.headers(req, false);
      headers["accept-encoding"] = "identity";
      delete headers["if-none-match"];
      delete headers["if-modified-since"];
      delete headers.range;
      const up = this.proxy.request({ method: "GET", path: url, headers }, (ur) => {
        const chunks: Buffer[] = [];
        ur.on("data", (c: Buffer) => chunks.push(c));
        ur.on("end", () => {
          if (ur.statusCode !== 200 || ur.headers["content-encoding"]) return resolve(null);
          compressAsset(ur.headers as Record<string, string>, Buffer.concat(chunks)).then(
            (asset) => {
              this.brotli.set(url, asset);
              resolve(asset);
            },
            () => resolve(null),
          );
        });
        ur.on("error", () => resolve(null));
      });
      up.on("error", () => resolve(null));
      up.end();
    }).finally(() => this.compressing.delete(url));
    this.compressing.set(url, p);
    return p;
  }

  /** A built script or style, brotli-compressed, to a browser that takes brotli; as Next sends it otherwise. */
  send(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = req.url ?? "/";
    void this.asset(req, url).then((asset) => {
      if (!asset) return this.proxy.passThrough(req, res);
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
}

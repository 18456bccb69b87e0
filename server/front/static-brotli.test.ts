import { brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsBrotli, BrotliStore, compressAsset, isStaticAsset } from "./static-brotli";

describe("Next's built files, brotli-compressed once", () => {
  it("takes only built scripts and styles", () => {
    for (const url of [
      "/_next/static/chunks/0a1b.js",
      "/_next/static/chunks/app.css",
      "/_next/static/x/_buildManifest.js",
    ])
      expect(isStaticAsset(url), url).toBe(true);
    for (const url of ["/_next/static/chunks/a.js?x=1", "/_next/static/../x.js", "/_next/image", "/admin", "/icon.svg"])
      expect(isStaticAsset(url), url).toBe(false);
  });

  it("reads whether the browser takes brotli, q=0 being a refusal", () => {
    expect(acceptsBrotli("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsBrotli("br;q=0.5")).toBe(true);
    expect(acceptsBrotli("gzip, br;q=0")).toBe(false);
    expect(acceptsBrotli("gzip")).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });

  it("compresses a file whole, keeping its type and caching headers only", async () => {
    const plain = Buffer.from("self.x=function(){return 1};".repeat(200));
    const asset = await compressAsset(
      {
        "content-type": "application/javascript",
        "cache-control": "public, max-age=31536000, immutable",
        "set-cookie": "x",
      },
      plain,
    );
    expect(brotliDecompressSync(asset.body)).toEqual(plain);
    expect(asset.body.length).toBeLessThan(plain.length / 10);
    expect(asset.headers).toEqual({
      "content-type": "application/javascript",
      "cache-control": "public, max-age=31536000, immutable",
    });
  });

  it("keeps within its bytes, the least recently used dropped first", () => {
    const store = new BrotliStore(100);
    const file = (n: number) => ({ headers: {}, body: Buffer.alloc(n) });
    store.set("/a", file(40));
    store.set("/b", file(40));
    store.get("/a");
    store.set("/c", file(40));
    expect([store.get("/a"), store.get("/b"), store.get("/c")].map(Boolean)).toEqual([true, false, true]);
    store.set("/big", file(101));
    expect(store.get("/big")).toBeUndefined();
  });
});

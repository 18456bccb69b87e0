import http from "node:http";
import { brotliDecompressSync, gzipSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { createGroup } from "@/server/verbs/groups/create-group";
import { cacheKeyOf } from "./page-cache";
import { PageStore } from "./page-store";
import { PageVersions } from "@/server/cache/page-versions";
import { treasurerApi } from "@/server/api/node-handler";
import { versionKeyOf } from "./change-signal";
import { startFront } from "./front-server";

/** A stand-in for Next: counts renders, echoes what it was sent. */
const seen: { url: string; method: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
let renders = 0;
const app = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    seen.push({ url: req.url!, method: req.method!, headers: req.headers, body });
    renders++;
    const html = `<html><head><script src="/_next/x.js"></script></head><body>render ${renders} of ${req.url} cookie=${req.headers.cookie ?? ""}<script>self.__next_f.push(1)</script></body></html>`;
    const headers: http.OutgoingHttpHeaders = {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `script-src 'nonce-n${renders}'`,
    };
    if (req.url!.includes("setcookie")) headers["set-cookie"] = "x=1";
    const [status, answer] = req.url!.startsWith("/kelompok/tidak-ada")
      ? [404, "tidak ada"]
      : req.url!.startsWith("/kelompok/kosong") // what Next sends for a page's notFound()
        ? [404, '<!DOCTYPE html><html id="__next_error__"><head></head><body></body></html>']
        : req.url === "/_kt/tidak-ditemukan" // what Next sends for an address no route matches
          ? [404, `<html><body><h1>Halaman tidak ditemukan</h1> cookie=${req.headers.cookie ?? ""}</body></html>`]
          : [200, html];
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"]))) {
      res.writeHead(status, { ...headers, "content-encoding": "gzip" });
      return res.end(gzipSync(answer));
    }
    res.writeHead(status, headers).end(answer);
  });
});

let t: Awaited<ReturnType<typeof tempDatabase>>;
let front: Awaited<ReturnType<typeof startFront>>;
let base = "";
beforeAll(async () => {
  t = await tempDatabase();
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
  const upstreamPort = (app.address() as { port: number }).port;
  front = await startFront({
    port: 0,
    host: "127.0.0.1",
    upstream: { host: "127.0.0.1", port: upstreamPort },
    databaseUrl: t.database.url,
    trustProxy: false,
    store: new PageStore(50, 1 << 20),
  });
  base = `http://127.0.0.1:${(front.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await front.close();
  app.close();
  t.cleanup();
});

async function get(path: string, headers: Record<string, string> = {}, at = base) {
  const r = await new Promise<http.IncomingMessage & { body: Buffer }>((resolve, reject) => {
    http
      // The path sent exactly as written (a URL string would be normalised by the client first).
      .get({ host: "127.0.0.1", port: new URL(at).port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(Object.assign(res, { body: Buffer.concat(chunks) })));
      })
      .on("error", reject);
  });
  const text = r.headers["content-encoding"] === "gzip" ? gunzipSync(r.body).toString() : r.body.toString();
  return { status: r.statusCode!, headers: r.headers, text };
}

describe("front server: public pages from memory, current on the next request after a write", () => {
  it("renders a public page once, then answers from memory with the same bytes and headers", async () => {
    const before = renders;
    const a = await get("/kelompok/ratu-damai");
    const b = await get("/kelompok/ratu-damai", { "accept-encoding": "gzip" });
    expect(renders - before).toBe(1);
    expect([a.headers["x-kt-cache"], b.headers["x-kt-cache"]]).toEqual(["miss", "hit"]);
    expect(b.text).toBe(a.text);
    expect(b.headers["content-encoding"]).toBe("gzip");
    expect(a.headers["content-encoding"]).toBeUndefined();
    expect(b.headers["content-security-policy"]).toBe(a.headers["content-security-policy"]); // the nonce that is in the stored HTML
    expect(b.headers["cache-control"]).toBe("private, no-cache");
  });

  it("answers /verifikasi afresh every time, without scripts: its cocok is the database's now, never a kept page", async () => {
    const url = "/verifikasi?kelompok=ratu-damai&no=28&segel=3BAB-6FF7-87E1";
    const before = renders;
    const a = await get(url);
    const b = await get(url);
    expect(renders - before).toBe(2);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.headers["x-kt-cache"], b.headers["x-kt-cache"]]).not.toContain("hit");
    expect(b.text).not.toMatch(/<script/);
  });

  it("a committed public change, by any connection, makes the very next request render afresh; a sign-in failure does not", async () => {
    const first = await get("/dampak");
    expect((await get("/dampak")).headers["x-kt-cache"]).toBe("hit");
    await t.database.write((tx) =>
      tx.run(sql`INSERT INTO throttle (key, window_start, failures) VALUES ('uji', 0, 1)`),
    );
    expect((await get("/dampak")).headers["x-kt-cache"]).toBe("hit");
    await createGroup(testContext(t.database), {
      slug: "golo-meni-dua",
      name: "KSM Golo Meni Dua",
      village: "Golo Meni",
      kecamatan: "Kota Komba",
      kabupaten: "Manggarai Timur",
      provinsi: "NTT",
      foundedOn: "2026-01-01",
    });
    const after = await get("/dampak");
    expect(after.headers["x-kt-cache"]).toBe("miss");
    expect(after.text).not.toBe(first.text);
    expect((await get("/dampak")).headers["x-kt-cache"]).toBe("hit");
  });

  it("a post to one group renders that group's pages afresh and leaves the other groups' pages in memory", async () => {
    const ctx = testContext(t.database);
    await seedGroup(ctx, "golo-meni", 3);
    await seedGroup(ctx, "mokel", 3);
    const urls = [
      "/kelompok/golo-meni",
      "/kelompok/golo-meni/buku-kas",
      "/api/open/groups/golo-meni.json",
      "/kelompok/mokel",
      "/api/open/groups/mokel/ledger.csv",
      "/dampak",
    ];
    for (const u of urls) await get(u);
    for (const u of urls) expect((await get(u)).headers["x-kt-cache"], u).toBe("hit");
    await recordContributions(ctx, {
      groupSlug: "golo-meni",
      date: "2026-11-28",
      idempotencyKey: key(),
      lines: [{ memberCode: "GO-001", amount: 1000 }],
    });
    const states = Object.fromEntries(
      await Promise.all(urls.map(async (u) => [u, (await get(u)).headers["x-kt-cache"]] as const)),
    );
    expect(states).toEqual({
      "/kelompok/golo-meni": "miss",
      "/kelompok/golo-meni/buku-kas": "miss",
      "/api/open/groups/golo-meni.json": "miss",
      "/kelompok/mokel": "hit",
      "/api/open/groups/mokel/ledger.csv": "hit",
      "/dampak": "miss", // portal-wide figures include every group
    });
  });

  it("the compare and method pages follow the terms only: a post leaves them in memory, a change of a group's terms does not", async () => {
    const ctx = testContext(t.database);
    await seedGroup(ctx, "lengko-ajang", 2);
    const urls = ["/bandingkan?kelompok=lengko-ajang&amount=700000", "/metodologi", "/api/open/compare?amount=700000"];
    for (const u of urls) await get(u);
    await recordContributions(ctx, {
      groupSlug: "lengko-ajang",
      date: "2026-11-27",
      idempotencyKey: key(),
      lines: [{ memberCode: "LE-001", amount: 1000 }],
    });
    expect((await get("/kelompok/lengko-ajang")).headers["x-kt-cache"]).toBe("miss");
    for (const u of urls) expect((await get(u)).headers["x-kt-cache"], u).toBe("hit");
    await t.database.write((tx) =>
      tx.run(sql`UPDATE ksm_groups SET loan_rate_bps_per_month = 150 WHERE slug = 'lengko-ajang'`),
    );
    for (const u of urls) expect((await get(u)).headers["x-kt-cache"], u).toBe("miss");
  });

  it("answers an unchanged page to a returning phone with 304 and no body", async () => {
    const a = await get("/metodologi");
    const b = await get("/metodologi", { "if-none-match": a.headers.etag! });
    expect(b.status).toBe(304);
    expect(b.text).toBe("");
    expect(b.headers.etag).toBe(a.headers.etag);
  });

  it("keeps one copy per language, and sends the app no cookie but the language", async () => {
    const before = renders;
    const id = await get("/bandingkan?amount=500000", {
      cookie: "bahasa=id; next-auth.csrf-token=abc",
      "x-forwarded-host": "evil.example",
    });
    expect(seen[seen.length - 1]!.headers["x-forwarded-host"]).toBeUndefined(); // a stored page never depends on a visitor's host
    const en = await get("/bandingkan?amount=500000", { cookie: "bahasa=en" });
    expect(renders - before).toBe(2);
    expect(id.text).toContain("cookie=bahasa=id<");
    expect(en.text).toContain("cookie=bahasa=en<");
    expect((await get("/bandingkan?amount=500000", { cookie: "bahasa=en" })).headers["x-kt-cache"]).toBe("hit");
  });

  it("never stores personal, private or failed answers", async () => {
    const before = renders;
    for (let i = 0; i < 2; i++) {
      await get("/kelompok/ratu-damai/buku-kas", { cookie: "next-auth.session-token=eyJ" }); // a signed-in treasurer
      await get("/anggota", {}); // the passbook
      await get("/admin", {});
      await get("/data?hal=setcookie"); // a response that sets a cookie
      await get("/kelompok/tidak-ada"); // 404
    }
    expect(renders - before).toBe(10);
    expect(cacheKeyOf({ method: "POST", url: "/" })).toBeNull();
    expect(cacheKeyOf({ method: "GET", url: "/api/trpc/admin.groups.mine" })).toBeNull();
    expect(
      cacheKeyOf({ method: "GET", url: "/kelompok/ratu-damai", cookie: "__Secure-next-auth.session-token=x" }),
    ).toBeNull();
    expect(cacheKeyOf({ method: "GET", url: "/kelompok/ratu-damai", cookie: "buku=tiket" })).toBeNull();
  });

  it("passes an unstored answer on as the client can read it", async () => {
    const plain = await get("/kelompok/tidak-ada");
    expect([plain.status, plain.headers["content-encoding"], plain.text]).toEqual([404, undefined, "tidak ada"]);
    const zipped = await get("/kelompok/tidak-ada", { "accept-encoding": "gzip" });
    expect([zipped.status, zipped.headers["content-encoding"], zipped.text]).toEqual([404, "gzip", "tidak ada"]);
  });

  it("renders once for a crowd arriving together", async () => {
    const before = renders;
    const pages = await Promise.all(Array.from({ length: 20 }, () => get("/kelompok/compang-dalo")));
    expect(renders - before).toBe(1);
    expect(new Set(pages.map((p) => p.text)).size).toBe(1);
  });

  it("passes everything else through, and tells the app the client's own address (a forged one is overwritten)", async () => {
    const r = await new Promise<number>((resolve) => {
      const req = http.request(
        `${base}/api/trpc/admin.contributions.record`,
        { method: "POST", headers: { "content-type": "application/json", "x-kt-client": "1.2.3.4", origin: base } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode!));
        },
      );
      req.end(JSON.stringify({ groupSlug: "ratu-damai" }));
    });
    expect(r).toBe(200);
    const last = seen[seen.length - 1]!;
    expect(last).toMatchObject({
      method: "POST",
      url: "/api/trpc/admin.contributions.record",
      body: JSON.stringify({ groupSlug: "ratu-damai" }),
    });
    expect(last.headers["x-kt-client"]).toBe("127.0.0.1");
    expect(last.headers.origin).toBe(base);
  });

  it("stores a page only under its canonical URL: a parameter the route does not read costs a redirect, not a render", async () => {
    const before = renders;
    const random = await get(`/api/open/groups/ratu-damai/ledger.json?x=${Math.random()}`);
    expect(random.status).toBe(301);
    expect(random.headers.location).toBe("/api/open/groups/ratu-damai/ledger.json");
    const mixed = await get("/?hal=2&utm=a&cari=golo");
    expect([mixed.status, mixed.headers.location]).toEqual([301, "/?cari=golo&hal=2"]);
    expect((await get("/bandingkan?kelompok=ratu-damai&amount=500000&months=4")).status).toBe(200);
    expect(renders - before).toBe(1);
  });

  it("sends every other spelling of a public page to its one canonical URL: never rendered, never stored", async () => {
    const canonicalPage = "/api/open/groups/ratu-damai/ledger.json";
    await get(canonicalPage); // stored
    const before = renders;
    const stored = front.store.size.entries;
    const spellings: [string, string][] = [
      ["/api/open/groups/ratu%2Ddamai/ledger.json", canonicalPage],
      ["/api/open/groups/ratu%2ddamai/ledger%2Ejson", canonicalPage],
      [`${canonicalPage}?&`, canonicalPage],
      [`${canonicalPage}?`, canonicalPage],
      ["/api/open/groups/./ratu-damai/ledger.json", canonicalPage],
      ["/api/open/groups/x/../ratu-damai/ledger.json", canonicalPage],
      ["/api/open//groups/ratu-damai/ledger.json/", canonicalPage],
      ["/kelompok/ratu%2Ddamai", "/kelompok/ratu-damai"],
      ["/kelompok/x/../ratu-damai?&", "/kelompok/ratu-damai"],
      [
        "/verifikasi?segel=3BAB-6FF7-87E1&no=28&kelompok=ratu-damai&",
        "/verifikasi?kelompok=ratu-damai&no=28&segel=3BAB-6FF7-87E1",
      ],
      ["/./anggota?gagal=1", "/anggota?gagal=1"],
      ["/kelompok/ratu-damai#isi", "/kelompok/ratu-damai"],
      ["/kelompok/RATU-DAMAI", "/kelompok/ratu-damai"], // typed from a notice board
    ];
    for (const [spelt, canonical] of spellings) {
      const r = await get(spelt, { cookie: "bahasa=en" });
      expect([r.status, r.headers.location, r.text], spelt).toEqual([301, canonical, ""]);
      const head = await new Promise<http.IncomingMessage>((resolve) =>
        http.request({ host: "127.0.0.1", port: new URL(base).port, path: spelt, method: "HEAD" }, resolve).end(),
      );
      expect([head.statusCode, head.headers.location], `HEAD ${spelt}`).toEqual([301, canonical]);
    }
    expect(renders - before).toBe(0); // the app never saw one of them
    expect(front.store.size.entries).toBe(stored);
    const followed = await get(canonicalPage);
    expect([followed.status, followed.headers["x-kt-cache"]]).toEqual([200, "hit"]);
    expect(followed.text).not.toContain("<script");
  });

  it("sends without a script any page Next answers at an address the route table does not know; the treasurer screens, Next's files and the APIs as they come", async () => {
    for (const path of ["/kelompok/ratu-damai/x", "/bahasa?ke=en&kembali=/", "/apa", "/masuk?gagal=1"]) {
      const r = await get(path);
      expect(r.text, path).toContain("render ");
      expect(r.text, path).not.toContain("<script");
      expect(r.headers["content-security-policy"], path).toMatch(/script-src 'none'$/);
    }
    for (const path of ["/admin/kas", "/_next/static/chunks/a.js", "/api/auth/session"])
      expect((await get(path)).text, path).toContain("<script");
  });

  it("keeps a group's pages in the store through 100 junk variants of its addresses", async () => {
    const small = await startFront({
      port: 0,
      host: "127.0.0.1",
      upstream: { host: "127.0.0.1", port: (app.address() as { port: number }).port },
      databaseUrl: t.database.url,
      trustProxy: false,
      store: new PageStore(20, 1 << 20),
    });
    const at = `http://127.0.0.1:${(small.server.address() as { port: number }).port}`;
    const status = async (path: string) => {
      const r = await get(path, {}, at);
      return { status: r.status, cache: r.headers["x-kt-cache"] };
    };
    try {
      const groupPages = [
        "/kelompok/ratu-damai",
        "/kelompok/ratu-damai/buku-kas",
        "/api/open/groups/ratu-damai.json",
        "/api/open/groups/ratu-damai/ledger.json",
        "/api/open/groups/ratu-damai/ledger.csv",
        "/api/open/groups/ratu-damai/checkpoints.json",
      ];
      for (const p of groupPages) expect(await status(p), p).toEqual({ status: 200, cache: "miss" });
      const junk = (i: number) =>
        [
          `/api/open/groups/ratu%2Ddamai/ledger.json?x=${i}`,
          `/kelompok/./ratu-damai?&${"&".repeat(i)}`,
          `/kelompok/x${i}/../ratu-damai`,
          `/?cari=junk-${i}`,
          `/verifikasi?kelompok=ratu-damai&no=${i}&segel=${i.toString(16).padStart(12, "0")}`,
          `/bandingkan?amount=${100_000 + i}`,
          `/dampak?hal=${i}`,
          `/kelompok/ratu-damai/x${i}`,
        ][i % 8]!;
      for (let i = 0; i < 100; i++) expect((await status(junk(i))).status, junk(i)).toBeOneOf([200, 301]);
      for (const p of groupPages) expect(await status(p), p).toEqual({ status: 200, cache: "hit" });
      expect(small.store.size.entries).toBeLessThanOrEqual(20);
    } finally {
      await small.close();
    }
  });

  it("answers Next's data requests for a public address with the stored document, and passes them on elsewhere", async () => {
    await get("/dampak"); // stored
    const before = renders;
    const byHeader = await get("/dampak", { rsc: "1", "next-router-state-tree": "x" });
    expect([byHeader.status, byHeader.headers["x-kt-cache"]]).toEqual([200, "hit"]);
    expect(byHeader.text).not.toContain("<script");
    const byParam = await get("/dampak?_rsc=abc", { rsc: "1" });
    expect([byParam.status, byParam.headers.location]).toEqual([301, "/dampak"]);
    const passbook = await get("/anggota", { rsc: "1", "next-router-state-tree": "x" });
    expect(seen.at(-1)?.headers.rsc).toBeUndefined(); // asked as a document
    expect(passbook.text).not.toContain("<script");
    await get("/admin", { rsc: "1" });
    expect(seen.at(-1)).toMatchObject({ url: "/admin", headers: { rsc: "1" } }); // the treasurer screens' own
    expect(renders - before).toBe(2);
    expect((await get("/dampak")).text).not.toContain("_rsc"); // the stored page is still the HTML one
  });

  it("serves an open-data file from the store whatever Next data-request header or parameter comes with it", async () => {
    const file = "/api/open/groups/golo-meni/ledger.json";
    await get(file);
    const before = renders;
    const byHeader = await get(file, { rsc: "1", "next-router-state-tree": "x" });
    expect([byHeader.status, byHeader.headers["x-kt-cache"]]).toEqual([200, "hit"]);
    const byParam = await get("/api/open/groups/golo%2Dmeni/ledger.json?_rsc=abc", { rsc: "1" });
    expect([byParam.status, byParam.headers.location]).toEqual([301, file]);
    expect(renders - before).toBe(0);
    await get("/api/open/groups/golo-meni/checkpoints.json", { rsc: "1" }); // rendered for the store
    expect(seen.at(-1)?.headers.rsc).toBeUndefined(); // a stored file never depends on it
  });

  it("answers a HEAD for a public page from the store, rendering it (as a GET) once at most", async () => {
    const head = (path: string) =>
      new Promise<http.IncomingMessage>((resolve) =>
        http.request({ host: "127.0.0.1", port: new URL(base).port, path, method: "HEAD" }, resolve).end(),
      );
    const before = renders;
    const heads = [await head("/kelompok/wae-lengger"), await head("/kelompok/wae-lengger")];
    expect(heads.map((h) => [h.statusCode, h.headers["x-kt-cache"]])).toEqual([
      [200, "miss"],
      [200, "hit"],
    ]);
    expect(seen.at(-1)?.method).toBe("GET");
    expect((await get("/kelompok/wae-lengger")).headers["x-kt-cache"]).toBe("hit");
    expect(renders - before).toBe(1);
  });

  it("refuses a public URL longer than any the portal writes, without a render", async () => {
    const before = renders;
    const long = await get(`/?cari=${"golo".repeat(130)}`);
    expect([long.status, long.text]).toEqual([414, "Permintaan terlalu besar. / Request too large.\n"]);
    expect((await get(`/masuk?gagal=${"1".repeat(600)}`)).status).toBe(200); // the treasurer screens as they were
    expect(renders - before).toBe(1);
  });

  it("refuses a body larger than its route takes with 413, before reading it whole or passing it on", async () => {
    const post = (path: string, body: Buffer, chunked: boolean) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          `${base}${path}`,
          {
            method: "POST",
            headers: { "content-type": "application/json", ...(chunked ? {} : { "content-length": body.length }) },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.on("error", reject);
        if (chunked) {
          // Sent in pieces with no length announced: refused once it passes the limit.
          for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
          req.end();
        } else req.end(body);
      }).catch(() => 413); // the server may close the connection while the client is still sending
    const seenBefore = seen.length;
    expect(await post("/api/trpc/admin.contributions.record", Buffer.alloc(600 * 1024, 32), false)).toBe(413);
    expect(await post("/masuk", Buffer.alloc(20 * 1024, 32), false)).toBe(413);
    expect(await post("/api/trpc/admin.contributions.record", Buffer.alloc(900 * 1024, 32), true)).toBe(413);
    expect(seen.slice(seenBefore).filter((r) => r.body.length > 512 * 1024)).toEqual([]);
    expect(await post("/api/trpc/admin.contributions.record", Buffer.alloc(100 * 1024, 32), false)).toBe(200);
  });

  it("answers a page's notFound() with the site's own 404 page drawn on the server, not Next's empty shell", async () => {
    const r = await get("/kelompok/kosong/laporan/1999-01", { cookie: "bahasa=en; other=1" });
    expect(r.status).toBe(404);
    expect(r.text).toContain("<h1>Halaman tidak ditemukan</h1>");
    expect(r.text).toContain("cookie=bahasa=en"); // in the visitor's language, and nothing else of hers
    expect(r.text).not.toContain("__next_error__");
  });

  it("sends Next's built scripts brotli-compressed to a browser that takes brotli (compressed once, then from memory); as Next sends them otherwise", async () => {
    const path = "/_next/static/chunks/brotli-a.js";
    const raw = (headers: Record<string, string>) =>
      new Promise<http.IncomingMessage & { body: Buffer }>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port: new URL(base).port, path, headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve(Object.assign(res, { body: Buffer.concat(chunks) })));
          })
          .on("error", reject);
      });
    const first = await raw({ "accept-encoding": "gzip, deflate, br" });
    expect(first.headers["content-encoding"]).toBe("br");
    expect(first.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(first.headers["content-length"])).toBe(first.body.length);
    const plain = brotliDecompressSync(first.body).toString();
    expect(plain).toContain(`of ${path}`);
    expect(seen.at(-1)?.headers["accept-encoding"]).toBe("identity"); // asked of the app uncompressed
    const rendersBefore = renders;
    const again = await raw({ "accept-encoding": "br" });
    expect(renders).toBe(rendersBefore); // kept: the app is not asked again
    expect(brotliDecompressSync(again.body).toString()).toBe(plain);
    for (const encoding of ["gzip", "br;q=0, gzip"]) {
      const gz = await get(path, { "accept-encoding": encoding });
      expect(gz.headers["content-encoding"], encoding).toBe("gzip"); // Next's own answer, passed on
    }
    expect(renders).toBe(rendersBefore + 2);
  });

  it("serves public pages without any script and with script-src 'none'; the treasurer screens keep theirs", async () => {
    for (const path of ["/kelompok/ratu-damai", "/anggota", "/dampak?hal=1"]) {
      const r = await get(path, { "accept-encoding": "gzip" });
      expect(r.text, path).toContain("render ");
      expect(r.text, path).not.toContain("<script");
      expect(r.headers["content-security-policy"], path).toMatch(/script-src 'none'$/);
    }
    const admin = await get("/admin");
    expect(admin.text).toContain("<script");
    expect(admin.headers["content-security-policy"]).not.toContain("script-src 'none'");
  });

  it("with its page cache off, still serves public pages without scripts and the site's own 404", async () => {
    const uncached = await startFront({
      port: 0,
      host: "127.0.0.1",
      upstream: { host: "127.0.0.1", port: (app.address() as { port: number }).port },
      databaseUrl: null,
      trustProxy: false,
    });
    try {
      const at = `http://127.0.0.1:${(uncached.server.address() as { port: number }).port}`;
      const page = await fetch(`${at}/kelompok/ratu-damai`);
      expect(await page.text()).not.toContain("<script");
      const missing = await fetch(`${at}/kelompok/kosong`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain("<h1>Halaman tidak ditemukan</h1>");
    } finally {
      await uncached.close();
    }
  });

  it("while the app is still starting, asks the visitor to wait without a line in the log; once it has answered, a refusal is logged", async () => {
    // An app that is not listening yet: a port taken and released, then listened on later.
    const later = http.createServer((_req, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<p>ok</p>"),
    );
    await new Promise<void>((r) => later.listen(0, "127.0.0.1", r));
    const port = (later.address() as { port: number }).port;
    await new Promise<void>((r) => later.close(() => r()));
    const starting = await startFront({
      port: 0,
      host: "127.0.0.1",
      upstream: { host: "127.0.0.1", port },
      databaseUrl: null,
      trustProxy: false,
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const at = `http://127.0.0.1:${(starting.server.address() as { port: number }).port}`;
      expect((await fetch(`${at}/`)).status).toBe(503);
      expect((await fetch(`${at}/masuk`)).status).toBe(503);
      expect(logged).not.toHaveBeenCalled();
      await new Promise<void>((r) => later.listen(port, "127.0.0.1", r));
      expect((await fetch(`${at}/`)).status).toBe(200);
      const closed = new Promise<void>((r) => later.close(() => r()));
      later.closeAllConnections();
      await closed;
      expect((await fetch(`${at}/masuk`)).status).toBe(503);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining("no answer from the app: ECONNREFUSED GET /masuk"));
    } finally {
      logged.mockRestore();
      await starting.close();
    }
  });

  it("keeps within its bounds", async () => {
    for (let i = 0; i < 80; i++) await get(`/bandingkan?amount=${100_000 + i}`);
    expect(front.store.size.entries).toBeLessThanOrEqual(50);
  });
});

describe("the data version of a request", () => {
  it("reads nothing but SQLite's change counter while nothing is committed, and moves at the next request after a commit elsewhere", async () => {
    const ctx = testContext(t.database);
    await seedGroup(ctx, "wae-rana", 1);
    await seedGroup(ctx, "lembor", 1);
    const versions = PageVersions.open(t.database.url);
    const at = (url: string, now: Date) =>
      versions.knownNow(versionKeyOf(url), now) ?? versions.of(versionKeyOf(url), now);
    const client = (versions as unknown as { client: { execute: (...a: unknown[]) => unknown } }).client;
    const now = new Date("2026-11-29T02:00:00Z");
    expect(versions.knownNow(versionKeyOf("/kelompok/wae-rana"), now)).toBeNull(); // not read yet
    const before = await at("/kelompok/wae-rana", now);
    const other = await at("/kelompok/lembor", now);
    const execute = vi.spyOn(client, "execute");
    // Known at once: no query, no waiting.
    expect(versions.knownNow(versionKeyOf("/kelompok/wae-rana"), now)).toBe(before);
    expect(versions.knownNow(versionKeyOf("/kelompok/lembor/buku-kas"), now)).toBe(other);
    expect(execute).not.toHaveBeenCalled();
    await recordContributions(ctx, {
      groupSlug: "wae-rana",
      date: "2026-11-28",
      idempotencyKey: key(),
      lines: [{ memberCode: "WA-001", amount: 1000 }],
    });
    expect(versions.knownNow(versionKeyOf("/kelompok/wae-rana"), now)).toBeNull(); // moved: read again
    expect(await at("/kelompok/wae-rana", now)).not.toBe(before);
    expect(await at("/kelompok/lembor", now)).toBe(other);
    // The business dates move at the zone's midnight (16:00 UTC in WITA), not at the next commit.
    expect(await at("/kelompok/lembor", new Date("2026-11-29T16:00:00Z"))).toMatch(/2026-11-30$/);
    versions.close();
  });

  it("on a shared remote database (several servers), reads the public version each request and moves at the next one after a commit elsewhere", async () => {
    const ctx = testContext(t.database);
    // The remote change signal, tried on the file: the same tables, read as a remote server would be.
    const versions = PageVersions.open(t.database.url, { changeSignal: "public_version" });
    const now = new Date("2026-11-29T02:00:00Z");
    const before = await versions.of({ of: "group", slug: "wae-rana" }, now);
    const other = await versions.of({ of: "group", slug: "lembor" }, now);
    expect(await versions.of({ of: "group", slug: "wae-rana" }, now)).toBe(before);
    await recordContributions(ctx, {
      groupSlug: "wae-rana",
      date: "2026-11-28",
      idempotencyKey: key(),
      lines: [{ memberCode: "WA-001", amount: 1000, kind: "voluntary" }],
    });
    expect(await versions.of({ of: "group", slug: "wae-rana" }, now)).not.toBe(before);
    expect(await versions.of({ of: "group", slug: "lembor" }, now)).toBe(other);
    versions.close();
  });

  it("on a remote database asks at most once per interval, and sees a commit elsewhere once it has passed", async () => {
    const ctx = testContext(t.database);
    const versions = PageVersions.open(t.database.url, { changeSignal: "public_version", pollMs: 500 });
    const client = (versions as unknown as { client: { execute: (...a: unknown[]) => unknown } }).client;
    const at = (ms: number) => new Date(Date.parse("2026-11-29T02:00:00Z") + ms);
    const before = await versions.of({ of: "group", slug: "wae-rana" }, at(0));
    await recordContributions(ctx, {
      groupSlug: "wae-rana",
      date: "2026-11-28",
      idempotencyKey: key(),
      lines: [{ memberCode: "WA-001", amount: 1000, kind: "voluntary" }],
    });
    const execute = vi.spyOn(client, "execute");
    expect(await versions.of({ of: "group", slug: "wae-rana" }, at(100))).toBe(before); // within the interval
    expect(await versions.of({ of: "group", slug: "wae-rana" }, at(499))).toBe(before);
    expect(execute).not.toHaveBeenCalled();
    expect(await versions.of({ of: "group", slug: "wae-rana" }, at(500))).not.toBe(before);
    versions.close();
  });
});

describe("the treasurers' API served by the front server itself", () => {
  it("answers /api/trpc without Next, refuses an anonymous call and a body over the limit, and passes the rest on", async () => {
    const api = await startFront({
      port: 0,
      host: "127.0.0.1",
      upstream: { host: "127.0.0.1", port: (app.address() as { port: number }).port },
      databaseUrl: t.database.url,
      trustProxy: false,
      api: treasurerApi(t.database, 64 * 1024),
    });
    const url = `http://127.0.0.1:${(api.server.address() as { port: number }).port}`;
    try {
      const before = seen.length;
      const anonymous = await fetch(`${url}/api/trpc/admin.groups.mine`);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: { message: string } }).error.message).toBe("signin_required");
      const big = await fetch(`${url}/api/trpc/admin.contributions.record`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: url },
        body: "x".repeat(600 * 1024),
      });
      expect(big.status).toBe(413);
      expect(seen.length).toBe(before); // Next never saw either
      await fetch(`${url}/masuk`);
      expect(seen.at(-1)?.url).toBe("/masuk"); // everything else still goes to Next
    } finally {
      await api.close();
    }
  });
});

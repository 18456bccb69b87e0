import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalUrl, cacheKeyOf } from "./page-cache";
import { canonicalFormOf, keepsScripts } from "./canonical";
import { versionKeyOf } from "./change-signal";
import { PUBLIC_ROUTES, routeOf } from "./routes";

describe("one canonical URL per public resource", () => {
  it.each([
    ["/api/open/groups/ratu%2Ddamai/ledger.json", "/api/open/groups/ratu-damai/ledger.json"],
    ["/api/open/groups/ratu%2ddamai/ledger.json", "/api/open/groups/ratu-damai/ledger.json"],
    ["/api/open/groups/%72%61tu-damai/ledger%2Ejson", "/api/open/groups/ratu-damai/ledger.json"],
    ["/kelompok/ratu-damai?&", "/kelompok/ratu-damai"],
    ["/kelompok/ratu-damai?", "/kelompok/ratu-damai"],
    ["/kelompok/./ratu-damai", "/kelompok/ratu-damai"],
    ["/kelompok/x/../ratu-damai", "/kelompok/ratu-damai"],
    ["/kelompok/ratu-damai/buku-kas/%2E%2E", "/kelompok/ratu-damai"],
    ["/admin/../kelompok/ratu-damai", "/kelompok/ratu-damai"],
    ["//kelompok//ratu-damai/", "/kelompok/ratu-damai"],
    ["/kelompok\\ratu-damai", "/kelompok/ratu-damai"],
    ["/../../kelompok/ratu-damai", "/kelompok/ratu-damai"],
    ["/api/open/groups/ratu-damai/ledger.json?x=1&&y=", "/api/open/groups/ratu-damai/ledger.json"],
    ["/?hal=2&utm=a&cari=golo", "/?cari=golo&hal=2"],
    ["/?cari=&hal=", "/"],
    ["/?cari=golo%20meni", "/?cari=golo+meni"],
    ["/data?hal=2&hal=", "/data?hal=2"],
    [
      "/verifikasi?segel=3BAB-6FF7-87E1&no=28&kelompok=ratu-damai",
      "/verifikasi?kelompok=ratu-damai&no=28&segel=3BAB-6FF7-87E1",
    ],
    [
      "/bandingkan?months=4&amount=1.000.000&ksmRatePct=&kelompok=mokel",
      "/bandingkan?kelompok=mokel&amount=1.000.000&months=4",
    ],
    ["/kelompok/ratu-damai/buku-kas?no=%31%32", "/kelompok/ratu-damai/buku-kas?no=12"],
    // The month picker's answer; the old pager's `sebelum` is read no more.
    [
      "/kelompok/ratu-damai/buku-kas?no=12&bulan=2026-10&sebelum=3",
      "/kelompok/ratu-damai/buku-kas?bulan=2026-10&no=12",
    ],
    ["/./anggota?gagal=1&detik=30", "/anggota?gagal=1&detik=30"],
    ["http://evil.example/kelompok/ratu-damai?x=1", "/kelompok/ratu-damai"],
    ["/kelompok/ratu-damai#x", "/kelompok/ratu-damai"],
    // Typed from a notice board in capitals.
    ["/kelompok/RATU-DAMAI", "/kelompok/ratu-damai"],
    ["/kelompok/Ratu-Damai/laporan/2026-11", "/kelompok/ratu-damai/laporan/2026-11"],
    ["/?cari=golo#kelompok", "/?cari=golo"],
  ])("%s → %s", (spelt, canonical) => {
    expect(canonicalUrl(spelt)).toBe(canonical);
    expect(canonicalUrl(canonical)).toBeNull();
    expect(cacheKeyOf({ method: "GET", url: spelt })).toBeNull(); // never stored under another spelling
  });

  it("leaves the canonical form of every page its own forms and links write as it is", () => {
    for (const url of [
      "/",
      "/?cari=golo+meni&hal=2",
      "/dampak?hal=2",
      "/verifikasi?kelompok=ratu-damai&no=28&segel=3BAB-6FF7-87E1",
      "/bandingkan?kelompok=ratu-damai",
      "/bandingkan?amount=1.000.000&months=4&ksmRatePct=2&ksmMethod=flat&ijonRatio=2&rentenirRatePct=10&rentenirMethod=flat&rentenirPeriod=month&rentenirPeriods=4&kurRatePct=6",
      "/api/open/compare?amount=1000000&months=4",
      "/kelompok/ratu-damai/buku-kas?bulan=2026-10",
      "/kelompok/ratu-damai/buku-kas?no=12",
      "/kelompok/ratu-damai/laporan/2026-10",
      "/kelompok/ratu-damai/tahun/2025",
      "/api/open/groups.json",
      "/api/open/groups/ratu-damai.json",
      "/api/open/groups/ratu-damai/ledger.csv",
      "/api/open/groups/ratu-damai/checkpoints.json",
      "/anggota?gagal=1&detik=30",
      "/anggota",
    ])
      expect(canonicalUrl(url), url).toBeNull();
  });

  it("touches nothing but the public routes: the admin app, the APIs, Next's files, the sign-in and the language switch", () => {
    for (const url of [
      "/admin",
      "/admin/./x?&",
      "/masuk?gagal=1&&detik=3",
      "/api/trpc/admin.groups.mine?batch=1&input=%7B%7D",
      "/api/auth/session?",
      "/api/auth/callback/credentials?x=1",
      "/_next/static/chunks/a%2Db.js?v=1",
      "/bahasa?ke=en&kembali=/kelompok/ratu-damai",
      "/kelompok/ratu-damai/x",
      "/kelompok/ratu%2Fdamai",
      "/api/open/groups/ratu-damai/x.json",
      "*",
    ]) {
      expect(canonicalUrl(url), url).toBeNull();
      expect(cacheKeyOf({ method: "GET", url }), url).toBeNull();
    }
  });

  it("the canonical form of any spelling is canonical itself, and the same route's", () => {
    const segment = fc.constantFrom(
      "",
      ".",
      "..",
      "kelompok",
      "ratu-damai",
      "%2D",
      "r%61tu-damai",
      "buku-kas",
      "x",
      "api",
      "open",
      "groups",
      "ledger.json",
      "%2e",
      "data",
    );
    const param = fc.constantFrom(
      "hal",
      "cari",
      "bulan",
      "sebelum",
      "kelompok",
      "no",
      "segel",
      "amount",
      "utm",
      "_x",
      "",
    );
    const value = fc.constantFrom("", "1", "golo meni", "a%20b", "a+b", "%zz", "%2D", "é", "1.000");
    const url = fc
      .tuple(fc.array(segment, { maxLength: 6 }), fc.option(fc.array(fc.tuple(param, value), { maxLength: 5 })))
      .map(
        ([segments, query]) =>
          `/${segments.join("/")}${query ? `?${query.map(([k, v]) => `${k}=${v}`).join("&")}` : ""}`,
      );
    fc.assert(
      fc.property(url, (u) => {
        const c = canonicalFormOf(u);
        if (!c) return;
        expect(canonicalUrl(c.url)).toBeNull();
        expect(canonicalFormOf(c.url)?.route).toBe(c.route);
        const [path, query] = c.url.split("?");
        expect(path).not.toMatch(/%|\/\/|\/\.{1,2}(?:\/|$)/);
        if (c.route.params) expect(query ?? "x").not.toMatch(/^$|&&|=&|=$/);
      }),
      { numRuns: 500 },
    );
  });

  it("follows the right version: a group's own pages its version, the calculator the terms, the rest the portal's", () => {
    expect(versionKeyOf("/kelompok/mokel/laporan/2026-01")).toEqual({ of: "group", slug: "mokel" });
    expect(versionKeyOf("/api/open/groups/mokel.json")).toEqual({ of: "group", slug: "mokel" });
    expect(versionKeyOf("/api/open/groups/mokel/ledger.csv")).toEqual({ of: "group", slug: "mokel" });
    // The monthly report's PDF: stored under the group's version (a post to the group renders it afresh).
    expect(versionKeyOf("/kelompok/mokel/laporan/2026-01.pdf")).toEqual({ of: "group", slug: "mokel" });
    expect(cacheKeyOf({ method: "GET", url: "/kelompok/mokel/laporan/2026-01.pdf" })).toBe(
      "id /kelompok/mokel/laporan/2026-01.pdf",
    );
    // The year report's PDF likewise; a year is four digits, as on the page.
    expect(versionKeyOf("/kelompok/mokel/tahun/2025.pdf")).toEqual({ of: "group", slug: "mokel" });
    expect(cacheKeyOf({ method: "GET", url: "/kelompok/mokel/tahun/2025.pdf" })).toBe(
      "id /kelompok/mokel/tahun/2025.pdf",
    );
    expect(routeOf("/kelompok/mokel/tahun/25.pdf")).toBeNull();
    expect(versionKeyOf("/bandingkan?kelompok=mokel")).toEqual({ of: "terms" });
    expect(versionKeyOf("/metodologi")).toEqual({ of: "terms" });
    expect(versionKeyOf("/api/open/groups.json")).toEqual({ of: "global" });
    expect(versionKeyOf("/verifikasi?kelompok=mokel&no=1&segel=a")).toEqual({ of: "global" });
  });

  it("never stores /verifikasi: its answer comes from the database as it is now (an outside edit raises no version)", () => {
    const url = "/verifikasi?kelompok=ratu-damai&no=28&segel=3BAB-6FF7-87E1";
    expect(canonicalUrl(url)).toBeNull(); // canonical, answered (no redirect)…
    expect(cacheKeyOf({ method: "GET", url })).toBeNull(); // …but never from the store
    expect(cacheKeyOf({ method: "HEAD", url: "/verifikasi" })).toBeNull();
    expect(keepsScripts(url)).toBe(false); // and still without scripts
    expect(cacheKeyOf({ method: "GET", url: "/kelompok/ratu-damai" })).not.toBeNull(); // the stored pages stay stored
  });

  it("keeps scripts only on the treasurer screens, Next's files and the APIs (not on the sign-in page)", () => {
    for (const url of ["/admin", "/admin/kas?x=1", "/_next/static/a.js", "/api/trpc/x", "/api/auth/session"])
      expect(keepsScripts(url), url).toBe(true);
    for (const url of [
      "/",
      "/kelompok/ratu-damai",
      "/kelompok/ratu-damai/x",
      "/anggota?gagal=1",
      "/masuk",
      "/masuk?gagal=1&detik=3",
      "/_kt/tidak-ditemukan",
      "/adminx",
      "/bahasa?ke=en",
      "/api/open/groups.json",
      "http://h/admin/../kelompok/x",
    ])
      expect(keepsScripts(url), url).toBe(false);
  });
});

describe("the route table and app/ agree", () => {
  const ROOT = path.resolve(__dirname, "../..");
  /** Files under app/ that answer an address: pages and route handlers. */
  const answering = readdirSync(path.join(ROOT, "app"), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /^(page\.tsx|route\.ts)$/.test(d.name))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)));
  /** Addresses in app/ that are not public routes, and why. */
  const NOT_PUBLIC: Record<string, string> = {
    "app/admin/": "the treasurer screens: scripted, signed in, never stored",
    "app/api/trpc/": "the treasurers' API",
    "app/api/auth/": "next-auth's sign-in API",
    "app/masuk/page.tsx": "the sign-in page: never stored; without scripts as any page outside /admin",
    "app/bahasa/route.ts": "the language switch: a redirect with a cookie, never stored",
  };
  /** The address a file under app/ answers, dynamic segments as `[name]`. */
  const addressOf = (file: string) => `/${path.dirname(file).replace(/^app\/?/, "")}`.replace(/\/$/, "") || "/";
  /** An address of the folder with sample values: what a row's pattern must take. */
  const sample = (template: string) =>
    template
      .replace("[slug]", "ratu-damai")
      .replace("[bulan]", "2026-11")
      .replace("[tahun]", "2025")
      .replace(/^\/api\/open\/groups\/ratu-damai$/, "/api/open/groups/ratu-damai.json");
  /** Next's rewrites (next.config.js): a report's PDF address → its route handler's folder, both with sample values. */
  const rewrites = new Map(
    [
      ...readFileSync(path.join(ROOT, "next.config.js"), "utf8").matchAll(
        /source: "([^"]+)",\s*destination: "([^"]+)"/g,
      ),
    ].map((m) => [m[2]!.replace(/:([a-z]+)/g, "[$1]"), sample(m[1]!.replace(/:([a-z]+)(\([^)]*\))?/g, "[$1]"))]),
  );

  it("finds the files (the checks below are not vacuous)", () => {
    expect(answering).toContain("app/kelompok/[slug]/page.tsx");
    expect(answering.length).toBeGreaterThan(20);
    expect(rewrites.get("/api/open/groups/[slug]/laporan/[bulan]")).toBe("/kelompok/ratu-damai/laporan/2026-11.pdf");
  });

  it("every public page or open-data file under app/ has its row", () => {
    const rowless = answering.filter(
      (f) => !Object.keys(NOT_PUBLIC).some((p) => f.startsWith(p)) && !PUBLIC_ROUTES.some((route) => route.app === f),
    );
    expect(rowless).toEqual([]);
  });

  it("every row has its file under app/, which answers the row's addresses", () => {
    for (const route of PUBLIC_ROUTES) {
      expect(answering, route.path.source).toContain(route.app);
      // A file reached through a rewrite (next.config.js) answers the rewrite's public address.
      const address = rewrites.get(addressOf(route.app)) ?? sample(addressOf(route.app));
      expect(routeOf(address)?.route, `${route.app} ← ${address}`).toBe(route);
    }
  });

  it("stores exactly the public pages and open data, and sends every public route without scripts", () => {
    for (const route of PUBLIC_ROUTES) {
      expect(route.cacheable, route.app).toBe(route.kind === "page" || route.kind === "data");
      expect(route.scriptFree, route.app).toBe(true);
    }
  });
});

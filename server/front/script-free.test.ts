import { describe, expect, it } from "vitest";
import { isScriptFreePage, scriptFreeCsp, stripScripts } from "./script-free";

describe("script-free public pages", () => {
  it("removes every script, script preload and module preload, and nothing else", () => {
    const html =
      '<html><head><link rel="preload" as="script" fetchPriority="low" href="/a.js"/><link rel="stylesheet" href="/s.css"/>' +
      '<link rel="modulepreload" href="/m.js"><script src="/b.js" async=""></script></head><body><p>Kas Rp 1.000</p>' +
      '<script nonce="n">self.__next_f.push([1,"<p>x</p>"])</script><SCRIPT>alert(1)</SCRIPT ><svg><rect/></svg></body></html>';
    expect(stripScripts(html)).toBe(
      '<html><head><link rel="stylesheet" href="/s.css"/></head><body><p>Kas Rp 1.000</p><svg><rect/></svg></body></html>',
    );
  });

  it("says script-src 'none' in the CSP and keeps the rest", () => {
    expect(
      scriptFreeCsp("default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; frame-ancestors 'none'"),
    ).toBe("default-src 'self'; frame-ancestors 'none'; script-src 'none'");
  });

  it("applies to public pages and the sign-in page, never to the treasurer screens or data files", () => {
    expect(isScriptFreePage("/kelompok/ratu-damai", "text/html; charset=utf-8")).toBe(true);
    expect(isScriptFreePage("/anggota?gagal=1", "text/html")).toBe(true);
    expect(isScriptFreePage("/admin", "text/html")).toBe(false);
    expect(isScriptFreePage("/masuk", "text/html")).toBe(true); // the sign-in form works without JavaScript
    expect(isScriptFreePage("/api/open/groups.json", "application/json")).toBe(false);
  });
});

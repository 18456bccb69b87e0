import { afterEach, describe, expect, it, vi } from "vitest";
import { api, signOut, touchSession } from "./client";

afterEach(() => vi.unstubAllGlobals());

/**
 * The service worker keeps one answer per address. A read asked for together with others (the
 * warm-up's, a tab's first load) must still go to its own address, the one a tab asks for it by
 * with no signal: reads are never batched.
 */
it("reads asked for together each go to their own address, as a tab asks for them alone", async () => {
  const urls: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      urls.push(url);
      const body = url.includes("batch=1")
        ? [{ result: { data: [] } }, { result: { data: [] } }]
        : { result: { data: [] } };
      return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
    }),
  );
  await Promise.allSettled([
    api.admin.members.list.query({ groupSlug: "ratu-damai" }),
    api.admin.loans.open.query({ groupSlug: "ratu-damai" }),
  ]);
  const alone = `/api/trpc/admin.members.list?input=${encodeURIComponent(JSON.stringify({ groupSlug: "ratu-damai" }))}`;
  expect(urls).toHaveLength(2);
  expect(urls).toContain(alone);
  expect(urls.every((u) => !u.includes("batch=1") && !decodeURIComponent(u).includes(","))).toBe(true);
});

describe("signing out and keeping the session alive without next-auth's client", () => {
  it("signs out as next-auth's client did: its CSRF token posted to /api/auth/signout, then to where it says", async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify(url.endsWith("/csrf") ? { csrfToken: "tok-1" } : { url: "/masuk" }));
    });
    const location = { href: "/admin" };
    vi.stubGlobal("window", { location });
    await signOut({ callbackUrl: "/masuk" });
    expect(calls.map((c) => c.url)).toEqual(["/api/auth/csrf", "/api/auth/signout"]);
    expect(calls[1]!.init?.method).toBe("POST");
    expect(Object.fromEntries(new URLSearchParams(String(calls[1]!.init?.body)))).toEqual({
      csrfToken: "tok-1",
      callbackUrl: "/masuk",
      json: "true",
    });
    expect(location.href).toBe("/masuk");
  });

  it("reads the session on activity (next-auth refreshes its last-active time when it is read)", async () => {
    const urls: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      urls.push(url);
      return new Response("{}");
    });
    touchSession();
    expect(urls).toEqual(["/api/auth/session"]);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { signOut, touchSession } from "./client";

afterEach(() => vi.unstubAllGlobals());

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

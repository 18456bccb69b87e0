import { afterEach, describe, expect, it, vi } from "vitest";
import { initTRPC, TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { api, explain, noAnswer, signOut, TRPCClientError, touchSession } from "./client";

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
  it("signs out as next-auth's client did (its CSRF token posted to /api/auth/signout), then to our own page on this host", async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      // next-auth answers with an absolute URL of NEXTAUTH_URL's host, or localhost when it is unset.
      return new Response(
        JSON.stringify(url.endsWith("/csrf") ? { csrfToken: "tok-1" } : { url: "http://localhost:3000/masuk" }),
      );
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

describe("the API client speaks tRPC's wire format (checked against tRPC's own server)", () => {
  const t = initTRPC.create({
    errorFormatter: ({ shape, error }) => ({
      ...shape,
      // As the app's router shapes a domain error (server/api/trpc.ts): its code, field and parameters.
      data: { ...shape.data, domain: { code: error.message, field: "groupSlug", params: {} } },
    }),
  });
  const router = t.router({
    admin: t.router({
      members: t.router({
        list: t.procedure.input((v) => v as { groupSlug: string }).query(({ input }) => [input.groupSlug, "x"]),
      }),
      cash: t.router({
        onHand: t.procedure
          .input((v) => v as { groupSlug: string })
          .query(() => {
            throw new TRPCError({ code: "BAD_REQUEST", message: "not_allowed" });
          }),
      }),
      contributions: t.router({
        record: t.procedure.input((v) => v as { n: number }).mutation(({ input }) => ({ recorded: input.n + 1 })),
      }),
    }),
  });
  const seen: { method: string; url: string }[] = [];
  const server = async (url: string, init?: RequestInit) => {
    const req = new Request(new URL(url, "http://kas.test"), init);
    seen.push({ method: req.method, url: String(url) });
    return fetchRequestHandler({ endpoint: "/api/trpc", req, router, createContext: () => ({}) });
  };
  // The client is typed by the app's router; these calls go to the small router above by the same paths.
  const untyped = api as unknown as {
    admin: Record<
      string,
      Record<string, { query: (i: unknown) => Promise<unknown>; mutate: (i: unknown) => Promise<unknown> }>
    >;
  };

  it("a read is a GET to its own address and gives the procedure's answer", async () => {
    vi.stubGlobal("fetch", server);
    expect(await untyped.admin.members!.list!.query({ groupSlug: "ratu-damai" })).toEqual(["ratu-damai", "x"]);
    expect(seen.at(-1)).toEqual({
      method: "GET",
      url: `/api/trpc/admin.members.list?input=${encodeURIComponent(JSON.stringify({ groupSlug: "ratu-damai" }))}`,
    });
  });

  it("a write is a POST of its input and gives the procedure's answer", async () => {
    vi.stubGlobal("fetch", server);
    expect(await untyped.admin.contributions!.record!.mutate({ n: 41 })).toEqual({ recorded: 42 });
    expect(seen.at(-1)).toEqual({ method: "POST", url: "/api/trpc/admin.contributions.record" });
  });

  it("a refusal carries the server's error data (its domain error): answered, explained in her language", async () => {
    vi.stubGlobal("fetch", server);
    const e = await untyped.admin.cash!.onHand!.query({ groupSlug: "x" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TRPCClientError);
    expect(noAnswer(e)).toBe(false);
    expect(explain(e, "id")).toMatchObject({ field: "groupSlug", code: "not_allowed" });
  });

  it("no answer (no signal) and an answer that is not the API's (a 503 page) are both 'no answer': sent again later", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    const offline = await untyped.admin.members!.list!.query({ groupSlug: "x" }).catch((x: unknown) => x);
    expect(offline).toBeInstanceOf(TRPCClientError);
    expect(noAnswer(offline)).toBe(true);
    vi.stubGlobal("fetch", async () => new Response("Server sibuk", { status: 503 }));
    expect(noAnswer(await untyped.admin.members!.list!.query({ groupSlug: "x" }).catch((x: unknown) => x))).toBe(true);
  });
});

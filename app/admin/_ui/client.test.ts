import { afterEach, expect, it, vi } from "vitest";
import { api } from "./client";

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

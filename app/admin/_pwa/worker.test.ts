import { describe, expect, it, vi } from "vitest";
import { ADMIN_MANIFEST } from "./manifest";
import { CACHES, SYNCED_HEADER } from "./names";
import { policyOf, workerSource } from "./worker";

const ORIGIN = "http://127.0.0.1:3261";
const at = (path: string) => `${ORIGIN}${path}`;

describe("what the service worker keeps", () => {
  it("answers /admin and only /admin as the shell; never a public page, the passbook or sign-in", () => {
    expect(policyOf(at("/admin"), "GET", "navigate", ORIGIN)).toBe("shell");
    expect(policyOf(at("/admin?x=1"), "GET", "navigate", ORIGIN)).toBe("shell");
    for (const path of ["/", "/kelompok/ratu-damai", "/anggota", "/masuk", "/admin/contoh-buku", "/administrasi"])
      expect(policyOf(at(path), "GET", "navigate", ORIGIN)).toBeNull();
  });

  it("keeps Next's static files, the manifest and icons", () => {
    expect(policyOf(at("/_next/static/chunks/app-1a2b.js"), "GET", "no-cors", ORIGIN)).toBe("static");
    expect(policyOf(at("/admin/manifest.webmanifest"), "GET", "cors", ORIGIN)).toBe("static");
    expect(policyOf(at("/admin/icon-192.png"), "GET", "no-cors", ORIGIN)).toBe("static");
    expect(policyOf(at("/_next/image?url=x"), "GET", "no-cors", ORIGIN)).toBeNull();
  });

  it("keeps read answers of the admin API only: never a write, an auth answer or another origin", () => {
    const batch = `/api/trpc/${encodeURIComponent("admin.members.list,admin.cash.onHand")}?batch=1&input=%7B%7D`;
    expect(policyOf(at(batch), "GET", "cors", ORIGIN)).toBe("data");
    expect(policyOf(at("/api/trpc/admin.members.list,admin.cash.onHand?batch=1"), "GET", "cors", ORIGIN)).toBe("data");
    expect(policyOf(at("/api/trpc/admin.members.add?batch=1"), "POST", "cors", ORIGIN)).toBeNull();
    expect(policyOf(at("/api/trpc/admin.members.list,public.groups?batch=1"), "GET", "cors", ORIGIN)).toBeNull();
    expect(policyOf(at("/api/auth/session"), "GET", "cors", ORIGIN)).toBeNull();
    expect(policyOf(at("/api/auth/csrf"), "GET", "cors", ORIGIN)).toBeNull();
    expect(policyOf("http://elsewhere.example/api/trpc/admin.members.list", "GET", "cors", ORIGIN)).toBeNull();
    expect(policyOf("not a url", "GET", "cors", ORIGIN)).toBeNull();
  });
});

/** The worker as the phone runs it (its served source), in a fake service-worker global with a fake network. */
function runWorker(network: (url: string, init?: RequestInit) => Promise<Response>) {
  const listeners = new Map<string, (e: unknown) => void>();
  const stores = new Map<string, Map<string, Response>>();
  const keyOf = (r: Request | string) => (typeof r === "string" ? new URL(r, ORIGIN).href : r.url);
  const fakeCaches = {
    open: async (name: string) => {
      const store = stores.get(name) ?? new Map<string, Response>();
      stores.set(name, store);
      return {
        match: async (r: Request | string) => store.get(keyOf(r))?.clone(),
        put: async (r: Request | string, res: Response) => void store.set(keyOf(r), res),
      };
    },
    delete: async (name: string) => stores.delete(name),
  };
  const self = {
    addEventListener: (type: string, f: (e: unknown) => void) => listeners.set(type, f),
    location: { origin: ORIGIN },
    skipWaiting: vi.fn(),
    clients: { claim: vi.fn(async () => {}) },
  };
  const fakeFetch = (r: Request | string, init?: RequestInit) => network(keyOf(r), init);
  new Function("self", "caches", "fetch", workerSource())(self, fakeCaches, fakeFetch);
  const waitFor = async (type: string, extra: object) => {
    const waits: Promise<unknown>[] = [];
    listeners.get(type)!({ ...extra, waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
  };
  /** A fetch through the worker: its answer, or null when it leaves the request to the browser. */
  const request = async (path: string, init: { method?: string; mode?: string } = {}) => {
    let answer: Promise<Response> | null = null;
    const req = { url: at(path), method: init.method ?? "GET", mode: init.mode ?? "cors" };
    listeners.get("fetch")!({ request: req, respondWith: (p: Promise<Response>) => (answer = p) });
    return answer ? await (answer as Promise<Response>) : null;
  };
  return { self, stores, request, waitFor };
}

const offline = () => Promise.reject(new TypeError("Failed to fetch"));

describe("the service worker", () => {
  it("answers the admin API from the last kept answer when there is no signal, stamped with when it was fetched", async () => {
    let up = true;
    const w = runWorker((url) => (up ? Promise.resolve(new Response(`{"from":"${url}"}`)) : offline()));
    const path = "/api/trpc/admin.members.list?batch=1&input=%7B%7D";
    const fresh = await w.request(path);
    expect(fresh!.headers.get(SYNCED_HEADER)).toBeNull(); // the server's own answer says nothing
    up = false;
    const kept = await w.request(path);
    expect(await kept!.json()).toEqual({ from: at(path) });
    expect(Date.parse(kept!.headers.get(SYNCED_HEADER)!)).toBeLessThanOrEqual(Date.now());
    // Never kept: another procedure's answer is not made up.
    expect((await w.request("/api/trpc/admin.loans.list?batch=1"))!.type).toBe("error");
  });

  it("leaves public pages, sign-in and writes to the browser: it never answers them", async () => {
    const network = vi.fn(async () => new Response("x"));
    const w = runWorker(network);
    expect(await w.request("/", { mode: "navigate" })).toBeNull();
    expect(await w.request("/masuk", { mode: "navigate" })).toBeNull();
    expect(await w.request("/api/auth/session")).toBeNull();
    expect(await w.request("/api/trpc/admin.cash.expense?batch=1", { method: "POST" })).toBeNull();
    expect(network).not.toHaveBeenCalled();
  });

  it("opens /admin from the kept page with no signal, and drops what it kept once the server says signed out", async () => {
    let answer: () => Promise<Response> = async () => new Response("<html>shell</html>", { status: 200 });
    const w = runWorker(() => answer());
    await w.request("/admin", { mode: "navigate" });
    await w.request("/api/trpc/admin.members.list?batch=1");
    answer = offline;
    expect(await (await w.request("/admin", { mode: "navigate" }))!.text()).toBe("<html>shell</html>");
    answer = async () => new Response(null, { status: 307, headers: { location: "/masuk" } });
    expect((await w.request("/admin", { mode: "navigate" }))!.status).toBe(307);
    expect(w.stores.has(CACHES.shell)).toBe(false);
    expect(w.stores.has(CACHES.data)).toBe(false);
  });

  it("keeps one answer per address, whatever the page's request headers were (no Vary kept)", async () => {
    const w = runWorker(async () => new Response("{}", { headers: { vary: "trpc-accept, Cookie" } }));
    await w.request("/api/trpc/admin.members.list?batch=1");
    const kept = [...w.stores.get(CACHES.data)!.values()][0]!;
    expect(kept.headers.get("vary")).toBeNull();
  });

  it("drops the kept data when the API answers 401", async () => {
    let status = 200;
    const w = runWorker(async () => new Response("{}", { status }));
    await w.request("/api/trpc/admin.members.list?batch=1");
    expect(w.stores.get(CACHES.data)?.size).toBe(1);
    status = 401;
    await w.request("/api/trpc/admin.members.list?batch=1");
    expect(w.stores.has(CACHES.data)).toBe(false);
  });

  it("keeps the page and the static files it names when installed, and does not take over by itself", async () => {
    const html = `<html><script src="/_next/static/chunks/main-abc.js"></script><link href="/_next/static/css/a1.css"></html>`;
    const network = vi.fn(async (url: string) => new Response(url.endsWith("/admin") ? html : "file"));
    const w = runWorker(network);
    await w.waitFor("install", {});
    expect(w.self.skipWaiting).not.toHaveBeenCalled();
    expect([...w.stores.get(CACHES.static)!.keys()].sort()).toEqual([
      at("/_next/static/chunks/main-abc.js"),
      at("/_next/static/css/a1.css"),
    ]);
    expect(w.stores.get(CACHES.shell)!.has(at("/admin"))).toBe(true);
    // A static file once kept is answered without the network.
    network.mockClear();
    expect(await (await w.request("/_next/static/chunks/main-abc.js"))!.text()).toBe("file");
    expect(network).not.toHaveBeenCalled();
    // The app says when: its queue of writes is empty.
    await w.waitFor("message", { data: { type: "skip-waiting" } });
    expect(w.self.skipWaiting).toHaveBeenCalledOnce();
  });

  it("keeps what the first visit loaded before it was there, and nothing outside its rules", async () => {
    const w = runWorker(async () => new Response("ok"));
    await w.waitFor("message", {
      data: {
        type: "keep",
        urls: [at("/_next/static/chunks/x.js"), at("/api/trpc/admin.members.list?batch=1"), at("/api/auth/session")],
      },
    });
    expect([...w.stores.get(CACHES.static)!.keys()]).toEqual([at("/_next/static/chunks/x.js")]);
    expect([...w.stores.get(CACHES.data)!.keys()]).toEqual([at("/api/trpc/admin.members.list?batch=1")]);
  });
});

describe("the manifest", () => {
  it("is the /admin app only, standalone, with both icons", () => {
    expect(ADMIN_MANIFEST.scope).toBe("/admin");
    expect(ADMIN_MANIFEST.start_url).toBe("/admin");
    expect(ADMIN_MANIFEST.display).toBe("standalone");
    expect(ADMIN_MANIFEST.icons.map((i) => i.sizes)).toEqual(["192x192", "512x512"]);
  });
});

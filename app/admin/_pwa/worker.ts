/**
 * The treasurer app's service worker, written plainly (served by app/admin/sw.js/route.ts, scope
 * /admin only). What it keeps, and how:
 * - the /admin page (the shell): from the network, its last good answer kept for when there is none;
 * - Next's static files (/_next/static: names carry their content's hash), the manifest and icons:
 *   from the cache once kept;
 * - the admin API's read answers (tRPC GETs of admin.* procedures only): from the network, the
 *   last one kept and answered with no signal, stamped `x-kt-synced-at` with when it was fetched
 *   (the app shows it: "Data terakhir disinkronkan …").
 * Nothing else: never sign-in or session answers (/api/auth), never a write, never a public page
 * (they are outside its scope and never controlled). When the server answers /admin with a
 * redirect (signed out) or the API with 401, the kept shell and data are dropped; the app drops
 * them too on sign-out and when another user signs in on this phone.
 *
 * A new version never takes over by itself (no skipWaiting on install): the app tells the waiting
 * one to when the phone's queue of writes is empty. The queue lives in localStorage, which a
 * worker neither reads nor clears.
 */

import { CACHES, SYNCED_HEADER } from "./names";

export type Policy = "shell" | "static" | "data" | null;

/**
 * What the worker does with a request. Self-contained (no outside names): its source is written
 * into the worker as it is, so the tests run the very rule the phone runs.
 */
export function policyOf(href: string, method: string, mode: string, origin: string): Policy {
  if (method !== "GET") return null;
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return null;
  }
  if (u.origin !== origin) return null;
  const path = u.pathname;
  if (mode === "navigate") return path === "/admin" ? "shell" : null;
  if (path.startsWith("/_next/static/")) return "static";
  if (path === "/admin/manifest.webmanifest" || /^\/admin\/icon-\d+\.png$/.test(path)) return "static";
  if (path === "/icon.svg") return "static"; // the site's icon, on every page's tab
  if (path.startsWith("/api/trpc/")) {
    const procedures = decodeURIComponent(path.slice("/api/trpc/".length)).split(",");
    return procedures.every((p) => /^admin\.[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*$/.test(p)) ? "data" : null;
  }
  return null;
}

/** Changes whenever the worker's own code does, so phones fetch the new one. */
export const WORKER_VERSION = "1";

export function workerSource(): string {
  return `// Kas Terbuka — the treasurer app's service worker, version ${WORKER_VERSION} (app/admin/_pwa/worker.ts).
"use strict";
const CACHES = ${JSON.stringify(CACHES)};
const SYNCED_HEADER = ${JSON.stringify(SYNCED_HEADER)};
const policyOf = ${policyOf.toString()};

self.addEventListener("install", (event) => {
  // No skipWaiting: the app lets a new version take over only when its queue of writes is empty.
  event.waitUntil(keepShell().catch(() => {}));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("message", (event) => {
  const m = event.data || {};
  if (m.type === "skip-waiting") self.skipWaiting();
  else if (m.type === "keep" && Array.isArray(m.urls)) event.waitUntil(keep(m.urls));
  else if (m.type === "forget") event.waitUntil(forget());
});

self.addEventListener("fetch", (event) => {
  const r = event.request;
  const policy = policyOf(r.url, r.method, r.mode, self.location.origin);
  if (policy === "static") event.respondWith(cacheFirst(r));
  else if (policy === "shell") event.respondWith(shell(r));
  else if (policy === "data") event.respondWith(data(r));
});

/** The page and the static files it names, fetched as the signed-in user (nothing kept otherwise). */
async function keepShell() {
  const res = await fetch("/admin", { credentials: "same-origin", redirect: "manual" });
  if (res.status !== 200) return;
  const html = await res.clone().text();
  await (await caches.open(CACHES.shell)).put("/admin", res);
  const files = new Set(html.match(/\\/_next\\/static\\/[^"'\\s)\\\\]+/g) || []);
  await keep([...files]);
}

/** The files and answers the page used before this worker controlled it. */
async function keep(urls) {
  for (const url of urls) {
    const r = new Request(new URL(url, self.location.origin).href, { credentials: "same-origin" });
    const policy = policyOf(r.url, "GET", "cors", self.location.origin);
    try {
      if (policy === "static") await cacheFirst(r);
      else if (policy === "data") await data(r);
    } catch {}
  }
}

async function forget() {
  await caches.delete(CACHES.shell);
  await caches.delete(CACHES.data);
}

async function cacheFirst(r) {
  const cache = await caches.open(CACHES.static);
  const hit = await cache.match(r);
  if (hit) return hit;
  const res = await fetch(r);
  if (res.status === 200) await cache.put(r, res.clone());
  return res;
}

async function shell(r) {
  const cache = await caches.open(CACHES.shell);
  let res;
  try {
    res = await fetch(r);
  } catch {
    return (await cache.match("/admin")) || Response.error();
  }
  if (res.status === 200 && !res.redirected) await cache.put("/admin", res.clone());
  else if (res.type === "opaqueredirect" || res.redirected || (res.status >= 300 && res.status < 400)) await forget();
  return res;
}

async function data(r) {
  const cache = await caches.open(CACHES.data);
  let res;
  try {
    res = await fetch(r);
  } catch {
    // One kept answer per address, whatever headers the page's request had this time.
    return (await cache.match(r, { ignoreVary: true })) || Response.error();
  }
  if (res.status === 200) {
    const headers = new Headers(res.headers);
    headers.delete("content-encoding");
    headers.delete("content-length");
    headers.delete("vary");
    headers.set(SYNCED_HEADER, new Date().toISOString());
    await cache.put(r, new Response(await res.clone().arrayBuffer(), { status: 200, headers }));
  } else if (res.status === 401) await forget();
  return res;
}
`;
}

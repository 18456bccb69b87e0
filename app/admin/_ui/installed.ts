"use client";
import { useEffect, useSyncExternalStore } from "react";
import { ADMIN_SCOPE } from "../_pwa/manifest";
import { CACHES, WORKER_PATH } from "../_pwa/names";
import { anyQueued } from "./offline-queue";
import { lastSynced, onSynced } from "./synced";

/** Who last used the app on this phone: when someone else signs in, what was kept for the last one goes. */
const USER_KEY = "kt-admin-user";

/** Drops the kept page and API answers (the user's); the static files and the queue of writes stay. */
export async function forgetKept(): Promise<void> {
  localStorage.removeItem(USER_KEY);
  // When the meeting's reads were last kept (warm.ts): kept no more, so warmed again at the next visit.
  for (const k of Object.keys(localStorage)) if (k.startsWith("kt-warm:")) localStorage.removeItem(k);
  if (typeof caches === "undefined") return;
  await Promise.all([caches.delete(CACHES.shell), caches.delete(CACHES.data)]);
}

/**
 * The app installed on the phone: registers the service worker (scope /admin only), hands it what
 * this first visit already loaded, and lets a new version take over only when no write waits in
 * the phone's queue. Returns when the data on screen was last synced, when it came from the phone.
 */
export function useInstalledApp(user: string): string | null {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let timer = 0;
    let stopped = false;
    void (async () => {
      if (localStorage.getItem(USER_KEY) !== user) {
        await forgetKept();
        localStorage.setItem(USER_KEY, user);
      }
      const firstVisit = !navigator.serviceWorker.controller;
      const reg = await navigator.serviceWorker.register(WORKER_PATH, { scope: ADMIN_SCOPE });
      const ready = await navigator.serviceWorker.ready;
      if (stopped) return;
      if (firstVisit && ready.active) {
        // This page was loaded before any worker saw it: the files and answers it used, to be kept.
        const urls = performance.getEntriesByType("resource").map((e) => e.name);
        ready.active.postMessage({ type: "keep", urls });
      }
      const takeOver = () => {
        if (reg.waiting && !anyQueued(localStorage)) reg.waiting.postMessage({ type: "skip-waiting" });
      };
      reg.addEventListener("updatefound", () => {
        reg.installing?.addEventListener("statechange", takeOver);
      });
      takeOver();
      timer = window.setInterval(takeOver, 20_000);
    })().catch(() => {
      // no worker (a private window, storage refused): the app works as before, online only
    });
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [user]);
  return useSyncExternalStore(onSynced, lastSynced, () => null);
}

"use client";
import { useEffect } from "react";
import { api } from "./client";
import { monthsOfOpenDays } from "./collect-days";
import type { OpenDays } from "./open-days";

/** Told after a write is recorded (by a form or by the phone's queue): the kept reads are fetched again. */
const WARM_EVENT = "kt-warm";
/** A page opened within this long of the last full warm-up does not warm again by itself. */
const REWARM_AFTER_MS = 10 * 60_000;
export const warmAgain = () => window.dispatchEvent(new Event(WARM_EVENT));

/**
 * The reads a meeting needs with no signal, asked for exactly as the tabs ask for them (the same
 * procedure and input: one address each, see client.ts), so the service worker keeps every one:
 * the members and their savings, cash on hand and the open days, the open loans with what is due,
 * the lending rule, the overview's seals and questions, the loan register's first page, and who
 * paid which day in every month an open date's spans reach (collect.tsx asks by whole months).
 * Each answer is within the API's 100 KB budget (server/api/byte-budget.integration.test.ts).
 */
export function warmReads(slug: string, open: OpenDays): Promise<PromiseSettledResult<unknown>[]> {
  const g = { groupSlug: slug };
  return Promise.allSettled([
    api.admin.members.list.query(g),
    api.admin.cash.onHand.query(g),
    api.admin.loans.open.query(g),
    api.admin.lending.rule.query(g),
    api.admin.seals.list.query(g),
    api.admin.signing.queries.query(g),
    api.admin.loans.list.query(g),
    ...monthsOfOpenDays(open).map(({ from, to }) =>
      api.admin.contributions.paidDays.query({ groupSlug: slug, from, to }),
    ),
  ]);
}

/**
 * Once the service worker controls the page — and again after each recorded write, each sync of
 * the queue, and when the signal returns — fetches the meeting's reads for the chosen group so the
 * worker keeps them: after one signed-in visit the whole meeting opens in airplane mode, even the
 * tabs never opened (a page opened again within 10 minutes of the last warm-up asks for no more than
 * its tabs do). With no worker (or no signal) it does nothing. When done it stamps
 * `data-warmed-for` (the group) and `data-warmed-at` on <html>, for whoever needs to know (tests).
 */
export function useWarmUp(slug: string, open: OpenDays | null): void {
  const from = open?.from;
  const to = open?.to;
  useEffect(() => {
    if (!slug || !from || !to || typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
    const sw = navigator.serviceWorker;
    let running = false;
    let again = false;
    let stopped = false;
    const stamp = `kt-warm:${slug}`;
    const run = async (force: boolean) => {
      if (!sw.controller || !navigator.onLine) return;
      // Opening the app again soon after a warm-up asks for nothing more than its tabs do (weak signal).
      const last = Number(localStorage.getItem(stamp) ?? 0);
      if (!force && Date.now() - last < REWARM_AFTER_MS) {
        document.documentElement.dataset.warmedFor = slug;
        return;
      }
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const results = await warmReads(slug, { from, to });
          if (!stopped && results.every((r) => r.status === "fulfilled")) {
            localStorage.setItem(stamp, String(Date.now()));
            document.documentElement.dataset.warmedFor = slug;
            document.documentElement.dataset.warmedAt = new Date().toISOString();
          }
        } while (again && !stopped);
      } finally {
        running = false;
      }
    };
    const onEvent = () => void run(true);
    void run(false);
    sw.addEventListener("controllerchange", onEvent);
    window.addEventListener(WARM_EVENT, onEvent);
    window.addEventListener("online", onEvent);
    return () => {
      stopped = true;
      sw.removeEventListener("controllerchange", onEvent);
      window.removeEventListener(WARM_EVENT, onEvent);
      window.removeEventListener("online", onEvent);
    };
  }, [slug, from, to]);
}

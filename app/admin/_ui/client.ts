"use client";
import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";
import { MAX_BATCH_SIZE } from "@/server/api/limits";
import { errorMessage } from "@/server/i18n/errors";
import { SYNCED_HEADER } from "../_pwa/names";
import { noteAnswer } from "./synced";

/** Every API call, noting whether the answer came from the server or was kept by the service worker. */
const noticingSync: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  noteAnswer(res.headers.get(SYNCED_HEADER));
  return res;
};

/**
 * Reads go one to an address (never batched): the service worker keeps one answer per address, so
 * a read is kept under the address a tab asks for it by, whichever reads happened to go together
 * (the warm-up's, a tab's). Writes may go together (the queue sends them one at a time anyway).
 */
export const api = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === "query",
      true: httpLink({ url: "/api/trpc", fetch: noticingSync }),
      false: httpBatchLink({ url: "/api/trpc", maxItems: MAX_BATCH_SIZE, fetch: noticingSync }),
    }),
  ],
});

/**
 * Signs out as next-auth's own client did (its CSRF token, then a POST to /api/auth/signout) and goes
 * to `callbackUrl` — two plain requests, without next-auth/react's client in the app's script.
 */
export async function signOut({ callbackUrl }: { callbackUrl: string }): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { credentials: "same-origin" })).json()) as {
    csrfToken: string;
  };
  const res = await fetch("/api/auth/signout", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await res.json().catch(() => ({}))) as { url?: string };
  window.location.href = url ?? callbackUrl;
}

/** Reads the session, as next-auth's getSession did: activity keeps it alive (12 hours after the last action). */
export function touchSession(): void {
  void fetch("/api/auth/session", { credentials: "same-origin" }).catch(() => {});
}

/** A key made when a form opens and reused on retry, so a double tap or a resend never posts twice. */
export const newKey = () => `ui-${crypto.randomUUID()}`;

export interface FieldError {
  field: string | null;
  message: string;
  /** The domain error's code, for a form that answers one in particular (a confirmation to ask). */
  code?: string;
}

/** True when the server never answered (no signal, server restarting): the call may be sent again. */
export function noAnswer(e: unknown): boolean {
  return !(e instanceof TRPCClientError) || !e.data;
}

/** The user's-language message (and field) for a failed call. */
export function explain(e: unknown, locale: "id" | "en"): FieldError {
  if (e instanceof TRPCClientError) {
    const d = e.data as
      | {
          domain?: { code: string; field: string | null; params: Record<string, string | number> } | null;
          zod?: Record<string, string[]> | null;
          code?: string;
        }
      | undefined;
    if (d?.domain)
      return {
        field: d.domain.field,
        message: errorMessage(d.domain.code, d.domain.params, locale),
        code: d.domain.code,
      };
    if (d?.zod) return { field: Object.keys(d.zod)[0] ?? null, message: errorMessage("input_invalid", {}, locale) };
    if (d?.code === "UNAUTHORIZED") return { field: null, message: errorMessage("signin_required", {}, locale) };
    if (d?.code === "FORBIDDEN") return { field: null, message: errorMessage("not_allowed", {}, locale) };
  }
  return { field: null, message: errorMessage("not_sent", {}, locale) };
}

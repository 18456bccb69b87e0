"use client";
import type { createTRPCClient } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";
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
 * A call that failed, as tRPC's client shaped it: `data` is the server's error data (its domain
 * error, zod's fields, the tRPC code) when the server answered, and nothing when it never did.
 */
export class TRPCClientError extends Error {
  readonly data: unknown;
  constructor(
    message: string,
    opts: { result?: { error?: { data?: unknown; [k: string]: unknown } }; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "TRPCClientError";
    this.data = opts.result?.error?.data;
  }
}

/**
 * One call on tRPC's wire format (no transformer), as its httpLink sends it: a read is a GET to
 * its own address (`/api/trpc/<path>?input=<JSON>`, never batched: the service worker keeps one
 * answer per address, so a read is kept under the address a tab asks for it by), a write a POST
 * of its JSON input.
 */
async function call(path: string, type: "query" | "mutation", input: unknown): Promise<unknown> {
  const json = input === undefined ? undefined : JSON.stringify(input);
  // A write leaves on the next turn of the event loop, as tRPC's batching link sent it (its
  // dispatch timer): whatever the page does in the same turn (a tab drawn, the network's state
  // read) comes first, as before.
  if (type === "mutation") await new Promise((resolve) => setTimeout(resolve));
  let res: Response;
  try {
    res =
      type === "query"
        ? await noticingSync(`/api/trpc/${path}${json === undefined ? "" : `?input=${encodeURIComponent(json)}`}`, {
            method: "GET",
          })
        : await noticingSync(`/api/trpc/${path}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: json,
          });
  } catch (cause) {
    throw new TRPCClientError(cause instanceof Error ? cause.message : "Failed to fetch", { cause });
  }
  let body: { result?: { data?: unknown }; error?: { message?: string; data?: unknown } };
  try {
    body = await res.json();
  } catch (cause) {
    throw new TRPCClientError("Unable to transform response from server", { cause }); // not the API's answer
  }
  if (body?.error) throw new TRPCClientError(body.error.message ?? "", { result: body });
  if (!res.ok || !body || !("result" in body)) throw new TRPCClientError("Unable to transform response from server");
  return body.result?.data;
}

type Api = ReturnType<typeof createTRPCClient<AppRouter>>;
const client = (path: string[]): unknown =>
  new Proxy(() => {}, {
    get: (_, key: string) =>
      key === "query" || key === "mutate"
        ? (input: unknown) => call(path.join("."), key === "query" ? "query" : "mutation", input)
        : client([...path, key]),
  });

/**
 * The treasurers' API, typed by its router: `api.admin.members.list.query(input)`. A few lines on
 * tRPC's wire format instead of tRPC's own client (~5 KB less of the app's first script).
 */
export const api = client([]) as Api;

/**
 * Signs out as next-auth's own client did (its CSRF token, then a POST to /api/auth/signout) and goes
 * to `callbackUrl` — two plain requests, without next-auth/react's client in the app's script.
 */
/**
 * Signs out, then (`afterSignOut`, e.g. dropping what the phone kept) before leaving: an answer on its
 * way when she tapped is kept no longer than the session it was fetched with.
 */
export async function signOut({
  callbackUrl,
  afterSignOut,
}: {
  callbackUrl: string;
  afterSignOut?: () => Promise<void>;
}): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { credentials: "same-origin" })).json()) as {
    csrfToken: string;
  };
  await fetch("/api/auth/signout", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  await afterSignOut?.().catch(() => {});
  // Our own page on this very host, never the URL next-auth answers: without NEXTAUTH_URL set it names
  // localhost, and a phone signing out of the demo on the village's server landed on nothing.
  window.location.href = callbackUrl;
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

/**
 * Idempotency: a request's key (chosen by the phone when a form opens, reused on every resend)
 * and its fingerprint, so the same request twice writes once and a reused key with other content
 * is refused.
 */
import { createHash } from "node:crypto";
import { invalid } from "./errors";

/** A stable JSON (object keys sorted) — used to fingerprint a request for idempotency. */
export function stableStringify(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
    .join(",")}}`;
}

export function requestHash(verb: string, input: unknown): string {
  return createHash("sha256")
    .update(`${verb}\n${stableStringify(input)}`)
    .digest("hex");
}

export function assertIdempotencyKey(k: unknown): string {
  if (typeof k !== "string" || !/^[A-Za-z0-9_\-:.]{8,100}$/.test(k))
    throw invalid("idempotency_key_invalid", "idempotencyKey");
  return k;
}

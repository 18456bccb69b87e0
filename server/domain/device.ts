/**
 * The device cookie (OWASP's "device cookies" against lock-out by guessing): a browser that
 * signed in (or opened a passbook) with the right secret gets a signed cookie naming who it was
 * for and a random device id. Later tries for that user from that browser are counted per
 * (user, device) only, so strangers behind the same village address cannot slow the owner down.
 * Pure: the key and the clock come from the caller.
 *
 * Form: `v1.<payload>.<mac>`, payload = base64url of JSON `{"d": deviceId, "s": [[subject,
 * expiresAtMs], …]}` (newest first, at most DEVICE_COOKIE_MAX_SUBJECTS: a phone a household
 * shares opens several passbooks), mac = base64url HMAC-SHA256(key, `<kind>:v1.<payload>`).
 * Anything else — a changed byte, another key, a sign-in cookie shown to the passbook — reads as no
 * cookie at all.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export type DeviceKind = "signin" | "passbook";

/** 400 days: the longest a browser keeps a cookie; renewed at every success. */
export const DEVICE_COOKIE_LIFETIME_MS = 400 * 24 * 3600_000;
export const DEVICE_COOKIE_MAX_SUBJECTS = 8;
const MAX_SUBJECT = 128;

export interface DeviceCookie {
  deviceId: string;
  /** Who this browser proved to be, newest first, each until its expiry. */
  subjects: { subject: string; expiresAt: number }[];
}

const macOf = (kind: DeviceKind, body: string, key: Buffer) =>
  createHmac("sha256", key).update(`${kind}:${body}`).digest();

export function writeDeviceCookie(kind: DeviceKind, cookie: DeviceCookie, key: Buffer): string {
  const payload = Buffer.from(
    JSON.stringify({ d: cookie.deviceId, s: cookie.subjects.map((s) => [s.subject, s.expiresAt]) }),
  ).toString("base64url");
  const body = `v1.${payload}`;
  return `${body}.${macOf(kind, body, key).toString("base64url")}`;
}

/** The cookie's content with expired subjects dropped, or null when absent, malformed or not ours. */
export function readDeviceCookie(
  kind: DeviceKind,
  value: string | null | undefined,
  key: Buffer,
  now: number,
): DeviceCookie | null {
  const m = /^(v1\.[A-Za-z0-9_-]{1,4000})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
  if (!m) return null;
  // Compared as text, so no second spelling of the same bytes passes either.
  const given = Buffer.from(m[2]!);
  const expected = Buffer.from(macOf(kind, m[1]!, key).toString("base64url"));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(m[1]!.slice(3), "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const d = data as { d?: unknown; s?: unknown };
  if (typeof d?.d !== "string" || !/^[A-Za-z0-9_-]{16,64}$/.test(d.d) || !Array.isArray(d.s)) return null;
  const subjects: DeviceCookie["subjects"] = [];
  for (const entry of d.s.slice(0, DEVICE_COOKIE_MAX_SUBJECTS)) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || !Number.isSafeInteger(entry[1])) return null;
    if (entry[1] > now) subjects.push({ subject: entry[0], expiresAt: entry[1] });
  }
  return { deviceId: d.d, subjects };
}

/** The device id when this cookie was issued for `subject` and has not expired, else null (an unknown device). */
export function knownDeviceFor(cookie: DeviceCookie | null, subject: string, now: number): string | null {
  return cookie?.subjects.some((s) => s.subject === subject && s.expiresAt > now) ? cookie.deviceId : null;
}

export const newDeviceId = () => randomBytes(16).toString("base64url");

/**
 * The cookie after `subject` proved herself on this browser: the same device id (a new one for a
 * browser without a valid cookie), her entry first with a fresh lifetime, the oldest others dropped.
 */
export function deviceCookieAfterSuccess(
  cookie: DeviceCookie | null,
  subject: string,
  now: number,
  deviceId: () => string = newDeviceId,
): DeviceCookie {
  if (subject.length > MAX_SUBJECT) throw new RangeError("device cookie subject too long");
  const others = (cookie?.subjects ?? []).filter((s) => s.subject !== subject && s.expiresAt > now);
  return {
    deviceId: cookie?.deviceId ?? deviceId(),
    subjects: [{ subject, expiresAt: now + DEVICE_COOKIE_LIFETIME_MS }, ...others].slice(0, DEVICE_COOKIE_MAX_SUBJECTS),
  };
}

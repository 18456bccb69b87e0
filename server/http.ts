import { DEVICE_COOKIE_LIFETIME_MS, type DeviceKind } from "@/server/domain/device";
import { env } from "@/server/env";

/**
 * The client's address for throttling. Behind the portal's own front server (`npm start`,
 * KT_FRONT=1) it is x-kt-client, which the front always overwrites: the socket's address, or with
 * TRUST_PROXY=1 the last address the reverse proxy added to X-Forwarded-For. When Next is run
 * without the front, X-Forwarded-For is believed only with TRUST_PROXY=1 (its last entry, the one
 * the proxy added); otherwise the address is unknown.
 */
export function clientAddress(h: Headers): string | null {
  if (env().KT_FRONT === "1") return h.get("x-kt-client")?.slice(0, 64) || null;
  if (env().TRUST_PROXY === "1") {
    const hops =
      h
        .get("x-forwarded-for")
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean) ?? [];
    if (hops.length) return hops[hops.length - 1]!.slice(0, 64);
  }
  return null; // unknown: throttle by what was guessed only (never one shared key for everyone)
}

/**
 * Where a refused form (sign-in, passbook) sends the browser back to: the same page with the
 * reason, and for a throttle wait the seconds to wait — so the message shows without JavaScript.
 */
export function refusedUrl(path: string, e: { kind: string; params: Record<string, string | number> }): string {
  if (e.kind !== "too_many") return `${path}?gagal=1`;
  return `${path}?gagal=tunggu&detik=${Number(e.params.waitSeconds) || 60}`;
}

/** The refusal a page was sent back with (see refusedUrl). */
export function refusalOf(q: { gagal?: string; detik?: string }): { waitSeconds: number } | "denied" | null {
  if (q.gagal === "tunggu") return { waitSeconds: Math.min(3600, Math.max(1, Number(q.detik) || 60)) };
  return q.gagal ? "denied" : null;
}

/** Strict-Transport-Security when the portal is served over https (NEXTAUTH_URL), else nothing. */
export function strictTransportSecurity(portalUrl: string | undefined): string | null {
  return portalUrl?.startsWith("https://") ? "max-age=31536000" : null;
}

/** A cookie's value from a Cookie header, or null. */
export function cookieOf(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null; // a malformed escape: no cookie
      }
    }
  }
  return null;
}

/**
 * The device cookies (server/domain/device.ts): the sign-in one at `/` (the form at /masuk and
 * next-auth's own /api/auth/callback/credentials both read it; the front server never passes it to
 * a stored page), the passbook one at /anggota only. HttpOnly, SameSite=Lax, Secure over https,
 * kept 400 days and renewed at every success.
 */
export const DEVICE_COOKIES = {
  signin: { name: "perangkat", path: "/" },
  passbook: { name: "perangkat-buku", path: "/anggota" },
} as const satisfies Record<DeviceKind, { name: string; path: string }>;

/** The device cookie a request sent, from its Cookie header (unchecked: the service checks it). */
export const deviceCookieOf = (kind: DeviceKind, cookieHeader: string | null | undefined) =>
  cookieOf(cookieHeader, DEVICE_COOKIES[kind].name);

/** The Set-Cookie settings of a device cookie (in the shape of Next's cookies().set). */
export function deviceCookieSetting(kind: DeviceKind, value: string, secure: boolean) {
  return {
    name: DEVICE_COOKIES[kind].name,
    value,
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    path: DEVICE_COOKIES[kind].path,
    maxAge: DEVICE_COOKIE_LIFETIME_MS / 1000,
  };
}

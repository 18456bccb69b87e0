/**
 * The client's address for throttling. X-Forwarded-For is believed only when the portal runs
 * behind a proxy that sets it (TRUST_PROXY=1); otherwise a client could pick its own address.
 */
export function clientAddress(h: Headers): string | null {
  if (process.env.TRUST_PROXY === "1") {
    const fwd = h.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (fwd) return fwd.slice(0, 64);
  }
  return null; // unknown: throttle by what was guessed only (never one shared key for everyone)
}

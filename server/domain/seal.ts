/**
 * The seal: a group's chain head at a moment (a month's close — see month-close.ts — or now),
 * written so a village can keep it where the server cannot reach — printed on the notice board, pasted into the
 * group's WhatsApp. The short form is the hash's first 12 hex digits in groups of four
 * (3BAB-6FF7-87E1); with the sequence number it names one entry, and through the chain every
 * entry before it. Anyone holding a seal can prove a later rewrite or truncation of the books.
 */

export function shortSeal(hash: string): string {
  const h = hash.slice(0, 12).toUpperCase();
  return `${h.slice(0, 4)}-${h.slice(4, 8)}-${h.slice(8, 12)}`;
}

/** The printed seal's hex digits: fewer are refused (8 digits, 32 bits, can be found by trial in hours). */
export const SEAL_DIGITS = 12;

/**
 * A seal or hash as someone typed it (dashes, spaces, any case) → lowercase hex of 12 to 64 digits
 * (the printed seal, or the full hash the QR code carries); "too_short" for fewer hex digits; null
 * for anything else.
 */
export function readSeal(s: string): string | "too_short" | null {
  const hex = s.replace(/[\s-]/g, "").toLowerCase();
  if (!/^[0-9a-f]{1,64}$/.test(hex)) return null;
  return hex.length < SEAL_DIGITS ? "too_short" : hex;
}

/** A seal or hash as someone typed it → lowercase hex, or null (also when shorter than the printed seal). */
export function normaliseSeal(s: string): string | null {
  const hex = readSeal(s);
  return hex === "too_short" ? null : hex;
}

/** Whether a full hash agrees with a seal (at least the printed 12 hex digits) or a full hash. */
export function sealMatches(hash: string, seal: string): boolean {
  const s = normaliseSeal(seal);
  return s !== null && hash.toLowerCase().startsWith(s);
}

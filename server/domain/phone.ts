/**
 * A member's phone number (for WhatsApp receipts and reminders): optional and private — never on a
 * public page, in open data or in the audit log in clear. People write Indonesian mobile numbers
 * many ways (0812-3456-7890, +62 812 3456 7890, 62812…, 812…); the book keeps one form, the
 * international digits without "+" that wa.me takes: `62` then the number without its leading 0.
 */
import { invalid } from "./errors";

/** 62, then a mobile number (8…), 9 to 12 digits after the country code. */
const STORED = /^628\d{7,11}$/;

/** What may separate the digits as people write them: spaces, dashes, dots, brackets. */
const SEPARATORS = /[\s\-.()\u00a0]/g;

/**
 * The number in its stored form (`628…`), or `phone_invalid` for anything that is not an Indonesian
 * mobile number (letters, another country's code, too short or too long).
 */
export function normalizePhone(raw: string): string {
  const compact = raw.replace(SEPARATORS, "");
  if (!/^\+?\d+$/.test(compact)) throw invalid("phone_invalid", "phone");
  let digits = compact.replace(/^\+/, "");
  if (compact.startsWith("+") && !digits.startsWith("62")) throw invalid("phone_invalid", "phone");
  if (digits.startsWith("620"))
    digits = `62${digits.slice(3)}`; // +62 (0)812…
  else if (digits.startsWith("0")) digits = `62${digits.slice(1)}`;
  else if (digits.startsWith("8")) digits = `62${digits}`;
  if (!STORED.test(digits)) throw invalid("phone_invalid", "phone");
  return digits;
}

/** Shown on the treasurer's screens and in the audit log: the start and the last four, e.g. 62812****7890. */
export function maskPhone(phone: string): string {
  if (phone.length <= 9) return "*".repeat(phone.length);
  return `${phone.slice(0, 5)}${"*".repeat(phone.length - 9)}${phone.slice(-4)}`;
}

/** A WhatsApp link with the text: to her number when she has one, else the plain share (pick a chat). */
export function whatsappLink(phone: string | null | undefined, text: string): string {
  const to = phone && STORED.test(phone) ? phone : "";
  return `https://wa.me/${to}?text=${encodeURIComponent(text)}`;
}

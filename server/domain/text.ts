import { invalid } from "./errors";
/** Control characters, and the invisible marks that reorder text on screen (bidirectional overrides, "Trojan Source"). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Whether text a person typed holds characters that have no place in a name or a note. */
export const hasControlChars = (s: string): boolean => CONTROL.test(s);

/** Free text a person typed: trimmed, within limits, no control characters. */
export function cleanText(
  v: unknown,
  field: string,
  opts: { required: boolean; min?: number; max: number },
): string | null {
  if (v === undefined || v === null || v === "") {
    if (opts.required) throw invalid("text_required", field);
    return null;
  }
  if (typeof v !== "string") throw invalid("text_invalid", field);
  const t = v.normalize("NFC").trim();
  if (hasControlChars(t)) throw invalid("text_control_chars", field);
  if (opts.required && t.length < (opts.min ?? 1)) throw invalid("text_too_short", field, { min: opts.min ?? 1 });
  if (t.length > opts.max) throw invalid("text_too_long", field, { max: opts.max });
  return t.length ? t : null;
}

/**
 * What has no place in a person's name, because it does not show yet makes two names differ: every
 * Unicode format character (category Cf: zero-width spaces and joiners, bidirectional controls, tag
 * characters, the soft hyphen), every other default-ignorable code point (variation selectors, Hangul
 * fillers, the combining grapheme joiner), line breaks and tabs — and the control characters above.
 */
const INVISIBLE_IN_NAME = /[\p{Cf}\p{Default_Ignorable_Code_Point}\t\n\v\f\r\u0085\u2028\u2029]/u;

/**
 * A person's name as typed: NFC-normalised, refused (`name_invisible_chars`) if it holds anything
 * invisible, its runs of spaces (any Unicode space) made one space, trimmed, within 2–100 characters.
 */
export function cleanName(
  v: unknown,
  field: string,
  opts: { min: number; max: number } = { min: 2, max: 100 },
): string {
  if (v === undefined || v === null || v === "") throw invalid("text_required", field);
  if (typeof v !== "string") throw invalid("text_invalid", field);
  const nfc = v.normalize("NFC");
  if (INVISIBLE_IN_NAME.test(nfc) || hasControlChars(nfc)) throw invalid("name_invisible_chars", field);
  const t = nfc.replace(/\s+/gu, " ").trim();
  if (t.length < opts.min) throw invalid(t.length ? "text_too_short" : "text_required", field, { min: opts.min });
  if (t.length > opts.max) throw invalid("text_too_long", field, { max: opts.max });
  return t;
}

/**
 * The form two names are compared in, to find members whose names look the same: compatibility
 * normalised (NFKC: "ﬁ" = "fi", full-width = plain), case-folded (upper then lower case, so "ß" =
 * "ss" and "MARIA" = "maria"), runs of spaces one space, trimmed. Accents still count ("José" ≠ "Jose").
 */
export function nameKey(name: string): string {
  return name.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC").replace(/\s+/gu, " ").trim();
}

/** The first of `others` whose name looks the same as `name` (same `nameKey`), if any. */
export function lookAlike<T extends { fullName: string }>(name: string, others: readonly T[]): T | undefined {
  const k = nameKey(name);
  return others.find((o) => nameKey(o.fullName) === k);
}

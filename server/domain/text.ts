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

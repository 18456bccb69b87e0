/** Control characters, and the invisible marks that reorder text on screen (bidirectional overrides, "Trojan Source"). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Whether text a person typed holds characters that have no place in a name or a note. */
export const hasControlChars = (s: string): boolean => CONTROL.test(s);

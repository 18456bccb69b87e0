/**
 * The supervisor (pengawas) may, instead of countersigning, ask about a record: a cash count or bank
 * check, a correction, or a month's seal. She names a reason from a fixed list; the treasurer answers
 * with a code from another (and, privately, a note). The question is open — shown publicly as
 * "dipertanyakan pengawas" — until it is answered or the record is countersigned. Codes only reach
 * the public: nothing a person types.
 */
export const QUERY_REASONS = ["tidak_cocok", "perlu_penjelasan", "bukti_kurang"] as const;
export type QueryReason = (typeof QUERY_REASONS)[number];

export const QUERY_ANSWERS = ["sudah_dijelaskan", "sudah_diperbaiki"] as const;
export type QueryAnswer = (typeof QUERY_ANSWERS)[number];

export const QUERY_SUBJECTS = ["cash_count", "correction", "seal"] as const;
export type QuerySubject = (typeof QUERY_SUBJECTS)[number];

/** The record a question is about: a cash count's or a correction's id, or a seal's month (YYYY-MM). */
export type QueryTarget =
  | { subject: "cash_count"; id: number }
  | { subject: "correction"; id: number }
  | { subject: "seal"; month: string };

/** One key per record, the same for the question rows and the lists that mark them. */
export const targetKey = (t: QueryTarget): string => `${t.subject}:${t.subject === "seal" ? t.month : t.id}`;

/** A question is open until it has an answer or its record has been countersigned. */
export const isOpenQuery = (q: { answered: boolean; countersigned: boolean }): boolean =>
  !q.answered && !q.countersigned;

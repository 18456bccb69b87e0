import { addMonths } from "@/server/domain/dates";
import { sealMadeOn } from "@/server/domain/month-close";
import { formatDate, formatMonth } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";

/**
 * What a closed month's seal covers, in words (HTML pages and the PDF alike): made when the month
 * closed, so up to an entry that may be dated in the first days of the next month. Null for a month
 * not yet closed (its seal is the head so far, said elsewhere).
 */
export function sealCovers(
  seal: {
    month: string;
    seq: number;
    closed: boolean;
    closesOn: string;
    laterDated: number;
    countersigned?: { on: string } | null;
  },
  locale: Locale,
  t: Messages,
): string | null {
  if (!seal.closed) return null;
  const next = addMonths(`${seal.month}-01`, 1).slice(0, 7);
  return t.seal.covers(
    formatMonth(seal.month, locale, true),
    formatDate(sealMadeOn(seal), locale),
    seal.seq,
    formatMonth(next, locale, true),
    seal.laterDated,
  );
}

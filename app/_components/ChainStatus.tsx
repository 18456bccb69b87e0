import { formatInt, formatTimestamp } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";

/** What every public page of a group shows of its chain check (server/services/chain-check.ts). */
export interface ChainShown {
  checkedSeq: number;
  problem: { seq: number | null } | null;
  wholeCheckedAt: string;
}

/**
 * The one warning every public page of a group carries when its chain check found a problem — the
 * group page, its cash book, its reports — the same words everywhere. Nothing when the check passed,
 * unless `okLine` (the group page says what was checked and when).
 */
export function ChainStatus({
  chain,
  timeZone,
  locale,
  t,
  okLine = false,
}: {
  chain: ChainShown;
  timeZone: string;
  locale: Locale;
  t: Messages;
  okLine?: boolean;
}) {
  const at = formatTimestamp(chain.wholeCheckedAt, timeZone, locale);
  if (chain.problem)
    return (
      <p className="warn" role="alert">
        ⚠ {t.chainBad(chain.problem.seq, at)}
      </p>
    );
  if (!okLine) return null;
  return (
    <span className="ok">
      ✓ {t.chainOk(formatInt(chain.checkedSeq, locale), at)}
    </span>
  );
}

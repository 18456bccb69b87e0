import Link from "next/link";
import type { FlaggedGroup } from "@/server/domain/portal";
import { formatInt, formatTimestamp } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";

/** What every public page of a group shows of its chain check (server/cache/chain-check.ts). */
export interface ChainShown {
  checkedSeq: number;
  /** `signed`: a countersigned seal no longer in the chain — the book was rewritten after she signed. */
  problem: { seq: number | null; signed?: { month: string; seq: number } } | null;
  wholeCheckedAt: string;
}

/**
 * The one warning every public page of a group carries when its chain check found a problem — the
 * group page, its cash book, its reports — the same words everywhere; nothing when the check passed.
 */
export function ChainStatus({
  chain,
  timeZone,
  locale,
  t,
}: {
  chain: ChainShown;
  timeZone: string;
  locale: Locale;
  t: Messages;
}) {
  if (!chain.problem) return null;
  const at = formatTimestamp(chain.wholeCheckedAt, timeZone, locale);
  const { signed } = chain.problem;
  return (
    <p className="warn" role="alert">
      ⚠ {signed ? t.chainRewritten(signed.month, signed.seq, at) : t.chainBad(chain.problem.seq, at)}
    </p>
  );
}

/** The group page's line on a chain that passed: how many entries were checked, and when (inline). */
export function ChainChecked({
  chain,
  timeZone,
  locale,
  t,
}: {
  chain: ChainShown;
  timeZone: string;
  locale: Locale;
  t: Messages;
}) {
  if (chain.problem) return null;
  return (
    <span className="ok">
      ✓ {t.chainOk(formatInt(chain.checkedSeq, locale), formatTimestamp(chain.wholeCheckedAt, timeZone, locale))}
    </span>
  );
}

/**
 * The groups whose book failed its check, on every page that lists or adds up groups (home, /dampak):
 * each named and marked, its figures left out of the totals beside it.
 */
export function FlaggedGroups({
  flagged,
  locale,
  t,
}: {
  flagged: readonly FlaggedGroup[];
  locale: Locale;
  t: Messages;
}) {
  if (flagged.length === 0) return null;
  return (
    <section aria-labelledby="buku-tidak-lolos">
      <h2 id="buku-tidak-lolos">{t.chainFlaggedTitle}</h2>
      <p className="warn">⚠ {t.chainFlaggedNote}</p>
      <ul>
        {flagged.map((g) => (
          <li key={g.group.slug}>
            <Link prefetch={false} href={`/kelompok/${g.group.slug}`}>
              {g.group.name}
            </Link>{" "}
            ({g.group.village}) — <strong className="warn">{t.chainFlagged}</strong>{" "}
            <span className="muted">{formatTimestamp(g.wholeCheckedAt, g.group.timeZone, locale)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

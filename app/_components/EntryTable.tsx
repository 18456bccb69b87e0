import type { PublicEntry } from "@/server/read/public-figures";
import { shortSeal } from "@/server/domain/seal";
import { formatDate, rp } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";

/** The anonymous ledger: no member, ever. Corrections are shown both ways. */
export function EntryTable({
  slug,
  entries,
  locale,
  t,
  showHash = false,
}: {
  slug: string;
  entries: PublicEntry[];
  locale: Locale;
  t: Messages;
  showHash?: boolean;
}) {
  const at = (seq: number) => `/kelompok/${slug}/buku-kas?no=${seq}#no-${seq}`;
  // Only a code from the fixed list is shown; words typed before reason codes (v1) stay off the page.
  const reasonLabel = (code: string | null) => (code ? (t.reasons[code] ?? null) : null);
  if (entries.length === 0) return <p>{t.noEntries}</p>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t.seq}
            </th>
            <th scope="col">{t.date}</th>
            <th scope="col">{t.kind}</th>
            <th scope="col" className="num">
              {t.amount}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq} id={`no-${e.seq}`}>
              <td className="num">{e.seq}</td>
              <td>{formatDate(e.date, locale)}</td>
              <td>
                {t.kinds[e.kind] ?? e.kind}
                {e.purpose && <> · {t.purposes[e.purpose] ?? e.purpose}</>}
                {e.category && <> · {t.categories[e.category] ?? e.category}</>}
                {e.reversesSeq !== null && (
                  <>
                    <br />
                    <a href={at(e.reversesSeq)}>{t.reverses(e.reversesSeq)}</a>
                  </>
                )}
                {e.reversedBy && (
                  <>
                    <br />
                    <span className="warn">
                      <a href={at(e.reversedBy.seq)}>{t.reversedBy(e.reversedBy.seq)}</a>
                    </span>
                    {reasonLabel(e.reversedBy.reason) && <> — {reasonLabel(e.reversedBy.reason)}</>}
                  </>
                )}
                {reasonLabel(e.reason) && e.reversesSeq !== null && <> — {reasonLabel(e.reason)}</>}
                {showHash && (
                  // The short seal form on the line; the full 64-digit hash a tap away (no script needed).
                  <details className="entry-hash">
                    <summary>
                      {t.hash} {shortSeal(e.hash)}
                    </summary>
                    <span className="hash">{e.hash}</span>
                  </details>
                )}
              </td>
              <td className="num">{rp(e.amount, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

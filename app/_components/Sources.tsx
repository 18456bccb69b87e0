import type { ReferenceTerms } from "@/server/domain/finance/compare";
import { formatDate, formatDecimal, formatPct } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";

/** Which terms were used and where they come from — shown wherever a comparison is. */
export function Sources({
  terms,
  ksm,
  locale,
  t,
}: {
  terms: ReferenceTerms;
  ksm?: { rateBpsPerMonth: number; method: string };
  locale: Locale;
  t: Messages;
}) {
  const c = t.compare;
  const all = [...terms.ijon.sources, ...terms.rentenir.sources, ...terms.kur.sources];
  return (
    <details>
      <summary>{c.assumptions}</summary>
      <ul>
        {ksm && (
          <li>
            {c.ksmAssumption(formatPct(ksm.rateBpsPerMonth / 10_000, locale, 2), t.methods[ksm.method] ?? ksm.method)}
          </li>
        )}
        <li>{c.ijonAssumption(formatDecimal(terms.ijon.ratioPct / 100, locale, 2))}</li>
        <li>
          {c.rentenirAssumption(
            formatPct(terms.rentenir.rateBpsPerMonth / 10_000, locale, 2),
            `${c[terms.rentenir.method]}, ${c[terms.rentenir.period].toLowerCase()}`,
          )}
        </li>
        <li>{c.kurAssumption(formatPct(terms.kur.annualRateBps / 10_000, locale, 2))}</li>
      </ul>
      <ul>
        {all.map((s) => (
          <li key={s.title}>
            <a href={s.url} rel="noopener noreferrer">
              {s.title}
            </a>{" "}
            <span className="muted">
              ({c.checked} {formatDate(s.checkedOn, locale)})
            </span>
          </li>
        ))}
      </ul>
      <p>
        <a href="/metodologi">{c.method}</a>
      </p>
    </details>
  );
}

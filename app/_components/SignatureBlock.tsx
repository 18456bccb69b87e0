import { formatDate } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";

/**
 * Where the report is signed on the notice board: ketua, bendahara, pengawas, and the village head
 * who "mengetahui" — blank lines to sign by hand — with the place and the date it was printed (the
 * group's today: stored pages are made afresh at each local midnight).
 */
export function SignatureBlock({
  village,
  today,
  locale,
  t,
}: {
  village: string;
  today: string;
  locale: Locale;
  t: Messages;
}) {
  const p = t.print;
  const roles: [string, string][] = [
    ["", p.chair],
    ["", p.treasurer],
    ["", p.supervisor],
    [p.knownBy, p.headOfVillage(village)],
  ];
  return (
    <section className="signatures" aria-labelledby="tanda-tangan">
      <h2 id="tanda-tangan">{p.signatures}</h2>
      <p>
        {village}, {formatDate(today, locale)}
      </p>
      <ul className="sig-list">
        {roles.map(([pre, role]) => (
          <li key={role} className="sig-item">
            <span className="sig-pre">{pre}</span>
            <strong>{role}</strong>
            <span className="sig-line">{p.blankName}</span>
          </li>
        ))}
      </ul>
      <p className="muted printed">{p.printed(formatDate(today, locale))}</p>
    </section>
  );
}

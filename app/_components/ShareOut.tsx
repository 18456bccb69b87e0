import Link from "next/link";
import { SHU_POOLS } from "@/server/domain/shu";
import { formatInt, formatPct, rp } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";
import type { GroupFigures } from "@/server/read/public-figures";

/** The group's share-out rule and its closed years, each linking to its yearly report. */
export function ShareOut({ f, locale, t }: { f: GroupFigures; locale: Locale; t: Messages }) {
  const s = t.shu;
  const r = f.shareOutRule;
  const last = f.closedYears.at(-1);
  const pct = (v: number | null) => (v === null ? "–" : formatPct(v, locale));
  return (
    <>
      {r ? (
        <p>
          {s.rule}
          {r.isExample && ` (${s.example})`}:{" "}
          {SHU_POOLS.filter((p) => r[p] > 0)
            .map((p) => `${s.pools[p]} ${formatPct(r[p] / 10_000, locale)}`)
            .join(" · ")}
          ; {r.memberPayout === "cash" ? s.payoutCash : s.payoutSavings}.
        </p>
      ) : (
        <p className="muted">{s.noRule}</p>
      )}
      {last && (
        <p>
          {s.indicatorsOf(last.year)}: {s.returnOnSavings} {pct(last.indicators.returnOnSavings)} · {s.utilisation}{" "}
          {pct(last.indicators.utilisation)} · {s.par30} {pct(last.indicators.par30)}
        </p>
      )}
      {f.closedYears.length === 0 ? (
        <p className="muted">{s.noYears}</p>
      ) : (
        <ul>
          {[...f.closedYears].reverse().map((y) => (
            <li key={y.year}>
              <Link prefetch={false} href={`/kelompok/${f.group.slug}/tahun/${y.year}`}>
                {s.yearLine(y.year, rp(y.shu, locale), formatInt(y.membersPaid, locale))}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

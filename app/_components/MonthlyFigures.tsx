import Link from "next/link";
import { formatMonth, rp } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";
import { MonthlyChart } from "./MonthlyChart";

export interface MonthRow {
  month: string;
  collections: number;
  loansOut: number;
  repayments: number;
  /** The month's report, where there is one. */
  href?: string;
}

/** Collections, loans out and repayments by month: a server-drawn chart and the same figures as a table. */
export function MonthlyFigures({ rows, locale, t }: { rows: MonthRow[]; locale: Locale; t: Messages }) {
  return (
    <>
      <figure style={{ margin: 0 }}>
        <figcaption className="sr-only">{t.chartTitle}</figcaption>
        <div role="img" aria-label={t.chartTitle}>
          <MonthlyChart rows={rows.map((m) => ({ ...m, label: formatMonth(m.month, locale).slice(0, 3) }))} names={{ collections: t.collections, loansOut: t.loansOut, repayments: t.repayments }} />
        </div>
      </figure>
      <details>
        <summary>{t.chartTable}</summary>
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption className="sr-only">{t.chartTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.month}</th>
                <th scope="col" className="num">{t.collections}</th>
                <th scope="col" className="num">{t.loansOut}</th>
                <th scope="col" className="num">{t.repayments}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{m.href ? <Link prefetch={false} href={m.href}>{formatMonth(m.month, locale)}</Link> : formatMonth(m.month, locale)}</th>
                  <td className="num">{rp(m.collections, locale)}</td>
                  <td className="num">{rp(m.loansOut, locale)}</td>
                  <td className="num">{rp(m.repayments, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

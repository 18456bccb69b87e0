import Link from "next/link";
import { formatMonth, rp } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";
import { DataTable } from "./DataTable";
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
          <MonthlyChart
            rows={rows.map((m) => ({ ...m, label: formatMonth(m.month, locale).slice(0, 3) }))}
            names={{ collections: t.collections, loansOut: t.loansOut, repayments: t.repayments }}
            locale={locale}
          />
        </div>
      </figure>
      <details>
        <summary>{t.chartTable}</summary>
        <DataTable
          caption={t.chartTitle}
          captionHidden
          columns={[
            { label: t.month },
            { label: t.collections, num: true },
            { label: t.loansOut, num: true },
            { label: t.repayments, num: true },
          ]}
          rows={rows.map((m) => ({
            key: m.month,
            cells: [
              m.href ? (
                <Link key="month" prefetch={false} href={m.href}>
                  {formatMonth(m.month, locale)}
                </Link>
              ) : (
                formatMonth(m.month, locale)
              ),
              rp(m.collections, locale),
              rp(m.loansOut, locale),
              rp(m.repayments, locale),
            ],
          }))}
        />
      </details>
    </>
  );
}

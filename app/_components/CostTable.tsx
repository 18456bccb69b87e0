import type { LenderQuote } from "@/server/domain/finance/lenders";
import { formatPct, rp } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";
import { CostChart } from "./CostChart";

const ORDER = ["ksm", "kur", "rentenir", "ijon"] as const;
const COLOURS: Record<string, string> = { ksm: "#0b5d3b", kur: "#3f6fb5", rentenir: "#c77d00", ijon: "#a1322b" };

/** Cost by lender: a server-drawn bar chart and the same figures as a table (rupiah first, EIR second). */
export function CostTable({ costs, eir, locale, t }: { costs: Record<string, number>; eir?: Record<string, number>; locale: Locale; t: Messages }) {
  return (
    <>
      <figure style={{ margin: 0 }}>
        <div role="img" aria-label={t.compare.chartTitle}>
          <CostChart rows={ORDER.map((k) => ({ label: t.compare.lenders[k]!, costRp: costs[k] ?? 0, fill: COLOURS[k]! }))} />
        </div>
      </figure>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <caption className="sr-only">{t.compare.chartTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.compare.lender}</th>
              <th scope="col" className="num">{t.compare.cost}</th>
              {eir && <th scope="col" className="num">{t.compare.eir}</th>}
            </tr>
          </thead>
          <tbody>
            {ORDER.map((k) => (
              <tr key={k}>
                <th scope="row">{t.compare.lenders[k]}</th>
                <td className="num">{rp(costs[k] ?? 0, locale)}</td>
                {eir && <td className="num">{formatPct((eir[k] ?? 0) / 100, locale, 2)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export const quotesBy = (lenders: LenderQuote[], f: (q: LenderQuote) => number) => Object.fromEntries(lenders.map((q) => [q.key, f(q)]));

import type { LenderQuote } from "@/server/domain/finance/lenders";
import { formatPct, rp } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";
import { CostChart } from "./CostChart";
import { DataTable } from "./DataTable";

const ORDER = ["ksm", "kur", "rentenir", "ijon"] as const;
const COLOURS: Record<string, string> = { ksm: "#0b5d3b", kur: "#3f6fb5", rentenir: "#c77d00", ijon: "#a1322b" };

/** Cost by lender: a server-drawn bar chart and the same figures as a table (rupiah first, EIR second). */
export function CostTable({
  costs,
  eir,
  locale,
  t,
}: {
  costs: Record<string, number>;
  eir?: Record<string, number>;
  locale: Locale;
  t: Messages;
}) {
  return (
    <>
      <figure style={{ margin: 0 }}>
        <div role="img" aria-label={t.compare.chartTitle}>
          <CostChart
            rows={ORDER.map((k) => ({ label: t.compare.lenders[k]!, costRp: costs[k] ?? 0, fill: COLOURS[k]! }))}
            locale={locale}
          />
        </div>
      </figure>
      <DataTable
        caption={t.compare.chartTitle}
        captionHidden
        columns={[
          { label: t.compare.lender },
          { label: t.compare.cost, num: true },
          ...(eir ? [{ label: t.compare.eir, num: true }] : []),
        ]}
        rows={ORDER.map((k) => ({
          key: k,
          cells: [
            t.compare.lenders[k],
            rp(costs[k] ?? 0, locale),
            ...(eir ? [formatPct((eir[k] ?? 0) / 100, locale, 2)] : []),
          ],
        }))}
      />
    </>
  );
}

export const quotesBy = (lenders: LenderQuote[], f: (q: LenderQuote) => number) =>
  Object.fromEntries(lenders.map((q) => [q.key, f(q)]));

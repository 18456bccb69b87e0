import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { DEFAULT_REFERENCE_TERMS, SENSITIVITY_MONTHS } from "@/server/domain/finance/compare";
import { errorMessage } from "@/server/i18n/errors";
import { formatDecimal, formatPct, rp } from "@/server/i18n/format";
import { getMessages, titled } from "@/server/i18n/locale";
import { compareFromQuery, type Comparison } from "@/server/read/compare";
import { CostTable, quotesBy } from "../_components/CostTable";
import { DataTable } from "../_components/DataTable";
import { Sources } from "../_components/Sources";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("compare");

type SP = Record<string, string | string[] | undefined>;

/** A plain GET form: works with JavaScript off, and every answer has its own URL to share. */
export default async function ComparePage({ searchParams }: { searchParams: Promise<SP> }) {
  const { locale, t } = await getMessages();
  const c = t.compare;
  const q = await searchParams;
  const { db } = await getDatabase();
  let result: Comparison | null = null;
  let error: { field: string; message: string } | null = null;
  try {
    result = await compareFromQuery(db, q);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    error = {
      field: e.field === "groupSlug" ? "kelompok" : (e.field ?? ""),
      message: errorMessage(e.code, e.params, locale),
    };
  }
  const val = (n: string) => (typeof q[n] === "string" ? (q[n] as string) : "");
  const field = (name: string, label: string, input: React.ReactNode) => (
    <div>
      <label htmlFor={name}>{label}</label>
      <br />
      {input}
      {error?.field === name && (
        <span id={`${name}-error`} className="warn" role="alert">
          <br />
          {error.message}
        </span>
      )}
    </div>
  );
  const text = (name: string, placeholder: string, mode: "numeric" | "decimal" = "decimal") => (
    <input
      id={name}
      name={name}
      defaultValue={val(name)}
      placeholder={placeholder}
      inputMode={mode}
      aria-invalid={error?.field === name || undefined}
      aria-describedby={error?.field === name ? `${name}-error` : undefined}
    />
  );
  const select = (name: string, options: [string, string][]) => (
    <select id={name} name={name} defaultValue={val(name)}>
      <option value="">—</option>
      {options.map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </select>
  );
  return (
    <>
      <h1>{c.title}</h1>
      <p>{c.intro}</p>
      <form method="get" action="/bandingkan" className="inline">
        {typeof q.kelompok === "string" && <input type="hidden" name="kelompok" value={q.kelompok} />}
        {field("amount", c.amount, text("amount", "1.000.000", "numeric"))}
        {field("months", c.months, text("months", "4", "numeric"))}
        <details open={!!error && !["amount", "months"].includes(error.field)}>
          <summary>{c.overrides}</summary>
          {field("ksmRatePct", c.ksmRatePct, text("ksmRatePct", "2"))}
          {field(
            "ksmMethod",
            c.ksmMethod,
            select("ksmMethod", [
              ["flat", t.methods.flat!],
              ["declining", t.methods.declining!],
              ["annuity", t.methods.annuity!],
            ]),
          )}
          {field("ijonRatio", c.ijonRatio, text("ijonRatio", "2"))}
          {field("rentenirRatePct", c.rentenirRatePct, text("rentenirRatePct", "10"))}
          {field(
            "rentenirMethod",
            c.rentenirMethod,
            select("rentenirMethod", [
              ["flat", c.flat],
              ["interestOnly", c.interestOnly],
            ]),
          )}
          {field(
            "rentenirPeriod",
            c.rentenirPeriod,
            select("rentenirPeriod", [
              ["month", c.month],
              ["week", c.week],
              ["day", c.day],
            ]),
          )}
          {field("rentenirPeriods", c.rentenirPeriods, text("rentenirPeriods", "", "numeric"))}
          {field("kurRatePct", c.kurRatePct, text("kurRatePct", "6"))}
        </details>
        <div>
          <button type="submit">{c.submit}</button>
        </div>
      </form>
      {error && !result && <p className="warn">{error.message}</p>}
      {result && (
        <>
          <h2>{c.sentence(rp(result.input.amount, locale), result.input.months)}</h2>
          <p>
            {result.lenders.map((l, i) => (
              <span key={l.key}>
                {i > 0 && ", "}
                {c.lenders[l.key]} <strong>{rp(l.costRp, locale)}</strong>
              </span>
            ))}
            .
          </p>
          <CostTable
            costs={quotesBy(result.lenders, (l) => l.costRp)}
            eir={quotesBy(result.lenders, (l) => l.eirPct)}
            locale={locale}
            t={t}
          />
          <h2>{c.sensitivity}</h2>
          <DataTable
            columns={[
              { label: c.ratio },
              { label: c.costIjon, num: true },
              ...SENSITIVITY_MONTHS.map((m) => ({ label: c.monthsShort(m), num: true })),
            ]}
            rows={result.sensitivity.map((r) => ({
              key: r.ratioPct,
              cells: [
                formatDecimal(r.ratioPct / 100, locale, 1),
                rp(r.costRp, locale),
                ...r.byMonths.map((m) => formatPct(m.eirPct / 100, locale, 0)),
              ],
            }))}
          />
          <Sources terms={result.terms} ksm={result.input.ksm} locale={locale} t={t} />
        </>
      )}
      {!result && <Sources terms={DEFAULT_REFERENCE_TERMS} locale={locale} t={t} />}
    </>
  );
}

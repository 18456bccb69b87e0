import Link from "next/link";
import { localDate } from "@/server/domain/dates";
import { SignatureBlock } from "../../../../_components/SignatureBlock";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { SHU_POOLS } from "@/server/domain/shu";
import { formatInt, formatMonth, formatPct, formatTimestamp, rp } from "@/server/i18n/format";
import { getMessages, titled } from "@/server/i18n/locale";
import { loadGroup } from "@/server/shared/context";
import { yearReportModels } from "@/server/read/public-figures";
import { ChainStatus } from "../../../../_components/ChainStatus";
import { Seal } from "../../../../_components/Seal";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("yearReport");

/** A closed year on one printable page: income, costs, SHU and how it was divided — never by name. */
export default async function YearReportPage({ params }: { params: Promise<{ slug: string; tahun: string }> }) {
  const { locale, t } = await getMessages();
  const { slug, tahun } = await params;
  if (!/^\d{4}$/.test(tahun)) notFound();
  const database = await getDatabase();
  let group: Awaited<ReturnType<typeof loadGroup>>;
  let models: Awaited<ReturnType<typeof yearReportModels>>;
  try {
    group = await loadGroup(database.db, slug);
    // The same model as the year's PDF (app/_components/year-report-pdf.ts): the PDF never shows more.
    models = await yearReportModels(database, group, Number(tahun));
  } catch (e) {
    if (e instanceof DomainError) notFound();
    throw e;
  }
  const { report: r, chain, seal } = models;
  const s = t.shu;
  const pct = (v: number | null) => (v === null ? "–" : formatPct(v, locale));
  // An indicator's label is its one name from the glossary (class "term": glossary.integration.test.ts reads it).
  const row = (label: string, amount: string, isTerm = false) => (
    <tr role="row" key={label}>
      <th scope="row" role="rowheader">
        {isTerm ? <span className="term">{label}</span> : label}
      </th>
      <td className="num" role="cell">
        {amount}
      </td>
    </tr>
  );
  const x = r.totals;
  const i = r.indicators;
  return (
    <>
      <h1>
        {s.report} {group.name} — {r.year} {group.isDemo && <span className="badge">{t.demo}</span>}
      </h1>
      <p className="muted">
        {t.village} {group.village}, Kec. {group.kecamatan}, Kab. {group.kabupaten}
      </p>
      <ChainStatus chain={chain} timeZone={group.timeZone} locale={locale} t={t} />
      <nav className="pager no-print" aria-label={s.report}>
        {r.previousYear !== null && (
          <Link prefetch={false} href={`/kelompok/${slug}/tahun/${r.previousYear}`} rel="prev">
            ← {r.previousYear}
          </Link>
        )}{" "}
        <Link prefetch={false} href={`/kelompok/${slug}`}>
          {group.name}
        </Link>{" "}
        {r.nextYear !== null && (
          <Link prefetch={false} href={`/kelompok/${slug}/tahun/${r.nextYear}`} rel="next">
            {r.nextYear} →
          </Link>
        )}
      </nav>
      <p className="no-print">
        <a href={`/kelompok/${slug}/tahun/${r.year}.pdf`} type="application/pdf">
          {t.print.pdf}
        </a>
      </p>
      <h2>{s.income}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table role="table">
          <tbody role="rowgroup">
            {row(s.serviceCharge, rp(x.serviceCharge, locale))}
            {row(s.fines, rp(x.fines, locale))}
            {row(s.otherIncome, rp(x.otherIncome, locale))}
            {row(s.incomeTotal, rp(x.serviceCharge + x.fines + x.otherIncome, locale))}
          </tbody>
        </table>
      </div>
      <h2>{s.costs}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table role="table">
          <tbody role="rowgroup">
            {row(s.expenses, rp(x.expenses, locale))}
            {row(s.writtenOff, rp(x.writtenOff, locale))}
            {row(s.costsTotal, rp(x.expenses + x.writtenOff, locale))}
          </tbody>
        </table>
      </div>
      <h2>{s.shu}</h2>
      <p>
        {s.shuIs} <strong>{rp(r.shu, locale)}</strong>
      </p>
      <h2>{s.division}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table role="table">
          <tbody role="rowgroup">
            {SHU_POOLS.map((p) =>
              row(`${s.pools[p]} (${formatPct(r.rule[p] / 10_000, locale)})`, rp(r.pools[p], locale)),
            )}
            {row(s.membersPaid, formatInt(r.membersPaid, locale))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        {r.rule.memberPayout === "cash" ? s.payoutCash : s.payoutSavings}
        {r.rule.isExample && ` (${s.example})`}. {s.closedOn(formatTimestamp(r.closedAt, group.timeZone, locale))}
      </p>
      <h2>{s.indicators}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table role="table">
          <tbody role="rowgroup">
            {row(s.returnOnSavings, pct(i.returnOnSavings), true)}
            {row(s.returnOnAssets, pct(i.returnOnAssets), true)}
            {row(s.utilisation, pct(i.utilisation), true)}
            {row(s.par30, pct(i.par30), true)}
            {row(s.retention, i.retentionHidden ? t.suppressed : pct(i.retention), true)}
            {row(
              s.averageSavings,
              i.averageSavingsPerMember === null ? t.suppressed : rp(i.averageSavingsPerMember, locale),
              true,
            )}
            {row(s.writeOffRatio, pct(i.writeOffRatio), true)}
          </tbody>
        </table>
      </div>
      <p className="muted">{s.yearEndNote}</p>
      <p className="no-print">
        <Link prefetch={false} href="/metodologi#istilah">
          {t.nav.method}
        </Link>
      </p>
      {seal && (
        <Seal
          slug={slug}
          checkpoint={seal}
          title={t.report.monthSeal(formatMonth(seal.month, locale, true))}
          locale={locale}
          t={t}
        />
      )}
      <SignatureBlock village={group.village} today={localDate(new Date(), group.timeZone)} locale={locale} t={t} />
    </>
  );
}

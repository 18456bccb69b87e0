import Link from "next/link";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { loadGroup } from "@/server/shared/context";
import type { monthlyReport } from "@/server/read/monthly-report";
import { monthReportModels } from "@/server/read/public-figures";
import type { ChainCheck } from "@/server/cache/chain-check";
import { Seal } from "../../../../_components/Seal";
import { ChainStatus } from "../../../../_components/ChainStatus";
import { SignatureBlock } from "../../../../_components/SignatureBlock";
import { localDate } from "@/server/domain/dates";
import { formatDate, formatInt, formatMonth, rp } from "@/server/i18n/format";
import { getMessages, titled } from "@/server/i18n/locale";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("monthlyReport");

/** One A4 page for the village notice board (print stylesheet in globals.css). */
export default async function MonthlyReportPage({ params }: { params: Promise<{ slug: string; bulan: string }> }) {
  const { locale, t } = await getMessages();
  const { slug, bulan } = await params;
  const database = await getDatabase();
  const { db } = database;
  let group: Awaited<ReturnType<typeof loadGroup>>;
  let r: Awaited<ReturnType<typeof monthlyReport>>;
  let chain: ChainCheck;
  try {
    group = await loadGroup(db, slug);
    ({ report: r, chain } = await monthReportModels(database, group, bulan));
  } catch (e) {
    if (e instanceof DomainError) notFound();
    throw e;
  }
  // Only months that have a report: none before the founding month, none after the current one.
  const { previousMonth: prev, nextMonth: next } = r;
  const { opening, closing } = t.report;
  const row = (label: string, a: number, b?: number) => (
    <tr role="row">
      <th scope="row" role="rowheader">
        {label}
      </th>
      <td className="num" role="cell" data-label={b !== undefined ? opening : undefined}>
        {rp(a, locale)}
      </td>
      {b !== undefined && (
        <td className="num" role="cell" data-label={closing}>
          {rp(b, locale)}
        </td>
      )}
    </tr>
  );
  const f = r.flows;
  return (
    <>
      <h1>
        {t.report.title} {group.name} — {formatMonth(bulan, locale, true)}{" "}
        {group.isDemo && <span className="badge">{t.demo}</span>}{" "}
        {r.provisional && <span className="badge">{t.report.provisionalBadge}</span>}
      </h1>
      <p className="muted">
        {t.village} {group.village}, Kec. {group.kecamatan}, Kab. {group.kabupaten}
      </p>
      <ChainStatus chain={chain} timeZone={group.timeZone} locale={locale} t={t} />
      <p className={r.provisional ? "warn" : "muted"}>
        {r.provisional ? t.report.provisional(formatDate(r.graceThrough, locale)) : t.report.closedNote}
      </p>
      <nav className="pager no-print" aria-label={t.report.months}>
        {prev && (
          <Link prefetch={false} href={`/kelompok/${slug}/laporan/${prev}`}>
            ← {formatMonth(prev, locale)}
          </Link>
        )}
        <Link prefetch={false} href={`/kelompok/${slug}`}>
          {group.name}
        </Link>
        {next && (
          <Link prefetch={false} href={`/kelompok/${slug}/laporan/${next}`}>
            {formatMonth(next, locale)} →
          </Link>
        )}
      </nav>
      <p className="no-print">
        <a href={`/kelompok/${slug}/laporan/${bulan}.pdf`} type="application/pdf">
          {t.print.pdf}
        </a>
      </p>
      <h2>{t.balanceSheet}</h2>
      <div className="table-wrap" tabIndex={0}>
        {/* Explicit roles: stacked on a phone, it stays a table to a screen reader. */}
        <table className="stack" role="table">
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader" />
              <th scope="col" role="columnheader" className="num">
                {opening}
              </th>
              <th scope="col" role="columnheader" className="num">
                {closing}
              </th>
            </tr>
          </thead>
          <tbody>
            {row(t.cash, r.opening.cash, r.closing.cash)}
            {row(t.bank, r.opening.bank, r.closing.bank)}
            {row(t.loansOutstanding, r.opening.loansOutstanding, r.closing.loansOutstanding)}
            {row(t.memberSavings, r.opening.memberSavings, r.closing.memberSavings)}
            {row(t.socialFund, r.opening.socialFund, r.closing.socialFund)}
            {row(t.reserve, r.opening.reserve, r.closing.reserve)}
            {row(t.otherFunds, r.opening.otherFunds, r.closing.otherFunds)}
            {row(t.surplus, r.opening.surplus, r.closing.surplus)}
          </tbody>
        </table>
      </div>
      <h2>{t.report.inOut}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <tbody>
            {row(t.collections, f.contributions)}
            {row(t.socialFund, f.socialFundIn)}
            {row(t.report.principalRepaid, f.principalRepaid)}
            {row(t.report.serviceCharge, f.serviceCharge)}
            {row(t.report.fines, f.fines)}
            {row(t.kinds.other_income!, f.otherIncome)}
            {row(t.loansOut, -f.disbursed)}
            {row(t.kinds.savings_withdrawal!, -f.withdrawals)}
            {row(t.kinds.expense!, -f.expenses)}
            {row(t.kinds.write_off!, f.writtenOff)}
          </tbody>
        </table>
      </div>
      <p>
        {t.report.loansDisbursed}: {formatInt(r.loansDisbursed, locale)} · {t.report.corrections}:{" "}
        {formatInt(r.entries.correction ?? 0, locale)}
        {r.correctionsQueried > 0 && <span className="warn"> ({t.correctionsQueried(r.correctionsQueried)})</span>}
      </p>
      <h2>{t.report.cashCounts}</h2>
      {r.cashCounts.length === 0 ? (
        <p>{t.noCashCount}</p>
      ) : (
        <ul>
          {r.cashCounts.map((c) => (
            <li key={`${c.account}-${c.date}-${c.counted}-${c.book}`}>
              {formatDate(c.date, locale)} ({c.account === "bank" ? t.bank : t.cash}): {t.counted}{" "}
              {rp(c.counted, locale)}, {t.book} {rp(c.book, locale)}, {t.difference}{" "}
              <span className={c.difference === 0 ? "ok" : "warn"}>{rp(c.difference, locale)}</span>
              {c.replaceReason && <> · {t.countReplaced(t.countReplaceReasons[c.replaceReason] ?? "")}</>}
              {c.queried && (
                <>
                  {" "}
                  · <span className="warn">{t.queriedBySupervisor(t.queryReasons[c.queried] ?? "")}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {r.sealQueried && <p className="warn">{t.sealQueried(t.queryReasons[r.sealQueried] ?? "")}</p>}
      {r.seal && (
        <Seal
          slug={slug}
          checkpoint={r.seal}
          title={t.report.monthSeal(formatMonth(bulan, locale, true))}
          locale={locale}
          t={t}
        />
      )}
      <SignatureBlock village={group.village} today={localDate(new Date(), group.timeZone)} locale={locale} t={t} />
    </>
  );
}

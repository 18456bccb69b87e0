import Link from "next/link";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { addMonths } from "@/server/domain/dates";
import { loadGroup } from "@/server/shared/context";
import { cashBookMonthModels, cashBookMonthOf } from "@/server/read/cash-book";
import { formatMonth } from "@/server/i18n/format";
import { getMessages, titled } from "@/server/i18n/locale";
import { verifyUrl } from "../../../_components/Seal";
import { sealCovers } from "../../../_components/seal-words";
import { CashBookTable } from "../../../_components/CashBookTable";
import { ChainStatus } from "../../../_components/ChainStatus";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("cashBook");

/**
 * The cash book, one month at a time (`?bulan=YYYY-MM`, or `?no=N` for the month of entry N): Masuk,
 * Keluar and Saldo for cash and bank, the month's seal once above it. The month is picked by a GET
 * form and plain links — no script.
 */
export default async function LedgerPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ bulan?: string; no?: string }>;
}) {
  const { locale, t } = await getMessages();
  const c = t.cashBook;
  const database = await getDatabase();
  const { db } = database;
  const { slug } = await params;
  const q = await searchParams;
  let models: Awaited<ReturnType<typeof cashBookMonthModels>>;
  let group: Awaited<ReturnType<typeof loadGroup>>;
  try {
    group = await loadGroup(db, slug);
    const month = await cashBookMonthOf(db, group, {
      bulan: typeof q.bulan === "string" ? q.bulan : undefined,
      no: typeof q.no === "string" ? q.no : undefined,
    });
    models = await cashBookMonthModels(database, group, month);
  } catch (e) {
    if (e instanceof DomainError) notFound();
    throw e;
  }
  const { month, book, seal, chain, months } = models;
  const here = `/kelompok/${group.slug}/buku-kas`;
  const prev = addMonths(`${month}-01`, -1).slice(0, 7);
  const next = addMonths(`${month}-01`, 1).slice(0, 7);
  const monthName = formatMonth(month, locale, true);
  return (
    <>
      <h1>
        {t.ledgerTitle}: {group.name} — {monthName} {group.isDemo && <span className="badge">{t.demo}</span>}
      </h1>
      <ChainStatus chain={chain} timeZone={group.timeZone} locale={locale} t={t} />
      <p>{chain.problem ? c.introUnchecked : c.intro}</p>
      <p className="muted">
        <Link prefetch={false} href={`/kelompok/${group.slug}`}>
          ← {group.name}
        </Link>{" "}
        · <a href={`/api/open/groups/${group.slug}/ledger.csv`}>CSV</a> ·{" "}
        <a href={`/api/open/groups/${group.slug}/ledger.json`}>JSON</a>
      </p>
      <form method="get" action={here} className="inline no-print">
        <label htmlFor="bulan">{c.pick}</label>
        <select id="bulan" name="bulan" defaultValue={month}>
          {months.map((m) => (
            <option key={m} value={m}>
              {formatMonth(m, locale, true)}
            </option>
          ))}
        </select>{" "}
        <button type="submit">{c.show}</button>
      </form>
      <nav className="pager no-print" aria-label={t.report.months}>
        {months.includes(prev) ? (
          <Link prefetch={false} href={`${here}?bulan=${prev}`} rel="prev">
            ← {formatMonth(prev, locale)}
          </Link>
        ) : (
          <span />
        )}
        {months.includes(next) ? (
          <Link prefetch={false} href={`${here}?bulan=${next}`} rel="next">
            {formatMonth(next, locale)} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
      <section aria-labelledby="segel-bulan" className="cb-seal">
        <h2 id="segel-bulan">{c.seal(monthName)}</h2>
        {seal ? (
          <>
            <p>
              {c.sealAt(seal.seq)} <strong className="seal-code">{seal.seal}</strong>
              {!seal.closed && <span className="muted"> — {c.sealOpen}</span>}
            </p>
            {seal.closed && <p className="muted">{sealCovers(seal, locale, t)}</p>}
            <details>
              <summary>{c.fullHash}</summary>
              <code className="hash">{seal.hash}</code>
              <p>
                <a href={verifyUrl(group.slug, seal.seq, seal.hash)}>{c.check}</a>
              </p>
              <p className="muted">
                {c.everyHash} <a href={`/api/open/groups/${group.slug}/ledger.json`}>ledger.json</a>
              </p>
            </details>
          </>
        ) : (
          <p className="muted">{c.noSeal}</p>
        )}
      </section>
      {book.lines.length === 0 && <p>{c.none}</p>}
      <CashBookTable slug={group.slug} book={book} locale={locale} t={t} />
    </>
  );
}

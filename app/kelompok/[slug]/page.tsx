import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { groupPageModels, ledgerPage } from "@/server/read/public-figures";
import { lastMonths, perMemberYear } from "@/server/domain/figures";
import { loadGroup } from "@/server/shared/context";
import { watchChains } from "@/server/cache/chain-check";
import { getMessages } from "@/server/i18n/locale";
import { formatDate, formatInt, formatMonth, formatPct, formatTimestamp, rp } from "@/server/i18n/format";
import { Card, Small } from "../../_components/Money";
import { EntryTable } from "../../_components/EntryTable";
import { MoneyNotSafe, MoneySafe } from "../../_components/MoneySafe";
import { Seal } from "../../_components/Seal";
import { ChainChecked, ChainStatus, type ChainShown } from "../../_components/ChainStatus";
import type { GroupRow } from "@/server/shared/context";
import type { Locale, Messages } from "@/server/i18n/messages";
import { DataTable } from "../../_components/DataTable";
import { MonthlyFigures } from "../../_components/MonthlyFigures";
import { CostTable } from "../../_components/CostTable";
import { Sources } from "../../_components/Sources";
import { repaidIn } from "@/server/domain/indicators";
import { ShareOut } from "../../_components/ShareOut";
import { METHOD_LENDING } from "@/server/i18n/pages";
import { lendingRuleOf } from "@/server/shared/lending-rule";
import { safetyModel } from "@/server/read/safety";

export const dynamic = "force-dynamic";

async function findGroup(slug: string) {
  const database = await getDatabase();
  const db = database.db;
  try {
    return { database, db, group: await loadGroup(db, slug) };
  } catch (e) {
    if (e instanceof DomainError) notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { group } = await findGroup((await params).slug);
  return { title: group.name };
}

export default async function GroupPage({ params }: { params: Promise<{ slug: string }> }) {
  const { locale, t } = await getMessages();
  const { database, db, group } = await findGroup((await params).slug);
  watchChains(database);
  const [{ figures: f, chain, checkpoints }, latest, lending, safety] = await Promise.all([
    groupPageModels(database, group),
    ledgerPage(db, group, { limit: 10 }),
    lendingRuleOf(db, group),
    safetyModel(database, group),
  ]);
  if (!f) return <WithheldGroupPage group={group} chain={chain} locale={locale} t={t} />;
  const s = { f, locale, t };
  return (
    <>
      <GroupTrust {...s} group={group} chain={chain} checkpoints={checkpoints} safety={safety} />
      <GroupBalances {...s} lending={lending} />
      <GroupMonths {...s} />
      <GroupLoans {...s} />
      <GroupCosts {...s} />
      <GroupBookTail {...s} slug={group.slug} latest={latest} />
    </>
  );
}

type Figures = NonNullable<Awaited<ReturnType<typeof groupPageModels>>["figures"]>;
/** What every part of the page is drawn from: the group's figures, in the reader's language. */
type Section = { f: Figures; locale: Locale; t: Messages };

/** Who the group is, and whether its money is safe: the verdict first, the book's check and its seals a tap away. */
function GroupTrust({
  f,
  group,
  chain,
  checkpoints,
  safety,
  locale,
  t,
}: Section & {
  group: GroupRow;
  chain: ChainShown;
  checkpoints: Awaited<ReturnType<typeof groupPageModels>>["checkpoints"];
  safety: Awaited<ReturnType<typeof safetyModel>>;
}) {
  const sealNow = checkpoints.at(-1);
  // The last month closed: its seal is final (a month in its grace period still moves).
  const sealLastMonth = checkpoints.findLast((c) => c.closed);
  return (
    <>
      <h1>
        {f.group.name} {f.group.isDemo && <span className="badge">{t.demo}</span>}
      </h1>
      <p className="muted">
        {t.village} {f.group.village}, Kec. {f.group.kecamatan}, Kab. {f.group.kabupaten}, {f.group.provinsi} ·{" "}
        {t.founded} {formatDate(f.group.foundedOn, locale)}
      </p>
      <ChainStatus chain={chain} timeZone={f.group.timeZone} locale={locale} t={t} />
      <MoneySafe
        f={f}
        seal={sealLastMonth}
        chain={chain}
        safety={safety}
        graceDays={group.monthGraceDays}
        locale={locale}
        t={t}
      />
      {/* Plain words first (the verdict above); the hash check and the seals' codes a tap away (cold try #27). */}
      <details className="book-check no-print">
        <summary>{t.bookCheck}</summary>
        <p>
          <ChainChecked chain={chain} timeZone={f.group.timeZone} locale={locale} t={t} />{" "}
          {f.head.lastEntryAt &&
            t.freshness(formatTimestamp(f.head.lastEntryAt, f.group.timeZone, locale), f.head.lastSeq)}
        </p>
        {sealLastMonth && (
          <Seal
            slug={group.slug}
            checkpoint={sealLastMonth}
            title={t.seal.lastMonth(formatMonth(sealLastMonth.month, locale))}
            locale={locale}
            t={t}
          />
        )}
        {sealNow && sealNow.seq !== sealLastMonth?.seq && (
          <Seal slug={group.slug} checkpoint={sealNow} title={t.seal.now} locale={locale} t={t} />
        )}
      </details>
    </>
  );
}

/** The members, the balance sheet and the lending policy. */
function GroupBalances({ f, lending, locale, t }: Section & { lending: Awaited<ReturnType<typeof lendingRuleOf>> }) {
  const z = METHOD_LENDING[locale];
  const b = f.balances;
  return (
    <>
      <h2>{t.members}</h2>
      <ul className="cards">
        <Card label={t.activeMembers} value={formatInt(f.members.active, locale)} />
        <Card label={t.women} value={<Small v={f.members.women} locale={locale} />} />
        <Card label={t.men} value={<Small v={f.members.men} locale={locale} />} />
        <Card
          label={t.impact.retentionPerYear}
          value={f.indicators.retentionPerYearHidden ? t.suppressed : formatPct(f.indicators.retentionPerYear, locale)}
        />
      </ul>

      <h2>{t.balanceSheet}</h2>
      <DataTable
        rows={(
          [
            "cash",
            "bank",
            "loansOutstanding",
            "memberSavings",
            "socialFund",
            "reserve",
            "otherFunds",
            "surplus",
          ] as const
        ).map((k) => ({
          key: k,
          // Surplus is a glossary term (/metodologi#istilah); the accounts' plain names are not.
          cells: [
            k === "surplus" ? (
              <span key="label" className="term">
                {t[k]}
              </span>
            ) : (
              t[k]
            ),
            rp(b[k], locale),
          ],
        }))}
      />
      <p className="muted">
        {t.policy}:{" "}
        {t.policyLine(
          formatPct(f.group.loanRateBpsPerMonth / 10_000, locale),
          t.methods[f.group.loanMethod] ?? f.group.loanMethod,
          f.group.loanMaxTermMonths,
        )}{" "}
        <Link prefetch={false} href="/metodologi#pinjaman">
          {z.title}
        </Link>
        : {z.line(lending.savingsMultiple, rp(lending.maxPrincipal, locale))}
        {lending.isDefault ? ` (${z.byDefault})` : lending.isExample ? ` (${z.example})` : ""}.
      </p>
    </>
  );
}

/** The share-out, this month's money and the last twelve months'. */
function GroupMonths({ f, locale, t }: Section) {
  const months = lastMonths(f.months, f.today, 12);
  const thisMonth = months.at(-1)!;
  return (
    <>
      <h2>{t.shu.title}</h2>
      <ShareOut f={f} locale={locale} t={t} />

      <h2>
        {t.thisMonth} ({formatMonth(thisMonth.month, locale, true)})
      </h2>
      <ul className="cards">
        <Card label={t.collections} value={rp(thisMonth.contributions, locale)} />
        <Card label={t.loansOut} value={rp(thisMonth.disbursed, locale)} />
        <Card label={t.repayments} value={rp(repaidIn(thisMonth), locale)} />
      </ul>

      {/* Left off the printout: the group page prints on at most two A4 pages. */}
      <div className="no-print">
        <h2>{t.last12}</h2>
        <MonthlyFigures
          rows={months.map((m) => ({
            month: m.month,
            collections: m.contributions,
            loansOut: m.disbursed,
            repayments: repaidIn(m),
            href: `/kelompok/${f.group.slug}/laporan/${m.month}`,
          }))}
          locale={locale}
          t={t}
        />
      </div>
    </>
  );
}

/** Contributions kept, loans repaid, loans by status and by purpose. */
function GroupLoans({ f, locale, t }: Section) {
  return (
    <>
      <h2>{t.compliance}</h2>
      <p>
        <strong>{formatPct(f.compliance.ratio, locale)}</strong> — {formatInt(f.compliance.daysPaid, locale)}{" "}
        {t.daysPaid} / {formatInt(f.compliance.daysOwed, locale)} {t.daysOwed}
        <br />
        <span className="muted">{t.complianceDef}</span>
      </p>

      <h2>{t.repaymentPerformance}</h2>
      <ul className="cards">
        <Card label={t.repaymentRate} value={formatPct(f.loans.repaymentRate, locale)} />
        <Card label={t.par30} value={formatPct(f.loans.par30, locale)} />
        <Card label={t.loansOutstanding} value={rp(f.loans.outstanding, locale)} />
      </ul>
      <p className="muted">
        {t.repaymentRateDef} {t.par30Def}
      </p>
      <DataTable
        caption={t.loansByStatus}
        rows={Object.entries(f.loans.byStatus)
          .filter(([, n]) => n.suppressed || n.value > 0)
          .map(([status, n]) => ({
            key: status,
            cells: [
              <span key="s" className="term">
                {t.statuses[status]}
              </span>,
              <Small key="n" v={n} locale={locale} />,
            ],
          }))}
      />

      {/* Left off the printout: the group page prints on at most two A4 pages. */}
      <div className="no-print">
        <h2>{t.loansByPurpose}</h2>
        <DataTable
          columns={[{ label: t.purpose }, { label: t.count, num: true }, { label: t.principal, num: true }]}
          rows={f.loans.byPurpose.map((p) => ({
            key: p.purpose,
            cells: [
              t.purposes[p.purpose],
              <Small key="n" v={p.count} locale={locale} />,
              <Small key="p" v={p.principal} locale={locale} money />,
            ],
          }))}
        />
        <p className="muted">{t.suppressedNote}</p>
      </div>
    </>
  );
}

/** What the group's loans cost beside the informal lenders', in total and loan by loan. */
function GroupCosts({ f, locale, t }: Section) {
  const perYear = perMemberYear(f.costs.avoided.atLeast, f.costs.avoided.memberDays);
  return (
    <>
      <h2>{t.compare.costAvoided}</h2>
      <p>
        <strong>{t.compare.costAvoidedAtLeast(rp(f.costs.avoided.atLeast, locale))}</strong> (
        {t.compare.costAvoidedRange(rp(f.costs.avoided.ifOthersRentenir, locale))}) ·{" "}
        {t.compare.overLoans(formatInt(f.costs.loans, locale))}
        {perYear !== null && (
          <>
            <br />
            {t.compare.costAvoidedPerMemberYear(rp(perYear, locale))}
          </>
        )}
      </p>
      <p className="muted">{t.compare.costAvoidedDef}</p>
      <CostTable costs={{ ...f.costs.totals }} locale={locale} t={t} />
      <p className="muted">{f.costs.terms.isDefault ? t.compare.defaultTerms : t.compare.groupTerms}</p>
      {/* Left off the printout: the group page prints on at most two A4 pages. */}
      <div className="no-print">
        <Sources
          terms={f.costs.terms}
          ksm={{ rateBpsPerMonth: f.group.loanRateBpsPerMonth, method: f.group.loanMethod }}
          locale={locale}
          t={t}
        />
        <h3>{t.compare.perLoan}</h3>
        <DataTable
          rowHeaders={false}
          columns={[
            { label: t.date },
            { label: t.compare.termCol },
            { label: t.principal, num: true },
            ...(["ksm", "kur", "rentenir", "ijon"] as const).map((k) => ({ label: t.compare.lenders[k], num: true })),
            { label: t.compare.comparedWith },
          ]}
          rows={f.costs.recent.map((l, i) => ({
            key: i,
            cells: [
              formatDate(l.disbursedOn, locale),
              t.compare.monthsShort(l.termMonths),
              rp(l.principal, locale),
              rp(l.costs.ksm, locale),
              rp(l.costs.kur, locale),
              rp(l.costs.rentenir, locale),
              rp(l.costs.ijon, locale),
              t.compare.lenders[l.comparedWith],
            ],
          }))}
        />
        <p>
          <a href={`/bandingkan?kelompok=${f.group.slug}`}>{t.nav.compare}</a>
        </p>
      </div>
    </>
  );
}

/** The last cash count, and the latest entries of the book. */
function GroupBookTail({
  f,
  slug,
  latest,
  locale,
  t,
}: Section & { slug: string; latest: Awaited<ReturnType<typeof ledgerPage>> }) {
  return (
    <>
      <h2>{t.lastCashCount}</h2>
      {f.lastCashCount ? (
        <p>
          {formatDate(f.lastCashCount.businessDate, locale)}: {t.counted} {rp(f.lastCashCount.countedAmount, locale)},{" "}
          {t.book} {rp(f.lastCashCount.bookAmount, locale)},{" "}
          <span className={f.lastCashCount.difference === 0 ? "ok" : "warn"}>
            {t.difference} {rp(f.lastCashCount.difference, locale)}
          </span>
          {f.lastCashCount.replaceReason && (
            <>
              {" "}
              <span className="warn">
                · {t.countReplaced(t.countReplaceReasons[f.lastCashCount.replaceReason] ?? "")}
              </span>
            </>
          )}
          {f.lastCashCount.queried && (
            <>
              {" "}
              <span className="warn">· {t.queriedBySupervisor(t.queryReasons[f.lastCashCount.queried] ?? "")}</span>
            </>
          )}
        </p>
      ) : (
        <p>{t.noCashCount}</p>
      )}

      {/* Left off the printout: the group page prints on at most two A4 pages. */}
      <div className="no-print">
        <h2>{t.latestEntries}</h2>
        <EntryTable slug={slug} entries={latest.entries} locale={locale} t={t} />
        <p>
          <Link prefetch={false} href={`/kelompok/${f.group.slug}/buku-kas`}>
            {t.allEntries}
          </Link>{" "}
          · <a href={`/api/open/groups/${f.group.slug}.json`}>{t.openData}</a>
        </p>
      </div>
    </>
  );
}

/** A group whose book failed its check and can no longer be replayed: the warning, and no figures. */
function WithheldGroupPage({
  group,
  chain,
  locale,
  t,
}: {
  group: GroupRow;
  chain: ChainShown;
  locale: Locale;
  t: Messages;
}) {
  return (
    <>
      <h1>
        {group.name} {group.isDemo && <span className="badge">{t.demo}</span>}
      </h1>
      <p className="muted">
        {t.village} {group.village}, Kec. {group.kecamatan}, Kab. {group.kabupaten}, {group.provinsi} · {t.founded}{" "}
        {formatDate(group.foundedOn, locale)}
      </p>
      <ChainStatus chain={chain} timeZone={group.timeZone} locale={locale} t={t} />
      <MoneyNotSafe t={t} />
      <p>{t.figuresWithheld}</p>
      <p>
        <Link prefetch={false} href={`/kelompok/${group.slug}/buku-kas`}>
          {t.ledgerTitle}
        </Link>
      </p>
    </>
  );
}

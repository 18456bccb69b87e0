import Link from "next/link";
import { getDatabase } from "@/db/client";
import { pageOf } from "@/server/domain/portal";
import { impactFigures } from "@/server/read/impact";
import { FlaggedGroups } from "../_components/ChainStatus";
import { formatInt, formatPct, rp } from "@/server/i18n/format";
import { GLOSSARY } from "@/server/i18n/glossary";
import { getMessages, titled } from "@/server/i18n/locale";
import { Card, costAvoidedNote } from "../_components/Money";
import { MonthlyFigures } from "../_components/MonthlyFigures";
import { DataTable } from "../_components/DataTable";
import { Pager } from "../_components/Pager";

/** Groups side by side in the comparison table: as many as a phone screen can scroll through. */
const GROUPS_PER_PAGE = 8;

export const dynamic = "force-dynamic";
export const generateMetadata = titled("impact");

type Impact = Awaited<ReturnType<typeof impactFigures>>;
type Group = Impact["groups"][number];
type Words = Awaited<ReturnType<typeof getMessages>>;

export default async function ImpactPage({ searchParams }: { searchParams: Promise<{ hal?: string }> }) {
  const { locale, t } = await getMessages();
  const i = t.impact;
  const x = await impactFigures(await getDatabase());
  const shown = pageOf(x.groups, (await searchParams).hal, GROUPS_PER_PAGE);
  const w = { locale, t };
  return (
    <>
      <h1>{i.title}</h1>
      <p>{i.intro}</p>
      <FlaggedGroups flagged={x.flagged} locale={locale} t={t} />
      <ImpactTotals {...w} x={x} />
      <ImpactPlaces {...w} x={x} />
      <CompareGroups {...w} shown={shown} />
      <p className="muted">{t.suppressedNote}</p>
      <p>
        <Link prefetch={false} href="/data">
          {t.nav.data}
        </Link>{" "}
        ·{" "}
        <Link prefetch={false} href="/metodologi">
          {t.nav.method}
        </Link>
      </p>
    </>
  );
}

/** What every group together holds, lends and saves its members. */
function ImpactTotals({ x, locale, t }: Words & { x: Impact }) {
  const i = t.impact;
  const money = (v: number | null) => (v === null ? t.suppressed : rp(v, locale));
  return (
    <>
      <h2>{t.totals}</h2>
      <ul className="cards">
        <Card label={t.groups} value={formatInt(x.all.groups, locale)} />
        <Card label={t.activeMembers} value={formatInt(x.all.members, locale)} />
        <Card label={t.savingsMobilised} value={rp(x.all.savingsCollected, locale)} />
        <Card label={t.loansDisbursed} value={rp(x.all.loansDisbursed, locale)} />
        <Card label={t.loansOutstanding} value={rp(x.all.loansOutstanding, locale)} />
        <Card
          label={t.compare.costAvoided}
          value={t.compare.costAvoidedAtLeast(rp(x.all.costAvoided.atLeast, locale))}
          note={costAvoidedNote(x.all.costAvoided, locale)}
        />
        <Card label={i.savingsPerMember} value={money(x.all.savingsPerMember)} />
        <Card label={t.compliance} value={formatPct(x.all.compliance, locale)} />
      </ul>
      <p className="muted">
        {t.compare.costAvoidedDef}{" "}
        <Link prefetch={false} href="/metodologi#istilah">
          {t.nav.method}
        </Link>
      </p>
    </>
  );
}

/** The months' trend, and the villages side by side. */
function ImpactPlaces({ x, locale, t }: Words & { x: Impact }) {
  const i = t.impact;
  return (
    <>
      <h2>{i.trend}</h2>
      <MonthlyFigures rows={x.trend} locale={locale} t={t} />
      <h2>{i.perVillage}</h2>
      <DataTable
        columns={[
          { label: t.village },
          { label: t.groups, num: true },
          { label: t.activeMembers, num: true },
          { label: t.memberSavings, num: true },
          { label: t.loansOutstanding, num: true },
          { label: t.compliance, num: true },
        ]}
        rows={x.villages.map((v) => ({
          key: v.village,
          cells: [
            v.village,
            formatInt(v.groups, locale),
            formatInt(v.members, locale),
            rp(v.memberSavings, locale),
            rp(v.loansOutstanding, locale),
            formatPct(v.compliance, locale),
          ],
        }))}
      />
    </>
  );
}

/** The groups of this page side by side, one indicator a row. */
function CompareGroups({ shown, locale, t }: Words & { shown: ReturnType<typeof pageOf<Group>> }) {
  const i = t.impact;
  const indicators = indicatorRows({ locale, t });
  return (
    <>
      <h2 id="banding">{i.compareGroups}</h2>
      <DataTable
        columns={[
          { label: i.indicators },
          ...shown.items.map((g) => ({
            label: (
              <Link prefetch={false} href={`/kelompok/${g.group.slug}`}>
                {g.group.name}
              </Link>
            ),
            // Stacked at 360 px, each figure carries its group's name.
            text: g.group.name,
            num: true,
          })),
        ]}
        rows={indicators.map(([name, def, f]) => ({
          key: name,
          cells: [
            <>
              <span className="term">{name}</span>
              <br />
              <span className="muted">{def}</span>
            </>,
            ...shown.items.map((g) => f(g)),
          ],
        }))}
      />
      <Pager page={shown.page} pages={shown.pages} href={(n) => `/dampak?hal=${n}#banding`} t={t} />
    </>
  );
}

/** The indicators compared, each with its one name, its formula and its value for a group. */
function indicatorRows({ locale, t }: Words): [string, string, (g: Group) => string][] {
  const i = t.impact;
  const money = (v: number | null) => (v === null ? t.suppressed : rp(v, locale));
  const last = (g: Group) => g.closedYears.at(-1);
  const yearly = (f: (y: NonNullable<ReturnType<typeof last>>) => string) => (g: Group) => {
    const y = last(g);
    return y ? `${f(y)} (${y.year})` : "–";
  };
  // Each row: the indicator's one name (server/i18n/glossary.ts), its formula, its value per group.
  // Yearly figures are the latest closed year's, as its yearly report keeps them (never since founding).
  return [
    [t.par30, t.par30Def, (g) => formatPct(g.loans.par30, locale)],
    [t.repaymentRate, t.repaymentRateDef, (g) => formatPct(g.loans.repaymentRate, locale)],
    [i.savingsPerMember, i.savingsPerMemberDef, (g) => money(g.indicators.savingsPerMember)],
    [
      i.pctWithLoan,
      i.pctWithLoanDef,
      (g) => (g.indicators.pctWithLoan === null ? t.suppressed : formatPct(g.indicators.pctWithLoan, locale)),
    ],
    [i.utilisation, i.utilisationDef, (g) => formatPct(g.indicators.utilisation, locale)],
    [t.compliance, t.complianceDef, (g) => formatPct(g.compliance.ratio, locale)],
    [
      i.dropout,
      i.dropoutDef,
      (g) => (g.indicators.dropoutHidden ? t.suppressed : formatPct(g.indicators.dropout, locale)),
    ],
    [
      i.retentionPerYear,
      i.retentionPerYearDef,
      (g) => (g.indicators.retentionPerYearHidden ? t.suppressed : formatPct(g.indicators.retentionPerYear, locale)),
    ],
    [t.shu.shu, `${GLOSSARY.shu[locale].formula} ${t.shu.lastClosedDef}`, yearly((y) => rp(y.shu, locale))],
    [
      t.shu.returnOnSavings,
      `${GLOSSARY.return_on_savings[locale].formula} ${t.shu.lastClosedDef}`,
      yearly((y) => formatPct(y.indicators.returnOnSavings, locale)),
    ],
    [
      t.shu.returnOnAssets,
      `${GLOSSARY.return_on_assets[locale].formula} ${t.shu.lastClosedDef}`,
      yearly((y) => formatPct(y.indicators.returnOnAssets, locale)),
    ],
    [
      t.shu.retention,
      `${GLOSSARY.retention[locale].formula} ${t.shu.lastClosedDef}`,
      yearly((y) => (y.indicators.retentionHidden ? t.suppressed : formatPct(y.indicators.retention, locale))),
    ],
    [
      t.shu.writeOffRatio,
      `${GLOSSARY.write_off_ratio[locale].formula} ${t.shu.lastClosedDef}`,
      yearly((y) => formatPct(y.indicators.writeOffRatio, locale)),
    ],
  ];
}

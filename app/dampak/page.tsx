import Link from "next/link";
import { getDatabase } from "@/db/client";
import { pageOf } from "@/server/domain/portal";
import { impactFigures } from "@/server/services/impact";
import { FlaggedGroups } from "../_components/ChainStatus";
import { formatInt, formatPct, rp } from "@/server/i18n/format";
import { getMessages, titled } from "@/server/i18n/locale";
import { Card } from "../_components/Money";
import { MonthlyFigures } from "../_components/MonthlyFigures";
import { DataTable } from "../_components/DataTable";
import { Pager } from "../_components/Pager";

/** Groups side by side in the comparison table: as many as a phone screen can scroll through. */
const GROUPS_PER_PAGE = 8;

export const dynamic = "force-dynamic";
export const generateMetadata = titled("impact");

export default async function ImpactPage({ searchParams }: { searchParams: Promise<{ hal?: string }> }) {
  const { locale, t } = await getMessages();
  const i = t.impact;
  const x = await impactFigures(await getDatabase());
  const shown = pageOf(x.groups, (await searchParams).hal, GROUPS_PER_PAGE);
  const money = (v: number | null) => (v === null ? t.suppressed : rp(v, locale));
  const indicators: [string, string, (g: (typeof x.groups)[number]) => string][] = [
    [t.par30, t.par30Def, (g) => formatPct(g.loans.par30, locale)],
    [t.repaymentRate, t.repaymentRateDef, (g) => formatPct(g.loans.repaymentRate, locale)],
    [i.savingsPerMember, i.savingsPerMemberDef, (g) => money(g.indicators.savingsPerMember)],
    [
      i.pctWithLoan,
      i.pctWithLoanDef,
      (g) => (g.indicators.pctWithLoan === null ? t.suppressed : formatPct(g.indicators.pctWithLoan, locale)),
    ],
    [i.utilisation, i.utilisationDef, (g) => formatPct(g.indicators.utilisation, locale)],
    [i.returnOnSavings, i.returnOnSavingsDef, (g) => formatPct(g.indicators.returnOnSavings, locale)],
    [t.compliance, t.complianceDef, (g) => formatPct(g.compliance.ratio, locale)],
    [
      i.dropout,
      i.dropoutDef,
      (g) => (g.indicators.dropoutHidden ? t.suppressed : formatPct(g.indicators.dropout, locale)),
    ],
    // The latest closed year, as its yearly report keeps it.
    ...(
      [
        [t.shu.shu, (g) => rp(g.closedYears.at(-1)!.shu, locale)],
        [t.shu.returnOnSavings, (g) => formatPct(g.closedYears.at(-1)!.indicators.returnOnSavings, locale)],
        [t.shu.returnOnAssets, (g) => formatPct(g.closedYears.at(-1)!.indicators.returnOnAssets, locale)],
        [
          t.shu.retention,
          (g) =>
            g.closedYears.at(-1)!.indicators.retentionHidden
              ? t.suppressed
              : formatPct(g.closedYears.at(-1)!.indicators.retention, locale),
        ],
        [t.shu.writeOffRatio, (g) => formatPct(g.closedYears.at(-1)!.indicators.writeOffRatio, locale)],
      ] as [string, (g: (typeof x.groups)[number]) => string][]
    ).map(([name, f]): [string, string, (g: (typeof x.groups)[number]) => string] => [
      `${name} — ${t.shu.lastClosed}`,
      t.shu.lastClosedDef,
      (g) => (g.closedYears.length ? `${f(g)} (${g.closedYears.at(-1)!.year})` : "–"),
    ]),
  ];
  return (
    <>
      <h1>{i.title}</h1>
      <p>{i.intro}</p>
      <FlaggedGroups flagged={x.flagged} locale={locale} t={t} />
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
          note={t.compare.costAvoidedRange(rp(x.all.costAvoided.ifAllIjon, locale))}
        />
        <Card label={i.savingsPerMember} value={money(x.all.savingsPerMember)} />
        <Card label={t.compliance} value={formatPct(x.all.compliance, locale)} />
      </ul>
      <p className="muted">{t.compare.costAvoidedDef}</p>
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
              {name}
              <br />
              <span className="muted">{def}</span>
            </>,
            ...shown.items.map((g) => f(g)),
          ],
        }))}
      />
      <Pager page={shown.page} pages={shown.pages} href={(n) => `/dampak?hal=${n}#banding`} t={t} />
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

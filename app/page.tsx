import Link from "next/link";
import { getDatabase } from "@/db/client";
import { groupFiguresCached, listGroups } from "@/server/services/public-figures";
import { getMessages } from "@/server/i18n/locale";
import { formatDate, formatInt, rp } from "@/server/i18n/format";
import { Card } from "./_components/Money";

export const dynamic = "force-dynamic";

export default async function Home() {
  const { locale, t } = await getMessages();
  const database = await getDatabase();
  const figures = await Promise.all((await listGroups(database.db)).map((g) => groupFiguresCached(database, g)));
  const sum = (f: (x: (typeof figures)[number]) => number) => figures.reduce((s, x) => s + f(x), 0);
  return (
    <>
      <h1>{t.siteName}</h1>
      {t.intro.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <h2>{t.totals}</h2>
      <ul className="cards">
        <Card label={t.groups} value={formatInt(figures.length, locale)} />
        <Card label={t.activeMembers} value={formatInt(sum((f) => f.members.active), locale)} />
        <Card label={t.savingsMobilised} value={rp(sum((f) => f.totals.contributions), locale)} />
        <Card label={t.loansDisbursed} value={rp(sum((f) => f.totals.disbursed), locale)} />
        <Card label={t.loansOutstanding} value={rp(sum((f) => f.balances.loansOutstanding), locale)} />
        <Card label={t.compare.costAvoided} value={rp(sum((f) => f.costs.avoidedVsIjon), locale)} />
      </ul>
      <p className="muted">
        {t.compare.costAvoidedDef} <a href="/metodologi">{t.compare.method}</a> · <a href="/bandingkan">{t.nav.compare}</a>
      </p>
      <h2>{t.groups}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.groups}</th>
              <th scope="col">{t.village}</th>
              <th scope="col" className="num">{t.activeMembers}</th>
              <th scope="col" className="num">{t.memberSavings}</th>
              <th scope="col" className="num">{t.loansOutstanding}</th>
              <th scope="col" className="num">{t.cash}</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.group.slug}>
                <td>
                  <Link prefetch={false} href={`/kelompok/${f.group.slug}`}>{f.group.name}</Link> {f.group.isDemo && <span className="badge">{t.demo}</span>}
                  <br />
                  <span className="muted">
                    {t.founded} {formatDate(f.group.foundedOn, locale)}
                  </span>
                </td>
                <td>{f.group.village}</td>
                <td className="num">{formatInt(f.members.active, locale)}</td>
                <td className="num">{rp(f.balances.memberSavings, locale)}</td>
                <td className="num">{rp(f.balances.loansOutstanding, locale)}</td>
                <td className="num">{rp(f.balances.cash, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

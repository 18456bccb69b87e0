import Link from "next/link";
import { getDatabase } from "@/db/client";
import { findGroups, impactFigures, pageOf } from "@/server/services/impact";
import { getMessages } from "@/server/i18n/locale";
import { formatDate, formatInt, rp } from "@/server/i18n/format";
import { Card } from "./_components/Money";
import { Pager } from "./_components/Pager";

/** Groups listed per page: a phone page stays small at a thousand groups. */
const GROUPS_PER_PAGE = 25;

export const dynamic = "force-dynamic";

export default async function Home({ searchParams }: { searchParams: Promise<{ hal?: string; cari?: string }> }) {
  const { locale, t } = await getMessages();
  const portal = await impactFigures(await getDatabase());
  const all = portal.all;
  const asked = await searchParams;
  const found = findGroups(portal.groups, asked.cari);
  const list = pageOf(found.groups, asked.hal, GROUPS_PER_PAGE);
  const pageHref = (n: number) => `/?${found.query ? `cari=${encodeURIComponent(found.query)}&` : ""}hal=${n}#kelompok`;
  return (
    <>
      <h1>{t.siteName}</h1>
      {t.intro.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <h2>{t.totals}</h2>
      <ul className="cards">
        <Card label={t.groups} value={formatInt(all.groups, locale)} />
        <Card label={t.activeMembers} value={formatInt(all.members, locale)} />
        <Card label={t.savingsMobilised} value={rp(all.savingsCollected, locale)} />
        <Card label={t.loansDisbursed} value={rp(all.loansDisbursed, locale)} />
        <Card label={t.loansOutstanding} value={rp(all.loansOutstanding, locale)} />
        <Card label={t.compare.costAvoided} value={rp(all.costAvoided, locale)} />
      </ul>
      <p className="muted">
        {t.compare.costAvoidedDef} <a href="/metodologi">{t.compare.method}</a> · <a href="/bandingkan">{t.nav.compare}</a>
      </p>
      <h2 id="kelompok">{t.groups}</h2>
      {(portal.groups.length > GROUPS_PER_PAGE || found.query) && (
        <form method="get" action="/#kelompok" role="search" className="inline">
          <label htmlFor="cari">{t.findGroup.label}</label> <input id="cari" name="cari" type="search" maxLength={64} defaultValue={found.query} /> <button type="submit">{t.findGroup.button}</button>
          {found.query && (
            <>
              {" "}
              <Link prefetch={false} href="/#kelompok">{t.findGroup.all}</Link>
            </>
          )}
        </form>
      )}
      {found.groups.length === 0 && <p>{t.findGroup.none}</p>}
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
            {list.items.map((f) => (
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
      <Pager page={list.page} pages={list.pages} href={pageHref} t={t} />
    </>
  );
}

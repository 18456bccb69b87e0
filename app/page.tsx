import Link from "next/link";
import { getDatabase } from "@/db/client";
import { findGroups, pageOf } from "@/server/domain/portal";
import { impactFigures } from "@/server/read/impact";
import { watchChains } from "@/server/cache/chain-check";
import { getMessages } from "@/server/i18n/locale";
import { formatDate, formatInt, rp } from "@/server/i18n/format";
import { Card, costAvoidedNote } from "./_components/Money";
import { DataTable } from "./_components/DataTable";
import { Pager } from "./_components/Pager";
import { FlaggedGroups } from "./_components/ChainStatus";

/** Groups listed per page: a phone page stays small at a thousand groups. */
const GROUPS_PER_PAGE = 25;

export const dynamic = "force-dynamic";

export default async function Home({ searchParams }: { searchParams: Promise<{ hal?: string; cari?: string }> }) {
  const { locale, t } = await getMessages();
  const database = await getDatabase();
  watchChains(database);
  const portal = await impactFigures(database);
  const all = portal.all;
  const asked = await searchParams;
  const found = findGroups(portal.groups, asked.cari);
  const list = pageOf(found.groups, asked.hal, GROUPS_PER_PAGE);
  // Written as the front server's canonical form (form-encoded, cari before hal): no redirect on a click.
  const pageHref = (n: number) =>
    `/?${new URLSearchParams({ ...(found.query ? { cari: found.query } : {}), hal: String(n) })}#kelompok`;
  return (
    <>
      <h1>{t.siteName}</h1>
      {t.intro.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <FlaggedGroups flagged={portal.flagged} locale={locale} t={t} />
      <h2>{t.totals}</h2>
      <ul className="cards">
        <Card label={t.groups} value={formatInt(all.groups, locale)} />
        <Card label={t.activeMembers} value={formatInt(all.members, locale)} />
        <Card label={t.savingsMobilised} value={rp(all.savingsCollected, locale)} />
        <Card label={t.loansDisbursed} value={rp(all.loansDisbursed, locale)} />
        <Card label={t.loansOutstanding} value={rp(all.loansOutstanding, locale)} />
        <Card
          label={t.compare.costAvoided}
          value={t.compare.costAvoidedAtLeast(rp(all.costAvoided.atLeast, locale))}
          note={costAvoidedNote(all.costAvoided, locale)}
        />
      </ul>
      <p className="muted">
        {t.compare.costAvoidedDef} <a href="/metodologi">{t.compare.method}</a> ·{" "}
        <a href="/bandingkan">{t.nav.compare}</a>
      </p>
      <h2 id="kelompok">{t.groups}</h2>
      {(portal.groups.length > GROUPS_PER_PAGE || found.query) && (
        // biome-ignore lint/a11y/useSemanticElements: <search> is unknown to the older phone browsers we serve
        <form method="get" action="/#kelompok" role="search" className="inline">
          <label htmlFor="cari">{t.findGroup.label}</label>{" "}
          <input id="cari" name="cari" type="search" maxLength={64} defaultValue={found.query} />{" "}
          <button type="submit">{t.findGroup.button}</button>
          {found.query && (
            <>
              {" "}
              <Link prefetch={false} href="/#kelompok">
                {t.findGroup.all}
              </Link>
            </>
          )}
        </form>
      )}
      {found.groups.length === 0 && <p>{t.findGroup.none}</p>}
      <DataTable
        rowHeaders={false}
        columns={[
          { label: t.groups },
          { label: t.village },
          { label: t.activeMembers, num: true },
          { label: t.memberSavings, num: true },
          { label: t.loansOutstanding, num: true },
          { label: t.cash, num: true },
        ]}
        rows={list.items.map((f) => ({
          key: f.group.slug,
          cells: [
            <>
              <Link prefetch={false} href={`/kelompok/${f.group.slug}`}>
                {f.group.name}
              </Link>{" "}
              {f.group.isDemo && <span className="badge">{t.demo}</span>}
              <br />
              <span className="muted">
                {t.founded} {formatDate(f.group.foundedOn, locale)}
              </span>
            </>,
            f.group.village,
            formatInt(f.members.active, locale),
            rp(f.balances.memberSavings, locale),
            rp(f.balances.loansOutstanding, locale),
            rp(f.balances.cash, locale),
          ],
        }))}
      />
      <Pager page={list.page} pages={list.pages} href={pageHref} t={t} />
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { loadGroup } from "@/server/services/context";
import { cashBookModels } from "@/server/services/public-figures";
import { getMessages, titled } from "@/server/i18n/locale";
import { EntryTable } from "../../../_components/EntryTable";
import { ChainStatus } from "../../../_components/ChainStatus";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("cashBook");

const PAGE = 50;

export default async function LedgerPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ sebelum?: string }>;
}) {
  const { locale, t } = await getMessages();
  const database = await getDatabase();
  const { db } = database;
  const { slug } = await params;
  const group = await loadGroup(db, slug).catch((e) => {
    if (e instanceof DomainError) notFound();
    throw e;
  });
  const raw = (await searchParams).sebelum;
  const before = raw && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  const { entries, nextBeforeSeq, chain } = await cashBookModels(database, group, { beforeSeq: before, limit: PAGE });
  return (
    <>
      <h1>
        {t.ledgerTitle}: {group.name} {group.isDemo && <span className="badge">{t.demo}</span>}
      </h1>
      <ChainStatus chain={chain} timeZone={group.timeZone} locale={locale} t={t} />
      {/* The "never changed" claim only for a book that passed its check. */}
      <p>{chain.problem ? t.ledgerIntroUnchecked : t.ledgerIntro}</p>
      <p className="muted">
        <Link prefetch={false} href={`/kelompok/${group.slug}`}>
          ← {group.name}
        </Link>{" "}
        · <a href={`/api/open/groups/${group.slug}/ledger.csv`}>CSV</a> ·{" "}
        <a href={`/api/open/groups/${group.slug}/ledger.json`}>JSON</a>
      </p>
      <EntryTable slug={group.slug} entries={entries} locale={locale} t={t} showHash />
      <nav className="pager" aria-label="Halaman">
        {before ? (
          <Link prefetch={false} href={`/kelompok/${group.slug}/buku-kas`}>
            {t.newest}
          </Link>
        ) : (
          <span />
        )}
        {nextBeforeSeq ? (
          <Link prefetch={false} href={`/kelompok/${group.slug}/buku-kas?sebelum=${nextBeforeSeq}`}>
            {t.older}
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </>
  );
}

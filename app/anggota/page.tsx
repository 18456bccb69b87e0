import Link from "next/link";
import { cookies } from "next/headers";
import { getDatabase } from "@/db/client";
import { refusalOf } from "@/server/http";
import { formatDate, formatInt, formatMonth, formatWait, rp } from "@/server/i18n/format";
import { getMessages, titled } from "@/server/i18n/locale";
import { PASSBOOK_COOKIE, passbookOf, passbookSecret, readPassbookTicket } from "@/server/services/passbook";
import { demoPassbookHint } from "@/server/domain/demo";
import { listGroups } from "@/server/services/public-figures";
import { DataTable } from "../_components/DataTable";
import { closePassbookAction, openPassbookAction } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("passbook", { robots: { index: false } });

export default async function PassbookPage({
  searchParams,
}: {
  /** `kelompok` and `kode` fill the form in (the link on a member's receipt); never the check code. */
  searchParams: Promise<{ gagal?: string; detik?: string; kelompok?: string; kode?: string }>;
}) {
  const { locale, t } = await getMessages();
  const p = t.passbook;
  const { db } = await getDatabase();
  const memberId = readPassbookTicket((await cookies()).get(PASSBOOK_COOKIE)?.value, passbookSecret());
  const book = memberId ? await passbookOf(db, memberId) : null;
  if (!book) {
    const groups = await listGroups(db);
    const query = await searchParams;
    const failed = refusalOf(query);
    const fromReceipt = groups.find((g) => g.slug === query.kelompok);
    const hint = demoPassbookHint(groups);
    return (
      <>
        <h1>{p.title}</h1>
        <p>{p.intro}</p>
        {failed && (
          <p className="warn" role="alert">
            {failed === "denied" ? p.denied : p.wait(formatWait(failed.waitSeconds, locale))}
          </p>
        )}
        {hint && (
          <p className="demo-hint" id="demo-hint">
            {p.demoHint(hint.groupName, hint.memberCode, hint.checkCode)}
          </p>
        )}
        <form action={openPassbookAction} className="inline">
          <label htmlFor="kelompok">{p.group}</label>
          <select id="kelompok" name="kelompok" required defaultValue={fromReceipt?.slug ?? hint?.groupSlug}>
            {groups.map((g) => (
              <option key={g.slug} value={g.slug}>
                {g.name}
              </option>
            ))}
          </select>
          <label htmlFor="kode">{p.code}</label>
          <input
            id="kode"
            name="kode"
            required
            autoComplete="username"
            placeholder={hint?.memberCode}
            defaultValue={fromReceipt && typeof query.kode === "string" ? query.kode.slice(0, 32) : undefined}
            maxLength={32}
          />
          <label htmlFor="kodeCek">{p.checkCode}</label>
          <input
            id="kodeCek"
            name="kodeCek"
            type="password"
            required
            autoComplete="current-password"
            inputMode="numeric"
            maxLength={64}
          />
          <div>
            <button type="submit">{p.open}</button>
          </div>
        </form>
      </>
    );
  }
  const s = book.savings;
  return (
    <>
      <h1>
        {p.title}: {book.member.code} · {book.group.name} {book.group.isDemo && <span className="badge">{t.demo}</span>}
      </h1>
      <p className="muted">{p.privacy}</p>
      <form action={closePassbookAction}>
        <button type="submit">{p.close}</button>
      </form>
      <h2>{p.savings}</h2>
      <DataTable
        rows={[
          { key: "share", cells: [p.share, rp(s.share, locale)] },
          { key: "mandatory", cells: [p.mandatory, rp(s.mandatory, locale)] },
          { key: "voluntary", cells: [p.voluntary, rp(s.voluntary, locale)] },
          {
            key: "total",
            cells: [p.total, <strong key="t">{rp(s.share + s.mandatory + s.voluntary, locale)}</strong>],
          },
          { key: "social", cells: [t.socialFund, rp(s.socialFund, locale)] },
        ]}
      />
      <h2>{p.byMonth}</h2>
      <DataTable
        columns={[{ label: t.month }, { label: p.daily, num: true }, { label: p.other, num: true }]}
        rows={book.months.map((m) => ({
          key: m.month,
          cells: [
            formatMonth(m.month, locale),
            <>
              {rp(m.daily, locale)} <span className="muted">({p.daysPaid(formatInt(m.days, locale))})</span>
            </>,
            rp(m.other, locale),
          ],
        }))}
      />
      <h2>{p.myShu}</h2>
      {book.shu.length === 0 ? (
        <p>{p.noShu}</p>
      ) : (
        <DataTable
          columns={[{ label: t.shu.report }, { label: p.myShuPart, num: true }]}
          rows={book.shu.map((y) => ({
            key: y.year,
            cells: [
              <Link key="y" prefetch={false} href={`/kelompok/${book.group.slug}/tahun/${y.year}`}>
                {y.year}
              </Link>,
              rp(y.amount, locale),
            ],
          }))}
        />
      )}
      <h2>{p.myLoans}</h2>
      {book.loans.length === 0 && <p>{p.noLoans}</p>}
      {book.loans.map((l) => (
        <section key={l.loan.id}>
          <h3>
            {formatDate(l.loan.disbursedOn, locale)} · {t.purposes[l.loan.purpose]} · {rp(l.loan.principal, locale)} ·{" "}
            {t.statuses[l.status]}
          </h3>
          <p>
            {p.remaining}:{" "}
            <strong>{rp(l.status === "dihapus" || l.status === "dibatalkan" ? 0 : l.state.totalOwed, locale)}</strong>
          </p>
          <DataTable
            rowHeaders={false}
            columns={[
              { label: p.installment },
              { label: p.due },
              { label: t.principal, num: true },
              { label: "Jasa", num: true },
              { label: p.paid },
            ]}
            rows={l.state.installments.map((i) => ({
              key: i.n,
              cells: [
                i.n,
                formatDate(i.dueOn, locale),
                rp(i.principal, locale),
                rp(i.serviceCharge, locale),
                i.paidOn ? formatDate(i.paidOn, locale) : "–",
              ],
            }))}
          />
        </section>
      ))}
    </>
  );
}

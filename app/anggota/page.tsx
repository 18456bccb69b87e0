import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getDatabase } from "@/db/client";
import { formatDate, formatInt, formatMonth, rp } from "@/server/i18n/format";
import { getMessages } from "@/server/i18n/locale";
import { PASSBOOK_COOKIE, passbookOf, passbookSecret, readPassbookTicket } from "@/server/services/passbook";
import { listGroups } from "@/server/services/public-figures";
import { closePassbookAction, openPassbookAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Buku anggota", robots: { index: false } };

export default async function PassbookPage({ searchParams }: { searchParams: Promise<{ gagal?: string }> }) {
  const { locale, t } = await getMessages();
  const p = t.passbook;
  const { db } = await getDatabase();
  const memberId = readPassbookTicket((await cookies()).get(PASSBOOK_COOKIE)?.value, passbookSecret());
  const book = memberId ? await passbookOf(db, memberId) : null;
  if (!book) {
    const groups = await listGroups(db);
    const failed = (await searchParams).gagal;
    return (
      <>
        <h1>{p.title}</h1>
        <p>{p.intro}</p>
        {failed && (
          <p className="warn" role="alert">
            {failed === "tunggu" ? p.wait : p.denied}
          </p>
        )}
        <form action={openPassbookAction} className="inline">
          <label htmlFor="kelompok">{p.group}</label>
          <select id="kelompok" name="kelompok" required>
            {groups.map((g) => (
              <option key={g.slug} value={g.slug}>
                {g.name}
              </option>
            ))}
          </select>
          <label htmlFor="kode">{p.code}</label>
          <input id="kode" name="kode" required autoComplete="username" placeholder="RD-001" maxLength={32} />
          <label htmlFor="kodeCek">{p.checkCode}</label>
          <input id="kodeCek" name="kodeCek" type="password" required autoComplete="current-password" inputMode="numeric" maxLength={64} />
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
      <div className="table-wrap" tabIndex={0}>
        <table>
          <tbody>
            <tr><th scope="row">{p.share}</th><td className="num">{rp(s.share, locale)}</td></tr>
            <tr><th scope="row">{p.mandatory}</th><td className="num">{rp(s.mandatory, locale)}</td></tr>
            <tr><th scope="row">{p.voluntary}</th><td className="num">{rp(s.voluntary, locale)}</td></tr>
            <tr><th scope="row">{p.total}</th><td className="num"><strong>{rp(s.share + s.mandatory + s.voluntary, locale)}</strong></td></tr>
            <tr><th scope="row">{t.socialFund}</th><td className="num">{rp(s.socialFund, locale)}</td></tr>
          </tbody>
        </table>
      </div>
      <h2>{p.byMonth}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.month}</th>
              <th scope="col" className="num">{p.daily}</th>
              <th scope="col" className="num">{p.other}</th>
            </tr>
          </thead>
          <tbody>
            {book.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{formatMonth(m.month, locale)}</th>
                <td className="num">
                  {rp(m.daily, locale)} <span className="muted">({p.daysPaid(formatInt(Math.floor(m.daily / book.group.dailyContribution), locale))})</span>
                </td>
                <td className="num">{rp(m.other, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{p.myLoans}</h2>
      {book.loans.length === 0 && <p>{p.noLoans}</p>}
      {book.loans.map((l) => (
        <section key={l.loan.id}>
          <h3>
            {formatDate(l.loan.disbursedOn, locale)} · {t.purposes[l.loan.purpose]} · {rp(l.loan.principal, locale)} · {t.statuses[l.status]}
          </h3>
          <p>
            {p.remaining}: <strong>{rp(l.status === "dihapus" || l.status === "dibatalkan" ? 0 : l.state.totalOwed, locale)}</strong>
          </p>
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{p.installment}</th>
                  <th scope="col">{p.due}</th>
                  <th scope="col" className="num">{t.principal}</th>
                  <th scope="col" className="num">Jasa</th>
                  <th scope="col">{p.paid}</th>
                </tr>
              </thead>
              <tbody>
                {l.state.installments.map((i) => (
                  <tr key={i.n}>
                    <td>{i.n}</td>
                    <td>{formatDate(i.dueOn, locale)}</td>
                    <td className="num">{rp(i.principal, locale)}</td>
                    <td className="num">{rp(i.serviceCharge, locale)}</td>
                    <td>{i.paidOn ? formatDate(i.paidOn, locale) : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}

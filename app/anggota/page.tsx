import Link from "next/link";
import { cookies } from "next/headers";
import { getDatabase } from "@/db/client";
import { refusalOf } from "@/server/http";
import { formatDate, formatInt, formatMonth, formatWait, rp } from "@/server/i18n/format";
import { getMessages, titled } from "@/server/i18n/locale";
import { PASSBOOK_COOKIE, passbookOf, passbookSecret, readPassbookTicket } from "@/server/read/passbook";
import { demoPassbookHint } from "@/server/domain/demo";
import { passbookView } from "@/server/domain/passbook-view";
import { listGroups } from "@/server/read/public-figures";
import { DataTable } from "../_components/DataTable";
import { closePassbookAction, openPassbookAction } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("passbook", { robots: { index: false } });

type PassbookQuery = Promise<{ gagal?: string; detik?: string; kelompok?: string; kode?: string }>;

export default async function PassbookPage({
  searchParams,
}: {
  /** `kelompok` and `kode` fill the form in (the link on a member's receipt); never the check code. */
  searchParams: PassbookQuery;
}) {
  const { locale, t } = await getMessages();
  const { db } = await getDatabase();
  const memberId = readPassbookTicket((await cookies()).get(PASSBOOK_COOKIE)?.value, passbookSecret());
  const book = memberId ? await passbookOf(db, memberId) : null;
  if (!book) {
    const groups = await listGroups(db);
    return <PassbookSignIn groups={groups} query={await searchParams} locale={locale} t={t} />;
  }
  return <Passbook book={book} locale={locale} t={t} />;
}

type Words = Awaited<ReturnType<typeof getMessages>>;
type Book = NonNullable<Awaited<ReturnType<typeof passbookOf>>>;
type View = ReturnType<typeof passbookView>;

/** No passbook open on this phone: the form that opens one (filled in from a receipt's link). */
function PassbookSignIn({
  groups,
  query,
  locale,
  t,
}: Words & {
  groups: Awaited<ReturnType<typeof listGroups>>;
  query: Awaited<PassbookQuery>;
}) {
  const p = t.passbook;
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
      <p>{p.lostCode}</p>
    </>
  );
}

/** A member's own passbook: her savings, her loans and what is due, her years. */
function Passbook({ book, locale, t }: Words & { book: Book }) {
  const p = t.passbook;
  const s = book.savings;
  const v = passbookView(book);
  const money = (n: number) => rp(n, locale);
  const w = { locale, t, book, v };
  return (
    <>
      <h1>
        {book.member.code} · {book.group.name} {book.group.isDemo && <span className="badge">{t.demo}</span>}
      </h1>
      <div className="cards two">
        <div className="card">
          <span className="label">{p.savingsNow}</span>
          <span className="value">{money(v.savingsNow)}</span>
        </div>
        <div className="card">
          <span className="label">{p.daysThisMonth}</span>
          <span className="value">
            {p.daysOf(formatInt(v.daysThisMonth.paid, locale), formatInt(v.daysThisMonth.of, locale))}
          </span>
        </div>
      </div>
      <h2>{p.myLoans}</h2>
      {v.open.length === 0 && <p>{p.noOpenLoans}</p>}
      <LoanCards {...w} />
      <form action={closePassbookAction}>
        <button type="submit">{p.close}</button>
      </form>
      <p className="muted">{p.privacy}</p>
      <details>
        <summary>{p.savingsDetail}</summary>
        <DataTable
          rows={[
            { key: "share", cells: [p.share, money(s.share)] },
            { key: "mandatory", cells: [p.mandatory, money(s.mandatory)] },
            { key: "voluntary", cells: [p.voluntary, money(s.voluntary)] },
            { key: "total", cells: [p.total, <strong key="t">{money(v.savingsNow)}</strong>] },
            { key: "social", cells: [t.socialFund, money(s.socialFund)] },
          ]}
        />
      </details>
      <LoanSchedules {...w} />
      <SavingsYears {...w} />
    </>
  );
}

type Part = Words & { book: Book; v: View };

/** Each open loan as a card: its status, what is due now, the next installment. */
function LoanCards({ v, locale, t }: Part) {
  const p = t.passbook;
  const money = (n: number) => rp(n, locale);
  return (
    <>
      {v.open.map(({ loan, status, due }) => (
        <section
          key={loan.id}
          className="card loan-due"
          aria-label={p.loan(formatDate(loan.disbursedOn, locale), money(loan.principal))}
        >
          <p>
            <strong>{p.loan(formatDate(loan.disbursedOn, locale), money(loan.principal))}</strong>
            {/* A late loan's status is the warning line below it. */}
            {status !== "menunggak" && (
              <>
                {" "}
                · <span className="ok">{t.statuses[status]}</span>
              </>
            )}
          </p>
          {due.dueNow > 0 && (
            <p className={due.arrears > 0 || due.fines > 0 ? "warn" : undefined}>
              {due.arrears > 0
                ? p.late(formatInt(due.daysPastDue, locale), money(due.dueNow))
                : p.payNow(money(due.dueNow))}
              {due.fines > 0 && <> {p.fines(money(due.fines))}</>}
            </p>
          )}
          {due.installment && <p>{p.next(money(due.installment.amount), formatDate(due.installment.dueOn, locale))}</p>}
        </section>
      ))}
    </>
  );
}

/** Each open loan's schedule, and the loans closed. */
function LoanSchedules({ book, v, locale, t }: Part) {
  const p = t.passbook;
  const money = (n: number) => rp(n, locale);
  return (
    <>
      {v.open.map(({ loan, due }) => {
        const full = book.loans.find((l) => l.loan.id === loan.id)!;
        return (
          <details key={loan.id}>
            <summary>
              {p.schedule}: {p.loan(formatDate(loan.disbursedOn, locale), money(loan.principal))} ·{" "}
              {t.purposes[loan.purpose]}
            </summary>
            <p>{p.settle(money(due.settle))}</p>
            <DataTable
              rowHeaders={false}
              columns={[
                { label: p.installment },
                { label: p.due },
                { label: t.principal, num: true },
                { label: "Jasa", num: true },
                { label: p.paid },
              ]}
              rows={full.state.installments.map((i) => ({
                key: i.n,
                cells: [
                  i.n,
                  formatDate(i.dueOn, locale),
                  money(i.principal),
                  money(i.serviceCharge),
                  i.paidOn ? formatDate(i.paidOn, locale) : "–",
                ],
              }))}
            />
          </details>
        );
      })}
      {v.closed.length > 0 && (
        <details>
          <summary>{p.closedLoans(v.closed.length)}</summary>
          <ul>
            {v.closed.map(({ loan, status }) => (
              <li key={loan.id}>
                {formatDate(loan.disbursedOn, locale)} · {t.purposes[loan.purpose]} · {money(loan.principal)} ·{" "}
                {t.statuses[status]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** What she paid in, year by year and month by month. */
function SavingsYears({ book, v, locale, t }: Part) {
  const p = t.passbook;
  const money = (n: number) => rp(n, locale);
  return (
    <>
      <h2>{p.history}</h2>
      <p className="muted">{p.historyNote(money(book.group.dailyContribution))}</p>
      {v.years.map((y) => (
        <details key={y.year}>
          <summary>
            {p.yearLine(y.year, money(y.daily + y.other), formatInt(y.days, locale))}
            {y.withdrawn > 0 && <> · {p.yearWithdrawn(money(y.withdrawn))}</>}
            {y.shu > 0 && <> · {p.yearShu(money(y.shu))}</>}
          </summary>
          {/* Four narrow columns, never stacked: a year's months fit a 336 px column (cold try #27). */}
          <DataTable
            stack={false}
            className="months"
            columns={[
              { label: t.month },
              { label: p.paidIn, num: true },
              { label: p.withdrawn, num: true },
              { label: p.daysCol, num: true },
            ]}
            rows={y.months.map((m) => ({
              key: m.month,
              cells: [
                formatMonth(m.month, locale),
                money(m.daily + m.other),
                m.withdrawn > 0 ? money(m.withdrawn) : "–",
                formatInt(m.days, locale),
              ],
            }))}
          />
          {y.shu > 0 && (
            <p>
              <Link prefetch={false} href={`/kelompok/${book.group.slug}/tahun/${y.year}`}>
                {p.yearReport(y.year)}
              </Link>
            </p>
          )}
        </details>
      ))}
    </>
  );
}

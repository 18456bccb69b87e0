import type { CashBookMonth, MoneyHeld } from "@/server/domain/cash-book";
import type { PublicEntry } from "@/server/read/public-figures";
import { formatDate, formatInt } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";

/**
 * A month of the cash book as it is kept on paper: each entry with what came in, what went out and
 * what cash and bank held after it (figures from `cashBookMonth`; this only formats). Amounts in
 * whole rupiah under "(Rp)" column heads, so four columns fit a 360 px phone. No member, ever.
 */
export function CashBookTable({
  slug,
  book,
  locale,
  t,
}: {
  slug: string;
  book: CashBookMonth<PublicEntry>;
  locale: Locale;
  t: Messages;
}) {
  const c = t.cashBook;
  const at = (seq: number) => `/kelompok/${slug}/buku-kas?no=${seq}#no-${seq}`;
  const reasonLabel = (code: string | null) => (code ? (t.reasons[code] ?? null) : null);
  // One line per account that moved (cash plain, the bank named); nothing when neither did.
  const moved = (m: MoneyHeld) => (
    <>
      {m.cash !== 0 && <span className="cb-line">{formatInt(m.cash, locale)}</span>}
      {m.bank !== 0 && (
        <span className="cb-line">
          <span className="cb-acct">{c.bank}</span> {formatInt(m.bank, locale)}
        </span>
      )}
    </>
  );
  // The balance: cash on every row; the bank only where the row touched it (and at the month's
  // start and end), each then named — not "kas …/bank …" on every row (cold try #27).
  const held = (m: MoneyHeld, withBank: boolean) =>
    withBank ? (
      <>
        <span className="cb-line">
          <span className="cb-acct">{c.cash}</span> {formatInt(m.cash, locale)}
        </span>
        <span className="cb-line">
          <span className="cb-acct">{c.bank}</span> {formatInt(m.bank, locale)}
        </span>
      </>
    ) : (
      <span className="cb-line">{formatInt(m.cash, locale)}</span>
    );
  const touchesBank = (e: { in: MoneyHeld; out: MoneyHeld }) => e.in.bank !== 0 || e.out.bank !== 0;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="cash-book">
        <thead>
          <tr>
            <th scope="col">{c.entry}</th>
            <th scope="col" className="num">
              {c.moneyIn}
            </th>
            <th scope="col" className="num">
              {c.moneyOut}
            </th>
            <th scope="col" className="num">
              {c.balance}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" colSpan={3}>
              {c.opening}
            </th>
            <td className="num">{held(book.opening, true)}</td>
          </tr>
          {book.lines.map((e) => (
            <tr key={e.seq} id={`no-${e.seq}`}>
              <td>
                <span className="muted">
                  {t.seq} {e.seq} · {formatDate(e.date, locale)}
                </span>
                <br />
                {t.kinds[e.kind] ?? e.kind}
                {e.purpose && <> · {t.purposes[e.purpose] ?? e.purpose}</>}
                {e.category && <> · {t.categories[e.category] ?? e.category}</>}
                {e.reversesSeq !== null && (
                  <>
                    <br />
                    <a href={at(e.reversesSeq)}>{t.reverses(e.reversesSeq)}</a>
                    {reasonLabel(e.reason) && <> — {reasonLabel(e.reason)}</>}
                  </>
                )}
                {e.reversedBy && (
                  <>
                    <br />
                    <span className="warn">
                      <a href={at(e.reversedBy.seq)}>{t.reversedBy(e.reversedBy.seq)}</a>
                    </span>
                    {reasonLabel(e.reversedBy.reason) && <> — {reasonLabel(e.reversedBy.reason)}</>}
                  </>
                )}
              </td>
              <td className="num">{moved(e.in)}</td>
              <td className="num">{moved(e.out)}</td>
              <td className="num">{held(e.held, touchesBank(e))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{c.totals}</th>
            <td className="num">{moved(book.totalIn)}</td>
            <td className="num">{moved(book.totalOut)}</td>
            <td />
          </tr>
          <tr>
            <th scope="row" colSpan={3}>
              {c.closing}
            </th>
            <td className="num">{held(book.closing, true)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="muted">{c.balanceNote}</p>
    </div>
  );
}

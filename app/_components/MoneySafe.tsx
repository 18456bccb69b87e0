import { groupHoldings, type Mark, safetyMarks } from "@/server/domain/safety";
import { formatDate, formatMonth, formatPct, rp } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";
import type { GroupFigures } from "@/server/services/public-figures";
import type { PublicCheckpoint } from "@/server/services/seals";

/** One fact, with its mark (✓ or !) named for screen readers. */
function Line({
  mark,
  names,
  children,
}: {
  mark: Mark | null;
  names: Record<Mark, string>;
  children: React.ReactNode;
}) {
  return (
    <li className={mark ? `fact-${mark}` : undefined}>
      {mark && (
        <span className="mark" role="img" aria-label={names[mark]}>
          {mark === "ok" ? "✓" : "!"}
        </span>
      )}{" "}
      {children}
    </li>
  );
}

/** "Apakah uang kelompok aman?" at the top of a group page: the reassuring facts, each with a plain mark. */
export function MoneySafe({
  f,
  seal,
  locale,
  t,
}: {
  f: GroupFigures;
  seal: PublicCheckpoint | undefined;
  locale: Locale;
  t: Messages;
}) {
  const s = t.safe;
  const c = f.lastCashCount;
  const b = f.lastBankCheck;
  const fact = (x: typeof c) => x && { difference: x.difference, countersigned: x.countersignedOn !== null };
  const marks = safetyMarks({
    lastCashCount: fact(c),
    bank: f.balances.bank !== 0 || b ? { lastCheck: fact(b) } : null,
    repaymentRate: f.loans.repaymentRate,
    par30: f.loans.par30,
    repaymentsHidden: f.loans.performanceHidden,
    seal: seal ? { countersigned: seal.countersigned?.matches === true } : null,
  });
  const held = groupHoldings(f.balances);
  const date = (d: string) => formatDate(d, locale);
  return (
    <section className="safe" aria-labelledby="aman">
      <h2 id="aman">{s.title}</h2>
      <ul className="safe-list">
        <Line names={s} mark={null}>
          {s.holdings(
            rp(held.total, locale),
            rp(held.cash, locale),
            held.bank ? rp(held.bank, locale) : null,
            rp(held.lentOut, locale),
          )}
        </Line>
        <Line names={s} mark={marks.cashCount}>
          {!c
            ? s.noCount
            : c.difference === 0
              ? s.countMatches(date(c.businessDate))
              : c.difference > 0
                ? s.countOver(date(c.businessDate), rp(c.difference, locale))
                : s.countShort(date(c.businessDate), rp(-c.difference, locale))}{" "}
          {c && (c.countersignedOn ? s.countSigned(date(c.countersignedOn)) : s.countNotSigned)}
          {c?.replaceReason && ` · ${t.countReplaced(t.countReplaceReasons[c.replaceReason] ?? "")}`}
        </Line>
        {marks.bankCheck && (
          <Line names={s} mark={marks.bankCheck}>
            {!b
              ? s.noBankCheck
              : b.difference === 0
                ? s.bankMatches(date(b.businessDate))
                : s.bankDiffers(date(b.businessDate), rp(b.difference, locale))}{" "}
            {b && (b.countersignedOn ? s.countSigned(date(b.countersignedOn)) : s.countNotSigned)}
            {b?.replaceReason && ` · ${t.countReplaced(t.countReplaceReasons[b.replaceReason] ?? "")}`}
          </Line>
        )}
        <Line names={s} mark={marks.repayments}>
          {f.loans.performanceHidden
            ? s.repaymentsHidden
            : f.loans.repaymentRate === null
              ? s.noRepayments
              : s.repayments(formatPct(f.loans.repaymentRate, locale))}{" "}
          {f.loans.par30 !== null && s.par30(formatPct(f.loans.par30, locale))}
        </Line>
        <Line names={s} mark={marks.seal}>
          {seal ? (
            <>
              {s.seal(formatMonth(seal.month, locale, true), seal.seq, seal.seal)}{" "}
              {seal.countersigned?.matches ? s.sealSigned(date(seal.countersigned.on)) : s.sealNotSigned}
            </>
          ) : (
            s.noSeal
          )}
        </Line>
      </ul>
    </section>
  );
}

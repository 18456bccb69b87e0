import { groupHoldings, type CheckCause, type Mark, safetyVerdict } from "@/server/domain/safety";
import { daysBetween } from "@/server/domain/dates";
import { formatDate, formatInt, formatMonth, formatPct, rp } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";
import type { GroupFigures } from "@/server/read/public-figures";
import { type SafetyModel, safetyFactsOf } from "@/server/read/safety";
import type { PublicCheckpoint } from "@/server/shared/seals";
import type { ChainShown } from "./ChainStatus";

const SIGN: Record<Mark, string> = { ok: "✓", attention: "!", problem: "✗" };

/** One reason, with its own mark (✓, ! or ✗) named for screen readers. */
function Line({ mark, t, children }: { mark: Mark | null; t: Messages["safe"]; children: React.ReactNode }) {
  return (
    <li className={mark ? `fact-${mark}` : undefined}>
      {mark && (
        <span className="mark" role="img" aria-label={t[mark]}>
          {SIGN[mark]}
        </span>
      )}{" "}
      {children}
    </li>
  );
}

/**
 * "Apakah uang kelompok aman?" at the top of a group page: one plain verdict first (Aman, Perlu
 * diperiksa, Bermasalah — the rule in server/domain/safety.ts), then each reason with its own mark.
 */
export function MoneySafe({
  f,
  seal,
  chain,
  safety,
  graceDays,
  locale,
  t,
}: {
  f: GroupFigures;
  seal: PublicCheckpoint | undefined;
  chain: ChainShown;
  safety: SafetyModel;
  graceDays: number;
  locale: Locale;
  t: Messages;
}) {
  const s = t.safe;
  const c = f.lastCashCount;
  const b = f.lastBankCheck;
  const { verdict, reasons: r } = safetyVerdict(
    safetyFactsOf({ f, seal, chainProblem: !!chain.problem, safety, graceDays }),
  );
  const held = groupHoldings(f.balances);
  const date = (d: string) => formatDate(d, locale);
  const moved = safety.cashMoved;
  const checkTail = (x: typeof c, causes: CheckCause[]) =>
    x && (
      <>
        {" "}
        {x.countersignedOn ? s.countSigned(date(x.countersignedOn)) : s.countNotSigned}
        {causes.includes("old") && ` ${s.countOld(formatInt(daysBetween(x.businessDate, f.today), locale))}`}
        {x.queried && ` ${s.checkQueried}`}
        {x.replaceReason && ` · ${t.countReplaced(t.countReplaceReasons[x.replaceReason] ?? "")}`}
      </>
    );
  return (
    <section className="safe" aria-labelledby="aman">
      <h2 id="aman">{s.title}</h2>
      <p className={`verdict verdict-${verdict}`}>
        <strong>{s.verdicts[verdict]}</strong> — {s.verdictSays[verdict]}
      </p>
      <ul className="safe-list">
        <Line t={s} mark={null}>
          <span className="term">{s.groupMoney}</span>{" "}
          {s.holdings(
            rp(held.total, locale),
            rp(held.cash, locale),
            held.bank ? rp(held.bank, locale) : null,
            rp(held.lentOut, locale),
          )}
          {moved && ` ${s.sinceCount(date(moved.since), rp(moved.in, locale), rp(moved.out, locale))}`}
        </Line>
        <Line t={s} mark={r.cashCount.mark}>
          {!c
            ? s.noCount
            : c.difference === 0
              ? s.countMatches(date(c.businessDate))
              : c.difference > 0
                ? s.countOver(date(c.businessDate), rp(c.difference, locale))
                : s.countShort(date(c.businessDate), rp(-c.difference, locale))}
          {checkTail(c, r.cashCount.causes)}
        </Line>
        {r.bankCheck && (
          <Line t={s} mark={r.bankCheck.mark}>
            {!b
              ? s.noBankCheck
              : b.difference === 0
                ? s.bankMatches(date(b.businessDate))
                : s.bankDiffers(date(b.businessDate), rp(b.difference, locale))}
            {checkTail(b, r.bankCheck.causes)}
          </Line>
        )}
        <Line t={s} mark={r.repayments?.mark ?? null}>
          {f.loans.performanceHidden
            ? s.repaymentsHidden
            : f.loans.repaymentRate === null
              ? s.noRepayments
              : s.repayments(formatPct(f.loans.repaymentRate, locale))}{" "}
          {f.loans.par30 !== null && s.par30(formatPct(f.loans.par30, locale))}
        </Line>
        <Line t={s} mark={r.chain}>
          {r.chain === "ok" ? s.chainOk : s.chainBad}
        </Line>
        <Line t={s} mark={r.seal.mark}>
          {seal ? (
            <>
              {s.seal(formatMonth(seal.month, locale, true), seal.seq)}{" "}
              {seal.countersigned?.matches ? s.sealSigned(date(seal.countersigned.on)) : s.sealNotSigned}
              {r.seal.causes.includes("behind") && ` ${s.sealBehind(formatMonth(r.seal.expected, locale, true))}`}
              {r.seal.causes.includes("queried") && ` ${s.sealQueried}`}
            </>
          ) : (
            s.noSeal
          )}
        </Line>
        {r.queries && (
          <Line t={s} mark={r.queries.mark}>
            {s.queriesOpen(formatInt(r.queries.open, locale))}
          </Line>
        )}
      </ul>
      <p className="muted">
        <a href="/metodologi#aman">{s.rule}</a>
      </p>
    </section>
  );
}

/**
 * The safety block of a group whose figures are withheld (its book failed the chain check): the
 * rule's first problem alone decides it — Bermasalah — and its one reason says why.
 */
export function MoneyNotSafe({ t }: { t: Messages }) {
  const s = t.safe;
  return (
    <section className="safe" aria-labelledby="aman">
      <h2 id="aman">{s.title}</h2>
      <p className="verdict verdict-bermasalah">
        <strong>{s.verdicts.bermasalah}</strong> — {s.verdictSays.bermasalah}
      </p>
      <ul className="safe-list">
        <Line t={s} mark="problem">
          {s.chainBad}
        </Line>
      </ul>
      <p className="muted">
        <a href="/metodologi#aman">{s.rule}</a>
      </p>
    </section>
  );
}

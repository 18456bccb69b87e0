"use client";
import { useCallback, useEffect, useState } from "react";
import { actorName } from "@/server/i18n/actor";
import { formatDate, formatMonth } from "@/server/i18n/format";
import { QUERY_REASONS, type QueryReason } from "@/server/domain/supervisor-queries";
import type { WaitingItem } from "@/server/read/signing";
import { api } from "./client";
import { type P, Status, useAction } from "./common";
import { useWords } from "./words-context";
import type { AdminWords } from "./words";

/**
 * The supervisor's list: every record that waits for her signature, each saying what she confirms,
 * signed in one tap. What is not hers to sign (her own record, a correction of her entry, the seal of a
 * month she wrote in) is listed, saying why, with no button.
 */
export function WaitingForSignature({ slug, t, locale, rp, onSigned }: P & { onSigned: () => void }) {
  const [d, setD] = useState<{ items: WaitingItem[]; older: number } | null>(null);
  const a = useAction(locale);
  const words = useWords();
  const load = useCallback(() => api.admin.signing.waiting.query({ groupSlug: slug }).then(setD), [slug]);
  useEffect(() => void load(), [load]);
  if (!d) return null;
  const sentence = (i: WaitingItem) => sentenceOf(i, { t, locale, rp }, words);
  const sign = (i: WaitingItem) => signItem(slug, i);
  const ask = (i: WaitingItem, reason: QueryReason) => askAbout(slug, i, reason);
  return (
    <section className="card" aria-labelledby="to-sign">
      <h2 id="to-sign">{t.toSign(d.items.filter((i) => !i.own).length)}</h2>
      <Status s={a} />
      {d.items.length ? (
        <ul className="to-sign">
          {d.items.map((i) => (
            <li
              key={`${i.kind}-${i.kind === "seal" ? i.month : i.id}`}
              className={i.kind === "cash_count" && i.large ? "large-difference" : undefined}
            >
              {i.kind === "cash_count" && i.large && (
                <>
                  <strong className="warn">! {t.largeDifferenceMark}:</strong>{" "}
                </>
              )}
              {sentence(i)}{" "}
              {i.kind === "cash_count" && i.replaceReason && (
                <span className="warn">{t.replacesCount(words.countReplaceReasons[i.replaceReason] ?? "")} </span>
              )}
              {i.kind === "cash_count" && i.replaced && <span className="muted">({t.countWasReplaced}) </span>}
              {i.kind === "cash_count" && i.note && (
                <span className="note">
                  {t.treasurerNote}: “{i.note}”{" "}
                </span>
              )}
              {i.question?.open && (
                <span className="warn">{t.queryOpen(words.queryReasons[i.question.reason] ?? i.question.reason)} </span>
              )}
              {i.question?.answer && (
                <span className="muted">
                  {t.queryAnswered(words.queryAnswers[i.question.answer.answer] ?? i.question.answer.answer)}
                  {i.question.answer.note && ` ${t.treasurerNote}: “${i.question.answer.note}”`}{" "}
                </span>
              )}
              <div className="sign-actions">
                {i.notYours ? (
                  <span className="muted">
                    {i.notYours === "wrote_in_month"
                      ? t.ownMonth
                      : i.notYours === "reverses_own"
                        ? t.ownCorrected
                        : t.ownRecord}
                  </span>
                ) : (
                  <button
                    type="button"
                    disabled={a.busy}
                    onClick={async () => {
                      if (
                        await a.run(
                          () => sign(i),
                          () => `✓ ${t.signed}: ${sentence(i)}`,
                        )
                      ) {
                        void load();
                        onSigned();
                      }
                    }}
                  >
                    {t.countersign}
                  </button>
                )}
                {!i.notYours && !i.question?.open && (
                  <AskForm
                    t={t}
                    words={words}
                    busy={a.busy}
                    onAsk={async (reason) => {
                      if (
                        await a.run(
                          () => ask(i, reason),
                          () => `✓ ${t.asked}: ${sentence(i)}`,
                        )
                      )
                        void load();
                    }}
                  />
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.none}</p>
      )}
      {d.older > 0 && <p className="muted">{t.olderUnsigned(d.older)}</p>}
    </section>
  );
}

/** "Tanyakan": a reason from the fixed list, then one tap; the record is marked until answered. */
function AskForm({
  t,
  words,
  busy,
  onAsk,
}: {
  t: P["t"];
  words: AdminWords;
  busy: boolean;
  onAsk: (reason: QueryReason) => void;
}) {
  const [reason, setReason] = useState<QueryReason>("perlu_penjelasan");
  // Its own disclosure under "Tandatangani": the two never sit on one line to be mistaken for each other.
  return (
    <details className="ask">
      <summary>{t.askOpen}</summary>
      <label>
        {t.askReason}{" "}
        <select value={reason} onChange={(e) => setReason(e.target.value as QueryReason)}>
          {QUERY_REASONS.map((r) => (
            <option key={r} value={r}>
              {words.queryReasons[r]}
            </option>
          ))}
        </select>
      </label>{" "}
      <button type="button" className="secondary" disabled={busy} onClick={() => onAsk(reason)}>
        {t.ask}
      </button>
    </details>
  );
}

/** What signing an item confirms, in a sentence. */
function sentenceOf(i: WaitingItem, { t, locale, rp }: Pick<P, "t" | "locale" | "rp">, words: AdminWords): string {
  const diff = (x: number) => (x === 0 ? t.matches : x > 0 ? t.over(rp(x)) : t.short(rp(-x)));
  return i.kind === "seal"
    ? `${t.signSeal(formatMonth(i.month, locale, true), i.seq, i.seal)}${i.closed ? "" : ` ${t.sealCloses}`}`
    : i.kind === "cash_count"
      ? t.signCount(
          i.account === "bank" ? t.bankCheck : t.count,
          formatDate(i.date, locale),
          rp(i.counted),
          rp(i.book),
          diff(i.difference),
          actorName(i.recordedBy),
        )
      : t.signCorrection(
          i.seq,
          formatDate(i.date, locale),
          i.reversesSeq ?? 0,
          words.reasons[i.reason ?? ""] ?? i.reason ?? "",
          rp(i.amount),
          actorName(i.recordedBy),
        );
}

/** Countersigns an item through its own verb. */
const signItem = (slug: string, i: WaitingItem): Promise<unknown> =>
  i.kind === "seal"
    ? api.admin.seals.countersign.mutate({ groupSlug: slug, month: i.month })
    : i.kind === "cash_count"
      ? api.admin.cash.countersign.mutate({ groupSlug: slug, cashCountId: i.id })
      : api.admin.signing.correction.mutate({ groupSlug: slug, entryId: i.id });

/** Asks the treasurer about an item instead of signing it. */
const askAbout = (slug: string, i: WaitingItem, reason: QueryReason): Promise<unknown> =>
  api.admin.signing.ask.mutate(
    i.kind === "seal"
      ? { groupSlug: slug, subject: "seal", month: i.month, reason }
      : { groupSlug: slug, subject: i.kind, id: i.id, reason },
  );

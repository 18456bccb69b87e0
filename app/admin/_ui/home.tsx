"use client";
import { useEffect, useState } from "react";
import { formatDate, formatMonth } from "@/server/i18n/format";
import { api } from "./client";
import { loadFailure } from "./load-failure";
import { QUERY_ANSWERS, type QueryAnswer } from "@/server/domain/supervisor-queries";
import { addDaysIso, type P, Status, useAction, useSent, useWho } from "./common";
import { useWords } from "./words-context";
import type { AdminWords } from "./words";
import { lazyTab } from "./lazy-tab";
import { Reminders } from "./reminders";

// The supervisor's signing list: only hers (and the admin's), fetched when drawn, not in a treasurer's first script.
const WaitingForSignature = lazyTab(() => import("./signing").then((m) => m.WaitingForSignature));

type Question = Awaited<ReturnType<typeof api.admin.signing.queries.query>>[number];

export function Home({
  slug,
  rp,
  t,
  locale,
  canCountersign,
  canAnswer,
}: P & { canCountersign: boolean; canAnswer: boolean }) {
  const [d, setD] = useState<{
    cash: Awaited<ReturnType<typeof api.admin.cash.onHand.query>>;
    loans: Awaited<ReturnType<typeof api.admin.loans.open.query>>;
    seals: Awaited<ReturnType<typeof api.admin.seals.list.query>>;
    questions: Question[];
  } | null>(null);
  const [refresh, setRefresh] = useState(0);
  const words = useWords();
  const who = useWho();
  // Why the data could not be read (no signal and nothing kept on the phone): said, not an endless "…".
  const [failed, setFailed] = useState<string | null>(null);
  const sent = useSent(); // the phone's queue sent writes: the figures (and so the reminders) are read again
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` and `sent` are the reload triggers
  useEffect(() => {
    Promise.all([
      api.admin.cash.onHand.query({ groupSlug: slug }),
      api.admin.loans.open.query({ groupSlug: slug }),
      api.admin.seals.list.query({ groupSlug: slug }),
      api.admin.signing.queries.query({ groupSlug: slug }),
    ]).then(
      ([cash, loans, seals, questions]) => {
        setFailed(null);
        setD({ cash, loans, seals, questions });
      },
      (e) => setFailed(loadFailure(e, locale, t.noSignalNotSynced)),
    );
  }, [slug, refresh, sent]);
  if (!d)
    return failed ? (
      <p className="warn" role="status" id="home-failed">
        {failed}
      </p>
    ) : (
      <p>…</p>
    );
  const open = d.loans;
  const late = open.filter((l) => l.daysPastDue > 0);
  const nextDue = (l: (typeof open)[number]) => l.nextDueOn ?? "";
  // Soonest first.
  const soon = open
    .filter((l) => l.daysPastDue === 0 && nextDue(l) !== "" && nextDue(l) <= addDaysIso(d.cash.today, 7))
    .sort((a, b) => (nextDue(a) < nextDue(b) ? -1 : nextDue(a) > nextDue(b) ? 1 : 0));
  // A count or a statement check says whether the money was over or short of the book, not only by how much.
  const diff = (x: { difference: number }) =>
    x.difference === 0 ? t.matches : x.difference > 0 ? t.over(rp(x.difference)) : t.short(rp(-x.difference));
  const c = d.cash.lastCount;
  const b = d.cash.lastBankCheck;
  // A count the supervisor asked about, not answered yet: marked here as on the public page.
  const queried = (x: { id: number } | null) => {
    const q = x && d.questions.find((q) => q.open && q.subject === "cash_count" && q.target === String(x.id));
    return q ? ` · ${words.queriedBySupervisor(words.queryReasons[q.reason] ?? q.reason)}` : "";
  };
  return (
    <>
      <ul className="cards">
        <li className="card">
          <span className="label">{t.cash}</span>
          <span className="value">{rp(d.cash.cash)}</span>
        </li>
        <li className="card">
          <span className="label">{t.lastCount}</span>
          <span className="value">{c ? `${formatDate(c.businessDate, locale)}: ${diff(c)}${queried(c)}` : "–"}</span>
        </li>
        {(d.cash.bank !== 0 || b) && (
          <>
            <li className="card">
              <span className="label">{t.bank}</span>
              <span className="value">{rp(d.cash.bank)}</span>
            </li>
            <li className="card">
              <span className="label">{t.lastBankCheck}</span>
              <span className="value">
                {b ? `${formatDate(b.businessDate, locale)}: ${diff(b)}${queried(b)}` : "–"}
              </span>
            </li>
          </>
        )}
      </ul>
      <Questions
        slug={slug}
        t={t}
        locale={locale}
        questions={d.questions}
        canAnswer={canAnswer}
        onAnswered={() => setRefresh((n) => n + 1)}
      />
      {canCountersign && (
        <WaitingForSignature slug={slug} t={t} locale={locale} rp={rp} onSigned={() => setRefresh((n) => n + 1)} />
      )}
      <h2>{t.seals}</h2>
      <ul className="seals">
        {d.seals
          .filter((s) => s.finished)
          .slice(-6)
          .reverse()
          .map((s) => (
            <li key={s.month}>
              {formatMonth(s.month, locale)} · no. {s.seq} · <code>{s.seal}</code> ·{" "}
              {s.countersigned ? t.sealSigned(formatDate(s.countersigned.on, locale)) : t.sealWaiting}
            </li>
          ))}
      </ul>
      <h2>{t.late}</h2>
      {late.length ? (
        <ul>
          {late.map((l) => (
            <li key={l.id}>
              {who(l.memberCode)} · {rp(l.totalOwed)} · {t.daysLate(l.daysPastDue)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.none}</p>
      )}
      <h2>{t.due}</h2>
      {soon.length ? (
        <ul>
          {soon.map((l) => (
            <li key={l.id}>
              {who(l.memberCode)} · {formatDate(nextDue(l), locale)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.none}</p>
      )}
      {canAnswer && <Reminders slug={slug} t={t} locale={locale} rp={rp} loans={open} today={d.cash.today} />}
    </>
  );
}

/**
 * The supervisor's open questions on the treasurer's overview, each with its answer form (a code, and
 * a private note for the supervisor); answered ones below, for the record.
 */
function Questions({
  slug,
  t,
  locale,
  questions,
  canAnswer,
  onAnswered,
}: Omit<P, "rp"> & { questions: Question[]; canAnswer: boolean; onAnswered: () => void }) {
  const a = useAction(locale);
  const words = useWords();
  const open = questions.filter((q) => q.open);
  if (open.length === 0) return null;
  const about = (q: Question) =>
    q.subject === "seal"
      ? t.questionAbout.seal(formatMonth(q.target, locale))
      : q.subject === "correction"
        ? t.questionAbout.correction(String(q.about.seq ?? ""), q.about.date ? formatDate(q.about.date, locale) : "")
        : (q.about.account === "bank" ? t.questionAbout.bank_check : t.questionAbout.cash_count)(
            q.about.date ? formatDate(q.about.date, locale) : "",
          );
  return (
    <section className="card questions" aria-labelledby="questions">
      <h2 id="questions">{t.questions}</h2>
      <p className="muted">{t.queriedPublicly}</p>
      <Status s={a} />
      <ul>
        {open.map((q) => (
          <li key={q.id} className="large-difference">
            <strong className="warn">
              {about(q)}: {words.queriedBySupervisor(words.queryReasons[q.reason] ?? q.reason)}
            </strong>
            {canAnswer && (
              <AnswerForm
                t={t}
                words={words}
                busy={a.busy}
                onAnswer={async (answer, note) => {
                  if (
                    await a.run(
                      () => api.admin.signing.answer.mutate({ groupSlug: slug, queryId: q.id, answer, note }),
                      () => `✓ ${t.answeredMark}: ${about(q)}`,
                    )
                  )
                    onAnswered();
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnswerForm({
  t,
  words,
  busy,
  onAnswer,
}: {
  t: P["t"];
  words: AdminWords;
  busy: boolean;
  onAnswer: (answer: QueryAnswer, note: string | null) => void;
}) {
  const [answer, setAnswer] = useState<QueryAnswer>("sudah_dijelaskan");
  const [note, setNote] = useState("");
  return (
    <div className="answer">
      <label>
        {t.answerWith}{" "}
        <select value={answer} onChange={(e) => setAnswer(e.target.value as QueryAnswer)}>
          {QUERY_ANSWERS.map((x) => (
            <option key={x} value={x}>
              {words.queryAnswers[x]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.answerNote}
        <textarea value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="button" disabled={busy} onClick={() => onAnswer(answer, note.trim() || null)}>
        {t.answer}
      </button>
    </div>
  );
}

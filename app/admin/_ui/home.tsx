"use client";
import { useEffect, useState } from "react";
import { formatDate, formatMonth } from "@/server/i18n/format";
import { api } from "./client";
import { addDaysIso, type P } from "./common";
import { WaitingForSignature } from "./signing";

export function Home({ slug, rp, t, locale, canCountersign }: P & { canCountersign: boolean }) {
  const [d, setD] = useState<{
    cash: Awaited<ReturnType<typeof api.admin.cash.onHand.query>>;
    loans: Awaited<ReturnType<typeof api.admin.loans.list.query>>;
    seals: Awaited<ReturnType<typeof api.admin.seals.list.query>>;
  } | null>(null);
  const [refresh, setRefresh] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` is the reload trigger
  useEffect(() => {
    Promise.all([
      api.admin.cash.onHand.query({ groupSlug: slug }),
      api.admin.loans.list.query({ groupSlug: slug }),
      api.admin.seals.list.query({ groupSlug: slug }),
    ]).then(([cash, loans, seals]) => setD({ cash, loans, seals }));
  }, [slug, refresh]);
  if (!d) return <p>…</p>;
  const open = d.loans.filter((l) => l.status === "berjalan" || l.status === "menunggak");
  const late = open.filter((l) => l.daysPastDue > 0);
  const nextDue = (l: (typeof open)[number]) => l.schedule.find((i) => !i.paidOn)?.dueOn ?? "";
  // Soonest first.
  const soon = open
    .filter((l) => l.daysPastDue === 0 && nextDue(l) !== "" && nextDue(l) <= addDaysIso(d.cash.today, 7))
    .sort((a, b) => (nextDue(a) < nextDue(b) ? -1 : nextDue(a) > nextDue(b) ? 1 : 0));
  // A count or a statement check says whether the money was over or short of the book, not only by how much.
  const diff = (x: { difference: number }) =>
    x.difference === 0 ? t.matches : x.difference > 0 ? t.over(rp(x.difference)) : t.short(rp(-x.difference));
  const c = d.cash.lastCount;
  const b = d.cash.lastBankCheck;
  return (
    <>
      <ul className="cards">
        <li className="card">
          <span className="label">{t.cash}</span>
          <span className="value">{rp(d.cash.cash)}</span>
        </li>
        <li className="card">
          <span className="label">{t.lastCount}</span>
          <span className="value">{c ? `${formatDate(c.businessDate, locale)}: ${diff(c)}` : "–"}</span>
        </li>
        {(d.cash.bank !== 0 || b) && (
          <>
            <li className="card">
              <span className="label">{t.bank}</span>
              <span className="value">{rp(d.cash.bank)}</span>
            </li>
            <li className="card">
              <span className="label">{t.lastBankCheck}</span>
              <span className="value">{b ? `${formatDate(b.businessDate, locale)}: ${diff(b)}` : "–"}</span>
            </li>
          </>
        )}
      </ul>
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
              {l.memberCode} · {rp(l.totalOwed)} · {t.daysLate(l.daysPastDue)}
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
              {l.memberCode} · {formatDate(nextDue(l), locale)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.none}</p>
      )}
    </>
  );
}

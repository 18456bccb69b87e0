"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { errorMessage } from "@/server/i18n/errors";
import { formatDate } from "@/server/i18n/format";
import { api, newKey } from "./client";
import {
  daysOf,
  freeSpans,
  keptOnPhone,
  knowsAround,
  merged,
  monthsAround,
  type PaidDays,
  paidFromServer,
  keptTally,
} from "./collect-days";
import {
  type Action,
  DateField,
  dateCheck,
  DigitsInput,
  firstProblem,
  type Members,
  type OpenDays,
  type P,
  Status,
  useAction,
  useOpenDays,
} from "./common";
import { queued } from "./offline-queue";
import { lineRefusal } from "./phone-queue";
import { Receipts } from "./receipt";

interface Row {
  code: string;
  name: string;
  joinedOn?: string;
  pays: boolean;
  amount: string;
  span: number;
}

/**
 * Setoran harian as "tap who paid": nothing is chosen when it opens; one large row per member, her
 * amount beside her name; the total, the count and Simpan stay in view. A member who has paid the
 * day (by an entry, or in a collection kept on this phone) is shown as paid and cannot be chosen;
 * missed days offered are only days not paid yet. A line the server still refuses (another phone
 * was quicker) stays chosen with the reason beside it; the others are saved.
 */
export function Collect({
  slug,
  members,
  daily,
  today,
  rp,
  t,
  locale,
}: P & { members: Members; daily: number; today: string }) {
  const [date, setDate] = useState(today);
  const open = useOpenDays() ?? { from: today, to: today };
  const fresh = useCallback(
    (): Row[] =>
      members.map((m) => ({
        code: m.code,
        name: m.fullName,
        joinedOn: m.joinedOn,
        pays: false,
        amount: String(daily),
        span: 0,
      })),
    [members, daily],
  );
  const [rows, setRows] = useState(fresh);
  const [key, setKey] = useState(newKey); // made when the form opens, reused on retry
  const { server, paidKnown, setQueueTick, keptWrites, paid, loadPaid } = usePaidDays(slug, date);
  // Lines the server refused alone, by member: the reason stays beside her row until she is changed.
  const [refusedRows, setRefusedRows] = useState<Map<string, string>>(new Map());
  const paidToday = paid.get(date) ?? new Map<string, number | null>();
  // A member who has paid the day cannot stay chosen (the date changed, or another phone was quicker).
  useEffect(() => {
    setRows((rs) =>
      rs.some((r) => r.pays && paidToday.has(r.code))
        ? rs.map((r) => (paidToday.has(r.code) ? { ...r, pays: false } : r))
        : rs,
    );
  }, [paidToday]);

  const a = useAction(locale);
  const [savedEntry, setSavedEntry] = useState<number | null>(null);
  const chosen = rows.filter((r) => r.pays);
  // The days a chosen row may pay for now (a span that became paid meanwhile falls back to the day itself).
  const spansOf = (r: Row) => (paidToday.has(r.code) ? [] : freeSpans(paid, date, r.code, r.joinedOn));
  const spanOf = (r: Row) => (spansOf(r).includes(r.span) ? r.span : 0);
  const total = chosen.reduce((s, r) => s + (Number(r.amount) || 0), 0);
  // The bar counts, with what is chosen now, what was kept on the phone for this date (marked paid above).
  const tally = keptTally(keptWrites, date);
  // The server names a refused line by its place among the chosen rows.
  const lineOf = new Map(chosen.map((r, n) => [r.code, n]));
  const spanLabel = (span: number) => spanLabelOf(span, date, today, t, locale);
  return (
    <form
      className="collect"
      onSubmit={(e) => {
        e.preventDefault();
        void saveCollection({
          ...{ slug, date, open, key, chosen, spanOf, total, daily, a, t, rp, locale },
          ...{ setKey, setRows, setRefusedRows, setSavedEntry, setQueueTick, loadPaid },
        });
      }}
    >
      <DateField
        id="cdate"
        a={a}
        value={date}
        t={t}
        locale={locale}
        onChange={(v) => {
          setDate(v);
          setKey(newKey());
          setRefusedRows(new Map());
          a.edited("date");
        }}
      />
      <p className="muted">{t.tapWhoPaid}</p>
      {paidKnown === date && !knowsAround(server, date) && (
        <p className="warn" role="status" id="paid-unknown">
          {t.paidNotSynced}
        </p>
      )}
      <ul className="pay-list" aria-busy={paidKnown !== date} data-paid-for={paidKnown ?? undefined}>
        {rows.map((r, i) => {
          const line = lineOf.get(r.code);
          for (const f of ["memberCode", "amount", "days"]) a.placed.add(`lines.${line}.${f}`);
          const error =
            refusedRows.get(r.code) ??
            (line !== undefined && a.error?.field?.startsWith(`lines.${line}.`) ? a.error.message : null);
          const change = (x: Partial<Row>) => {
            setRows((rs) => rs.map((y, j) => (j === i ? { ...y, ...x } : y)));
            setKey(newKey());
            if (refusedRows.has(r.code)) setRefusedRows((m) => new Map([...m].filter(([c]) => c !== r.code)));
            a.edited(error && a.error?.field ? a.error.field : `row-${r.code}`);
          };
          return (
            <PayRow
              key={r.code}
              {...{ r, error, change, spanLabel, daily, t }}
              {...{ isPaid: paidToday.has(r.code), paidBy: paidToday.get(r.code), spans: spansOf(r), span: spanOf(r) }}
            />
          );
        })}
      </ul>
      <PayBar {...{ t, rp, locale, date, today, a, tally, total }} picked={chosen.length} of={rows.length} />
      {savedEntry && <Receipts slug={slug} entryId={savedEntry} t={t} locale={locale} rp={rp} />}
    </form>
  );
}

/**
 * Who paid which day: as the server said (kept for every day asked about, so a date changed while
 * offline still knows), merged with the collections kept on this phone (read again whenever the
 * queue may have changed); `paidKnown` is the date whose payers are known.
 */
function usePaidDays(slug: string, date: string) {
  const [server, setServer] = useState<PaidDays>(new Map());
  const [paidKnown, setPaidKnown] = useState<string | null>(null);
  // The collections kept on this phone, read again whenever the queue may have changed.
  const [queueTick, setQueueTick] = useState(0);
  // The date asked about last: an answer for a date left meanwhile (today's, arriving after the date was
  // changed to yesterday) adds what it knows but does not say the new date's payers are known.
  const askedFor = useRef<string | null>(null);
  const loadPaid = useCallback(
    (d: string) => {
      askedFor.current = d;
      setPaidKnown(null);
      // By whole months (the addresses the warm-up keeps on the phone): with no signal the kept
      // answers come back; a month never synced stays unknown and the grid says so.
      return Promise.allSettled(
        monthsAround(d).map(({ from, to }) =>
          api.admin.contributions.paidDays
            .query({ groupSlug: slug, from, to })
            .then((ps) => setServer((s) => new Map([...s, ...paidFromServer(from, to, ps)]))),
        ),
      ).finally(() => {
        if (askedFor.current === d) setPaidKnown(d);
      });
    },
    [slug],
  );
  useEffect(() => void loadPaid(date), [loadPaid, date]);
  // The phone's queue sends by itself when the signal returns: look again then.
  useEffect(() => {
    const queueKeys = () =>
      queued(localStorage, slug)
        .map((w) => w.key)
        .join();
    let seen = queueKeys();
    const timer = window.setInterval(() => {
      const now = queueKeys();
      if (now === seen) return;
      seen = now;
      setQueueTick((n) => n + 1);
      if (navigator.onLine) void loadPaid(date);
    }, 3000);
    return () => window.clearInterval(timer);
  }, [slug, date, loadPaid]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: queueTick says the phone's queue changed
  const keptWrites = useMemo(
    () => (typeof window === "undefined" ? [] : queued(localStorage, slug)),
    [slug, queueTick],
  );
  const paid = useMemo(() => merged(server, keptOnPhone(keptWrites)), [server, keptWrites]);
  return { server, paidKnown, setQueueTick, keptWrites, paid, loadPaid };
}

/** One member's row: tap who paid, her amount, the days it pays for, a refusal beside her. */
function PayRow({
  r,
  isPaid,
  paidBy,
  spans,
  span,
  error,
  change,
  spanLabel,
  daily,
  t,
}: Pick<P, "t"> & {
  r: Row;
  isPaid: boolean;
  paidBy: number | null | undefined;
  spans: number[];
  span: number;
  error: string | null;
  change: (x: Partial<Row>) => void;
  spanLabel: (span: number) => string;
  daily: number;
}) {
  return (
    <li className={isPaid ? "paid" : r.pays ? "chosen" : undefined}>
      <div className="pay-row">
        <input
          id={`p-${r.code}`}
          type="checkbox"
          checked={r.pays}
          disabled={isPaid}
          onChange={(e) => change({ pays: e.target.checked })}
        />
        <label htmlFor={`p-${r.code}`} className="who">
          {r.code} {r.name}
          {isPaid && <span className="muted"> {paidBy === null ? t.keptPaid : t.alreadyPaid(paidBy!)}</span>}
        </label>
        {!isPaid && (
          <DigitsInput
            aria-label={`${t.amount} ${r.code}`}
            className="amount"
            size={7}
            value={r.amount}
            onChange={(v) => change({ amount: v, pays: true })}
          />
        )}
      </div>
      {r.pays && spans.length > 1 && (
        <select
          aria-label={t.forDays(r.code)}
          value={span}
          onChange={(e) => {
            const span = Number(e.target.value);
            change({ span, amount: String(daily * (Math.abs(span) + 1)) });
          }}
        >
          {spans.map((s) => (
            <option key={s} value={s}>
              {spanLabel(s)}
            </option>
          ))}
        </select>
      )}
      {error && (
        <p className="warn" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/**
 * Saves the chosen rows as one collection (or keeps it on the phone with no signal). What was written
 * (or kept) is no longer chosen; a line refused alone stays chosen, with its reason beside it.
 */
async function saveCollection({
  slug,
  date,
  open,
  key,
  chosen,
  spanOf,
  total,
  daily,
  a,
  t,
  rp,
  locale,
  setKey,
  setRows,
  setRefusedRows,
  setSavedEntry,
  setQueueTick,
  loadPaid,
}: P & {
  date: string;
  open: OpenDays;
  key: string;
  chosen: Row[];
  spanOf: (r: Row) => number;
  total: number;
  daily: number;
  a: Action;
  setKey: (k: string) => void;
  setRows: React.Dispatch<React.SetStateAction<Row[]>>;
  setRefusedRows: (m: Map<string, string>) => void;
  setSavedEntry: (id: number | null) => void;
  setQueueTick: React.Dispatch<React.SetStateAction<number>>;
  loadPaid: (d: string) => Promise<unknown>;
}) {
  const problem = firstProblem([dateCheck("date", date, open)]);
  if (problem) return a.fail(...problem);
  setSavedEntry(null);
  setRefusedRows(new Map());
  const sent = chosen;
  const lines = sent.map((r) => ({
    memberCode: r.code,
    amount: Number(r.amount),
    ...(spanOf(r) === 0 ? {} : { days: daysOf(date, spanOf(r)) }),
  }));
  const input = { groupSlug: slug, date, idempotencyKey: key, lines };
  const what = t.collected(lines.length, rp(total));
  const r = await a.save(
    slug,
    { key, kind: "collection", input, summary: `${formatDate(date, locale)} · ${what}` },
    () => api.admin.contributions.record.mutate(input),
    (e) => {
      const n = e.refused.length;
      const ok = t.saved(e.seq, t.collected(lines.length - n, rp(e.amount)));
      return n ? `${ok} ${t.linesRefused(n)}` : ok;
    },
  );
  if (!r) return;
  setKey(newKey()); // saved or kept on the phone: the next save is a new collection
  // What was written (or kept) is no longer chosen; a line refused alone stays, with its reason.
  const refused = new Map(
    (r === "kept" ? [] : r.refused).map((x) => {
      const { error } = lineRefusal(x);
      return [x.memberCode, errorMessage(error.code, error.params, locale)];
    }),
  );
  setRefusedRows(refused);
  setRows((rs) =>
    rs.map((x) => (x.pays && !refused.has(x.code) ? { ...x, pays: false, span: 0, amount: String(daily) } : x)),
  );
  setQueueTick((n) => n + 1);
  if (r !== "kept") {
    setSavedEntry(r.id);
    void loadPaid(date);
  }
}

/** The total, the count and Simpan, in view while she taps down the list. */
function PayBar({
  t,
  rp,
  locale,
  date,
  today,
  a,
  tally,
  total,
  picked,
  of,
}: Pick<P, "t" | "rp" | "locale"> & {
  date: string;
  today: string;
  a: Action;
  tally: ReturnType<typeof keptTally>;
  total: number;
  picked: number;
  of: number;
}) {
  return (
    <div className="pay-bar">
      <p>
        <strong>
          {date === today ? t.total : t.totalOn(formatDate(date, locale))}: {rp(tally.amount + total)}
        </strong>{" "}
        <span data-testid="paid-count">{t.paidCount(tally.members + picked, of)}</span>
      </p>
      <button type="submit" disabled={a.busy || picked === 0}>
        {a.busy ? t.saving : t.save}
      </button>
      <Status s={a} />
    </div>
  );
}

/** The days a span pays for, in words: the day itself ("Hari ini" or its date), or from … to …, n days. */
function spanLabelOf(span: number, date: string, today: string, t: P["t"], locale: P["locale"]): string {
  const days = daysOf(date, span);
  if (span === 0) return date === today ? t.today : formatDate(date, locale);
  return t.daysSpan(formatDate(days[0]!, locale), formatDate(days.at(-1)!, locale), days.length);
}

"use client";
import { useCallback, useEffect, useState } from "react";
import { api, newKey } from "./client";
import { formatDate } from "@/server/i18n/format";
import { addDaysIso, DigitsInput, useAction, Status, type Members, type P } from "./common";
import { Receipts } from "./receipt";

/** Missed days before the day (negative) or days ahead (positive) a member may pay for in one line. */
const SPANS = [0, -1, -2, -3, -4, -5, -6, 1, 2, 3, 4, 5, 6];
/** The days a line pays for: the day itself and `span` days before (negative) or after (positive) it. */
const daysOf = (date: string, span: number) =>
  Array.from({ length: Math.abs(span) + 1 }, (_, k) => addDaysIso(date, span < 0 ? span + k : k));

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
  // `span`: which days the payment is for — 0 the day itself, -k the k missed days before it too, +k days ahead.
  const [rows, setRows] = useState(() =>
    members.map((m) => ({ code: m.code, name: m.fullName, pays: true, amount: String(daily), span: 0 })),
  );
  const [key, setKey] = useState(newKey); // made when the form opens, reused on retry
  // Who has already paid the day (a member pays a day once): shown, and left out of the collection.
  const [paid, setPaid] = useState<Map<string, number>>(new Map());
  const [paidKnown, setPaidKnown] = useState<string | null>(null); // the day whose payers are known
  const loadPaid = useCallback(
    (d: string) => {
      setPaidKnown(null);
      return api.admin.contributions.paidOn
        .query({ groupSlug: slug, date: d })
        .then((ps) => {
          const m = new Map(ps.map((p) => [p.memberCode, p.seq]));
          setPaid(m);
          setRows((rs) => rs.map((r) => (m.has(r.code) ? { ...r, pays: false } : r)));
        })
        .catch(() => {}) // offline: the server still refuses a day paid twice
        .finally(() => setPaidKnown(d));
    },
    [slug],
  );
  useEffect(() => void loadPaid(date), [loadPaid, date]);
  const a = useAction(locale);
  const [savedEntry, setSavedEntry] = useState<number | null>(null);
  const total = rows.reduce((s, r) => s + (r.pays ? Number(r.amount) || 0 : 0), 0);
  // The server names a refused line by its place among the paying rows.
  const lineOf = new Map(rows.filter((r) => r.pays).map((r, n) => [r.code, n]));
  const spanLabel = (span: number) => {
    const days = daysOf(date, span);
    if (span === 0) return date === today ? t.today : formatDate(date, locale);
    return t.daysSpan(formatDate(days[0]!, locale), formatDate(days.at(-1)!, locale), days.length);
  };
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setSavedEntry(null);
        const lines = rows
          .filter((r) => r.pays)
          .map((r) => ({
            memberCode: r.code,
            amount: Number(r.amount),
            ...(r.span === 0 ? {} : { days: daysOf(date, r.span) }),
          }));
        const input = { groupSlug: slug, date, idempotencyKey: key, lines };
        const what = t.collected(lines.length, rp(total));
        const r = await a.save(
          slug,
          { key, kind: "collection", input, summary: `${formatDate(date, locale)} · ${what}` },
          () => api.admin.contributions.record.mutate(input),
          (e) => t.saved(e.seq, what),
        );
        if (r) setKey(newKey()); // saved or kept on the phone: the next save is a new collection
        if (r && r !== "kept") {
          setSavedEntry(r.id);
          void loadPaid(date);
        }
      }}
    >
      <p>
        <label htmlFor="cdate">{t.date}</label>{" "}
        <input
          id="cdate"
          type="date"
          value={date}
          max={today}
          onChange={(e) => {
            setDate(e.target.value);
            setKey(newKey());
            a.edited("date");
          }}
        />
      </p>
      <div className="table-wrap" tabIndex={0}>
        <table aria-busy={paidKnown !== date} data-paid-for={paidKnown ?? undefined}>
          <thead>
            <tr>
              <th scope="col">{t.member}</th>
              <th scope="col">{t.present}</th>
              <th scope="col" className="num">
                {t.amount}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const line = lineOf.get(r.code);
              for (const f of ["memberCode", "amount", "days"]) a.placed.add(`lines.${line}.${f}`);
              const error = line !== undefined && a.error?.field?.startsWith(`lines.${line}.`) ? a.error.message : null;
              const change = (x: Partial<typeof r>) => {
                setRows(rows.map((y, j) => (j === i ? { ...y, ...x } : y)));
                setKey(newKey());
                a.edited(error ? a.error!.field! : `row-${r.code}`);
              };
              return (
                <tr key={r.code}>
                  <td>
                    <label htmlFor={`p-${r.code}`}>
                      {r.code} {r.name}
                    </label>
                    {paid.has(r.code) && (
                      <>
                        {" "}
                        <span className="muted">{t.alreadyPaid(paid.get(r.code)!)}</span>
                      </>
                    )}
                    {r.pays && (
                      <>
                        <br />
                        <select
                          aria-label={t.forDays(r.code)}
                          value={r.span}
                          onChange={(e) => {
                            const span = Number(e.target.value);
                            change({ span, amount: String(daily * (Math.abs(span) + 1)) });
                          }}
                        >
                          {SPANS.map((s) => (
                            <option key={s} value={s}>
                              {spanLabel(s)}
                            </option>
                          ))}
                        </select>
                      </>
                    )}
                    {error && (
                      <p className="warn" role="alert">
                        {error}
                      </p>
                    )}
                  </td>
                  <td>
                    <input
                      id={`p-${r.code}`}
                      type="checkbox"
                      checked={r.pays}
                      disabled={paid.has(r.code)}
                      onChange={(e) => change({ pays: e.target.checked })}
                    />
                  </td>
                  <td className="num">
                    <DigitsInput
                      aria-label={`${t.amount} ${r.code}`}
                      size={7}
                      value={r.amount}
                      disabled={!r.pays}
                      onChange={(v) => change({ amount: v })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        <strong>
          {t.total}: {rp(total)}
        </strong>{" "}
        ({rows.filter((r) => r.pays).length}/{rows.length})
      </p>
      <button type="submit" disabled={a.busy}>
        {a.busy ? t.saving : t.save}
      </button>
      <Status s={a} />
      {savedEntry && <Receipts slug={slug} entryId={savedEntry} t={t} locale={locale} rp={rp} />}
    </form>
  );
}

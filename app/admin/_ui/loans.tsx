"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import { loanSchedule, LOAN_PURPOSES, type LoanMethod } from "@/server/domain/loans";
import { api, newKey } from "./client";
import { useAction, Status, Field, type Group, type Members, type P } from "./common";

export function Loans({
  slug,
  group,
  members,
  today,
  rp,
  t,
  locale,
  canWrite,
}: P & { group: Group; members: Members; today: string; canWrite: boolean }) {
  const [loans, setLoans] = useState<Awaited<ReturnType<typeof api.admin.loans.list.query>>>([]);
  const [form, setForm] = useState({
    memberCode: members[0]?.code ?? "",
    principal: "",
    termMonths: "4",
    purpose: "kopi" as (typeof LOAN_PURPOSES)[number],
    date: today,
    via: "cash" as "cash" | "bank",
  });
  const [preview, setPreview] = useState(false);
  const [key, setKey] = useState(newKey);
  const [repay, setRepay] = useState({ loanId: "", amount: "", via: "cash" as "cash" | "bank", key: newKey() });
  const a = useAction(locale);
  const load = useCallback(() => api.admin.loans.list.query({ groupSlug: slug }).then(setLoans), [slug]);
  useEffect(() => void load(), [load]);
  const [costs, setCosts] = useState<Awaited<ReturnType<typeof api.admin.loans.compare.query>> | null>(null);
  useEffect(() => {
    setCosts(null);
    if (preview && Number(form.principal) > 0 && Number(form.termMonths) >= 1)
      api.admin.loans.compare
        .query({ groupSlug: slug, principal: Number(form.principal), termMonths: Number(form.termMonths) })
        .then(setCosts, () => setCosts(null));
  }, [preview, form.principal, form.termMonths, slug]);
  const schedule = useMemo(() => {
    const p = Number(form.principal);
    const n = Number(form.termMonths);
    if (!preview || !(p > 0) || !(n >= 1)) return null;
    try {
      return loanSchedule({
        principal: p,
        termMonths: n,
        rateBpsPerMonth: group.loanRateBpsPerMonth,
        method: group.loanMethod as LoanMethod,
        disbursedOn: form.date,
      });
    } catch {
      return null;
    }
  }, [preview, form, group]);
  const set = (k: keyof typeof form, v: string) => {
    setForm({ ...form, [k]: v });
    setPreview(false);
    setKey(newKey());
  };
  return (
    <>
      {canWrite && (
        <form
          className="inline"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!preview) return setPreview(true);
            const r = await a.run(
              () =>
                api.admin.loans.disburse.mutate({
                  groupSlug: slug,
                  memberCode: form.memberCode,
                  principal: Number(form.principal),
                  termMonths: Number(form.termMonths),
                  date: form.date,
                  purpose: form.purpose,
                  via: form.via,
                  idempotencyKey: key,
                }),
              (r) => t.saved(r.entry.seq),
            );
            if (r) {
              setKey(newKey());
              setPreview(false);
              load();
            }
          }}
        >
          <Field id="lm" label={t.member}>
            <select id="lm" value={form.memberCode} onChange={(e) => set("memberCode", e.target.value)}>
              {members.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.code} {m.fullName}
                </option>
              ))}
            </select>
          </Field>
          <Field id="lp" label={t.principal}>
            <input
              id="lp"
              inputMode="numeric"
              value={form.principal}
              onChange={(e) => set("principal", e.target.value.replace(/\D/g, ""))}
              required
            />
          </Field>
          <Status s={a} field="principal" />
          <Field id="lt" label={t.term}>
            <input
              id="lt"
              inputMode="numeric"
              value={form.termMonths}
              onChange={(e) => set("termMonths", e.target.value.replace(/\D/g, ""))}
              required
            />
          </Field>
          <Field id="lu" label={t.purpose}>
            <select id="lu" value={form.purpose} onChange={(e) => set("purpose", e.target.value)}>
              {LOAN_PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </Field>
          <Field id="ld" label={t.date}>
            <input id="ld" type="date" max={today} value={form.date} onChange={(e) => set("date", e.target.value)} />
          </Field>
          <Field id="lv" label={t.via}>
            <select id="lv" value={form.via} onChange={(e) => set("via", e.target.value)}>
              <option value="cash">{t.viaCash}</option>
              <option value="bank">{t.viaBank}</option>
            </select>
          </Field>
          {schedule && (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.installment}</th>
                    <th scope="col">{t.date}</th>
                    <th scope="col" className="num">
                      {t.principal}
                    </th>
                    <th scope="col" className="num">
                      Jasa
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {schedule.map((i) => (
                    <tr key={i.n}>
                      <td>{i.n}</td>
                      <td>{i.dueOn}</td>
                      <td className="num">{rp(i.principal)}</td>
                      <td className="num">{rp(i.serviceCharge)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {costs && (
            <p>
              {costs.lenders
                .map(
                  (l) =>
                    `${l.key.toUpperCase()} ${rp(l.costRp)} (${l.eirPct.toLocaleString(locale === "id" ? "id-ID" : "en-US")}%)`,
                )
                .join(" · ")}
            </p>
          )}
          <div>
            <button type="submit" disabled={a.busy}>
              {preview ? t.confirm : t.preview}
            </button>
          </div>
          <Status s={a} />
        </form>
      )}
      {canWrite && (
        <form
          className="inline"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await a.run(
              () =>
                api.admin.loans.repay.mutate({
                  groupSlug: slug,
                  loanId: Number(repay.loanId),
                  amount: Number(repay.amount),
                  date: today,
                  via: repay.via,
                  idempotencyKey: repay.key,
                }),
              (r) =>
                `${t.saved(r.entry.seq)} — denda ${rp(r.allocation.fine)}, jasa ${rp(r.allocation.serviceCharge)}, pokok ${rp(r.allocation.principal)}`,
            );
            if (r) {
              setRepay({ loanId: "", amount: "", via: repay.via, key: newKey() });
              load();
            }
          }}
        >
          <h2>{t.repay}</h2>
          <Field id="rl" label={t.loan}>
            <select
              id="rl"
              value={repay.loanId}
              onChange={(e) => setRepay({ ...repay, loanId: e.target.value, key: newKey() })}
              required
            >
              <option value="">—</option>
              {loans
                .filter((l) => l.status === "berjalan" || l.status === "menunggak")
                .map((l) => (
                  <option key={l.id} value={l.id}>
                    #{l.id} {l.memberCode} · {rp(l.principal)} · {rp(l.totalOwed)}
                  </option>
                ))}
            </select>
          </Field>
          <Field id="ra" label={t.amount}>
            <input
              id="ra"
              inputMode="numeric"
              value={repay.amount}
              onChange={(e) => setRepay({ ...repay, amount: e.target.value.replace(/\D/g, ""), key: newKey() })}
              required
            />
          </Field>
          <Field id="rv" label={t.via}>
            <select
              id="rv"
              value={repay.via}
              onChange={(e) => setRepay({ ...repay, via: e.target.value as "cash" | "bank", key: newKey() })}
            >
              <option value="cash">{t.viaCash}</option>
              <option value="bank">{t.viaBank}</option>
            </select>
          </Field>
          <div>
            <button type="submit" disabled={a.busy}>
              {t.repay}
            </button>
          </div>
        </form>
      )}
      <h2>{t.tabs.loans}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t.member}</th>
              <th scope="col">{t.date}</th>
              <th scope="col" className="num">
                {t.principal}
              </th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Sisa
              </th>
            </tr>
          </thead>
          <tbody>
            {loans.slice(0, 50).map((l) => (
              <tr key={l.id}>
                <td>{l.id}</td>
                <td>{l.memberCode}</td>
                <td>{l.disbursedOn}</td>
                <td className="num">{rp(l.principal)}</td>
                <td>{l.status}</td>
                <td className="num">{rp(l.totalOwed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import { LOAN_PURPOSES, type LoanMethod, loanSchedule } from "@/server/domain/loans";
import { api, newKey } from "./client";
import { Receipts } from "./receipt";
import { formatDate, formatNumber } from "@/server/i18n/format";
import { MESSAGES } from "@/server/i18n/messages";
import {
  amountProblem,
  Confirm,
  DigitsInput,
  dateProblem,
  Field,
  Status,
  useAction,
  type Group,
  type Members,
  type P,
  onChecked,
} from "./common";

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
  const r = useAction(locale); // the repayment's own messages, beside its own form
  const words = MESSAGES[locale];
  // The last save's entry: its members' receipts are shown under the form that made it.
  const [receiptOf, setReceiptOf] = useState<{ form: "loan" | "repay"; entryId: number } | null>(null);
  const load = useCallback(() => api.admin.loans.list.query({ groupSlug: slug }).then(setLoans), [slug]);
  useEffect(() => void load(), [load]);
  const [costs, setCosts] = useState<Awaited<ReturnType<typeof api.admin.loans.compare.query>> | null>(null);
  useEffect(() => {
    setCosts(null);
    if (preview && Number(form.principal) > 0 && Number(form.termMonths) >= 1)
      api.admin.loans.compare
        .query({
          groupSlug: slug,
          principal: Number(form.principal),
          termMonths: Number(form.termMonths),
          date: form.date || undefined,
        })
        .then(setCosts, () => setCosts(null));
  }, [preview, form.principal, form.termMonths, form.date, slug]);
  // The schedule comes with the comparison (the server's own). With no signal a loan can still be
  // prepared to wait on the phone: then it is worked out here by the same domain function.
  const offlineSchedule = useMemo(() => {
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
  const schedule = preview ? (costs?.schedule ?? offlineSchedule) : null;
  const set = (k: keyof typeof form, v: string) => {
    setForm({ ...form, [k]: v });
    setPreview(false);
    setKey(newKey());
    setReceiptOf(null);
    a.edited(k, ...(k === "principal" ? ["amount"] : []));
  };
  const setRepayField = (k: "loanId" | "amount" | "via", v: string) => {
    setRepay({ ...repay, [k]: v, key: newKey() });
    setReceiptOf(null);
    r.edited(k);
  };
  const borrower = form.memberCode;
  const first = schedule?.[0];
  return (
    <>
      {canWrite && (
        <form
          className="inline"
          noValidate
          onSubmit={onChecked(
            a,
            () => [
              ["memberCode", !form.memberCode && "member_not_found"],
              ["principal", amountProblem(form.principal)],
              [
                "termMonths",
                !(Number(form.termMonths) >= 1 && Number(form.termMonths) <= group.loanMaxTermMonths) && "term_invalid",
                { max: group.loanMaxTermMonths },
              ],
              ["date", dateProblem(form.date, today)],
            ],
            async () => {
              if (!preview) return setPreview(true); // the schedule and the sentence first, then the final tap
              const input = {
                groupSlug: slug,
                memberCode: form.memberCode,
                principal: Number(form.principal),
                termMonths: Number(form.termMonths),
                date: form.date,
                purpose: form.purpose,
                via: form.via,
                idempotencyKey: key,
              };
              const what = `${words.kinds.loan_disbursement} ${borrower} ${rp(input.principal)}, ${t.months(input.termMonths)}`;
              const saved = await a.save(
                slug,
                { key, kind: "loan", input, summary: what },
                () => api.admin.loans.disburse.mutate(input),
                (r) => t.saved(r.entry.seq, what),
              );
              if (saved) {
                setKey(newKey());
                setPreview(false);
                setForm({ ...form, principal: "" });
              }
              if (saved && saved !== "kept") {
                setReceiptOf({ form: "loan", entryId: saved.entry.id });
                load();
              }
            },
          )}
        >
          <Field id="lm" label={t.member} a={a} name="memberCode">
            <select id="lm" value={form.memberCode} onChange={(e) => set("memberCode", e.target.value)}>
              {members.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.code} {m.fullName}
                </option>
              ))}
            </select>
          </Field>
          <Field id="lp" label={t.principal} a={a} name={["principal", "amount"]}>
            <DigitsInput id="lp" value={form.principal} onChange={(v) => set("principal", v)} />
          </Field>
          <Field id="lt" label={t.term} a={a} name="termMonths">
            <DigitsInput id="lt" value={form.termMonths} onChange={(v) => set("termMonths", v)} />
          </Field>
          <Field id="lu" label={t.purpose} a={a} name="purpose">
            <select id="lu" value={form.purpose} onChange={(e) => set("purpose", e.target.value)}>
              {LOAN_PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {words.purposes[p] ?? p}
                </option>
              ))}
            </select>
          </Field>
          <Field id="ld" label={t.date} a={a} name="date">
            <input id="ld" type="date" max={today} value={form.date} onChange={(e) => set("date", e.target.value)} />
          </Field>
          <Field id="lv" label={t.via} a={a} name="via">
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
                      {t.serviceCharge}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {schedule.map((i) => (
                    <tr key={i.n}>
                      <td>{i.n}</td>
                      <td>{formatDate(i.dueOn, locale)}</td>
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
                .map((l) => `${l.key.toUpperCase()} ${rp(l.costRp)} (${formatNumber(l.eirPct, locale)}%)`)
                .join(" · ")}
            </p>
          )}
          {preview && first ? (
            <Confirm
              t={t}
              busy={a.busy}
              onBack={() => setPreview(false)}
              lines={[
                t.moneyOut(form.via, rp(Number(form.principal))),
                t.loanWhat(borrower, Number(form.termMonths), rp(first.principal + first.serviceCharge)),
              ]}
            />
          ) : (
            <div>
              <button type="submit" disabled={a.busy}>
                {t.preview}
              </button>
            </div>
          )}
          <Status s={a} />
          {receiptOf?.form === "loan" && (
            <Receipts slug={slug} entryId={receiptOf.entryId} t={t} locale={locale} rp={rp} />
          )}
        </form>
      )}
      {canWrite && (
        <form
          className="inline"
          noValidate
          onSubmit={onChecked(
            r,
            () => [
              ["loanId", !repay.loanId && "loan_not_found"],
              ["amount", amountProblem(repay.amount)],
            ],
            async () => {
              const loan = loans.find((l) => String(l.id) === repay.loanId);
              const input = {
                groupSlug: slug,
                loanId: Number(repay.loanId),
                amount: Number(repay.amount),
                date: today,
                via: repay.via,
                idempotencyKey: repay.key,
              };
              const what = `${words.kinds.loan_repayment} ${loan?.memberCode ?? ""} ${rp(input.amount)}`;
              const saved = await r.save(
                slug,
                { key: repay.key, kind: "repayment", input, summary: what },
                () => api.admin.loans.repay.mutate(input),
                (x) =>
                  t.saved(
                    x.entry.seq,
                    `${what} — ${t.fine} ${rp(x.allocation.fine)}, ${t.serviceCharge} ${rp(x.allocation.serviceCharge)}, ${t.principal} ${rp(x.allocation.principal)}`,
                  ),
              );
              if (saved) setRepay({ loanId: "", amount: "", via: repay.via, key: newKey() });
              if (saved && saved !== "kept") {
                setReceiptOf({ form: "repay", entryId: saved.entry.id });
                load();
              }
            },
          )}
        >
          <h2>{t.repay}</h2>
          <Field id="rl" label={t.loan} a={r} name={["loanId", "loan"]}>
            <select id="rl" value={repay.loanId} onChange={(e) => setRepayField("loanId", e.target.value)}>
              <option value="">—</option>
              {loans
                .filter((l) => l.status === "berjalan" || l.status === "menunggak")
                .map((l) => (
                  <option key={l.id} value={l.id}>
                    #{l.id} {l.memberCode} · {rp(l.principal)} · {t.owed} {rp(l.totalOwed)}
                  </option>
                ))}
            </select>
          </Field>
          <Field id="ra" label={t.amount} a={r} name="amount">
            <DigitsInput id="ra" value={repay.amount} onChange={(v) => setRepayField("amount", v)} />
          </Field>
          <Field id="rv" label={t.via} a={r} name="via">
            <select id="rv" value={repay.via} onChange={(e) => setRepayField("via", e.target.value)}>
              <option value="cash">{t.viaCash}</option>
              <option value="bank">{t.viaBank}</option>
            </select>
          </Field>
          <div>
            <button type="submit" disabled={r.busy}>
              {r.busy ? t.saving : t.repay}
            </button>
          </div>
          <Status s={r} />
          {receiptOf?.form === "repay" && (
            <Receipts slug={slug} entryId={receiptOf.entryId} t={t} locale={locale} rp={rp} />
          )}
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
              <th scope="col">{t.status}</th>
              <th scope="col" className="num">
                {t.owed}
              </th>
            </tr>
          </thead>
          <tbody>
            {loans.slice(0, 50).map((l) => (
              <tr key={l.id}>
                <td>{l.id}</td>
                <td>{l.memberCode}</td>
                <td>{formatDate(l.disbursedOn, locale)}</td>
                <td className="num">{rp(l.principal)}</td>
                <td>{words.statuses[l.status] ?? l.status}</td>
                <td className="num">{rp(l.totalOwed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

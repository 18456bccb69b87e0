"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import { LOAN_PURPOSES, type LoanMethod, loanSchedule } from "@/server/domain/loans";
import { ARREARS_CONFIRM_DAYS, borrowerDaysLate, loanRoom, principalOwed } from "@/server/domain/lending";
import { savingsTotal } from "@/server/domain/ledger";
import { api, newKey } from "./client";
import { afterQueue, dueAfterWaiting, waitingLoans, waitingRepayments } from "./kept-money";
import { queued } from "./offline-queue";
import { Receipts } from "./receipt";
import { formatDate, formatNumber } from "@/server/i18n/format";
import {
  amountProblem,
  Confirm,
  DateField,
  dateCheck,
  DigitsInput,
  Field,
  Status,
  useAction,
  useSent,
  type Group,
  type Members,
  type P,
  onChecked,
  useOpenDays,
  useWho,
} from "./common";
import { useWords } from "./words-context";

export function Loans({
  slug,
  group,
  members,
  today,
  rp,
  t,
  locale,
  canWrite,
  repayOnly = false,
}: P & {
  group: Group;
  members: Members;
  today: string;
  canWrite: boolean;
  /** The bar's "Angsuran": this tab with only its repayment form (no new loan, no register). */
  repayOnly?: boolean;
}) {
  const who = useWho(); // "RD-003 · Maria …": the treasurer's own screen names the member
  // The open loans with what is due (one stable URL, kept on the phone for a meeting with no signal).
  const [loans, setLoans] = useState<Awaited<ReturnType<typeof api.admin.loans.open.query>>>([]);
  // The register, a page at a time; page 0 is asked for with no page (the same URL every time).
  const [page, setPage] = useState(0);
  const [register, setRegister] = useState<Awaited<ReturnType<typeof api.admin.loans.list.query>> | null>(null);
  const [form, setForm] = useState({
    memberCode: members[0]?.code ?? "",
    principal: "",
    termMonths: "4",
    purpose: "kopi" as (typeof LOAN_PURPOSES)[number],
    date: today,
    via: "cash" as "cash" | "bank",
    confirmed: false,
  });
  const [preview, setPreview] = useState(false);
  // The group's lending rule and the money at hand, read when the tab opens and after each loan:
  // the form refuses a loan above either before the final tap (the server refuses it too).
  const [rule, setRule] = useState<Awaited<ReturnType<typeof api.admin.lending.rule.query>> | null>(null);
  const [hand, setHand] = useState<{ cash: number; bank: number } | null>(null);
  // Until the rule, the money at hand and her loans have been asked for (answered or failed), the
  // form waits: a quick tap must not reach the final step with nothing checked.
  const [limitsAsked, setLimitsAsked] = useState(false);
  const loadLimits = useCallback(() => {
    void Promise.allSettled([
      api.admin.lending.rule.query({ groupSlug: slug }).then(setRule),
      api.admin.cash.onHand.query({ groupSlug: slug }).then(setHand),
    ]).then(() => setLimitsAsked(true));
  }, [slug]);
  useEffect(() => void (repayOnly || loadLimits()), [loadLimits, repayOnly]);
  const [key, setKey] = useState(newKey);
  const [repay, setRepay] = useState({
    loanId: "",
    amount: "",
    via: "cash" as "cash" | "bank",
    date: today,
    key: newKey(),
  });
  const open = useOpenDays() ?? { from: today, to: today };
  const a = useAction(locale);
  const r = useAction(locale); // the repayment's own messages, beside its own form
  const words = useWords();
  // The last save's entry: its members' receipts are shown under the form that made it.
  const [receiptOf, setReceiptOf] = useState<{ form: "loan" | "repay"; entryId: number } | null>(null);
  const [loansAsked, setLoansAsked] = useState(false);
  const load = useCallback(
    () =>
      api.admin.loans.open
        .query({ groupSlug: slug })
        .then(setLoans)
        .finally(() => setLoansAsked(true)),
    [slug],
  );
  useEffect(() => void load(), [load]);
  const loadRegister = useCallback(
    () =>
      api.admin.loans.list.query(page === 0 ? { groupSlug: slug } : { groupSlug: slug, page }).then(setRegister, () => {
        // No signal and this page not kept: the register stays as it was.
      }),
    [slug, page],
  );
  useEffect(() => void (repayOnly || loadRegister()), [loadRegister, repayOnly]);
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
  // The phone's queue sent writes (a repayment, a loan): what is due, the register and the money again.
  const sent = useSent();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `sent` is the reload trigger
  useEffect(() => {
    if (!sent) return;
    void load();
    if (!repayOnly) {
      void loadRegister();
      loadLimits();
    }
  }, [sent]);
  const set = (k: Exclude<keyof typeof form, "confirmed">, v: string) => {
    // A new borrower is a new question: her arrears are confirmed afresh.
    setForm({ ...form, [k]: v, ...(k === "memberCode" ? { confirmed: false } : {}) });
    setPreview(false);
    setKey(newKey());
    setReceiptOf(null);
    a.edited(k, ...(k === "principal" ? ["amount"] : []));
  };
  const setRepayField = (k: "loanId" | "amount" | "via" | "date", v: string) => {
    setRepay({ ...repay, [k]: v, key: newKey() });
    setReceiptOf(null);
    r.edited(k);
  };
  const borrower = form.memberCode;
  const first = schedule?.[0];
  const savings = (() => {
    const m = members.find((x) => x.code === borrower);
    return m ? savingsTotal(m.savings) : 0;
  })();
  // Her limit holds on what she owes in total (the same rule the server applies, server/domain/lending.ts):
  // her open loans' principal as synced, and the loans to her still waiting on the phone.
  const owed =
    principalOwed(loans.filter((l) => l.memberCode === borrower)) +
    (typeof window === "undefined" ? 0 : waitingLoans(queued(localStorage, slug), borrower));
  const ceiling = rule ? loanRoom(rule, savings, owed) : null;
  const daysLate = borrowerDaysLate(loans.filter((l) => l.memberCode === borrower));
  const inArrears = daysLate > ARREARS_CONFIRM_DAYS;
  const principal = Number(form.principal);
  // With no signal the form judges by the figures as last synced (kept by the service worker), the
  // box and the bank moved by the writes still waiting on the phone (kept-money.ts); the server
  // judges again when the loan is sent. With none synced it says so and the loan is kept unjudged.
  const online = typeof navigator === "undefined" || navigator.onLine;
  const money = !hand ? null : online ? hand : afterQueue(hand, queued(localStorage, slug));
  const available = money ? money[form.via] : null;
  const figuresUnknown = !online && limitsAsked && loansAsked && (!hand || !rule);
  const waitingForLimits = online && !(limitsAsked && loansAsked);
  const repayLoan = loans.find((l) => String(l.id) === repay.loanId);
  // What each loan still asks, less the repayments waiting on the phone for it (kept-money.ts): a
  // payment kept with no signal is not taken twice. The server allocates each one when it is sent.
  const kept = typeof window === "undefined" ? [] : queued(localStorage, slug);
  const owing = (l: (typeof loans)[number]) => {
    const waiting = waitingRepayments(kept, l.id);
    return { waiting, ...dueAfterWaiting({ ...l.due, totalOwed: l.totalOwed }, waiting) };
  };
  const repayDue = repayLoan ? owing(repayLoan) : null;
  // The picked loan's schedule, fetched when it is opened (not kept with the list).
  const [schedOf, setSchedOf] = useState<Awaited<ReturnType<typeof api.admin.loans.schedule.query>> | null>(null);
  useEffect(() => {
    setSchedOf(null);
    if (repay.loanId)
      api.admin.loans.schedule.query({ groupSlug: slug, loanId: Number(repay.loanId) }).then(setSchedOf, () => {
        // No signal: what is due (kept with the list) is enough to take the repayment.
      });
  }, [repay.loanId, slug]);
  return (
    <>
      {canWrite && !repayOnly && (
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
              dateCheck("date", form.date, open),
              ["principal", waitingForLimits && "figures_loading"],
              [
                "principal",
                available !== null &&
                  principal > available &&
                  (form.via === "bank" ? "insufficient_bank" : "insufficient_cash"),
                { available: Math.max(0, available ?? 0) },
              ],
              [
                "principal",
                rule && ceiling && principal > ceiling.room && "loan_above_ceiling",
                {
                  ceiling: ceiling?.ceiling ?? 0,
                  limit: ceiling?.limit ?? "absolute",
                  multiple: rule?.savingsMultiple ?? 0,
                  savings: Math.max(0, savings),
                  owed: ceiling?.owed ?? 0,
                  room: ceiling?.room ?? 0,
                },
              ],
              ["confirmed", preview && inArrears && !form.confirmed && "borrower_in_arrears", { days: daysLate }],
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
                ...(inArrears && form.confirmed ? { confirmed: true } : {}),
              };
              const what = `${words.kinds.loan_disbursement} ${borrower} ${rp(input.principal)}, ${t.months(input.termMonths)}${
                input.date !== today ? `, ${t.datedOn(formatDate(input.date, locale))}` : ""
              }`;
              const saved = await a.save(
                slug,
                { key, kind: "loan", input, summary: what },
                () => api.admin.loans.disburse.mutate(input),
                (r) => t.saved(r.entry.seq, what),
              );
              if (saved) {
                setKey(newKey());
                setPreview(false);
                setForm({ ...form, principal: "", confirmed: false });
              }
              if (saved && saved !== "kept") {
                setReceiptOf({ form: "loan", entryId: saved.entry.id });
                load();
                loadRegister();
                loadLimits();
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
          {inArrears && (
            <p className="warn" id="l-arrears">
              {t.arrearsWarning(borrower, daysLate)}
            </p>
          )}
          <Field id="lp" label={t.principal} a={a} name={["principal", "amount"]}>
            <DigitsInput id="lp" value={form.principal} onChange={(v) => set("principal", v)} />
          </Field>
          {ceiling && (
            <p className="muted" id="l-ceiling">
              {t.ceilingOf(
                borrower,
                rp(ceiling.room),
                ceiling.limit === "savings",
                ceiling.owed > 0 ? rp(ceiling.owed) : null,
                rp(ceiling.ceiling),
              )}
              {hand && ` ${t.cashAtHand(rp(hand.cash), rp(hand.bank))}`}
            </p>
          )}
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
          <DateField id="ld" a={a} value={form.date} onChange={(v) => set("date", v)} t={t} locale={locale} />
          <Field id="lv" label={t.via} a={a} name="via">
            <select id="lv" value={form.via} onChange={(e) => set("via", e.target.value)}>
              <option value="cash">{t.viaCash}</option>
              <option value="bank">{t.viaBank}</option>
            </select>
          </Field>
          {schedule && <ScheduleTable rows={schedule} t={t} locale={locale} rp={rp} />}
          {costs && (
            <p>
              {costs.lenders
                .map((l) => `${l.key.toUpperCase()} ${rp(l.costRp)} (${formatNumber(l.eirPct, locale)}%)`)
                .join(" · ")}
            </p>
          )}
          {preview && first && inArrears && (
            <Field id="lc" label={t.arrearsConfirm} a={a} name="confirmed">
              <input
                id="lc"
                type="checkbox"
                checked={form.confirmed}
                onChange={(e) => {
                  setForm({ ...form, confirmed: e.target.checked });
                  a.edited("confirmed");
                }}
              />
            </Field>
          )}
          {preview && first ? (
            <Confirm
              t={t}
              busy={a.busy}
              onBack={() => setPreview(false)}
              lines={[
                t.moneyOut(form.via, rp(Number(form.principal))),
                t.loanWhat(borrower, Number(form.termMonths), rp(first.principal + first.serviceCharge)),
                ...(inArrears ? [t.arrearsWarning(borrower, daysLate)] : []),
              ]}
            />
          ) : (
            <div>
              {/* Waits for the rule, the money at hand and her loans before a loan can be judged. */}
              <button type="submit" disabled={a.busy || waitingForLimits} aria-busy={waitingForLimits}>
                {t.preview}
              </button>
            </div>
          )}
          {figuresUnknown && (
            <p className="muted" id="l-figures-unknown">
              {t.figuresNotSynced}
            </p>
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
              dateCheck("date", repay.date, open),
              ["amount", amountProblem(repay.amount)],
            ],
            async () => {
              const loan = loans.find((l) => String(l.id) === repay.loanId);
              const input = {
                groupSlug: slug,
                loanId: Number(repay.loanId),
                amount: Number(repay.amount),
                date: repay.date,
                via: repay.via,
                idempotencyKey: repay.key,
              };
              const what = `${words.kinds.loan_repayment} ${loan?.memberCode ?? ""} ${rp(input.amount)}${
                input.date !== today ? `, ${t.datedOn(formatDate(input.date, locale))}` : ""
              }`;
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
              if (saved) setRepay({ loanId: "", amount: "", via: repay.via, date: repay.date, key: newKey() });
              if (saved && saved !== "kept") {
                setReceiptOf({ form: "repay", entryId: saved.entry.id });
                load();
                loadRegister();
                loadLimits(); // the money at hand grew
              }
            },
          )}
        >
          <h2>{t.repay}</h2>
          <Field id="rl" label={t.loan} a={r} name={["loanId", "loan"]}>
            <select id="rl" value={repay.loanId} onChange={(e) => setRepayField("loanId", e.target.value)}>
              <option value="">—</option>
              {loans.map((l) => (
                <option key={l.id} value={l.id}>
                  #{l.id} {l.memberCode} · {rp(l.principal)} · {t.owed} {rp(owing(l).totalOwed)}
                </option>
              ))}
            </select>
          </Field>
          {repayLoan && repayDue && (
            <div className="card due" id="r-due">
              <p>
                <strong>{t.dueTitle(formatDate(today, locale))}</strong>
                {repayLoan.due.daysPastDue > 0 && ` · ${t.dueLate(repayLoan.due.daysPastDue)}`}
              </p>
              {repayDue.waiting > 0 && (
                <p className="warn" id="r-waiting">
                  {t.repayWaiting(rp(repayDue.waiting))}
                </p>
              )}
              {/* What is due now first (its parts beneath it), then what falls due next, named as next. */}
              <ul>
                <li>
                  <strong>
                    {t.dueNow}: {rp(repayDue.dueNow)}
                  </strong>
                  {/* Its parts as last synced — left out while a repayment waits on the phone (the server
                      splits that one when it is sent; the parts before it would contradict the total above). */}
                  {repayDue.waiting === 0 && (
                    <ul>
                      <li>
                        {t.dueArrears}: {rp(repayLoan.due.arrears)}
                      </li>
                      <li>
                        {t.dueFines}: {rp(repayLoan.due.fines)}
                      </li>
                      {repayLoan.due.installment?.dueOn === today && (
                        <li>
                          {t.dueToday(repayLoan.due.installment.n)}: {rp(repayLoan.due.installment.amount)}
                        </li>
                      )}
                    </ul>
                  )}
                </li>
                {repayLoan.due.installment?.dueOn !== today && (
                  <li>
                    {repayLoan.due.installment
                      ? `${t.dueNext(repayLoan.due.installment.n, formatDate(repayLoan.due.installment.dueOn, locale))}: ${rp(repayLoan.due.installment.amount)}`
                      : t.dueNoInstallment}
                  </li>
                )}
                <li>
                  {t.dueSettle}: {rp(repayDue.settle)}
                </li>
              </ul>
              {repayDue.dueNow > 0 && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setRepayField("amount", String(repayDue.dueNow))}
                >
                  {t.payDue}
                </button>
              )}{" "}
              <button
                type="button"
                className="secondary"
                onClick={() => setRepayField("amount", String(repayDue.settle))}
              >
                {t.paySettle}
              </button>
              {schedOf && schedOf.loanId === repayLoan.id && (
                <details id="r-schedule">
                  <summary>{t.loanSchedule(repayLoan.id)}</summary>
                  <ScheduleTable rows={schedOf.installments} t={t} locale={locale} rp={rp} paidOn />
                </details>
              )}
            </div>
          )}
          <DateField
            id="rd"
            a={r}
            value={repay.date}
            onChange={(v) => setRepayField("date", v)}
            t={t}
            locale={locale}
          />
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
      {!repayOnly && (
        <>
          <h2>{t.tabs.loans}</h2>
          {/* On a phone each loan is a small card of three lines (table.loan-register): Status and Sisa are never
              cut off at 360 px. */}
          <table className="loan-register">
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
              {(register?.loans ?? []).map((l) => (
                <tr key={l.id}>
                  <th scope="row">
                    <span aria-hidden="true">#</span>
                    {l.id}
                  </th>
                  <td data-label={t.member}>{who(l.memberCode)}</td>
                  <td data-label={t.date}>{formatDate(l.disbursedOn, locale)}</td>
                  <td data-label={t.principal} className="num">
                    {rp(l.principal)}
                  </td>
                  <td data-label={t.status}>{words.statuses[l.status] ?? l.status}</td>
                  <td data-label={t.owed} className="num">
                    {rp(l.totalOwed)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {register && register.total > register.pageSize && (
            <p className="pager">
              <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {t.newerLoans}
              </button>{" "}
              {t.loansPage(
                register.page * register.pageSize + 1,
                Math.min(register.total, (register.page + 1) * register.pageSize),
                register.total,
              )}{" "}
              <button
                type="button"
                className="secondary"
                disabled={(register.page + 1) * register.pageSize >= register.total}
                onClick={() => setPage(page + 1)}
              >
                {t.olderLoans}
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}

/** A loan's schedule: each installment's date, principal and service charge (and, for a running loan, when paid). */
function ScheduleTable({
  rows,
  t,
  locale,
  rp,
  paidOn = false,
}: Pick<P, "t" | "locale" | "rp"> & {
  rows: readonly { n: number; dueOn: string; principal: number; serviceCharge: number; paidOn?: string | null }[];
  paidOn?: boolean;
}) {
  return (
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
            {paidOn && <th scope="col">{t.paidOn}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.n}>
              <td>{i.n}</td>
              <td>{formatDate(i.dueOn, locale)}</td>
              <td className="num">{rp(i.principal)}</td>
              <td className="num">{rp(i.serviceCharge)}</td>
              {paidOn && <td>{i.paidOn ? formatDate(i.paidOn, locale) : "–"}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

"use client";
import { useEffect, useState } from "react";
import { api, newKey } from "./client";
import { dueAfterWaiting, waitingRepayments } from "./kept-money";
import { queued } from "./offline-queue";
import { Receipts } from "./receipt";
import { formatDate } from "@/server/i18n/format";
import {
  amountProblem,
  DateField,
  dateCheck,
  DigitsInput,
  Field,
  Status,
  useAction,
  type P,
  onChecked,
  useOpenDays,
} from "./common";
import { ScheduleTable } from "./loan-schedule";
import type { OpenLoans, ReceiptOf } from "./loans-data";
import { useWords } from "./words-context";

type RepayField = "loanId" | "amount" | "via" | "date";

/** A repayment on an open loan: what is due shown first, with a tap for either sum. */
export function RepayForm({
  slug,
  t,
  locale,
  rp,
  today,
  loans,
  receiptOf,
  setReceiptOf,
  onSaved,
}: P & {
  today: string;
  loans: OpenLoans;
  receiptOf: ReceiptOf;
  setReceiptOf: (r: ReceiptOf) => void;
  onSaved: () => void;
}) {
  const [repay, setRepay] = useState({
    loanId: "",
    amount: "",
    via: "cash" as "cash" | "bank",
    date: today,
    key: newKey(),
  });
  const open = useOpenDays() ?? { from: today, to: today };
  const r = useAction(locale); // the repayment's own messages, beside its own form
  const words = useWords();
  const setRepayField = (k: RepayField, v: string) => {
    setRepay({ ...repay, [k]: v, key: newKey() });
    setReceiptOf(null);
    r.edited(k);
  };
  const owing = owingOf(slug);
  const submit = async () => {
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
      onSaved();
    }
  };
  return (
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
        submit,
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
      <DueCard
        slug={slug}
        t={t}
        locale={locale}
        rp={rp}
        today={today}
        loan={loans.find((l) => String(l.id) === repay.loanId)}
        owing={owing}
        pay={(amount) => setRepayField("amount", String(amount))}
      />
      <DateField id="rd" a={r} value={repay.date} onChange={(v) => setRepayField("date", v)} t={t} locale={locale} />
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
  );
}

/**
 * What each loan still asks, less the repayments waiting on the phone for it (kept-money.ts): a
 * payment kept with no signal is not taken twice. The server allocates each one when it is sent.
 */
function owingOf(slug: string) {
  const kept = typeof window === "undefined" ? [] : queued(localStorage, slug);
  return (l: OpenLoans[number]) => {
    const waiting = waitingRepayments(kept, l.id);
    return { waiting, ...dueAfterWaiting({ ...l.due, totalOwed: l.totalOwed }, waiting) };
  };
}

/** The picked loan: what is due today and next, the two sums to pay, and its schedule. */
function DueCard({
  slug,
  t,
  locale,
  rp,
  today,
  loan: repayLoan,
  owing,
  pay,
}: P & {
  today: string;
  loan: OpenLoans[number] | undefined;
  owing: ReturnType<typeof owingOf>;
  pay: (amount: number) => void;
}) {
  const loanId = repayLoan?.id;
  // The picked loan's schedule, fetched when it is opened (not kept with the list).
  const [schedOf, setSchedOf] = useState<Awaited<ReturnType<typeof api.admin.loans.schedule.query>> | null>(null);
  useEffect(() => {
    setSchedOf(null);
    if (loanId)
      api.admin.loans.schedule.query({ groupSlug: slug, loanId }).then(setSchedOf, () => {
        // No signal: what is due (kept with the list) is enough to take the repayment.
      });
  }, [loanId, slug]);
  if (!repayLoan) return null;
  const repayDue = owing(repayLoan);
  return (
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
      <DueList t={t} locale={locale} rp={rp} today={today} due={repayLoan.due} owing={repayDue} />
      {repayDue.dueNow > 0 && (
        <button type="button" className="secondary" onClick={() => pay(repayDue.dueNow)}>
          {t.payDue}
        </button>
      )}{" "}
      <button type="button" className="secondary" onClick={() => pay(repayDue.settle)}>
        {t.paySettle}
      </button>
      {schedOf && schedOf.loanId === repayLoan.id && (
        <details id="r-schedule">
          <summary>{t.loanSchedule(repayLoan.id)}</summary>
          <ScheduleTable rows={schedOf.installments} t={t} locale={locale} rp={rp} paidOn />
        </details>
      )}
    </div>
  );
}

/** What is due now first (its parts beneath it), then what falls due next, named as next. */
function DueList({
  t,
  locale,
  rp,
  today,
  due,
  owing,
}: Pick<P, "t" | "locale" | "rp"> & {
  today: string;
  due: OpenLoans[number]["due"];
  owing: ReturnType<ReturnType<typeof owingOf>>;
}) {
  return (
    <ul>
      <li>
        <strong>
          {t.dueNow}: {rp(owing.dueNow)}
        </strong>
        {/* Its parts as last synced — left out while a repayment waits on the phone (the server
            splits that one when it is sent; the parts before it would contradict the total above). */}
        {owing.waiting === 0 && (
          <ul>
            <li>
              {t.dueArrears}: {rp(due.arrears)}
            </li>
            <li>
              {t.dueFines}: {rp(due.fines)}
            </li>
            {due.installment?.dueOn === today && (
              <li>
                {t.dueToday(due.installment.n)}: {rp(due.installment.amount)}
              </li>
            )}
          </ul>
        )}
      </li>
      {due.installment?.dueOn !== today && (
        <li>
          {due.installment
            ? `${t.dueNext(due.installment.n, formatDate(due.installment.dueOn, locale))}: ${rp(due.installment.amount)}`
            : t.dueNoInstallment}
        </li>
      )}
      <li>
        {t.dueSettle}: {rp(owing.settle)}
      </li>
    </ul>
  );
}

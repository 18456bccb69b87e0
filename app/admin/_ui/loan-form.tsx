"use client";
import { useEffect, useMemo, useState } from "react";
import { LOAN_PURPOSES, type LoanMethod, loanSchedule } from "@/server/domain/loans";
import { ARREARS_CONFIRM_DAYS, borrowerDaysLate, loanRoom, principalOwed } from "@/server/domain/lending";
import { savingsTotal } from "@/server/domain/ledger";
import { api, newKey } from "./client";
import { afterQueue, waitingLoans } from "./kept-money";
import { queued } from "./offline-queue";
import { Receipts } from "./receipt";
import { formatDate, formatNumber } from "@/server/i18n/format";
import {
  type Action,
  amountProblem,
  Confirm,
  DateField,
  dateCheck,
  DigitsInput,
  Field,
  type firstProblem,
  Status,
  useAction,
  type Group,
  type Members,
  type OpenDays,
  type P,
  onChecked,
  useOpenDays,
} from "./common";
import { ScheduleTable } from "./loan-schedule";
import type { LendingLimits, OpenLoans, ReceiptOf } from "./loans-data";
import { useWords } from "./words-context";

type LoanFormState = {
  memberCode: string;
  principal: string;
  termMonths: string;
  purpose: (typeof LOAN_PURPOSES)[number];
  date: string;
  via: "cash" | "bank";
  confirmed: boolean;
};
type Position = ReturnType<typeof borrowerPosition>;
type Costs = Awaited<ReturnType<typeof api.admin.loans.compare.query>>;

/** A new loan: the form, then its schedule and costs beside the informal lenders', then the final tap. */
export function LoanForm({
  slug,
  t,
  locale,
  rp,
  today,
  group,
  members,
  loans,
  loansAsked,
  limits,
  receiptOf,
  setReceiptOf,
  onSaved,
}: P & {
  today: string;
  group: Group;
  members: Members;
  loans: OpenLoans;
  loansAsked: boolean;
  limits: LendingLimits;
  receiptOf: ReceiptOf;
  setReceiptOf: (r: ReceiptOf) => void;
  onSaved: () => void;
}) {
  const [form, setForm] = useState<LoanFormState>({
    memberCode: members[0]?.code ?? "",
    principal: "",
    termMonths: "4",
    purpose: "kopi",
    date: today,
    via: "cash",
    confirmed: false,
  });
  const [preview, setPreview] = useState(false);
  const [key, setKey] = useState(newKey);
  const open = useOpenDays() ?? { from: today, to: today };
  const a = useAction(locale);
  const words = useWords();
  const { costs, schedule } = useLoanPreview(slug, group, form, preview);
  const set = (k: Exclude<keyof LoanFormState, "confirmed">, v: string) => {
    // A new borrower is a new question: her arrears are confirmed afresh.
    setForm({ ...form, [k]: v, ...(k === "memberCode" ? { confirmed: false } : {}) });
    setPreview(false);
    setKey(newKey());
    setReceiptOf(null);
    a.edited(k, ...(k === "principal" ? ["amount"] : []));
  };
  const pos = borrowerPosition(slug, form, members, loans, loansAsked, limits);
  const submit = async () => {
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
      ...(pos.inArrears && form.confirmed ? { confirmed: true } : {}),
    };
    const what = `${words.kinds.loan_disbursement} ${form.memberCode} ${rp(input.principal)}, ${t.months(input.termMonths)}${
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
      onSaved();
    }
  };
  const p = { t, locale, rp, a, form, pos };
  return (
    <form
      className="inline"
      noValidate
      onSubmit={onChecked(a, () => loanChecks(form, group, open, pos, preview), submit)}
    >
      <LoanFields {...p} members={members} hand={limits.hand} set={set} />
      <LoanDecision
        {...p}
        preview={preview}
        schedule={schedule}
        costs={costs}
        back={() => setPreview(false)}
        confirm={(confirmed) => {
          setForm({ ...form, confirmed });
          a.edited("confirmed");
        }}
      />
      <Status s={a} />
      {receiptOf?.form === "loan" && <Receipts slug={slug} entryId={receiptOf.entryId} t={t} locale={locale} rp={rp} />}
    </form>
  );
}

/**
 * The loan's costs beside the informal lenders' (asked for when the preview opens) and its schedule.
 * The schedule comes with the comparison (the server's own). With no signal a loan can still be
 * prepared to wait on the phone: then it is worked out here by the same domain function.
 */
function useLoanPreview(slug: string, group: Group, form: LoanFormState, preview: boolean) {
  const [costs, setCosts] = useState<Costs | null>(null);
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
  return { costs, schedule: preview ? (costs?.schedule ?? offlineSchedule) : null };
}

/** Where the borrower stands: her room under the lending rule, her arrears, the money at hand to lend from. */
function borrowerPosition(
  slug: string,
  form: LoanFormState,
  members: Members,
  loans: OpenLoans,
  loansAsked: boolean,
  { rule, hand, limitsAsked }: LendingLimits,
) {
  const borrower = form.memberCode;
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
  // With no signal the form judges by the figures as last synced (kept by the service worker), the
  // box and the bank moved by the writes still waiting on the phone (kept-money.ts); the server
  // judges again when the loan is sent. With none synced it says so and the loan is kept unjudged.
  const online = typeof navigator === "undefined" || navigator.onLine;
  const money = !hand ? null : online ? hand : afterQueue(hand, queued(localStorage, slug));
  return {
    rule,
    savings,
    ceiling,
    daysLate,
    inArrears: daysLate > ARREARS_CONFIRM_DAYS,
    available: money ? money[form.via] : null,
    figuresUnknown: !online && limitsAsked && loansAsked && (!hand || !rule),
    waitingForLimits: online && !(limitsAsked && loansAsked),
  };
}

/** The form's own checks before the preview and the final tap, in the order of its fields. */
function loanChecks(
  form: LoanFormState,
  group: Group,
  open: OpenDays,
  pos: Position,
  preview: boolean,
): Parameters<typeof firstProblem>[0] {
  const { rule, ceiling, savings, available } = pos;
  const principal = Number(form.principal);
  return [
    ["memberCode", !form.memberCode && "member_not_found"],
    ["principal", amountProblem(form.principal)],
    [
      "termMonths",
      !(Number(form.termMonths) >= 1 && Number(form.termMonths) <= group.loanMaxTermMonths) && "term_invalid",
      { max: group.loanMaxTermMonths },
    ],
    dateCheck("date", form.date, open),
    ["principal", pos.waitingForLimits && "figures_loading"],
    [
      "principal",
      available !== null && principal > available && (form.via === "bank" ? "insufficient_bank" : "insufficient_cash"),
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
    ["confirmed", preview && pos.inArrears && !form.confirmed && "borrower_in_arrears", { days: pos.daysLate }],
  ];
}

type Part = Pick<P, "t" | "locale" | "rp"> & { a: Action; form: LoanFormState; pos: Position };

/** Who borrows, how much, for how long, for what, on which day and from where. */
function LoanFields({
  t,
  locale,
  rp,
  a,
  form,
  pos,
  members,
  hand,
  set,
}: Part & {
  members: Members;
  hand: LendingLimits["hand"];
  set: (k: Exclude<keyof LoanFormState, "confirmed">, v: string) => void;
}) {
  const words = useWords();
  const borrower = form.memberCode;
  const { ceiling } = pos;
  return (
    <>
      <Field id="lm" label={t.member} a={a} name="memberCode">
        <select id="lm" value={form.memberCode} onChange={(e) => set("memberCode", e.target.value)}>
          {members.map((m) => (
            <option key={m.code} value={m.code}>
              {m.code} {m.fullName}
            </option>
          ))}
        </select>
      </Field>
      {pos.inArrears && (
        <p className="warn" id="l-arrears">
          {t.arrearsWarning(borrower, pos.daysLate)}
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
    </>
  );
}

/** The preview: the schedule, the costs, the arrears' confirmation and the final tap (or the button to preview). */
function LoanDecision({
  t,
  locale,
  rp,
  a,
  form,
  pos,
  preview,
  schedule,
  costs,
  back,
  confirm,
}: Part & {
  preview: boolean;
  schedule: ReturnType<typeof useLoanPreview>["schedule"];
  costs: Costs | null;
  back: () => void;
  confirm: (confirmed: boolean) => void;
}) {
  const borrower = form.memberCode;
  const first = schedule?.[0];
  const { inArrears, daysLate, waitingForLimits } = pos;
  return (
    <>
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
          <input id="lc" type="checkbox" checked={form.confirmed} onChange={(e) => confirm(e.target.checked)} />
        </Field>
      )}
      {preview && first ? (
        <Confirm
          t={t}
          busy={a.busy}
          onBack={back}
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
      {pos.figuresUnknown && (
        <p className="muted" id="l-figures-unknown">
          {t.figuresNotSynced}
        </p>
      )}
    </>
  );
}

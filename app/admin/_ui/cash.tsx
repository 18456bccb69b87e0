"use client";
import { useCallback, useEffect, useState } from "react";
import type { RightEntryDraft } from "@/server/domain/correction-follow-up";
import { localDate } from "@/server/domain/dates";
import { EXPENSE_CATEGORIES, INCOME_CATEGORIES } from "@/server/domain/ledger";
import { countTolerance, isLargeCountDifference, isLargeOutflow } from "@/server/domain/plausibility";
import { rupiahInWords } from "@/server/i18n/words";
import { api, newKey } from "./client";
import { afterQueue } from "./kept-money";
import { queued } from "./offline-queue";
import { formatDate } from "@/server/i18n/format";
import {
  type Action,
  amountProblem,
  type firstProblem,
  type OpenDays,
  Confirm,
  DateField,
  dateCheck,
  DigitsInput,
  Field,
  Status,
  useAction,
  useOpenDays,
  useSent,
  type P,
  onChecked,
} from "./common";
import { useWords } from "./words-context";

type CashKind = "expense" | "income" | "count" | "bank_deposit" | "bank_withdrawal" | "bank_check";
type Via = "cash" | "bank";
type Replace = "" | "salah_ketik" | "dihitung_ulang";
type OnHand = Awaited<ReturnType<typeof api.admin.cash.onHand.query>>;

type CashDraft = Extract<RightEntryDraft, { form: "cash" }>;

export function Cash({
  slug,
  today,
  timeZone,
  t,
  locale,
  rp,
  draft,
}: P & { today: string; timeZone: string; draft?: CashDraft | null }) {
  const blank = { amount: "", note: "", replace: "" as Replace, key: newKey() };
  // After a correction, the right entry: its kind, category, account and date from the reversed one,
  // the amount to check, and a private note linking it to the correction. The date stays as chosen
  // from one save to the next (a meeting written up the morning after).
  const [fromDraft, setFromDraft] = useState(draft ?? null);
  const [f, setF] = useState<CashForm>(() => initialForm(draft, today, t, blank));
  const open = useOpenDays() ?? { from: today, to: today };
  const [confirming, setConfirming] = useState(false);
  const { hand, handAsked, loadHand } = useOnHand(slug);
  const a = useAction(locale);
  const words = useWords();
  const cats: readonly string[] = f.kind === "income" ? INCOME_CATEGORIES : EXPENSE_CATEGORIES;
  const isCheck = f.kind === "count" || f.kind === "bank_check";
  const isMovement = f.kind === "expense" || f.kind === "income";
  // Money going out of the box or the bank is confirmed in words first.
  const out: Via | null = f.kind === "expense" ? f.via : f.kind === "bank_withdrawal" ? "bank" : null;
  const kindLabel = kindLabels(t);
  const edit = (k: "kind" | "amount" | "category" | "via" | "note" | "replace" | "date", v: string) => {
    const next = { ...f, [k]: v, key: newKey() };
    if (k === "kind") {
      next.category = v === "income" ? "bunga_bank" : "alat_tulis";
      next.replace = "";
    }
    setF(next);
    setConfirming(false);
    a.edited(k === "amount" && isCheck ? "countedAmount" : k);
  };
  const amount = Number(f.amount);
  const { drawnFrom, online, available, waitingForHand, book, replaceable, largeCount, threshold, largeOut } =
    cashPosition({ slug, f, out, amount, isCheck, hand, handAsked, a, timeZone, today });
  const what = () =>
    `${kindLabel[f.kind]} ${rp(amount)}${isMovement ? ` (${words.categories[f.category] ?? f.category})` : ""}${
      f.date !== today ? `, ${t.datedOn(formatDate(f.date, locale))}` : ""
    }`;
  const send = () => sendCash({ slug, f, amount, confirming, replaceable, a, what, t, rp });
  return (
    <form
      className="inline"
      noValidate
      onSubmit={onChecked(
        a,
        () => cashChecks(f, open, isCheck, amount, { drawnFrom, available, waitingForHand }),
        async () => {
          if ((out || largeCount) && !confirming) return setConfirming(true);
          const r = await send();
          setConfirming(false);
          if (r) {
            setF({ ...f, ...blank, key: newKey() }); // the date stays
            setFromDraft(null);
          }
          void loadHand();
        },
      )}
    >
      {fromDraft && (
        <p className="warn" role="note">
          {t.rightEntry(fromDraft.corrects.seq, fromDraft.corrects.correctionSeq)}
        </p>
      )}
      <Field id="ck" label={t.kind}>
        <select id="ck" value={f.kind} onChange={(e) => edit("kind", e.target.value)}>
          {(Object.keys(kindLabel) as CashKind[]).map((k) => (
            <option key={k} value={k}>
              {kindLabel[k]}
            </option>
          ))}
        </select>
      </Field>
      <DateField id="cd" a={a} value={f.date} onChange={(v) => edit("date", v)} t={t} locale={locale} />
      <Field
        id="ca"
        label={f.kind === "count" ? t.counted : f.kind === "bank_check" ? t.bankCounted : t.amount}
        a={a}
        name={isCheck ? "countedAmount" : "amount"}
      >
        <DigitsInput id="ca" value={f.amount} onChange={(v) => edit("amount", v)} />
      </Field>
      {isMovement && (
        <>
          <Field id="cv" label={t.via} a={a} name="via">
            <select id="cv" value={f.via} onChange={(e) => edit("via", e.target.value)}>
              <option value="cash">{t.viaCash}</option>
              <option value="bank">{t.viaBank}</option>
            </select>
          </Field>
          <Field id="cc" label={t.category} a={a} name="category">
            <select id="cc" value={f.category} onChange={(e) => edit("category", e.target.value)}>
              {cats.map((c) => (
                <option key={c} value={c}>
                  {words.categories[c] ?? c}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      {isCheck && replaceable && (
        <Field id="cr" label={t.replaceCount} a={a} name="replaces">
          <select id="cr" value={f.replace} onChange={(e) => edit("replace", e.target.value)}>
            <option value="">{t.replaceNone}</option>
            <option value="salah_ketik">{t.replaceReasons.salah_ketik}</option>
            <option value="dihitung_ulang">{t.replaceReasons.dihitung_ulang}</option>
          </select>
        </Field>
      )}
      {(isMovement || isCheck) && (
        <Field id="cn" label={words.privateNote} a={a} name="note">
          <input id="cn" maxLength={200} value={f.note} onChange={(e) => edit("note", e.target.value)} />
        </Field>
      )}
      {confirming && (out || largeCount) ? (
        <CashConfirm
          {...{ t, locale, rp, a, out, amount, what, book }}
          large={largeOut ? threshold : null}
          onBack={() => setConfirming(false)}
        />
      ) : (
        <div>
          {/* Money going out waits for what the account holds (read when the tab opens) before it can be judged. */}
          <button type="submit" disabled={a.busy || waitingForHand} aria-busy={waitingForHand}>
            {a.busy ? t.saving : t.save}
          </button>
        </div>
      )}
      {drawnFrom && !online && handAsked && !hand && (
        <p className="muted" id="c-figures-unknown">
          {t.figuresNotSynced}
        </p>
      )}
      <Status s={a} />
    </form>
  );
}

/**
 * What the books hold now, the last count and check, the group's threshold: read before a count or a
 * large amount is saved, again after each save or refusal, and when the phone's queue sent writes.
 */
function useOnHand(slug: string) {
  const [hand, setHand] = useState<OnHand | null>(null);
  const [handAsked, setHandAsked] = useState(false); // answered or failed: the form no longer waits for it
  const loadHand = useCallback(
    () =>
      api.admin.cash.onHand
        .query({ groupSlug: slug })
        .then(setHand)
        .catch(() => undefined)
        .finally(() => setHandAsked(true)),
    [slug],
  );
  useEffect(() => void loadHand(), [loadHand]);
  // The phone's queue sent writes: the book a count is compared with, and what may go out, again.
  const sent = useSent();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `sent` is the reload trigger
  useEffect(() => void (sent && loadHand()), [sent]);
  return { hand, handAsked, loadHand };
}

type CashForm = {
  kind: CashKind;
  category: string;
  via: Via;
  date: string;
  amount: string;
  note: string;
  replace: Replace;
  key: string;
};

/** Sends the form through its verb: a count or a bank check, a bank transfer, or money in or out. */
function sendCash({
  slug,
  f,
  amount,
  confirming,
  replaceable,
  a,
  what,
  t,
  rp,
}: Pick<P, "slug" | "t" | "rp"> & {
  f: CashForm;
  amount: number;
  confirming: boolean;
  replaceable: { id: number } | null;
  a: Action;
  what: () => string;
}) {
  const isCheck = f.kind === "count" || f.kind === "bank_check";
  if (isCheck) {
    const input = {
      groupSlug: slug,
      date: f.date,
      countedAmount: amount,
      account: f.kind === "bank_check" ? ("bank" as const) : ("cash" as const),
      note: f.note || null,
      confirmed: confirming,
      replaces: replaceable && f.replace ? { id: replaceable.id, reason: f.replace } : null,
      idempotencyKey: f.key,
    };
    return a.save(
      slug,
      { key: f.key, kind: "cash_count", input, summary: what() },
      () => api.admin.cash.count.mutate(input),
      (c) =>
        `${what()}: ${
          c.difference === 0
            ? `✓ ${t.matches}`
            : c.difference > 0
              ? t.over(rp(c.difference))
              : t.short(rp(-c.difference))
        }`,
    );
  }
  if (f.kind === "bank_deposit" || f.kind === "bank_withdrawal") {
    const input = { groupSlug: slug, kind: f.kind, amount, date: f.date, idempotencyKey: f.key };
    return a.save(
      slug,
      { key: f.key, kind: f.kind, input, summary: what() },
      () => api.admin.cash.bankTransfer.mutate(input),
      (e) => t.saved(e.seq, what()),
    );
  }
  const kind = f.kind as "expense" | "income";
  const input = {
    groupSlug: slug,
    amount,
    date: f.date,
    category: f.category,
    note: f.note || null,
    via: f.via,
    ...(kind === "expense" ? { confirmed: confirming } : {}),
    idempotencyKey: f.key,
  };
  return a.save(
    slug,
    { key: f.key, kind, input, summary: what() },
    () => api.admin.cash[kind].mutate(input),
    (e) => t.saved(e.seq, what()),
  );
}

/** The last step: money going out in words, or a count far from the book against the book. */
function CashConfirm({
  t,
  locale,
  rp,
  a,
  out,
  amount,
  what,
  book,
  large,
  onBack,
}: Pick<P, "t" | "locale" | "rp"> & {
  a: Action;
  out: Via | null;
  amount: number;
  what: () => string;
  book: number | null;
  large: number | null;
  onBack: () => void;
}) {
  const diffWords = (d: number) => (d === 0 ? t.matches : d > 0 ? t.over(rp(d)) : t.short(rp(-d)));
  return out ? (
    <Confirm
      t={t}
      busy={a.busy}
      onBack={onBack}
      lines={[
        t.moneyOut(out, rp(amount)),
        what(),
        t.inWords(rupiahInWords(amount, locale)),
        ...(large !== null ? [t.largeOutflow(rp(large))] : []),
      ]}
    />
  ) : (
    <Confirm
      t={t}
      busy={a.busy}
      onBack={onBack}
      lines={[
        what(),
        t.inWords(rupiahInWords(amount, locale)),
        ...(book !== null
          ? [
              t.countAgainstBook(rp(amount), rp(book), diffWords(amount - book)),
              t.largeDifference(rp(countTolerance(book))),
            ]
          : []),
      ]}
    />
  );
}

/** A new form, or after a correction the right entry: its kind, category, account and date from the reversed one. */
function initialForm(
  draft: CashDraft | null | undefined,
  today: string,
  t: P["t"],
  blank: Pick<CashForm, "amount" | "note" | "replace" | "key">,
): CashForm {
  return draft
    ? {
        kind: draft.kind as CashKind,
        category: draft.category,
        via: draft.via as Via,
        date: draft.date,
        amount: String(draft.amount),
        note: t.replacesNote(draft.corrects.seq, draft.corrects.correctionSeq),
        replace: "" as Replace,
        key: newKey(),
      }
    : { kind: "expense" as CashKind, category: "alat_tulis", via: "cash" as Via, date: today, ...blank };
}

const kindLabels = (t: P["t"]): Record<CashKind, string> => ({
  expense: t.expense,
  income: t.income,
  count: t.count,
  bank_deposit: t.bankDeposit,
  bank_withdrawal: t.bankWithdrawal,
  bank_check: t.bankCheck,
});

/**
 * Where the form stands against the books: the account money leaves and what it holds (as last synced
 * with no signal, after the writes waiting on the phone), the book a count is compared with, the count
 * it may replace, and whether the amount must be confirmed in words.
 */
function cashPosition({
  slug,
  f,
  out,
  amount,
  isCheck,
  hand,
  handAsked,
  a,
  timeZone,
  today,
}: {
  slug: string;
  f: CashForm;
  out: Via | null;
  amount: number;
  isCheck: boolean;
  hand: OnHand | null;
  handAsked: boolean;
  a: Action;
  timeZone: string;
  today: string;
}) {
  // The account money leaves, and what it holds by the book (null until read, or with no signal).
  const drawnFrom: Via | null = f.kind === "bank_deposit" ? "cash" : out;
  const online = typeof navigator === "undefined" || navigator.onLine;
  // With no signal: as last synced, after the writes waiting on the phone (kept-money.ts).
  const money = !hand ? null : online ? hand : afterQueue(hand, queued(localStorage, slug));
  const available = !money || !drawnFrom ? null : money[drawnFrom];
  const waitingForHand = Boolean(drawnFrom && online && !handAsked);
  // A count far from the book (Rp 50.000 or 5 %, the larger) is saved only once confirmed in words;
  // so is one expense above the group's threshold. The server refuses either unconfirmed.
  // The book a count is compared with: with no signal the same figure the money-out checks use, as last
  // synced moved by the writes waiting on the phone (a count of the box as it really is then matches).
  const book = !money ? null : f.kind === "bank_check" ? money.bank : f.kind === "count" ? money.cash : null;
  const last = f.kind === "bank_check" ? hand?.lastBankCheck : f.kind === "count" ? hand?.lastCount : null;
  // Only a count for the same date, recorded today, can be replaced (the server checks both).
  const replaceable =
    last &&
    last.businessDate === f.date &&
    localDate(new Date(last.recordedAt), timeZone) === today &&
    !last.countersignedAt
      ? last
      : null;
  // Not known yet (still loading, or no signal): asked all the same — better once too often.
  const largeCount =
    isCheck &&
    f.amount !== "" &&
    (book === null || isLargeCountDifference(book, amount) || a.error?.code === "count_difference_unconfirmed");
  const threshold = hand?.largeOutflowThreshold ?? null;
  const largeOut = f.kind === "expense" && threshold !== null && isLargeOutflow(amount, threshold);
  return { drawnFrom, online, available, waitingForHand, book, replaceable, largeCount, threshold, largeOut };
}

/** The form's own checks before the final tap (the server makes them too). */
function cashChecks(
  f: CashForm,
  open: OpenDays,
  isCheck: boolean,
  amount: number,
  {
    drawnFrom,
    available,
    waitingForHand,
  }: Pick<ReturnType<typeof cashPosition>, "drawnFrom" | "available" | "waitingForHand">,
): Parameters<typeof firstProblem>[0] {
  return [
    dateCheck("date", f.date, open),
    [isCheck ? "countedAmount" : "amount", isCheck ? f.amount === "" && "amount_invalid" : amountProblem(f.amount)],
    // More than the box (or the bank) holds: refused here, before the final tap (the server refuses it too);
    // a quick tap before what it holds has been read waits for it.
    ["amount", waitingForHand && "figures_loading"],
    [
      "amount",
      drawnFrom && available !== null && amount > available && `insufficient_${drawnFrom}`,
      { available: Math.max(0, available ?? 0) },
    ],
  ];
}

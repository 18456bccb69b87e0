"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatRupiah } from "@/server/domain/money";
import { errorMessage } from "@/server/i18n/errors";
import { api, noAnswer, TRPCClientError } from "./client";
import type { P } from "./common";
import { QUEUE_EVENT } from "./keep-on-phone";
import { Receipts } from "./receipt";
import {
  dismissRefused,
  dismissSent,
  flushOnce,
  type Outcome,
  type QueuedWrite,
  queued,
  type RefusedWrite,
  refused,
  release,
  remove,
  type SentWrite,
  sentList,
  type WriteError,
  type WriteKind,
  countFarFromBook,
} from "./offline-queue";
import { warmAgain } from "./warm";

type Input = never; // each verb checks its own input again on the server; the queue keeps it as it was made
type Recorded = Extract<Outcome, { ok: true }>;
/** Recorded, with the entry's number and id (its receipts are read by the id). */
const recorded = (e: { seq: number; id: number }): Recorded => ({ ok: true, seq: e.seq, entryId: e.id });
const SEND: Record<WriteKind, (input: Input) => Promise<Recorded>> = {
  collection: async (i) => {
    const r = await api.admin.contributions.record.mutate(i);
    return { ...recorded(r), refusedLines: r.refused.map(lineRefusal) };
  },
  repayment: async (i) => recorded((await api.admin.loans.repay.mutate(i)).entry),
  loan: async (i) => recorded((await api.admin.loans.disburse.mutate(i)).entry),
  withdrawal: async (i) => recorded(await api.admin.savings.withdraw.mutate(i)),
  expense: async (i) => recorded(await api.admin.cash.expense.mutate(i)),
  income: async (i) => recorded(await api.admin.cash.income.mutate(i)),
  bank_deposit: async (i) => recorded(await api.admin.cash.bankTransfer.mutate(i)),
  bank_withdrawal: async (i) => recorded(await api.admin.cash.bankTransfer.mutate(i)),
  cash_count: async (i) => {
    const c = await api.admin.cash.count.mutate(i);
    // The book it met (another phone may have moved money since this one synced): a far one is a warning.
    return {
      ok: true,
      seq: null,
      entryId: null,
      count: { counted: c.countedAmount, book: c.bookAmount, difference: c.difference },
    };
  },
  leave: async (i) => {
    const r = await api.admin.members.leave.mutate(i);
    return { ok: true, seq: r.seq, entryId: r.entryId };
  },
};

/** A collection line refused alone, in the words of the refusal it would have had on its own. */
export const lineRefusal = (r: { line: number; memberCode: string; day: string; seq: number }) => ({
  line: r.line,
  error: {
    code: "already_collected",
    field: `lines.${r.line}.memberCode`,
    params: { code: r.memberCode, day: r.day, seq: r.seq },
  },
});

/** One kept write through its verb: recorded, refused with the reason, or (no answer, signed out) thrown. */
async function sendWrite(w: QueuedWrite): Promise<Outcome> {
  try {
    return await SEND[w.kind](w.input as Input);
  } catch (e) {
    if (noAnswer(e) || !(e instanceof TRPCClientError)) throw e;
    const d = e.data as { domain?: WriteError | null; code?: string } | undefined;
    if (d?.code === "UNAUTHORIZED") throw e; // kept until she signs in again
    return { ok: false, error: d?.domain ?? { code: "input_invalid", field: null, params: {} } };
  }
}

/**
 * The queue's state on this phone (waiting, refused, sent) and its sending: by itself when the signal
 * returns, every 20 s while something waits, when a write is kept, and on a tap (`send(true)`).
 */
function usePhoneQueue(slug: string, onSent: (() => void) | undefined) {
  const [pending, setPending] = useState<QueuedWrite[]>([]);
  const [refusedWrites, setRefused] = useState<RefusedWrite[]>([]);
  // Everything sent since she last closed the list (kept on the phone): the banner counts it all.
  const [sent, setSent] = useState<SentWrite[]>([]);
  const [busy, setBusy] = useState(false);
  // "Kirim sekarang" tapped with no signal: said, not silence (cleared by the next send that goes).
  const [stillOffline, setStillOffline] = useState(false);
  // The listeners hold the first render's `send`: the latest `onSent` is read through a ref.
  const told = useRef(onSent);
  told.current = onSent;
  const reload = useCallback(() => {
    setPending(queued(localStorage, slug));
    setRefused(refused(localStorage, slug));
    setSent(sentList(localStorage, slug));
  }, [slug]);
  const send = useCallback(
    async (tapped = false) => {
      reload();
      // One flush at a time (flushOnce): the listeners (signal back, the timer, a write kept) hold the first
      // render's `send`, whose `busy` is always false — two flushes ran at once, each saying only its part.
      if (!queued(localStorage, slug).some((w) => !w.held)) return;
      if (!navigator.onLine) {
        if (tapped) setStillOffline(true);
        return;
      }
      setBusy(true);
      // What the sent list held before: any write recorded in this flush (even one cut short) changes it.
      const before = JSON.stringify(sentList(localStorage, slug));
      try {
        await flushOnce(localStorage, slug, sendWrite); // each recorded write joins the sent list as it goes
        setStillOffline(false);
      } catch (e) {
        // still no answer: everything left stays on the phone (signed out: it waits for the next sign-in)
        if (tapped && noAnswer(e)) setStillOffline(true);
      } finally {
        setBusy(false);
        reload();
        if (JSON.stringify(sentList(localStorage, slug)) !== before) {
          setStillOffline(false);
          warmAgain(); // the kept reads again, with what was just sent
          told.current?.(); // and the open tab's figures
        }
      }
    },
    [slug, reload],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: start once per group, not per render of `send`
  useEffect(() => {
    reload();
    if (navigator.onLine) void send();
    const onKept = () => {
      reload();
      if (navigator.onLine) void send();
    };
    const onOnline = () => void send();
    window.addEventListener(QUEUE_EVENT, onKept);
    window.addEventListener("online", onOnline);
    const timer = window.setInterval(() => {
      if (navigator.onLine && queued(localStorage, slug).some((w) => !w.held)) void send();
    }, 20_000);
    return () => {
      window.removeEventListener(QUEUE_EVENT, onKept);
      window.removeEventListener("online", onOnline);
      window.clearInterval(timer);
    };
  }, [slug]);
  return { pending, refusedWrites, sent, busy, stillOffline, reload, send };
}

/**
 * The one place the phone's queue speaks: what waits for signal, what was sent, what the server
 * refused (with the reason and what to do), and what is held after a refusal. Sends by itself when
 * the signal returns, every 20 s while something waits, and on a tap.
 */
export function PhoneQueue({
  slug,
  t,
  locale,
  onSent,
}: Pick<P, "slug" | "t" | "locale"> & {
  /** Told when writes were sent (all or some): the open tab's figures are read again. */
  onSent?: () => void;
}) {
  const { pending, refusedWrites, sent, busy, stillOffline, reload, send } = usePhoneQueue(slug, onSent);
  const waiting = pending.filter((w) => !w.held);
  const held = pending.filter((w) => w.held);
  if (!pending.length && !refusedWrites.length && !sent.length) return null;
  const act = (f: () => void) => {
    f();
    reload();
    void send();
  };
  return (
    <section aria-live="polite" className="card phone-queue">
      {sent.length > 0 && (
        <SentFromPhone
          slug={slug}
          t={t}
          locale={locale}
          sent={sent}
          quiet={waiting.length > 0}
          onClose={() => {
            dismissSent(localStorage, slug);
            reload();
          }}
        />
      )}
      {waiting.length > 0 && (
        <>
          <p className="warn" role="status">
            {t.pending(waiting.length)}
            {stillOffline && (
              <>
                <br />
                <strong id="still-offline">{t.stillNoSignal}</strong>
              </>
            )}
          </p>
          {/* The list itself behind a tap, closed: it must not push every form down (what was refused or
              held stays open below — it asks for her action). */}
          <details className="queue-list">
            <summary>{t.pendingList(waiting.length)}</summary>
            <p className="muted">{t.pendingHow}</p>
            <ul>
              {waiting.map((w) => (
                <li key={w.key}>
                  {w.summary}{" "}
                  {/* Not sent yet, so it can be taken back (an income saved twice by mistake), once confirmed. */}
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() => {
                      if (!window.confirm(t.removeWaitingConfirm(w.summary))) return;
                      remove(localStorage, slug, w.key);
                      reload();
                    }}
                  >
                    {t.removeKept}
                  </button>
                </li>
              ))}
            </ul>
          </details>
          <button type="button" disabled={busy} onClick={() => void send(true)}>
            {busy ? t.saving : t.sendNow}
          </button>
        </>
      )}
      {refusedWrites.length > 0 && (
        <>
          <p className="warn" role="alert">
            {t.refusedTitle}
          </p>
          <ul>
            {refusedWrites.map((w) => (
              <li key={w.key}>
                {w.summary} — {errorMessage(w.error.code, w.error.params, locale)} {t.refusedWhat}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => act(() => dismissRefused(localStorage, slug))}>
            {t.dismiss}
          </button>
        </>
      )}
      {held.length > 0 && (
        <>
          <p className="warn">{t.heldTitle}</p>
          <ul>
            {held.map((w) => (
              <li key={w.key}>
                {w.summary}{" "}
                <button type="button" onClick={() => act(() => release(localStorage, slug, w.key))}>
                  {t.sendAnyway}
                </button>{" "}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => act(() => remove(localStorage, slug, w.key))}
                >
                  {t.removeKept}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The writes whose entries carry members' postings (a receipt each); a cash write has none. */
const WITH_RECEIPTS = new Set<string>(["collection", "repayment", "loan", "withdrawal", "leave"]);

/**
 * The writes sent from the phone since she last closed the list, counted all together, each with the
 * number the server gave it and, on a tap, its members' receipts (the same as after a save online).
 */
function SentFromPhone({
  slug,
  t,
  locale,
  sent,
  quiet,
  onClose,
}: Pick<P, "slug" | "t" | "locale"> & {
  sent: SentWrite[];
  /** Writes still wait: the banner's one status is theirs, and this count is said without a role. */
  quiet: boolean;
  onClose: () => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const rp = (n: number) => formatRupiah(n, locale);
  const farWords = (d: number) => (d > 0 ? t.over(rp(d)) : t.short(rp(-d)));
  return (
    <div className="sent-from-phone">
      <p className="ok" role={quiet ? undefined : "status"}>
        {t.sentQueued(sent.length)}
      </p>
      <p>{t.sentListTitle}</p>
      <ul>
        {sent.map((w) => (
          <li key={w.key}>
            {t.sentItem(w.summary, w.seq)}{" "}
            {countFarFromBook(w) !== null && (
              <strong className="warn">{t.sentCountFar(farWords(countFarFromBook(w)!))} </strong>
            )}
            {w.entryId !== null && WITH_RECEIPTS.has(w.kind) && (
              <button
                type="button"
                className="secondary"
                aria-expanded={open === w.key}
                onClick={() => setOpen(open === w.key ? null : w.key)}
              >
                {open === w.key ? t.hideReceipts : t.showReceipts}
              </button>
            )}
            {open === w.key && w.entryId !== null && <Receipts slug={slug} entryId={w.entryId} t={t} locale={locale} />}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onClose}>
        {t.dismissSent}
      </button>
    </div>
  );
}

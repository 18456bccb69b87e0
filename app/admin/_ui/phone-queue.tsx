"use client";
import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useState } from "react";
import { errorMessage } from "@/server/i18n/errors";
import { api, noAnswer } from "./client";
import type { P } from "./common";
import {
  dismissRefused,
  enqueue,
  flush,
  type Outcome,
  type QueuedWrite,
  queued,
  type RefusedWrite,
  refused,
  release,
  remove,
  type WriteError,
  type WriteKind,
} from "./offline-queue";
import { warmAgain } from "./warm";

/** Told whenever a write is kept, so the one queue banner looks again and sends when it can. */
const QUEUE_EVENT = "kt-antrian";

/** Keeps a write on this phone, with its key, to be sent in order when there is signal. */
export function keepOnPhone(slug: string, w: Omit<QueuedWrite, "queuedAt">): void {
  enqueue(localStorage, slug, { ...w, queuedAt: new Date().toISOString() });
  window.dispatchEvent(new Event(QUEUE_EVENT));
}

type Input = never; // each verb checks its own input again on the server; the queue keeps it as it was made
type Sent = number | null | Extract<Outcome, { ok: true }>;
const SEND: Record<WriteKind, (input: Input) => Promise<Sent>> = {
  collection: async (i) => {
    const r = await api.admin.contributions.record.mutate(i);
    return { ok: true, seq: r.seq, refusedLines: r.refused.map(lineRefusal) };
  },
  repayment: async (i) => (await api.admin.loans.repay.mutate(i)).entry.seq,
  loan: async (i) => (await api.admin.loans.disburse.mutate(i)).entry.seq,
  withdrawal: async (i) => (await api.admin.savings.withdraw.mutate(i)).seq,
  expense: async (i) => (await api.admin.cash.expense.mutate(i)).seq,
  income: async (i) => (await api.admin.cash.income.mutate(i)).seq,
  bank_deposit: async (i) => (await api.admin.cash.bankTransfer.mutate(i)).seq,
  bank_withdrawal: async (i) => (await api.admin.cash.bankTransfer.mutate(i)).seq,
  cash_count: async (i) => {
    await api.admin.cash.count.mutate(i);
    return null;
  },
  leave: async (i) => (await api.admin.members.leave.mutate(i)).seq,
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
    const sent = await SEND[w.kind](w.input as Input);
    return sent !== null && typeof sent === "object" ? sent : { ok: true, seq: sent };
  } catch (e) {
    if (noAnswer(e) || !(e instanceof TRPCClientError)) throw e;
    const d = e.data as { domain?: WriteError | null; code?: string } | undefined;
    if (d?.code === "UNAUTHORIZED") throw e; // kept until she signs in again
    return { ok: false, error: d?.domain ?? { code: "input_invalid", field: null, params: {} } };
  }
}

/**
 * The one place the phone's queue speaks: what waits for signal, what was sent, what the server
 * refused (with the reason and what to do), and what is held after a refusal. Sends by itself when
 * the signal returns, every 20 s while something waits, and on a tap.
 */
export function PhoneQueue({ slug, t, locale }: Pick<P, "slug" | "t" | "locale">) {
  const [pending, setPending] = useState<QueuedWrite[]>([]);
  const [refusedWrites, setRefused] = useState<RefusedWrite[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = useCallback(() => {
    setPending(queued(localStorage, slug));
    setRefused(refused(localStorage, slug));
  }, [slug]);
  const send = useCallback(async () => {
    reload();
    if (busy || !queued(localStorage, slug).some((w) => !w.held)) return;
    setBusy(true);
    setNote(null);
    try {
      const r = await flush(localStorage, slug, sendWrite);
      if (r.sent) setNote(t.sentQueued(r.sent));
      if (r.sent) warmAgain(); // the kept reads again, with what was just sent
    } catch {
      // still no answer: everything left stays on the phone
    } finally {
      setBusy(false);
      reload();
    }
  }, [busy, slug, reload, t]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: start once per group, not per render of `send`
  useEffect(() => {
    reload();
    if (navigator.onLine) void send();
    const onKept = () => {
      setNote(null);
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
  const waiting = pending.filter((w) => !w.held);
  const held = pending.filter((w) => w.held);
  if (!pending.length && !refusedWrites.length && !note) return null;
  const act = (f: () => void) => {
    f();
    reload();
    void send();
  };
  return (
    <section aria-live="polite" className="card phone-queue">
      {note && !waiting.length && (
        <p className="ok" role="status">
          {note}
        </p>
      )}
      {waiting.length > 0 && (
        <>
          <p className="warn" role="status">
            {t.pending(waiting.length)}
          </p>
          <ul>
            {waiting.map((w) => (
              <li key={w.key}>{w.summary}</li>
            ))}
          </ul>
          <button type="button" disabled={busy} onClick={() => void send()}>
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

"use client";
import { createContext, useCallback, useContext, useRef, useState } from "react";
import type { AdminMessages } from "@/server/i18n/admin";
import { useAdminWords } from "./admin-words";
import { errorMessage } from "@/server/i18n/errors";
import { formatDate } from "@/server/i18n/format";
import { type api, explain, type FieldError, noAnswer, touchSession } from "./client";
import type { QueuedWrite } from "./offline-queue";
import type { OpenDays } from "./open-days";
import { keepOnPhone } from "./keep-on-phone";
import { warmAgain } from "./warm";

export { dateCheck, type OpenDays } from "./open-days";

export type Locale = "id" | "en";

export type Group = Awaited<ReturnType<typeof api.admin.groups.mine.query>>[number];

export type Members = Awaited<ReturnType<typeof api.admin.members.list.query>>;

/**
 * The register's members by code, for the treasurer's own screen: a button or a line about one member
 * names her beside her code ("RD-003 · Maria Ngampus") — the screen shows her name in the register
 * already; only public pages and open data never do.
 */
export const MemberNamesContext = createContext<ReadonlyMap<string, Members[number]>>(new Map());
/** "RD-003 · Maria Ngampus", or the code alone when the register is not (yet) on this phone. */
export function useWho(): (code: string) => string {
  const names = useContext(MemberNamesContext);
  return (code) => {
    const name = names.get(code)?.fullName;
    return name ? `${code} · ${name}` : code;
  };
}

export type Action = ReturnType<typeof useAction>;

/**
 * One action's state: busy, one error, one result. An error names the field it is about and is
 * shown beside that control (see `Field`); an error about no shown field goes to `Status`. Editing a
 * field takes away its error and any old result: a new action has begun.
 */
export function useAction(locale: Locale) {
  const words = useAdminWords();
  const [state, setState] = useState<{ busy: boolean; error: FieldError | null; done: string | null }>({
    busy: false,
    error: null,
    done: null,
  });
  // The fields some `Field` shows an error for; filled while rendering, never emptied.
  const placed = useRef(new Set<string>()).current;
  const run = useCallback(
    async <T,>(f: () => Promise<T>, done: (r: T) => string) => {
      setState({ busy: true, error: null, done: null });
      try {
        const r = await f();
        setState({ busy: false, error: null, done: done(r) });
        touchSession(); // activity keeps the session alive (12 hours after the last action)
        return r;
      } catch (e) {
        setState({ busy: false, error: explain(e, locale), done: null });
        return null;
      }
    },
    [locale],
  );
  /**
   * Sends a write; with no signal (offline, or no answer) keeps it on the phone with its key, to be
   * sent in order later — the queue's banner then says so, and so does the form's own status, right
   * by its submit (the banner is at the top, out of view); the form may start afresh.
   */
  const save = useCallback(
    async <T,>(
      slug: string,
      write: Omit<QueuedWrite, "queuedAt">,
      f: () => Promise<T>,
      done: (r: T) => string,
    ): Promise<T | "kept" | null> => {
      const keep = () => {
        keepOnPhone(slug, write);
        setState({ busy: false, error: null, done: words.keptAtForm });
        return "kept" as const;
      };
      if (!navigator.onLine) return keep();
      let lost = false;
      const r = await run(
        () =>
          f().catch((e: unknown) => {
            lost = noAnswer(e);
            throw e;
          }),
        done,
      );
      if (r !== null) warmAgain(); // recorded: what the phone keeps for no signal is read again
      return r === null && lost ? keep() : r;
    },
    [run, words],
  );
  /** The form's own check failed: the same words the server would use, beside the field. */
  const fail = useCallback(
    (field: string, code: string, params: Record<string, string | number> = {}) =>
      setState({ busy: false, error: { field, message: errorMessage(code, params, locale) }, done: null }),
    [locale],
  );
  /** The fields (the names a `Field` shows errors for) that the person just changed. */
  const edited = useCallback(
    (...fields: string[]) =>
      setState((s) => ({
        ...s,
        done: null,
        error: s.error?.field && !fields.includes(s.error.field) && placed.has(s.error.field) ? s.error : null,
      })),
    [placed],
  );
  return { ...state, run, save, fail, edited, placed };
}

/** The checks a form makes before sending, in the order of its fields: the first problem, or null. */
export function firstProblem(
  checks: [field: string, code: string | null | false | undefined, params?: Record<string, string | number>][],
): [string, string, Record<string, string | number>] | null {
  for (const [field, code, params] of checks) if (code) return [field, code, params ?? {}];
  return null;
}

/**
 * A form's submit: the form checks itself first (in the server's words, beside the field), and only
 * then does what it is for. Forms say `noValidate`: the browser's own bubbles never speak instead.
 */
export const onChecked =
  (
    a: { fail: (field: string, code: string, params?: Record<string, string | number>) => void },
    checks: () => Parameters<typeof firstProblem>[0],
    then: () => unknown,
  ) =>
  (e: React.FormEvent) => {
    e.preventDefault();
    const problem = firstProblem(checks());
    if (problem) return a.fail(...problem);
    void then();
  };

/** Common checks, as error codes the server also uses. */
export const amountProblem = (v: string) => (v === "" || !(Number(v) > 0) ? "amount_not_positive" : null);
export const dateProblem = (v: string, today: string) =>
  !/^\d{4}-\d{2}-\d{2}$/.test(v) ? "date_invalid" : v > today ? "date_in_future" : null;

export const OpenDaysContext = createContext<OpenDays | null>(null);

/**
 * How many times the phone's queue has sent writes since the page opened: a tab showing figures reads
 * them again when it changes (the cold try saw the old cash and a late loan just repaid after a send).
 */
export const SentContext = createContext(0);
export const useSent = () => useContext(SentContext);
export const useOpenDays = () => useContext(OpenDaysContext);

/**
 * The one date control of every write form: today by default (the form's state starts at the
 * group's today), offering only the days the server takes — from the first day still open, never
 * the future — and saying which those are.
 */
export function DateField({
  id,
  a,
  name = "date",
  value,
  onChange,
  t,
  locale,
}: {
  id: string;
  a: Pick<Action, "error" | "placed">;
  name?: string;
  value: string;
  onChange: (date: string) => void;
  t: P["t"];
  locale: Locale;
}) {
  const open = useOpenDays();
  return (
    <Field id={id} label={t.date} a={a} name={name}>
      <input
        id={id}
        type="date"
        min={open?.from}
        max={open?.to}
        value={value}
        aria-describedby={open ? `${id}-open` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {open && (
        <small id={`${id}-open`} className="muted">
          {" "}
          {t.dateOpen(formatDate(open.from, locale), value !== "" && value !== open.to)}
        </small>
      )}
    </Field>
  );
}

/** The result of the last action, or an error that belongs to no shown field. */
export function Status({ s }: { s: { error: FieldError | null; done: string | null; placed?: Set<string> } }) {
  if (s.error && !(s.error.field && s.placed?.has(s.error.field)))
    return (
      <p className="warn" role="alert">
        {s.error.message}
      </p>
    );
  if (s.done)
    return (
      <p className="ok" role="status">
        {s.done}
      </p>
    );
  return null;
}

export type P = { slug: string; locale: Locale; rp: (n: number) => string; t: AdminMessages };

/** The last step before money leaves the box or the bank: what will happen, in words, then the final tap. */
export function Confirm({ t, lines, busy, onBack }: { t: P["t"]; lines: string[]; busy: boolean; onBack: () => void }) {
  return (
    <div className="card confirm">
      <p>
        <strong>{t.check}</strong>
      </p>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <button type="submit" disabled={busy}>
        {busy ? t.saving : t.confirmSave}
      </button>{" "}
      <button type="button" className="secondary" onClick={onBack} disabled={busy}>
        {t.change}
      </button>
    </div>
  );
}

/**
 * A labelled control. With `a` and `name` (one field, or several the server may name for it, such
 * as "principal" and "amount"), the error about that field is shown right under the control.
 */
export function Field({
  id,
  label,
  children,
  a,
  name,
}: {
  id: string;
  label: string;
  children: React.ReactNode;
  a?: Pick<Action, "error" | "placed">;
  name?: string | string[];
}) {
  const names = name === undefined ? [] : Array.isArray(name) ? name : [name];
  for (const n of names) a?.placed.add(n);
  const error = a?.error?.field && names.includes(a.error.field) ? a.error.message : null;
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <br />
      {children}
      {error && (
        <p className="warn" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A whole number (rupiah, months): the phone's number pad, and only digits kept. */
export function DigitsInput({
  onChange,
  ...props
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, "onChange" | "value"> & {
  value: string;
  onChange: (digits: string) => void;
}) {
  return <input inputMode="numeric" {...props} onChange={(e) => onChange(e.target.value.replace(/\D/g, ""))} />;
}

export function addDaysIso(d: string, n: number) {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

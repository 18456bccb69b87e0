/**
 * Writes kept on the treasurer's phone while there is no signal, in the browser's storage, until
 * the server has answered for each. Every write keeps the key it was made with, so sending it twice
 * (a reply lost on the way back) records it once. They are sent one at a time, oldest first.
 *
 * Nothing is sent blindly after a refusal: once one write is refused, the money-out writes after it
 * (a loan, a withdrawal, an expense, a bank withdrawal, a leave paying savings out — each may have
 * counted on the refused one's money) are held until the treasurer has looked and sends them anyway or removes them.
 */
import { isLargeCountDifference } from "@/server/domain/plausibility";

export const WRITE_KINDS = [
  "collection",
  "repayment",
  "loan",
  "withdrawal",
  "expense",
  "income",
  "bank_deposit",
  "bank_withdrawal",
  "cash_count",
  // A member leaving (members.leave), confirmed on the form; with `payOut` her savings leave the box too.
  "leave",
] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

/** Writes that take money out of the box or the bank. */
export const MONEY_OUT: ReadonlySet<WriteKind> = new Set(["loan", "withdrawal", "expense", "bank_withdrawal"]);

/** Whether this write takes money out: a money-out kind, or a leave that pays her savings out. */
export const movesMoneyOut = (w: Pick<QueuedWrite, "kind" | "input">) =>
  MONEY_OUT.has(w.kind) || (w.kind === "leave" && w.input.payOut === true);

export interface QueuedWrite {
  /** The write's idempotency key (also in `input`): its identity in the queue. */
  key: string;
  kind: WriteKind;
  /** The API input as the form made it, the key included. */
  input: Record<string, unknown>;
  /** What the treasurer saw when she saved, in her language. */
  summary: string;
  queuedAt: string;
  /** Not sent after an earlier refusal until the treasurer says so. */
  held?: boolean;
  /** The treasurer has looked and said: send it, refusal or not. */
  sendAnyway?: boolean;
}

export interface WriteError {
  code: string;
  field: string | null;
  params: Record<string, string | number>;
}

export interface RefusedWrite extends QueuedWrite {
  error: WriteError;
}

/**
 * The server's answer to one write; `send` throws when there was no answer at all. A collection may
 * be recorded with some lines refused alone (a day already paid): `refusedLines` names them by
 * their place in the write's `lines`.
 */
export type Outcome =
  | {
      ok: true;
      seq: number | null;
      /** The entry it wrote (for its receipts); none for a count. */
      entryId?: number | null;
      refusedLines?: { line: number; error: WriteError }[];
      /** A count: the book the server compared it with (it may have moved since the phone last synced). */
      count?: CountResult;
    }
  | { ok: false; error: WriteError };

/** What the server said of a count it recorded: what was counted, what the book held, the difference. */
export interface CountResult {
  counted: number;
  book: number;
  difference: number;
}

/** A kept write the server recorded, with the entry it got: listed, with its receipts, until she has seen them. */
export interface SentWrite {
  key: string;
  kind: WriteKind;
  summary: string;
  seq: number | null;
  entryId: number | null;
  /** A count: how it stood against the book when it arrived (another phone may have moved money meanwhile). */
  count?: CountResult;
}

/**
 * A line of a collection that was refused alone, as a refused write of its own: the same day with
 * only that line (to be looked at and, if right, entered again with a new key).
 */
function refusedLine(w: QueuedWrite, line: number, error: WriteError): RefusedWrite {
  const lines = Array.isArray(w.input.lines) ? w.input.lines : [];
  return {
    ...w,
    key: `${w.key}#${line}`,
    input: { ...w.input, lines: [lines[line]] },
    error,
  };
}

/** Where the queue lives: localStorage in the browser, a Map in tests. */
export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const queueKey = (slug: string) => `kt-antrian:${slug}`;
const refusedKey = (slug: string) => `kt-ditolak:${slug}`;
const sentKey = (slug: string) => `kt-terkirim:${slug}`;
/** At most this many sent writes are listed (the oldest leave the list first). */
export const SENT_LISTED = 100;

/** A collection day kept by an earlier version of this screen: `{ date, idempotencyKey, lines, total }`. */
function fromEarlierVersion(slug: string, x: Record<string, unknown>): QueuedWrite {
  if (typeof x.kind === "string") return x as unknown as QueuedWrite;
  const key = String(x.idempotencyKey);
  const { date, lines, error } = x;
  return {
    key,
    kind: "collection",
    input: { groupSlug: slug, date, idempotencyKey: key, lines },
    summary: `${date} · ${Array.isArray(lines) ? lines.length : 0} × Rp`,
    queuedAt: String(x.queuedAt ?? ""),
    ...(error ? { error } : {}),
  };
}

function read<T>(store: QueueStorage, key: string, slug: string): T[] {
  try {
    const v = JSON.parse(store.getItem(key) ?? "[]");
    return Array.isArray(v) ? (v.map((x) => fromEarlierVersion(slug, x)) as T[]) : [];
  } catch {
    return [];
  }
}

export const queued = (store: QueueStorage, slug: string): QueuedWrite[] => read(store, queueKey(slug), slug);
export const refused = (store: QueueStorage, slug: string): RefusedWrite[] => read(store, refusedKey(slug), slug);
const save = (store: QueueStorage, slug: string, q: QueuedWrite[]) => store.setItem(queueKey(slug), JSON.stringify(q));

export function enqueue(store: QueueStorage, slug: string, write: QueuedWrite): void {
  save(store, slug, [...queued(store, slug).filter((w) => w.key !== write.key), write]);
}

/** The treasurer has looked at a held write: send it after all, or take it off the phone. */
export function release(store: QueueStorage, slug: string, key: string): void {
  save(
    store,
    slug,
    queued(store, slug).map((w) => (w.key === key ? { ...w, held: false, sendAnyway: true } : w)),
  );
}
export function remove(store: QueueStorage, slug: string, key: string): void {
  save(
    store,
    slug,
    queued(store, slug).filter((w) => w.key !== key),
  );
}
export function dismissRefused(store: QueueStorage, slug: string): void {
  store.setItem(refusedKey(slug), "[]");
}

/**
 * What was sent from the queue since she last closed the list, oldest first: every flush adds to it
 * (the banner counts them all, not only the last flush's), each write once however often it was sent.
 */
export function sentList(store: QueueStorage, slug: string): SentWrite[] {
  try {
    const v = JSON.parse(store.getItem(sentKey(slug)) ?? "[]");
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}
/**
 * A sent count that arrived far from the book (Rp 50.000 or 5 %, as on the form): its difference, to
 * be shown as a warning in the sent list (another phone may have moved money meanwhile); else null.
 */
export const countFarFromBook = (w: Pick<SentWrite, "count">): number | null =>
  w.count && isLargeCountDifference(w.count.book, w.count.counted) ? w.count.difference : null;

export function dismissSent(store: QueueStorage, slug: string): void {
  store.setItem(sentKey(slug), "[]");
}
function noteSent(store: QueueStorage, slug: string, w: QueuedWrite, outcome: Extract<Outcome, { ok: true }>) {
  const list = sentList(store, slug).filter((x) => x.key !== w.key);
  const { seq } = outcome;
  const item: SentWrite = {
    key: w.key,
    kind: w.kind,
    summary: w.summary,
    seq,
    entryId: outcome.entryId ?? null,
    ...(outcome.count ? { count: outcome.count } : {}),
  };
  store.setItem(sentKey(slug), JSON.stringify([...list, item].slice(-SENT_LISTED)));
}

/**
 * Sends the kept writes in order and settles each by the server's answer: recorded ones leave the
 * queue, refused ones move to the refused list with their reason, and after a refusal every later
 * money-out write is held instead of sent. With no answer it stops and keeps the rest as they are.
 */
export async function flush(
  store: QueueStorage,
  slug: string,
  send: (w: QueuedWrite) => Promise<Outcome>,
): Promise<{ sent: number; refused: RefusedWrite[]; held: number; left: number }> {
  let sent = 0;
  let held = 0;
  const newlyRefused: RefusedWrite[] = [];
  // A write refused earlier and not yet looked at counts as a refusal before everything still queued.
  let afterRefusal = refused(store, slug).length > 0;
  // The queue is read again for each write: the treasurer may keep more while one is on its way.
  const tried = new Set<string>();
  for (;;) {
    const w = queued(store, slug).find((x) => !x.held && !tried.has(x.key));
    if (!w) break;
    tried.add(w.key);
    if (afterRefusal && movesMoneyOut(w) && !w.sendAnyway) {
      save(
        store,
        slug,
        queued(store, slug).map((x) => (x.key === w.key ? { ...x, held: true } : x)),
      );
      held++;
      continue;
    }
    const outcome = await send(w); // throws when there is no answer: this and the rest stay
    save(
      store,
      slug,
      queued(store, slug).filter((x) => x.key !== w.key),
    );
    if (outcome.ok) {
      sent++;
      // Listed as soon as it is recorded: a flush cut short after it (no answer for the next) keeps it.
      noteSent(store, slug, w, outcome);
      const partly = (outcome.refusedLines ?? []).map((r) => refusedLine(w, r.line, r.error));
      if (partly.length) {
        newlyRefused.push(...partly);
        store.setItem(refusedKey(slug), JSON.stringify([...refused(store, slug), ...partly]));
        afterRefusal = true; // less came in than she counted on: the money-out writes behind wait
      }
    } else {
      const r = { ...w, error: outcome.error };
      newlyRefused.push(r);
      store.setItem(refusedKey(slug), JSON.stringify([...refused(store, slug), r]));
      afterRefusal = true;
    }
  }
  return { sent, refused: newlyRefused, held, left: queued(store, slug).length };
}

type FlushResult = Awaited<ReturnType<typeof flush>>;
const inFlight = new WeakMap<QueueStorage, Map<string, Promise<FlushResult>>>();

/**
 * `flush`, one at a time per phone and group: a call while one runs gets that one's answer and sends
 * nothing itself. Two at once (the signal's return and the timer) would each send the write at the
 * head of the queue before either had taken it off, and each count only its own part.
 */
export function flushOnce(
  store: QueueStorage,
  slug: string,
  send: (w: QueuedWrite) => Promise<Outcome>,
): Promise<FlushResult> {
  const running = inFlight.get(store) ?? new Map<string, Promise<FlushResult>>();
  inFlight.set(store, running);
  const now = running.get(slug);
  if (now) return now;
  const p = flush(store, slug, send).finally(() => running.delete(slug));
  running.set(slug, p);
  return p;
}

/** Whether any group's queue on this phone still holds a write (a new app version waits for none). */
export function anyQueued(store: QueueStorage & { readonly length: number; key(i: number): string | null }): boolean {
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith("kt-antrian:") && queued(store, key.slice("kt-antrian:".length)).length > 0) return true;
  }
  return false;
}

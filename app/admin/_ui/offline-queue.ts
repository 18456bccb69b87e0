/**
 * Collection days kept on the treasurer's phone while there is no signal, in the browser's
 * storage, until the server has answered for each of them. Each day keeps the key it was made
 * with, so sending it twice (a reply lost on the way back) records it once.
 */
export interface QueuedDay {
  date: string;
  idempotencyKey: string;
  lines: { memberCode: string; amount: number; days?: string[] }[];
  /** What the treasurer saw: the total and the number of members who paid. */
  total: number;
  queuedAt: string;
}

export interface RefusedDay extends QueuedDay {
  error: { code: string; field: string | null; params: Record<string, string | number> };
}

export type SendResult =
  | { idempotencyKey: string; ok: true; seq: number }
  | { idempotencyKey: string; ok: false; error: RefusedDay["error"] };

/** Where the queue lives: localStorage in the browser, a Map in tests. */
export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const BATCH = 50;
const queueKey = (slug: string) => `kt-antrian:${slug}`;
const refusedKey = (slug: string) => `kt-ditolak:${slug}`;

function read<T>(store: QueueStorage, key: string): T[] {
  try {
    const v = JSON.parse(store.getItem(key) ?? "[]");
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

export function queued(store: QueueStorage, slug: string): QueuedDay[] {
  return read<QueuedDay>(store, queueKey(slug));
}

export function refused(store: QueueStorage, slug: string): RefusedDay[] {
  return read<RefusedDay>(store, refusedKey(slug));
}

export function enqueue(store: QueueStorage, slug: string, day: QueuedDay): void {
  const q = queued(store, slug).filter((d) => d.idempotencyKey !== day.idempotencyKey);
  store.setItem(queueKey(slug), JSON.stringify([...q, day]));
}

export function dismissRefused(store: QueueStorage, slug: string): void {
  store.setItem(refusedKey(slug), "[]");
}

/**
 * Sends the oldest days (up to BATCH) and settles them by the server's answer: recorded days
 * leave the queue, refused days move to the refused list with their reason; when nothing
 * comes back (no signal), everything stays. Returns what was settled.
 */
export async function flush(
  store: QueueStorage,
  slug: string,
  send: (days: QueuedDay[]) => Promise<SendResult[]>,
): Promise<{ sent: number; refused: RefusedDay[]; left: number }> {
  const batch = queued(store, slug).slice(0, BATCH);
  if (batch.length === 0) return { sent: 0, refused: [], left: 0 };
  const answers = await send(batch); // throws when there is no answer: the queue is left as it was
  const byKey = new Map(answers.map((a) => [a.idempotencyKey, a]));
  const settled = new Set(answers.map((a) => a.idempotencyKey));
  const newlyRefused: RefusedDay[] = [];
  for (const d of batch) {
    const a = byKey.get(d.idempotencyKey);
    if (a && !a.ok) newlyRefused.push({ ...d, error: a.error });
  }
  // Re-read: the treasurer may have queued more while this batch was on its way.
  const left = queued(store, slug).filter((d) => !settled.has(d.idempotencyKey));
  store.setItem(queueKey(slug), JSON.stringify(left));
  if (newlyRefused.length) store.setItem(refusedKey(slug), JSON.stringify([...refused(store, slug), ...newlyRefused]));
  return { sent: answers.filter((a) => a.ok).length, refused: newlyRefused, left: left.length };
}

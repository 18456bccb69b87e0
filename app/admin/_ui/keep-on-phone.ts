import { enqueue, type QueuedWrite } from "./offline-queue";

/** Told whenever a write is kept, so the one queue banner (phone-queue.tsx) looks again and sends when it can. */
export const QUEUE_EVENT = "kt-antrian";

/** Keeps a write on this phone, with its key, to be sent in order when there is signal. */
export function keepOnPhone(slug: string, w: Omit<QueuedWrite, "queuedAt">): void {
  enqueue(localStorage, slug, { ...w, queuedAt: new Date().toISOString() });
  window.dispatchEvent(new Event(QUEUE_EVENT));
}

/**
 * Whether what the screen shows came from the server now or was kept on the phone (answered by the
 * service worker with no signal), and when that was fetched. The oldest kept answer in view wins;
 * an answer from the server means the signal is back and clears it.
 */
let syncedAt: string | null = null;
const listeners = new Set<() => void>();

export function noteAnswer(keptAt: string | null): void {
  const next = keptAt === null ? null : syncedAt !== null && syncedAt < keptAt ? syncedAt : keptAt;
  if (next === syncedAt) return;
  syncedAt = next;
  for (const l of listeners) l();
}

export const lastSynced = () => syncedAt;
export function onSynced(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

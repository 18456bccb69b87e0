/**
 * The days a write may be dated on now, as the server said (cash.onHand): `from` the first day
 * still open (server/domain/month-close.ts, firstOpenDay) through `to`, the group's today. Kept on
 * the phone for when there is no signal; a write queued in a month that closed meanwhile is refused
 * by the server with `month_closed` when it is sent, and the queue shows that refusal.
 */
import { localDate } from "@/server/domain/dates";

export type OpenDays = { from: string; to: string };

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A write's date checked as the server will: real, not after today, not before the first open day. */
export function dateCheck(
  field: string,
  v: string,
  open: OpenDays,
): [field: string, code: string | null, params?: Record<string, string | number>] {
  if (!DATE_RE.test(v)) return [field, "date_invalid"];
  if (v > open.to) return [field, "date_in_future", { today: open.to }];
  if (v >= open.from) return [field, null];
  // Before the first open day: a closed month, or (in the same month) before the group was founded.
  return v.slice(0, 7) < open.from.slice(0, 7)
    ? [field, "month_closed", { month: v.slice(0, 7) }]
    : [field, "date_before_founding", { foundedOn: open.from }];
}

const storageKey = (slug: string) => `kt-hari-terbuka:${slug}`;

/** Keeps the open days the server just said on the phone, and returns them. */
export function keepOpenDays(storage: Pick<Storage, "setItem">, slug: string, open: OpenDays): OpenDays {
  try {
    storage.setItem(storageKey(slug), JSON.stringify(open));
  } catch {
    // storage full or refused: the screen still has them for now
  }
  return open;
}

/**
 * Without signal: the last known first open day, and today by the phone's clock in the group's time
 * zone — never earlier than the last today the server said. Null when nothing was ever kept.
 */
export function lastOpenDays(
  storage: Pick<Storage, "getItem">,
  slug: string,
  timeZone: string,
  now: Date = new Date(),
): OpenDays | null {
  let kept: unknown = null;
  try {
    kept = JSON.parse(storage.getItem(storageKey(slug)) ?? "null");
  } catch {
    return null;
  }
  const k = kept as Partial<OpenDays> | null;
  if (!k || typeof k.from !== "string" || typeof k.to !== "string" || !DATE_RE.test(k.from) || !DATE_RE.test(k.to))
    return null;
  const phoneToday = localDate(now, timeZone);
  return { from: k.from, to: phoneToday > k.to ? phoneToday : k.to };
}

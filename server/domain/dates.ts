import { invalid } from "./errors";

/** Business dates are plain calendar dates `YYYY-MM-DD` in the group's time zone (WITA for NTT). */
export type BusinessDate = string;
export const DEFAULT_TIME_ZONE = "Asia/Makassar";

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(s: unknown): s is BusinessDate {
  if (typeof s !== "string") return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Today's calendar date in a time zone, e.g. 2026-11-29 in Asia/Makassar. */
export function localDate(now: Date, timeZone: string = DEFAULT_TIME_ZONE): BusinessDate {
  return dateFormat(timeZone).format(now);
}

/**
 * The first minute at which the business date in `timeZone` is no longer the one at `now` — the
 * zone's next midnight, whatever its offset or daylight saving (found by halving, to the minute).
 */
export function nextDateChange(now: Date, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const today = localDate(now, timeZone);
  const MINUTE = 60_000;
  let lo = Math.floor(now.getTime() / MINUTE); // still today
  let hi = lo + 26 * 60; // surely another day
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDate(new Date(mid * MINUTE), timeZone) === today) lo = mid;
    else hi = mid;
  }
  return new Date(hi * MINUTE);
}

// Making an Intl.DateTimeFormat costs ~175 µs, using one ~1 µs: one per time zone, made once.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormats.set(timeZone, f);
  }
  return f;
}

export function toUtcMs(d: BusinessDate): number {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, day);
}

export function fromUtcMs(ms: number): BusinessDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(d: BusinessDate, n: number): BusinessDate {
  return fromUtcMs(toUtcMs(d) + n * 86_400_000);
}

export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / 86_400_000);
}

/** Same day n months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: BusinessDate, n: number): BusinessDate {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, last)));
}

export function monthOf(d: BusinessDate): string {
  return d.slice(0, 7);
}

export function monthEnd(month: string): BusinessDate {
  return addDays(addMonths(`${month}-01`, 1), -1);
}

/** A business date that is real, not in the group's future, and not before the group was founded. */
export function assertBusinessDate(
  d: unknown,
  opts: { today: BusinessDate; foundedOn: BusinessDate },
  field = "date",
): BusinessDate {
  if (!isValidDate(d)) throw invalid("date_invalid", field);
  if (d > opts.today) throw invalid("date_in_future", field, { today: opts.today });
  if (d < opts.foundedOn) throw invalid("date_before_founding", field, { foundedOn: opts.foundedOn });
  return d;
}

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

// Date arithmetic runs for every installment of every loan view: these two read and write the
// digits directly (no split, no Date object, no ISO string).
const DAY_MS = 86_400_000;
const digit = (d: string, i: number) => d.charCodeAt(i) - 48;

export function toUtcMs(d: BusinessDate): number {
  const y = digit(d, 0) * 1000 + digit(d, 1) * 100 + digit(d, 2) * 10 + digit(d, 3);
  const m = digit(d, 5) * 10 + digit(d, 6);
  return (daysFromCivil(y, m, 1) + digit(d, 8) * 10 + digit(d, 9) - 1) * DAY_MS;
}

export function fromUtcMs(ms: number): BusinessDate {
  // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm, proleptic Gregorian).
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year < 1000 ? String(year).padStart(4, "0") : year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** Days from 1970-01-01 to a civil date (the inverse of the above). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function addDays(d: BusinessDate, n: number): BusinessDate {
  return fromUtcMs(toUtcMs(d) + n * 86_400_000);
}

export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / 86_400_000);
}

/** Same day n months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: BusinessDate, n: number): BusinessDate {
  const months =
    (digit(d, 0) * 1000 + digit(d, 1) * 100 + digit(d, 2) * 10 + digit(d, 3)) * 12 +
    digit(d, 5) * 10 +
    digit(d, 6) -
    1 +
    n;
  const y = Math.floor(months / 12);
  const m = months - y * 12 + 1;
  const day = Math.min(digit(d, 8) * 10 + digit(d, 9), daysInMonth(y, m));
  return `${y < 1000 ? String(y).padStart(4, "0") : y}-${m < 10 ? "0" : ""}${m}-${day < 10 ? "0" : ""}${day}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
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

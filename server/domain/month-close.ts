/**
 * Closing a month. A finished month may still take back-dated entries — a receipt found late, a
 * collection typed up the next morning — until it is closed: when the pengawas countersigns its
 * seal, or when the group's grace period ends (by default at the end of the 5th of the next month,
 * in the group's time zone), whichever comes first. From then on nothing may be dated in it, so its
 * printed report and its seal never change: a correction is dated today and names the month in
 * its reason.
 *
 * The month's final seal is the chain head at its close: the entry the pengawas countersigned, or
 * else the entry just before the first one recorded on or after the day the grace period ended.
 */
import { addDays, addMonths, localDate, monthOf, type BusinessDate } from "./dates";

/** Days of the next month in which a finished month still takes back-dated entries (through the 5th). */
export const DEFAULT_MONTH_GRACE_DAYS = 5;
/** Kept well inside the next month, so only the month just finished can ever be in its grace period. */
export const MAX_MONTH_GRACE_DAYS = 20;

/** The first day (group's local date) on which `month` is closed by its grace period alone. */
export function graceClosesOn(month: string, graceDays: number): BusinessDate {
  return addDays(addMonths(`${month}-01`, 1), graceDays);
}

/**
 * Where a month stands on `today` (the group's local date): "open" while it runs (or has not
 * begun), "grace" once finished but inside its grace period — closed only if countersigned —
 * and "closed" after that.
 */
export function monthStanding(month: string, today: BusinessDate, graceDays: number): "open" | "grace" | "closed" {
  if (month >= monthOf(today)) return "open";
  return today >= graceClosesOn(month, graceDays) ? "closed" : "grace";
}

export interface MonthCloseFacts {
  timeZone: string;
  graceDays: number;
  /** When the month's seal was countersigned (ISO instant), or null. */
  countersignedAt: string | null;
}

/** Whether `month` is closed at `now`: its grace period over, or its seal countersigned by then. */
export function isMonthClosed(month: string, now: Date, f: MonthCloseFacts): boolean {
  const standing = monthStanding(month, localDate(now, f.timeZone), f.graceDays);
  if (standing !== "grace") return standing === "closed";
  return f.countersignedAt !== null && new Date(f.countersignedAt).getTime() <= now.getTime();
}

export interface MonthSeal {
  month: string;
  seq: number;
  hash: string;
  /** Closed: this is the month's final seal. Otherwise the head so far, which still moves. */
  closed: boolean;
  /** The day the grace period closes the month (if the pengawas has not closed it earlier). */
  closesOn: BusinessDate;
  /** A closed month's seal: how many of the entries it covers are dated in a later month (typed in the grace days). */
  laterDated: number;
}

/**
 * Every month's seal, from `fromMonth` to the month of `now`: a closed month's is the chain head at
 * its close (the countersigned entry when the pengawas closed it; else the entry just before the
 * first recorded on or after `closesOn`, or the head when none was); a month not yet closed shows
 * the head so far. A month closed before the first entry was recorded has none. `entries` in sequence order.
 */
export function monthCloseSeals(
  entries: readonly { seq: number; hash: string; recordedAt: string; businessDate: BusinessDate }[],
  signatures: readonly { month: string; seq: number; hash: string; at: string }[],
  opts: { timeZone: string; graceDays: number; fromMonth: string; now: Date },
): MonthSeal[] {
  const today = localDate(opts.now, opts.timeZone);
  // The latest local day recorded so far, entry by entry: non-decreasing, so a sweep finds for
  // each close day the first entry (in chain order) recorded on or after it.
  let latest = "";
  const latestDay = entries.map((e) => {
    const d = localDate(new Date(e.recordedAt), opts.timeZone);
    if (d > latest) latest = d;
    return latest;
  });
  const signed = new Map(signatures.map((s) => [s.month, s]));
  const index = new Map(entries.map((e, i) => [e.seq, i]));
  // Entries up to the seal dated after the month: only ones recorded once the next month had begun
  // (nothing is dated ahead of the day it is typed), so the walk back stops there.
  const laterDated = (m: string, seq: number) => {
    const next = addMonths(`${m}-01`, 1);
    let n = 0;
    for (let i = index.get(seq) ?? -1; i >= 0 && latestDay[i]! >= next; i--) if (entries[i]!.businessDate >= next) n++;
    return n;
  };
  const out: MonthSeal[] = [];
  let firstAfter = 0;
  for (let m = opts.fromMonth; m <= monthOf(today); m = monthOf(addMonths(`${m}-01`, 1))) {
    const closesOn = graceClosesOn(m, opts.graceDays);
    const s = signed.get(m);
    if (s && localDate(new Date(s.at), opts.timeZone) < closesOn) {
      out.push({ month: m, seq: s.seq, hash: s.hash, closed: true, closesOn, laterDated: laterDated(m, s.seq) });
      continue;
    }
    const closed = monthStanding(m, today, opts.graceDays) === "closed";
    while (firstAfter < entries.length && latestDay[firstAfter]! < closesOn) firstAfter++;
    const head = closed ? entries[firstAfter - 1] : entries.at(-1);
    if (!head) continue;
    out.push({
      month: m,
      seq: head.seq,
      hash: head.hash,
      closed,
      closesOn,
      laterDated: closed ? laterDated(m, head.seq) : 0,
    });
  }
  return out;
}

/**
 * The day a closed month's seal was made: the pengawas' countersignature when she closed the month
 * before its grace period ended, else the grace period's last day (the seal is the head at the end
 * of it). So the seal covers the entries typed on the first days of the next month too: the page
 * says so beside it (cold try #27: November's seal reached no. 6858, November ended at no. 6824).
 */
export function sealMadeOn(seal: {
  closesOn: BusinessDate;
  countersigned?: { on: BusinessDate } | null;
}): BusinessDate {
  const lastGraceDay = addDays(seal.closesOn, -1);
  const signedOn = seal.countersigned?.on;
  return signedOn && signedOn < seal.closesOn ? signedOn : lastGraceDay;
}

export interface OpenDayFacts {
  /** The group's local date now. */
  today: BusinessDate;
  graceDays: number;
  /** The pengawas countersigned the month before today's (by now): it closed early. */
  previousMonthCountersigned: boolean;
  /** The last day of the last closed year, or null. */
  closedThrough: BusinessDate | null;
  foundedOn: BusinessDate;
}

/**
 * The earliest day a write may still be dated on (today: the latest): the first of the month just
 * finished while it is in its grace period and not countersigned, else the first of today's month —
 * never before the group was founded, nor in a closed year. What the screens offer as the date's
 * lower bound, by the same rule the ledger enforces.
 */
export function firstOpenDay(f: OpenDayFacts): BusinessDate {
  const previous = monthOf(addMonths(`${monthOf(f.today)}-01`, -1));
  const inGrace = monthStanding(previous, f.today, f.graceDays) === "grace" && !f.previousMonthCountersigned;
  let first: BusinessDate = inGrace ? `${previous}-01` : `${monthOf(f.today)}-01`;
  if (f.foundedOn > first) first = f.foundedOn;
  if (f.closedThrough !== null && f.closedThrough >= first) first = addDays(f.closedThrough, 1);
  return first > f.today ? f.today : first;
}

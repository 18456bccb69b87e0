/**
 * What the collection screen knows of who paid which day, and the days it may still offer a member:
 * pure, so the grid's rules are tested without a browser.
 */
import type { QueuedWrite } from "./offline-queue";

/** How many days before (missed) or after (ahead) the date a line may name. */
export const SPAN_REACH = 6;
/** 0: the day itself; -k: the k missed days before it too; +k: k days ahead too. */
export const SPANS = [
  0,
  ...Array.from({ length: SPAN_REACH }, (_, k) => -(k + 1)),
  ...Array.from({ length: SPAN_REACH }, (_, k) => k + 1),
];

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The days a line pays for: the day itself and `span` days before (negative) or after (positive) it. */
export const daysOf = (date: string, span: number) =>
  Array.from({ length: Math.abs(span) + 1 }, (_, k) => addDays(date, span < 0 ? span + k : k));

/** The days the screen asks about for a date: the reach of its spans on either side. */
export const reachOf = (date: string) => ({ from: addDays(date, -SPAN_REACH), to: addDays(date, SPAN_REACH) });

/**
 * The spans the screen asks the server about: whole calendar months (from the 1st to the last
 * day), so each is one stable address the phone keeps and finds again with no signal, whatever
 * date the treasurer picks. The months that hold `from` through `to`, in order.
 */
export function monthSpans(from: string, to: string): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (let first = `${from.slice(0, 7)}-01`; first <= to; ) {
    const next = addDays(`${first.slice(0, 7)}-28`, 4).slice(0, 7); // the 28th + 4 days is always next month
    out.push({ from: first, to: addDays(`${next}-01`, -1) });
    first = `${next}-01`;
  }
  return out;
}

/** The months a date's grid needs: every day its spans reach. */
export const monthsAround = (date: string) => monthSpans(reachOf(date).from, reachOf(date).to);

/** The months a meeting may need with no signal: every day the spans of an open date reach. */
export const monthsOfOpenDays = (open: { from: string; to: string }) =>
  monthSpans(addDays(open.from, -SPAN_REACH), addDays(open.to, SPAN_REACH));

/**
 * Whether the screen knows who paid on every day a date's spans reach (as the server said, now or
 * when last synced). When it does not, the grid says so instead of showing everyone as unpaid.
 */
export function knowsAround(server: PaidDays, date: string): boolean {
  const { from, to } = reachOf(date);
  for (let d = from; d <= to; d = addDays(d, 1)) if (!server.has(d)) return false;
  return true;
}

/** Day → member code → the entry that paid it (null: a collection kept on this phone, not sent yet). */
export type PaidDays = Map<string, Map<string, number | null>>;

/** The server's answer for a span of days, every day of it known (a day nobody paid is an empty map). */
export function paidFromServer(
  from: string,
  to: string,
  rows: readonly { memberCode: string; day: string; seq: number }[],
): PaidDays {
  const out: PaidDays = new Map();
  for (let d = from; d <= to; d = addDays(d, 1)) out.set(d, new Map());
  for (const r of rows) out.get(r.day)?.set(r.memberCode, r.seq);
  return out;
}

/** The member-days of the collections kept on the phone (sent later): paid, as far as this phone is concerned. */
export function keptOnPhone(writes: readonly QueuedWrite[]): PaidDays {
  const out: PaidDays = new Map();
  for (const w of writes) {
    if (w.kind !== "collection" || !Array.isArray(w.input.lines)) continue;
    for (const l of w.input.lines as { memberCode?: unknown; kind?: unknown; days?: unknown }[]) {
      if ((l.kind ?? "daily") !== "daily" || typeof l.memberCode !== "string") continue;
      const days = Array.isArray(l.days) ? (l.days as string[]) : [String(w.input.date)];
      for (const d of days) {
        const m = out.get(d) ?? new Map<string, number | null>();
        if (!m.has(l.memberCode)) m.set(l.memberCode, null);
        out.set(d, m);
      }
    }
  }
  return out;
}

/** Both: the server's word first (an entry number), then what waits on the phone. */
export function merged(server: PaidDays, kept: PaidDays): PaidDays {
  const out: PaidDays = new Map([...server].map(([d, m]) => [d, new Map(m)]));
  for (const [d, m] of kept) {
    const day = out.get(d) ?? new Map<string, number | null>();
    for (const [code, seq] of m) if (!day.has(code)) day.set(code, seq);
    out.set(d, day);
  }
  return out;
}

/**
 * The spans a member may still choose on `date`: every day in them not paid yet (nor kept on the
 * phone) and none before she joined. A day the screen knows nothing of counts as free: the server
 * still refuses a paid one (that line alone).
 */
export function freeSpans(paid: PaidDays, date: string, code: string, joinedOn?: string): number[] {
  return SPANS.filter((span) =>
    daysOf(date, span).every((d) => !paid.get(d)?.has(code) && (joinedOn === undefined || d >= joinedOn)),
  );
}

/**
 * What the collection bar adds for a date besides what is chosen now: the members and the money of
 * the collections kept on the phone for that date (marked paid in the grid, taken and not in the book
 * yet). Entries already in the book are not counted here: their money is the book's.
 */
export function keptTally(writes: readonly QueuedWrite[], date: string): { members: number; amount: number } {
  const members = new Set<string>();
  let amount = 0;
  for (const w of writes) {
    if (w.kind !== "collection" || w.input.date !== date || !Array.isArray(w.input.lines)) continue;
    for (const l of w.input.lines as { memberCode?: unknown; amount?: unknown }[]) {
      if (typeof l.memberCode === "string") members.add(l.memberCode);
      if (typeof l.amount === "number" && Number.isFinite(l.amount)) amount += l.amount;
    }
  }
  return { members: members.size, amount };
}

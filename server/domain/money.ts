import { invalid } from "./errors";

/** Money is an integer number of rupiah. The largest single amount the ledger accepts. */
export const MAX_AMOUNT = 1_000_000_000;

export type Rupiah = number;

export function isRupiah(x: unknown): x is Rupiah {
  return typeof x === "number" && Number.isSafeInteger(x);
}

/** A positive whole rupiah amount under the ceiling, or a validation error naming the field. */
export function assertAmount(x: unknown, field = "amount"): Rupiah {
  if (typeof x !== "number" || !Number.isFinite(x)) throw invalid("amount_not_number", field);
  if (!Number.isInteger(x)) throw invalid("amount_not_whole", field);
  if (x <= 0) throw invalid("amount_not_positive", field);
  if (x > MAX_AMOUNT) throw invalid("amount_too_large", field, { max: MAX_AMOUNT });
  return x;
}

/** round(a × b ÷ c) half away from zero, exact in integers (a×b must stay below 2^53). */
export function mulDivRound(a: number, b: number, c: number): number {
  const n = a * b;
  if (!Number.isSafeInteger(n)) throw new RangeError("mulDivRound overflow");
  const sign = n < 0 !== c < 0 ? -1 : 1;
  const an = Math.abs(n);
  const ac = Math.abs(c);
  return sign * Math.floor((an + Math.floor(ac / 2)) / ac);
}

export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/**
 * "Rp" and the no-break space (U+00A0) that ties it to its number: every amount on a page, in a
 * message or in prose goes through this one prefix, so "Rp" never ends a line on its own.
 */
export const RP = "Rp\u00a0";

/** `Rp 1.000.000` (id) or `Rp 1,000,000` (en); negative as `−Rp 5.000`. */
export function formatRupiah(amount: number, locale: "id" | "en" = "id"): string {
  const sep = locale === "id" ? "." : ",";
  const digits = Math.abs(Math.trunc(amount))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  // A no-break space: "Rp" never ends a line on its own, on a 360 px phone or anywhere.
  return `${amount < 0 ? "−" : ""}${RP}${digits}`;
}

import { conflict } from "./errors";

/**
 * Plausibility before saving: figures a tired thumb may have mistyped are saved only after the
 * treasurer confirmed them, having read them in words. The server enforces these rules, so a
 * queued or scripted write cannot skip them (server/verbs/cash/cash-movement.ts, server/verbs/savings/withdraw-savings.ts).
 */

/** A count may differ from the book by this much, or by {@link COUNT_TOLERANCE_BPS} of it, unconfirmed. */
export const COUNT_TOLERANCE_RP = 50_000;
/** 5 %, in basis points of the book amount. */
export const COUNT_TOLERANCE_BPS = 500;

/** The largest difference a count may show without confirmation: Rp 50.000 or 5 % of the book, the larger. */
export function countTolerance(bookAmount: number): number {
  const pct = Math.floor((Math.abs(bookAmount) * COUNT_TOLERANCE_BPS) / 10_000);
  return Math.max(COUNT_TOLERANCE_RP, pct);
}

/**
 * A cash count (or bank check) whose difference from the book is larger than the tolerance: the
 * treasurer must confirm it (`count_difference_unconfirmed`) and the pengawas sees it highlighted.
 */
export function isLargeCountDifference(bookAmount: number, countedAmount: number): boolean {
  return Math.abs(countedAmount - bookAmount) > countTolerance(bookAmount);
}

/** The default per-group threshold for one expense or savings withdrawal to need confirmation. */
export const DEFAULT_LARGE_OUTFLOW_RP = 1_000_000;

/** One expense or withdrawal above the group's threshold must be confirmed (`large_outflow_unconfirmed`). */
export function isLargeOutflow(amount: number, threshold: number): boolean {
  return amount > threshold;
}

/** Refuses one expense or withdrawal above the group's threshold unless the treasurer confirmed it. */
export function assertOutflowConfirmed(amount: number, threshold: number, confirmed: boolean | undefined): void {
  if (isLargeOutflow(amount, threshold) && confirmed !== true)
    throw conflict("large_outflow_unconfirmed", "amount", { amount, threshold });
}

/** Why a count is replaced the same day: a typing slip, or the money counted again. */
export const COUNT_REPLACE_REASONS = ["salah_ketik", "dihitung_ulang"] as const;
export type CountReplaceReason = (typeof COUNT_REPLACE_REASONS)[number];
export const isCountReplaceReason = (x: unknown): x is CountReplaceReason =>
  typeof x === "string" && (COUNT_REPLACE_REASONS as readonly string[]).includes(x);

/**
 * Internal rate of return of a borrower's cash flows (MFTransparency's method): the periodic
 * rate i at which the present value of what the borrower receives equals the present value of
 * what she pays. Rates are floats (they are not money); amounts stay integer rupiah.
 *
 * Borrower flows have one sign change (money in first, payments after), so NPV(i) rises
 * monotonically from −∞ (i → −1) to the first flow (i → ∞) and has exactly one root. The solver
 * brackets that root and bisects with a secant step (Illinois): it cannot diverge, and handles a
 * zero rate and very large rates (ijon over short terms).
 */

export interface DatedFlow {
  /** Days after the first flow. */
  day: number;
  amount: number;
}

export class IrrError extends Error {}

function signChanges(xs: readonly number[]): number {
  let n = 0;
  let last = 0;
  for (const x of xs) {
    if (x === 0) continue;
    if (last !== 0 && Math.sign(x) !== Math.sign(last)) n++;
    last = x;
  }
  return n;
}

function solve(npv: (r: number) => number, opts: { tol?: number; maxRate?: number } = {}): number {
  const tol = opts.tol ?? 1e-13;
  let lo = -0.999999;
  let hi = 1;
  let fLo = npv(lo);
  let fHi = npv(hi);
  const maxRate = opts.maxRate ?? 1e9;
  while (Math.sign(fHi) === Math.sign(fLo)) {
    hi *= 4;
    if (hi > maxRate) throw new IrrError("no rate found in range");
    fHi = npv(hi);
  }
  let side = 0;
  for (let k = 0; k < 500; k++) {
    // Illinois variant of regula falsi: a secant step inside the bracket, always shrinking it.
    let r = (lo * fHi - hi * fLo) / (fHi - fLo);
    if (!Number.isFinite(r) || r <= lo || r >= hi) r = (lo + hi) / 2;
    const f = npv(r);
    if (Math.abs(hi - lo) < tol * Math.max(1, Math.abs(r)) || f === 0) return r;
    if (Math.sign(f) === Math.sign(fHi)) {
      hi = r;
      fHi = f;
      if (side === 1) fLo /= 2;
      side = 1;
    } else {
      lo = r;
      fLo = f;
      if (side === -1) fHi /= 2;
      side = -1;
    }
  }
  return (lo + hi) / 2;
}

/** IRR per period of flows on a regular grid (month, week or day). */
export function irr(flows: readonly number[]): number {
  if (flows.length < 2 || signChanges(flows) !== 1) throw new IrrError("cash flows must change sign exactly once");
  const npv = (r: number) => {
    let v = 0;
    let d = 1;
    for (const cf of flows) {
      v += cf / d;
      d *= 1 + r;
    }
    return v;
  };
  return solve(npv);
}

/** XIRR: the annual rate for dated flows, discounting by (1 + r)^(days/365). */
export function xirr(flows: readonly DatedFlow[]): number {
  if (flows.length < 2 || signChanges(flows.map((f) => f.amount)) !== 1)
    throw new IrrError("cash flows must change sign exactly once");
  const npv = (r: number) => flows.reduce((v, f) => v + f.amount / (1 + r) ** (f.day / 365), 0);
  return solve(npv);
}

export function npvAt(flows: readonly number[], r: number): number {
  return flows.reduce((v, cf, t) => v + cf / (1 + r) ** t, 0);
}

export const apr = (i: number, periodsPerYear: number) => i * periodsPerYear;
export const eir = (i: number, periodsPerYear: number) => (1 + i) ** periodsPerYear - 1;

/** A rate as a percentage rounded to two decimals (for reports): 0.259712 → 25.97. */
export const pct2 = (x: number) => Math.round(x * 10_000) / 100;

/**
 * Cash-flow builders for the lenders a villager could go to, from the borrower's view:
 * + money received, − money paid, in whole rupiah on a regular grid of periods.
 * The cost in rupiah is what she pays back beyond what she received; the rate is the IRR.
 */
import { invalid } from "../errors";
import { loanSchedule, type LoanMethod } from "../loans";
import { mulDivRound } from "../money";
import { apr, eir, irr, pct2 } from "./irr";

export type Period = "month" | "week" | "day";
export const PERIODS_PER_YEAR: Record<Period, number> = { month: 12, week: 52, day: 365 };

export interface LenderQuote {
  key: "ksm" | "kur" | "rentenir" | "ijon";
  costRp: number;
  periodicRatePct: number;
  periodsPerYear: number;
  aprPct: number;
  eirPct: number;
  cashFlows: number[];
}

export function quote(key: LenderQuote["key"], cashFlows: number[], period: Period): LenderQuote {
  const i = irr(cashFlows);
  const n = PERIODS_PER_YEAR[period];
  return {
    key,
    costRp: -cashFlows.reduce((t, x) => t + x, 0),
    periodicRatePct: pct2(i),
    periodsPerYear: n,
    aprPct: pct2(apr(i, n)),
    eirPct: pct2(eir(i, n)),
    cashFlows,
  };
}

/**
 * Splits `total` into `n` whole-rupiah parts by rounding the running total: every part is within
 * one rupiah of total ÷ n and they sum exactly to total (1.600.000 ÷ 6 → 266.667, 266.666, …).
 */
export function equalParts(total: number, n: number): number[] {
  return Array.from({ length: n }, (_, k) => mulDivRound(total, k + 1, n) - mulDivRound(total, k, n));
}

/**
 * A KSM loan under the group's policy. A mandatory fee is taken from the money received; savings
 * held back as a condition of the loan are received back with the last installment. (Voluntary
 * savings, like the Rp 1.000 a day, are not part of the loan's cost.)
 */
export function ksmLoanFlows(t: {
  principal: number;
  termMonths: number;
  rateBpsPerMonth: number;
  method: LoanMethod;
  feeRp?: number;
  heldSavingsRp?: number;
}): number[] {
  const schedule = loanSchedule({ ...t, disbursedOn: "2000-01-01" });
  const flows = [
    t.principal - (t.feeRp ?? 0) - (t.heldSavingsRp ?? 0),
    ...schedule.map((i) => -(i.principal + i.serviceCharge)),
  ];
  flows[flows.length - 1]! += t.heldSavingsRp ?? 0;
  return flows;
}

/** Ijon: advance A now against a crop worth V = A × ratio delivered m months later. `ratioPct` = V/A × 100. */
export function ijonFlows(t: { advance: number; ratioPct: number; months: number }): number[] {
  if (!Number.isInteger(t.months) || t.months < 1 || t.months > 24) throw invalid("term_invalid", "months");
  const value = mulDivRound(t.advance, t.ratioPct, 100);
  return [t.advance, ...Array<number>(t.months - 1).fill(0), -value];
}

/** The ijon ratio V/A (×100, integer) from an ijon price and a harvest price per kg or per litre. */
export function ijonRatioFromPrices(ijonPricePerUnit: number, harvestPricePerUnit: number): number {
  if (!(ijonPricePerUnit > 0) || !(harvestPricePerUnit > 0)) throw invalid("price_invalid", "ijonPrice");
  return mulDivRound(harvestPricePerUnit, 100, ijonPricePerUnit);
}

/**
 * A money lender (rentenir, "bank harian"/"bank keliling"): a rate per month on the original
 * principal, for `months`; paid in `periods` monthly, weekly or daily installments — either flat
 * (principal and interest spread evenly) or interest-only with the principal at the end.
 */
export function rentenirFlows(t: {
  principal: number;
  rateBpsPerMonth: number;
  months: number;
  method: "flat" | "interestOnly";
  periods: number;
}): number[] {
  if (!Number.isInteger(t.periods) || t.periods < 1 || t.periods > 3660)
    throw invalid("periods_invalid", "rentenirPeriods");
  const interest = mulDivRound(t.principal, t.rateBpsPerMonth * t.months, 10_000);
  if (t.method === "flat") return [t.principal, ...equalParts(t.principal + interest, t.periods).map((x) => -x)];
  const parts = equalParts(interest, t.periods).map((x) => -x);
  parts[parts.length - 1]! -= t.principal;
  return [t.principal, ...parts];
}

/**
 * KUR: an annual rate on the declining balance ("efektif"), equal monthly installments (annuity)
 * A = P·r / (1 − (1 + r)^−n) with r = annual ÷ 12. Installments are whole rupiah by rounding the
 * running total k·A, so together they are within half a rupiah of n·A (4 months at 6%: Rp 12.531).
 */
export function kurFlows(t: { principal: number; annualRateBps: number; termMonths: number }): number[] {
  const r = t.annualRateBps / 120_000;
  const n = t.termMonths;
  if (!Number.isInteger(n) || n < 1 || n > 120) throw invalid("term_invalid", "months");
  const a = r === 0 ? t.principal / n : (t.principal * r) / (1 - (1 + r) ** -n);
  const cum = (k: number) => Math.round(k * a);
  return [t.principal, ...Array.from({ length: n }, (_, k) => -(cum(k + 1) - cum(k)))];
}

/**
 * Reads the calculator's parameters (the /bandingkan form and GET /api/open/compare) into a
 * CompareInput: whole numbers and fixed decimals parsed as text, never through a float.
 */
import { invalid } from "../errors";
import { LOAN_METHODS, type LoanMethod } from "../loans";
import type { CompareInput, ReferenceTerms } from "./compare";
import type { Period } from "./lenders";

export type Query = Record<string, string | string[] | undefined>;

export const COMPARE_PARAMS = [
  "amount",
  "months",
  "ksmRatePct",
  "ksmMethod",
  "ijonRatio",
  "rentenirRatePct",
  "rentenirMethod",
  "rentenirPeriod",
  "rentenirPeriods",
  "kurRatePct",
] as const;

function one(q: Query, name: string): string | undefined {
  const v = q[name];
  if (Array.isArray(v)) throw invalid("param_repeated", name);
  const t = v?.trim();
  return t === "" ? undefined : t;
}

/** "1.000.000", "1,000,000" or "1000000" → 1000000. */
export function parseRupiah(s: string, name: string): number {
  const digits = /^\d{1,3}([.,]\d{3})+$/.test(s) ? s.replace(/[.,]/g, "") : s;
  if (!/^\d{1,10}$/.test(digits)) throw invalid("param_not_whole_number", name);
  return Number(digits);
}

/** "2", "1,5" or "1.25" → hundredths as an integer (200, 150, 125); at most two decimals. */
export function parseHundredths(s: string, name: string, min: number, max: number): number {
  const m = /^(\d{1,4})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) throw invalid("param_not_decimal", name);
  const v = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (v < min * 100 || v > max * 100) throw invalid("param_out_of_range", name, { min, max });
  return v;
}

function intIn(s: string, name: string, min: number, max: number): number {
  if (!/^\d{1,6}$/.test(s)) throw invalid("param_not_whole_number", name);
  const v = Number(s);
  if (v < min || v > max) throw invalid("param_out_of_range", name, { min, max });
  return v;
}

function oneOf<T extends string>(s: string, name: string, allowed: readonly T[]): T {
  if (!allowed.includes(s as T)) throw invalid("param_not_allowed", name, { allowed: allowed.join(", ") });
  return s as T;
}

export interface CompareDefaults {
  amount: number;
  months: number;
  ksm: { rateBpsPerMonth: number; method: LoanMethod };
  terms: ReferenceTerms;
}

export function parseCompareQuery(q: Query, d: CompareDefaults): CompareInput {
  const get = (n: string) => one(q, n);
  const amountS = get("amount");
  const monthsS = get("months");
  const amount = amountS === undefined ? d.amount : parseRupiah(amountS, "amount");
  if (amount < 10_000 || amount > 1_000_000_000)
    throw invalid("param_out_of_range", "amount", { min: 10_000, max: 1_000_000_000 });
  const months = monthsS === undefined ? d.months : intIn(monthsS, "months", 1, 60);
  const opt = <T>(n: string, f: (s: string) => T, fallback: T): T => {
    const s = get(n);
    return s === undefined ? fallback : f(s);
  };
  return {
    amount,
    months,
    ksm: {
      rateBpsPerMonth: opt("ksmRatePct", (s) => parseHundredths(s, "ksmRatePct", 0, 10), d.ksm.rateBpsPerMonth),
      method: opt("ksmMethod", (s) => oneOf(s, "ksmMethod", LOAN_METHODS), d.ksm.method),
    },
    ijonRatioPct: opt("ijonRatio", (s) => parseHundredths(s, "ijonRatio", 1, 10), d.terms.ijon.ratioPct),
    rentenir: {
      rateBpsPerMonth: opt(
        "rentenirRatePct",
        (s) => parseHundredths(s, "rentenirRatePct", 0, 100),
        d.terms.rentenir.rateBpsPerMonth,
      ),
      method: opt(
        "rentenirMethod",
        (s) => oneOf(s, "rentenirMethod", ["flat", "interestOnly"] as const),
        d.terms.rentenir.method,
      ),
      period: opt(
        "rentenirPeriod",
        (s) => oneOf<Period>(s, "rentenirPeriod", ["month", "week", "day"]),
        d.terms.rentenir.period,
      ),
      periods: opt("rentenirPeriods", (s) => intIn(s, "rentenirPeriods", 1, 3660), undefined as number | undefined),
    },
    kurAnnualRateBps: opt("kurRatePct", (s) => parseHundredths(s, "kurRatePct", 0, 30), d.terms.kur.annualRateBps),
  };
}

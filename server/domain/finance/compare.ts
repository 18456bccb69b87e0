/**
 * What the same money costs from each lender: the KSM under its policy, KUR, a rentenir and a
 * pengijon — in rupiah first, then as the effective annual rate (EIR).
 */
import { invalid } from "../errors";
import type { LoanMethod } from "../loans";
import { MAX_AMOUNT, RP } from "../money";
import {
  ijonFlows,
  kurFlows,
  ksmLoanFlows,
  PERIODS_PER_YEAR,
  quote,
  rentenirFlows,
  type LenderQuote,
  type Period,
} from "./lenders";
import { eir, pct2 } from "./irr";

export interface Source {
  title: string;
  url: string;
  checkedOn: string;
}

export interface ReferenceTerms {
  ijon: { ratioPct: number; sources: Source[] };
  rentenir: { rateBpsPerMonth: number; method: "flat" | "interestOnly"; period: Period; sources: Source[] };
  kur: { annualRateBps: number; sources: Source[] };
}

/** Defaults from the shared domain notes (each group may override them with local figures). */
export const DEFAULT_REFERENCE_TERMS: ReferenceTerms = {
  ijon: {
    ratioPct: 200,
    sources: [
      {
        title: "Tempo, 9 Nov 2019: ijon kopi dibayar separuh harga pasar",
        url: "https://www.tempo.co",
        checkedOn: "2026-11-01",
      },
      {
        title: `Radar Jombang, 2 Jan 2019: kopi excelsa Wonosalam ${RP}29–31 ribu vs ${RP}50–60 ribu saat panen`,
        url: "https://radarjombang.jawapos.com",
        checkedOn: "2026-11-01",
      },
      {
        title: "Floresa, 9 Mar 2016: ijon kopi di Colol, Manggarai Timur, pada musim paceklik",
        url: "https://floresa.co",
        checkedOn: "2026-11-01",
      },
    ],
  },
  rentenir: {
    rateBpsPerMonth: 1000,
    method: "flat",
    period: "month",
    sources: [
      {
        title: "detikFinance, 3 Agu 2022: bunga rentenir sampai 24% per bulan",
        url: "https://finance.detik.com",
        checkedOn: "2026-11-01",
      },
      {
        title: "KontasMalaka (NTT), 14 Jul 2023: bunga 20% per bulan",
        url: "https://kontasmalaka.com",
        checkedOn: "2026-11-01",
      },
    ],
  },
  kur: {
    annualRateBps: 600,
    sources: [
      {
        title: "Kredit Usaha Rakyat: 6% per tahun efektif sejak 2020 (3% super mikro sejak 2023)",
        url: "https://kur.ekon.go.id",
        checkedOn: "2026-11-01",
      },
    ],
  },
};

export interface CompareInput {
  amount: number;
  months: number;
  ksm: { rateBpsPerMonth: number; method: LoanMethod };
  ijonRatioPct: number;
  rentenir: { rateBpsPerMonth: number; method: "flat" | "interestOnly"; period: Period; periods?: number };
  kurAnnualRateBps: number;
}

export function defaultPeriods(period: Period, months: number): number {
  return period === "month"
    ? months
    : period === "week"
      ? Math.round((months * 52) / 12)
      : Math.round((months * 365) / 12);
}

export function compareLenders(c: CompareInput): LenderQuote[] {
  if (!Number.isSafeInteger(c.amount) || c.amount < 10_000 || c.amount > MAX_AMOUNT)
    throw invalid("amount_out_of_range", "amount", { min: 10_000, max: MAX_AMOUNT });
  if (!Number.isInteger(c.months) || c.months < 1 || c.months > 60)
    throw invalid("term_invalid", "months", { max: 60 });
  const periods = c.rentenir.periods ?? defaultPeriods(c.rentenir.period, c.months);
  return [
    quote(
      "ksm",
      ksmLoanFlows({
        principal: c.amount,
        termMonths: c.months,
        rateBpsPerMonth: c.ksm.rateBpsPerMonth,
        method: c.ksm.method,
      }),
      "month",
    ),
    quote("kur", kurFlows({ principal: c.amount, annualRateBps: c.kurAnnualRateBps, termMonths: c.months }), "month"),
    quote(
      "rentenir",
      rentenirFlows({
        principal: c.amount,
        rateBpsPerMonth: c.rentenir.rateBpsPerMonth,
        months: c.months,
        method: c.rentenir.method,
        periods,
      }),
      c.rentenir.period,
    ),
    quote("ijon", ijonFlows({ advance: c.amount, ratioPct: c.ijonRatioPct, months: c.months }), "month"),
  ];
}

export const SENSITIVITY_RATIOS = [160, 180, 200, 220, 240, 260, 280, 300];
export const SENSITIVITY_MONTHS = [2, 3, 4, 5, 6];

/** Ijon cost and EIR for V/A 1,6–3,0 over 2–6 months: EIR = (V/A)^(12/m) − 1. */
export function ijonSensitivity(amount: number) {
  return SENSITIVITY_RATIOS.map((ratioPct) => ({
    ratioPct,
    costRp: Math.round((amount * (ratioPct - 100)) / 100),
    byMonths: SENSITIVITY_MONTHS.map((months) => ({
      months,
      eirPct: pct2(eir((ratioPct / 100) ** (1 / months) - 1, PERIODS_PER_YEAR.month)),
    })),
  }));
}

/** KSM cost of a loan vs the pengijon for the same principal: what the group saves its member. */
export function costAvoidedVsIjon(
  loan: { principal: number; serviceCharge: number },
  ijonRatioPct: number,
): { ksmCost: number; ijonCost: number; avoided: number } {
  const ijonCost = Math.round((loan.principal * (ijonRatioPct - 100)) / 100);
  return { ksmCost: loan.serviceCharge, ijonCost, avoided: ijonCost - loan.serviceCharge };
}

export interface LoanCosts {
  ksm: number;
  kur: number;
  rentenir: number;
  ijon: number;
}

/**
 * What one loan cost the member at the group (its service charge) and what the same principal
 * over the same term would have cost from KUR, the rentenir and the pengijon, in rupiah.
 */
export function loanCostsVersusLenders(
  loan: { principal: number; termMonths: number; serviceCharge: number },
  terms: ReferenceTerms,
): LoanCosts {
  const cost = (flows: number[]) => -flows.reduce((t, x) => t + x, 0);
  return {
    ksm: loan.serviceCharge,
    kur: cost(
      kurFlows({ principal: loan.principal, annualRateBps: terms.kur.annualRateBps, termMonths: loan.termMonths }),
    ),
    rentenir: cost(
      rentenirFlows({
        principal: loan.principal,
        rateBpsPerMonth: terms.rentenir.rateBpsPerMonth,
        months: loan.termMonths,
        method: terms.rentenir.method,
        periods: defaultPeriods(terms.rentenir.period, loan.termMonths),
      }),
    ),
    ijon: costAvoidedVsIjon(loan, terms.ijon.ratioPct).ijonCost,
  };
}

/** Purposes whose borrower could have sold the crop to a pengijon before the harvest. */
export const CROP_PURPOSES: ReadonlySet<string> = new Set(["kopi", "kemiri", "pertanian_lain"]);

export type InformalLender = "ijon" | "rentenir";

/**
 * The cheapest lender a borrower realistically had instead of the group: for a crop loan the
 * cheaper of the pengijon and the rentenir, for any other purpose (school fees, health, a house)
 * the rentenir. Never KUR: these villagers could not get it.
 */
export function realisticAlternative(purpose: string, costs: LoanCosts): { lender: InformalLender; cost: number } {
  if (CROP_PURPOSES.has(purpose) && costs.ijon < costs.rentenir) return { lender: "ijon", cost: costs.ijon };
  return { lender: "rentenir", cost: costs.rentenir };
}

/**
 * Cost avoided over a set of loans, as a range (whole rupiah).
 * - At least: crop loans only, each against the cheaper of the pengijon and the rentenir — the
 *   alternative the field study documents for these villages. A loan for anything else (school fees,
 *   health, a house) counts nothing: no record says its borrower would have gone to a money lender
 *   rather than to family or a credit union, so the headline claims nothing for it.
 * - Up to: the other loans too, each against the rentenir (`realisticAlternative`).
 */
export function costAvoided(loans: readonly { purpose: string; costs: LoanCosts }[]): {
  atLeast: number;
  ifOthersRentenir: number;
} {
  let atLeast = 0;
  let ifOthersRentenir = 0;
  for (const l of loans) {
    const avoided = realisticAlternative(l.purpose, l.costs).cost - l.costs.ksm;
    if (CROP_PURPOSES.has(l.purpose)) atLeast += avoided;
    ifOthersRentenir += avoided;
  }
  return { atLeast, ifOthersRentenir };
}

export function sumCosts(list: readonly LoanCosts[]): LoanCosts {
  return list.reduce(
    (t, c) => ({ ksm: t.ksm + c.ksm, kur: t.kur + c.kur, rentenir: t.rentenir + c.rentenir, ijon: t.ijon + c.ijon }),
    { ksm: 0, kur: 0, rentenir: 0, ijon: 0 },
  );
}

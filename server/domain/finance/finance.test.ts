import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareLenders,
  costAvoided,
  costAvoidedVsIjon,
  DEFAULT_REFERENCE_TERMS,
  ijonSensitivity,
  realisticAlternative,
} from "./compare";
import { apr, eir, irr, npvAt, pct2, xirr } from "./irr";
import { ijonFlows, ijonRatioFromPrices, kurFlows, ksmLoanFlows, quote, rentenirFlows } from "./lenders";

const P = 1_000_000;

/** i, APR and EIR of a monthly flow, as the domain notes' vectors report them. */
function rates(flows: number[], n = 12) {
  const i = irr(flows);
  return { i: pct2(i), apr: pct2(apr(i, n)), eir: pct2(eir(i, n)) };
}

describe("the test vectors of the domain notes (Rp 1.000.000, monthly)", () => {
  it("2%/mo flat, 12 months: i 3,4753%, APR 41,70%, EIR 50,67%", () => {
    const f = ksmLoanFlows({ principal: P, termMonths: 12, rateBpsPerMonth: 200, method: "flat" });
    expect(rates(f)).toEqual({ i: 3.48, apr: 41.7, eir: 50.67 });
    expect(irr(f)).toBeCloseTo(0.034753, 5);
    expect(-f.reduce((a, b) => a + b)).toBe(240_000);
  });
  it("same with a 1% fee up front: 3,6463% / 43,76% / 53,69%", () => {
    const f = ksmLoanFlows({ principal: P, termMonths: 12, rateBpsPerMonth: 200, method: "flat", feeRp: 10_000 });
    expect(irr(f)).toBeCloseTo(0.036463, 5);
    expect(rates(f)).toMatchObject({ apr: 43.76, eir: 53.69 });
  });
  it("same with 10% held as savings and returned at month 12: 4,1503% / 49,80% / 62,90%", () => {
    const f = ksmLoanFlows({
      principal: P,
      termMonths: 12,
      rateBpsPerMonth: 200,
      method: "flat",
      heldSavingsRp: 100_000,
    });
    expect(f[0]).toBe(900_000);
    expect(irr(f)).toBeCloseTo(0.041503, 5);
    expect(rates(f)).toMatchObject({ apr: 49.8, eir: 62.9 });
  });
  it("2%/mo declining and annuity, 12 months: 2,0000% / 24,00% / 26,82%", () => {
    for (const method of ["declining", "annuity"] as const) {
      const f = ksmLoanFlows({ principal: P, termMonths: 12, rateBpsPerMonth: 200, method });
      expect(irr(f)).toBeCloseTo(0.02, 5);
      expect(rates(f)).toMatchObject({ apr: 24, eir: 26.82 });
    }
  });
  it("1,5%/mo flat, 10 months: 2,6253% / 31,50% / 36,48%", () => {
    const f = ksmLoanFlows({ principal: P, termMonths: 10, rateBpsPerMonth: 150, method: "flat" });
    expect(irr(f)).toBeCloseTo(0.026253, 5);
    expect(rates(f)).toMatchObject({ apr: 31.5, eir: 36.48 });
  });
  it("1%/mo flat, 12 months: 1,7881% / 21,46% / 23,70%", () => {
    const f = ksmLoanFlows({ principal: P, termMonths: 12, rateBpsPerMonth: 100, method: "flat" });
    expect(irr(f)).toBeCloseTo(0.017881, 5);
    expect(rates(f)).toMatchObject({ apr: 21.46, eir: 23.7 });
  });
  it("10%/mo flat, 3 months: 14,3597% / 172,32% / 400,35%", () => {
    const f = rentenirFlows({ principal: P, rateBpsPerMonth: 1000, months: 3, method: "flat", periods: 3 });
    expect(irr(f)).toBeCloseTo(0.143597, 5);
    expect(rates(f)).toMatchObject({ apr: 172.32, eir: 400.35 });
  });
  it("ijon A=1.000.000, V=2.000.000, 4 months: 18,9207% / 227,05% / 700,00%", () => {
    const f = ijonFlows({ advance: P, ratioPct: 200, months: 4 });
    expect(f).toEqual([P, 0, 0, 0, -2_000_000]);
    expect(irr(f)).toBeCloseTo(0.189207, 5);
    expect(rates(f)).toMatchObject({ apr: 227.05, eir: 700 });
  });
  it("rentenir 10%/mo interest-only, 6 months: 10,0000% / 120,00% / 213,84%", () => {
    const f = rentenirFlows({ principal: P, rateBpsPerMonth: 1000, months: 6, method: "interestOnly", periods: 6 });
    expect(f).toEqual([P, -100_000, -100_000, -100_000, -100_000, -100_000, -1_100_000]);
    expect(rates(f)).toEqual({ i: 10, apr: 120, eir: 213.84 });
  });
  it("rentenir 10%/mo flat, 6 installments: 15,3408% / 184,09% / 454,37%", () => {
    const f = rentenirFlows({ principal: P, rateBpsPerMonth: 1000, months: 6, method: "flat", periods: 6 });
    expect(-f.reduce((a, b) => a + b)).toBe(600_000);
    expect(irr(f)).toBeCloseTo(0.153408, 5);
    expect(rates(f)).toMatchObject({ apr: 184.09, eir: 454.37 });
  });
  it("KUR 6%: Rp 10.000.000, 12-month annuity at 0,5%/mo: 860.664 a month, 0,5000% / 6,00% / 6,17%", () => {
    const f = kurFlows({ principal: 10_000_000, annualRateBps: 600, termMonths: 12 });
    expect(f.slice(1).every((x) => Math.abs(x + 860_664.3) < 1)).toBe(true);
    expect(-f.reduce((a, b) => a + b)).toBe(327_972); // 12 × 860.664,30 − 10.000.000, rounded once
    expect(rates(f)).toEqual({ i: 0.5, apr: 6, eir: 6.17 });
  });
  it("the 4-month card: KSM Rp 80.000, KUR ± Rp 12.531, rentenir Rp 400.000, pengijon Rp 1.000.000", () => {
    const q = compareLenders({
      amount: P,
      months: 4,
      ksm: { rateBpsPerMonth: 200, method: "flat" },
      ijonRatioPct: DEFAULT_REFERENCE_TERMS.ijon.ratioPct,
      rentenir: { rateBpsPerMonth: 1000, method: "flat", period: "month" },
      kurAnnualRateBps: 600,
    });
    expect(Object.fromEntries(q.map((l) => [l.key, l.costRp]))).toEqual({
      ksm: 80_000,
      kur: 12_531,
      rentenir: 400_000,
      ijon: 1_000_000,
    });
    expect(q.find((l) => l.key === "ijon")!.eirPct).toBe(700);
  });
  it("paid back in one sum after 4 months: KSM 25,97%, KUR 6,12%, rentenir 174,40% (exact in integers)", () => {
    const bullet = (bps: number) => [P, 0, 0, 0, -(P + (P * bps * 4) / 10_000)];
    expect(rates(bullet(200)).eir).toBe(25.97);
    expect(rates(bullet(50)).eir).toBe(6.12);
    expect(bullet(1000)[4]).toBe(-1_400_000); // not 1.399.999
    expect(rates(bullet(1000)).eir).toBe(174.4);
  });
});

describe("the solver", () => {
  it("handles a zero rate, a huge rate, weekly and daily grids, and dated flows (XIRR)", () => {
    expect(irr([P, -500_000, -500_000])).toBeCloseTo(0, 12);
    expect(irr([P, -10 * P])).toBeCloseTo(9, 9); // 900% in one period
    const weekly = rentenirFlows({ principal: P, rateBpsPerMonth: 2000, months: 1, method: "flat", periods: 4 });
    const q = quote("rentenir", weekly, "week");
    expect(q.costRp).toBe(200_000);
    expect(q.periodsPerYear).toBe(52);
    const daily = quote(
      "rentenir",
      rentenirFlows({ principal: P, rateBpsPerMonth: 1500, months: 1, method: "flat", periods: 24 }),
      "day",
    );
    expect(daily.eirPct).toBeGreaterThan(1000);
    // One year, 10% on dated flows → 10% a year.
    expect(
      xirr([
        { day: 0, amount: P },
        { day: 365, amount: -1_100_000 },
      ]),
    ).toBeCloseTo(0.1, 10);
  });
  it("refuses flows that do not change sign exactly once", () => {
    expect(() => irr([P, 1])).toThrow();
    expect(() => irr([P, -2 * P, 3 * P])).toThrow();
  });
  it("property: the IRR reproduces a zero net present value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 100_000_000 }),
        fc.integer({ min: 1, max: 36 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom("flat" as const, "declining" as const, "annuity" as const),
        (principal, termMonths, rateBpsPerMonth, method) => {
          const f = ksmLoanFlows({ principal, termMonths, rateBpsPerMonth: Math.min(rateBpsPerMonth, 1000), method });
          const i = irr(f);
          expect(Math.abs(npvAt(f, i))).toBeLessThan(1e-6 * principal);
        },
      ),
    );
  });
  it("property: a higher rate never lowers the cost or the EIR; EIR ≥ APR for positive rates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 50_000_000 }),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom("flat" as const, "declining" as const, "annuity" as const),
        (principal, termMonths, bps, method) => {
          const lo = quote("ksm", ksmLoanFlows({ principal, termMonths, rateBpsPerMonth: bps, method }), "month");
          const hi = quote("ksm", ksmLoanFlows({ principal, termMonths, rateBpsPerMonth: bps + 1, method }), "month");
          expect(hi.costRp).toBeGreaterThanOrEqual(lo.costRp);
          expect(hi.eirPct).toBeGreaterThanOrEqual(lo.eirPct);
          expect(lo.eirPct).toBeGreaterThanOrEqual(lo.aprPct);
        },
      ),
    );
  });
});

describe("ijon and the pengijon comparison", () => {
  it("derives V/A from an ijon price and a harvest price (Bondowoso coffee Rp 7.000 vs Rp 18.000 per kg)", () => {
    expect(ijonRatioFromPrices(7_000, 18_000)).toBe(257);
  });
  it("sensitivity: V/A 1,6–3,0 over 2–6 months", () => {
    const s = ijonSensitivity(P);
    expect(s.map((r) => r.ratioPct)).toEqual([160, 180, 200, 220, 240, 260, 280, 300]);
    const two = s.find((r) => r.ratioPct === 200)!;
    expect(two.costRp).toBe(1_000_000);
    expect(two.byMonths.find((m) => m.months === 4)!.eirPct).toBe(700);
    expect(two.byMonths.find((m) => m.months === 6)!.eirPct).toBe(300);
  });
  it("cost avoided = pengijon cost − the KSM service charge", () => {
    expect(costAvoidedVsIjon({ principal: P, serviceCharge: 80_000 }, 200)).toEqual({
      ksmCost: 80_000,
      ijonCost: 1_000_000,
      avoided: 920_000,
    });
  });
});

describe("the honest cost-avoided headline", () => {
  const costs = (ksm: number, rentenir: number, ijon: number) => ({ ksm, kur: 1, rentenir, ijon });
  it("prices a crop loan against the cheaper of pengijon and rentenir, any other loan against the rentenir, never KUR", () => {
    expect(realisticAlternative("kopi", costs(20, 400, 1000))).toEqual({ lender: "rentenir", cost: 400 });
    expect(realisticAlternative("kemiri", costs(20, 400, 300))).toEqual({ lender: "ijon", cost: 300 });
    expect(realisticAlternative("kesehatan", costs(20, 400, 100))).toEqual({ lender: "rentenir", cost: 400 });
    expect(realisticAlternative("biaya_sekolah", costs(20, 400, 100)).lender).toBe("rentenir");
  });
  it("claims 'at least' for crop loans only, and gives the figure with every other loan from a rentenir beside it", () => {
    const loans = [
      { purpose: "kopi", costs: costs(20, 400, 300) }, // ijon: 280
      { purpose: "pertanian_lain", costs: costs(10, 200, 500) }, // rentenir: 190
      { purpose: "rumah", costs: costs(50, 900, 2000) }, // not a crop: 0 at least, 850 against a rentenir
    ];
    expect(costAvoided(loans)).toEqual({ atLeast: 280 + 190, ifOthersRentenir: 280 + 190 + 850 });
  });
});

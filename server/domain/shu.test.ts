import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import {
  assertShareOutRule,
  EXAMPLE_RULE,
  largestRemainder,
  type MemberBasis,
  SHU_POOLS,
  shareOut,
  shuOf,
} from "./shu";

describe("SHU and the share-out", () => {
  it("SHU is the year's income less its expenses and write-offs", () => {
    expect(
      shuOf({ serviceCharge: 900_000, fines: 25_000, otherIncome: 10_000, expenses: 120_000, writtenOff: 200_000 }),
    ).toBe(615_000);
  });

  it("largest remainder: whole parts summing exactly, the leftover to the largest remainders, ties to the earlier", () => {
    expect([
      ...largestRemainder(100, [
        ["a", 1],
        ["b", 1],
        ["c", 1],
      ]).values(),
    ]).toEqual([34, 33, 33]);
    expect([
      ...largestRemainder(10, [
        ["a", 3],
        ["b", 0],
        ["c", 7],
      ]).values(),
    ]).toEqual([3, 0, 7]);
    expect([
      ...largestRemainder(7, [
        ["a", 0],
        ["b", 0],
      ]).values(),
    ]).toEqual([0, 0]);
  });

  it("every pool and every member's part sums to the SHU to the rupiah (random groups)", () => {
    const member = fc.record({
      savingsMonthEnds: fc.integer({ min: 0, max: 12 * 50_000_000 }),
      serviceChargePaid: fc.integer({ min: 0, max: 5_000_000 }),
    });
    const rule = fc
      .array(fc.integer({ min: 0, max: 100 }), { minLength: SHU_POOLS.length, maxLength: SHU_POOLS.length })
      .filter((xs) => xs.some((x) => x > 0))
      .map((xs) => {
        const parts = largestRemainder(
          10_000,
          xs.map((x, i) => [i, x] as const),
        );
        return { ...Object.fromEntries(SHU_POOLS.map((p, i) => [p, parts.get(i)!])), memberPayout: "savings" } as never;
      });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 900_000_000 }), rule, fc.array(member, { maxLength: 40 }), (shu, r, ms) => {
        const basis: MemberBasis[] = ms.map((m, i) => ({
          ...m,
          memberId: i + 1,
          code: `M-${String(i).padStart(3, "0")}`,
        }));
        const s = shareOut(shu, assertShareOutRule(r), basis);
        expect(SHU_POOLS.reduce((t, p) => t + s.pools[p], 0)).toBe(shu);
        expect(s.members.reduce((t, m) => t + m.jasaModal, 0)).toBe(s.pools.jasa_modal);
        expect(s.members.reduce((t, m) => t + m.jasaPinjaman, 0)).toBe(s.pools.jasa_pinjaman);
        for (const m of s.members) expect(Number.isSafeInteger(m.total) && m.total > 0).toBe(true);
      }),
    );
  });

  it("splits by savings and by service charge paid; a pool without basis stays in the reserve", () => {
    const basis: MemberBasis[] = [
      { memberId: 1, code: "A-1", savingsMonthEnds: 3_000_000, serviceChargePaid: 0 },
      { memberId: 2, code: "A-2", savingsMonthEnds: 1_000_000, serviceChargePaid: 0 },
    ];
    const s = shareOut(1_000_000, EXAMPLE_RULE, basis);
    expect(s.pools).toEqual({
      cadangan: 500_000,
      jasa_modal: 350_000,
      jasa_pinjaman: 0,
      pengurus: 50_000,
      pendidikan: 50_000,
      sosial: 50_000,
    });
    expect(s.members.map((m) => [m.code, m.jasaModal])).toEqual([
      ["A-1", 262_500],
      ["A-2", 87_500],
    ]);
    expect(shareOut(-5000, EXAMPLE_RULE, basis).members).toEqual([]);
  });

  it("a rule is whole percentages summing to 100 %", () => {
    expect(assertShareOutRule(EXAMPLE_RULE)).toEqual(EXAMPLE_RULE);
    expect(() => assertShareOutRule({ ...EXAMPLE_RULE, cadangan: 2400 })).toThrow(DomainError);
    expect(() => assertShareOutRule({ ...EXAMPLE_RULE, sosial: -1, cadangan: 3001 })).toThrow(DomainError);
    expect(() => assertShareOutRule({ ...EXAMPLE_RULE, memberPayout: "emas" })).toThrow(DomainError);
  });
});

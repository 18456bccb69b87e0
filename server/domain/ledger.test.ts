import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyPostings,
  assertBalanced,
  contributionPostings,
  CONTRIBUTION_LINE_KINDS,
  disbursementPostings,
  entryRollup,
  expensePostings,
  openingBalancePostings,
  otherIncomePostings,
  repaymentPostings,
  reversalPostings,
  withdrawalPostings,
  writeOffPostings,
  type Posting,
} from "./ledger";
import { formatRupiah, mulDivRound } from "./money";

const amount = fc.integer({ min: 1, max: 1_000_000_000 });
const memberId = fc.integer({ min: 1, max: 1000 });

/** Any entry the ledger can make. */
const anyPostings: fc.Arbitrary<Posting[]> = fc.oneof(
  fc
    .array(fc.record({ memberId, amount, kind: fc.constantFrom(...CONTRIBUTION_LINE_KINDS) }), {
      minLength: 1,
      maxLength: 30,
    })
    .map(contributionPostings),
  fc
    .tuple(memberId, amount, amount, amount)
    .map(([m, a, b, c]) =>
      withdrawalPostings(m, Math.min(a, b + c), { savings_voluntary: b, savings_mandatory: c, savings_share: 0 }),
    ),
  fc.tuple(memberId, memberId, amount).map(([m, l, p]) => disbursementPostings(m, l, p)),
  fc
    .tuple(memberId, memberId, fc.nat(100_000), fc.nat(100_000), amount)
    .map(([m, l, fine, serviceCharge, principal]) => repaymentPostings(m, l, { fine, serviceCharge, principal })),
  fc.tuple(memberId, memberId, amount).map(([m, l, a]) => writeOffPostings(m, l, a)),
  amount.map(expensePostings),
  amount.map(otherIncomePostings),
  fc
    .tuple(
      amount,
      fc.nat(1_000_000),
      fc.array(
        fc.record({
          memberId,
          account: fc.constantFrom("savings_share" as const, "savings_mandatory" as const),
          amount,
        }),
        { maxLength: 5 },
      ),
    )
    .map(([cash, socialFund, savings]) => openingBalancePostings({ cash, socialFund, savings })),
);

describe("ledger postings", () => {
  it("property: an entry's rollup moves each balance and account total by the sum of its postings", () => {
    fc.assert(
      fc.property(anyPostings, (ps) => {
        const { balances, accounts } = entryRollup(ps);
        const byKey = applyPostings(new Map(), ps);
        const moved = balances.filter(([, , , v]) => v !== 0); // applyPostings drops a balance back at 0
        expect(new Map(moved.map(([a, m, l, v]) => [`${a}|${m}|${l}`, v]))).toEqual(byKey);
        for (const [account, total] of accounts)
          expect(total).toBe(ps.filter((p) => p.account === account).reduce((t, p) => t + p.amount, 0));
        expect(accounts.map(([a]) => a).sort()).toEqual([...new Set(ps.map((p) => p.account))].sort());
      }),
    );
  });

  it("an entry's rollup keys a balance without member or loan as 0, as account_balances does", () => {
    const { balances, accounts } = entryRollup([
      ...contributionPostings([
        { memberId: 3, amount: 2000, kind: "daily" },
        { memberId: 3, amount: 1000, kind: "daily" },
      ]),
      ...disbursementPostings(3, 9, 500_000),
    ]);
    expect(balances).toContainEqual(["cash", 0, 0, 3000 - 500_000]);
    expect(balances).toContainEqual(["loans_receivable", 3, 9, 500_000]);
    expect(accounts).toContainEqual(["cash", -497_000]);
  });
  it("property: every kind of entry balances (postings sum to zero)", () => {
    fc.assert(
      fc.property(anyPostings, (ps) => {
        expect(() => assertBalanced(ps)).not.toThrow();
      }),
    );
  });

  it("property: balances equal the sum of postings, and a reversal restores every balance", () => {
    fc.assert(
      fc.property(fc.array(anyPostings, { minLength: 1, maxLength: 20 }), fc.nat(), (entries, pick) => {
        const before = applyPostings(new Map(), entries.flat());
        const reversed = reversalPostings(entries[pick % entries.length]!);
        assertBalanced(reversed);
        const without = applyPostings(new Map(), entries.filter((_, i) => i !== pick % entries.length).flat());
        expect(applyPostings(before, reversed)).toEqual(without);
      }),
    );
  });

  it("refuses a withdrawal above the member's savings and draws voluntary savings first", () => {
    expect(() => withdrawalPostings(1, 6, { savings_voluntary: 2, savings_mandatory: 3, savings_share: 0 })).toThrow(
      /withdrawal_exceeds_savings/,
    );
    expect(withdrawalPostings(1, 4, { savings_voluntary: 2, savings_mandatory: 3, savings_share: 0 })).toEqual([
      { account: "cash", amount: -4 },
      { account: "savings_voluntary", amount: 2, memberId: 1 },
      { account: "savings_mandatory", amount: 2, memberId: 1 },
    ]);
  });

  it("refuses unbalanced or fractional postings", () => {
    expect(() =>
      assertBalanced([
        { account: "cash", amount: 1 },
        { account: "expense", amount: -2 },
      ]),
    ).toThrow();
    expect(() =>
      assertBalanced([
        { account: "cash", amount: 0.5 },
        { account: "expense", amount: -0.5 },
      ]),
    ).toThrow();
  });
});

describe("money", () => {
  it("formats rupiah the Indonesian and the English way", () => {
    expect(formatRupiah(1_000_000)).toBe("Rp\u00a01.000.000"); // no line break after "Rp"
    expect(formatRupiah(1_234_567, "en")).toBe("Rp\u00a01,234,567");
    expect(formatRupiah(-5_000)).toBe("−Rp\u00a05.000");
    expect(formatRupiah(0)).toBe("Rp\u00a00");
  });
  it("rounds half away from zero in integers", () => {
    expect(mulDivRound(1_000_000, 200, 10_000)).toBe(20_000);
    expect(mulDivRound(333_333, 150, 10_000)).toBe(5_000); // 4999,995
    expect(mulDivRound(5, 1, 2)).toBe(3);
    expect(mulDivRound(-5, 1, 2)).toBe(-3);
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_REFERENCE_TERMS } from "./finance/compare";
import { type FigureInputs, groupFiguresOf, lastMonths, trackedFrom } from "./figures";
import { viewLoan } from "./loans";

const group = {
  slug: "uji",
  name: "KSM Uji",
  village: "Golo Meni",
  kecamatan: "Kota Komba",
  kabupaten: "Manggarai Timur",
  provinsi: "Nusa Tenggara Timur",
  foundedOn: "2026-01-01",
  timeZone: "Asia/Makassar",
  dailyContribution: 1000,
  loanRateBpsPerMonth: 200,
  loanMethod: "flat" as const,
  loanMaxTermMonths: 10,
  lateFineAmount: 5000,
  lateFineGraceDays: 7,
  isDemo: false,
};

const loanOf = (id: number, memberId: number, kinds: string[]) =>
  viewLoan(
    {
      id,
      memberId,
      purpose: "kopi",
      principal: 1_000_000,
      termMonths: 4,
      rateBpsPerMonth: 200,
      method: "flat" as const,
      disbursedOn: "2026-06-01",
      lateFineAmount: 5000,
      lateFineGraceDays: 7,
      importedOn: null,
      importedPaidInstallments: null,
      importedPrincipalOutstanding: null,
    },
    kinds.map((kind) => ({ kind, businessDate: "2026-06-01", amount: 1_000_000 })),
    "2026-06-10",
  );

function inputs(over: Partial<FigureInputs> = {}): FigureInputs {
  return {
    group,
    today: "2026-06-10",
    members: [
      { gender: "P", joinedOn: "2026-01-01", leftOn: null },
      { gender: "L", joinedOn: "2026-06-06", leftOn: null },
      { gender: "P", joinedOn: "2026-01-01", leftOn: "2026-06-04" },
    ],
    accountTotals: [
      { account: "cash", balance: 300_000 },
      { account: "savings_mandatory", balance: -300_000 },
    ],
    monthPostings: [],
    loans: [],
    daysPaid: 9,
    openingBalanceOn: "2026-05-31",
    cashCount: null,
    bankCheck: null,
    terms: { ...DEFAULT_REFERENCE_TERMS, isDefault: true },
    shareOutRule: null,
    closedYears: [],
    head: { lastSeq: 0, lastHash: null, lastEntryAt: null },
    ...over,
  };
}

describe("a group's public figures, from what was read", () => {
  it("counts days owed from the day after a paper book's cut-over, for the days each member belonged", () => {
    expect(trackedFrom("2026-01-01", "2026-05-31")).toBe("2026-06-01");
    expect(trackedFrom("2026-01-01", null)).toBe("2026-01-01");
    const f = groupFiguresOf(inputs());
    // 1 Jun–10 Jun: 10 days; joined 6 Jun: 5 days; left 4 Jun: 1–3 Jun, 3 days.
    expect(f.compliance).toEqual({ daysPaid: 9, daysOwed: 18, ratio: 9 / 18 });
    expect(f.members).toMatchObject({ active: 2, everJoined: 3, left: 1 });
    expect(f.balances.cash).toBe(300_000);
    expect(f.balances.memberSavings).toBe(300_000);
  });

  it("shows no count of fewer than five members or borrowers that the ledger does not reveal", () => {
    const few = groupFiguresOf(inputs({ loans: [loanOf(1, 1, ["loan_disbursement"])] }));
    expect(few.members.women).toEqual({ value: null, suppressed: true });
    expect(few.indicators.savingsPerMember).toBeNull();
    expect(few.loans.membersWithLoan.suppressed).toBe(true);
    expect(few.indicators.pctWithLoan).toBeNull();
    // A loan's purpose and principal are on the public ledger: shown whatever their number.
    expect(few.loans.byPurpose).toEqual([
      { purpose: "kopi", count: { value: 1, suppressed: false }, principal: { value: 1_000_000, suppressed: false } },
    ]);

    const members = Array.from({ length: 10 }, (_, i) => ({
      gender: i < 6 ? "P" : "L",
      joinedOn: "2026-01-01",
      leftOn: null,
    }));
    const loans = [1, 2, 3, 4, 5].map((m) => loanOf(m, m, ["loan_disbursement"]));
    const many = groupFiguresOf(inputs({ members, loans }));
    expect(many.members.women).toEqual({ value: 6, suppressed: false });
    expect(many.members.men).toEqual({ value: null, suppressed: true });
    expect(many.indicators.savingsPerMember).toBe(30_000);
    expect(many.indicators.pctWithLoan).toBe(0.5);
    expect(many.loans).toMatchObject({ count: 5, active: 5, outstanding: 5_000_000 });
  });

  it("leaves a cancelled loan out of every loan figure but its status count", () => {
    const f = groupFiguresOf(inputs({ loans: [loanOf(1, 1, ["loan_disbursement"]), loanOf(2, 2, [])] }));
    expect(f.loans.byStatus.dibatalkan).toBe(1);
    expect(f.loans.count).toBe(1);
    expect(f.costs.loans).toBe(1);
  });

  it("fills the last months: nothing moved in an empty month, and it closes as the month before", () => {
    const months = groupFiguresOf(
      inputs({
        monthPostings: [
          { month: "2026-03", kind: "contribution", account: "cash", amount: 5000 },
          { month: "2026-03", kind: "contribution", account: "savings_mandatory", amount: -5000 },
        ],
      }),
    ).months;
    const last = lastMonths(months, "2026-06-10", 6);
    expect(last.map((m) => m.month)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
    expect(last[0]!.closing.cash).toBe(0);
    expect(last[2]!.contributions).toBe(5000);
    expect(last[5]!.contributions).toBe(0);
    expect(last[5]!.closing.cash).toBe(5000);
  });
});

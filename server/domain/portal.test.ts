import { describe, expect, it } from "vitest";
import { DEFAULT_REFERENCE_TERMS } from "./finance/compare";
import { groupFiguresOf } from "./figures";
import { viewLoan } from "./loans";
import { findGroups, pageOf, portalFiguresOf } from "./portal";

/** A group of `size` members, `borrowers` of them with a running loan. */
function groupWith(slug: string, size: number, borrowers: number) {
  const loan = (id: number) =>
    viewLoan(
      {
        id,
        memberId: id,
        purpose: "kopi",
        principal: 100_000,
        termMonths: 4,
        rateBpsPerMonth: 200,
        method: "flat" as const,
        disbursedOn: "2026-06-01",
        lateFineAmount: 0,
        lateFineGraceDays: 7,
        importedOn: null,
        importedPaidInstallments: null,
        importedPrincipalOutstanding: null,
      },
      [{ kind: "loan_disbursement", businessDate: "2026-06-01", amount: 100_000 }],
      "2026-06-10",
    );
  return groupFiguresOf({
    group: {
      slug,
      name: slug,
      village: "Golo Meni",
      kecamatan: "Kota Komba",
      kabupaten: "Manggarai Timur",
      provinsi: "Nusa Tenggara Timur",
      foundedOn: "2026-01-01",
      timeZone: "Asia/Makassar",
      dailyContribution: 1000,
      loanRateBpsPerMonth: 200,
      loanMethod: "flat",
      loanMaxTermMonths: 10,
      lateFineAmount: 0,
      lateFineGraceDays: 7,
      isDemo: false,
    },
    today: "2026-06-10",
    members: Array.from({ length: size }, () => ({ gender: "P", joinedOn: "2026-01-01", leftOn: null })),
    accountTotals: [],
    monthPostings: [],
    loans: Array.from({ length: borrowers }, (_, i) => loan(i + 1)),
    daysPaid: 0,
    openingBalanceOn: null,
    cashCount: null,
    bankCheck: null,
    terms: { ...DEFAULT_REFERENCE_TERMS, isDefault: true },
    shareOutRule: null,
    closedYears: [],
    head: { lastSeq: 0, lastHash: null, lastEntryAt: null },
  });
}

describe("figures across groups", () => {
  it("shows no village share of members with a loan that a group's hidden borrowers are part of", () => {
    const shown = groupWith("a", 20, 10);
    const hidden = groupWith("b", 10, 3);
    expect(hidden.loans.membersWithLoan.suppressed).toBe(true);
    expect(portalFiguresOf([shown]).all.pctWithLoan).toBe(0.5);
    // 10 shown + the 3 hidden over 30 members would give 13 − 10 = 3 back; without them, 10/30 is wrong.
    expect(portalFiguresOf([shown, hidden]).all.pctWithLoan).toBeNull();
    expect(portalFiguresOf([shown, hidden]).villages[0]!.pctWithLoan).toBeNull();
  });
});

describe("lists of groups", () => {
  it("finds groups by words of the name or village, in any case", () => {
    const gs = [
      { group: { name: "KSM Ratu Damai", village: "Golo Meni" } },
      { group: { name: "KSM Compang Dalo", village: "Mokel" } },
    ];
    expect(findGroups(gs, "mokel").groups).toEqual([gs[1]]);
    expect(findGroups(gs, "  ksm   GOLO ").groups).toEqual([gs[0]]);
    expect(findGroups(gs, "ksm").groups).toEqual(gs);
    expect(findGroups(gs, "tidak ada").groups).toEqual([]);
    expect(findGroups(gs, undefined)).toEqual({ query: "", groups: gs });
    expect(findGroups(gs, "x".repeat(500)).query.length).toBe(64);
  });

  it("pages a list: clamped page numbers, at least one page", () => {
    const xs = Array.from({ length: 53 }, (_, i) => i);
    expect(pageOf(xs, "2", 25)).toEqual({ items: xs.slice(25, 50), page: 2, pages: 3 });
    expect(pageOf(xs, "99", 25).page).toBe(3);
    expect(pageOf(xs, "-4", 25).page).toBe(1);
    expect(pageOf(xs, "abc", 25).page).toBe(1);
    expect(pageOf([], undefined, 25)).toEqual({ items: [], page: 1, pages: 1 });
  });
});

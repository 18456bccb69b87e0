import { describe, expect, it } from "vitest";
import { type ReversedEntry, rightEntryDraft } from "./correction-follow-up";

const entry = (over: Partial<ReversedEntry>): ReversedEntry => ({
  seq: 12,
  kind: "expense",
  date: "2026-11-20",
  amount: 250_000,
  category: "alat_tulis",
  postings: [
    ["cash", -250_000],
    ["expense", 250_000],
  ],
  memberCode: null,
  ...over,
});

describe("the right entry after a correction", () => {
  it("an expense opens the expense form with its category, account and date, linked to the correction", () => {
    expect(rightEntryDraft(entry({}), 15)).toEqual({
      form: "cash",
      kind: "expense",
      amount: 250_000,
      category: "alat_tulis",
      via: "cash",
      date: "2026-11-20",
      corrects: { seq: 12, correctionSeq: 15 },
    });
  });

  it("paid from the bank, the form says bank", () => {
    const bank = entry({
      postings: [
        ["bank", -250_000],
        ["expense", 250_000],
      ],
    });
    expect(rightEntryDraft(bank, 15)).toMatchObject({ via: "bank" });
  });

  it("other income opens the income form", () => {
    expect(rightEntryDraft(entry({ kind: "other_income", category: "hibah" }), 15)).toMatchObject({
      form: "cash",
      kind: "income",
      category: "hibah",
    });
  });

  it("a withdrawal opens the withdrawal form for the same member", () => {
    expect(rightEntryDraft(entry({ kind: "savings_withdrawal", category: null, memberCode: "RA-002" }), 15)).toEqual({
      form: "withdraw",
      memberCode: "RA-002",
      amount: 250_000,
      date: "2026-11-20",
      corrects: { seq: 12, correctionSeq: 15 },
    });
  });

  it("kinds without a form here, or a withdrawal of several members, open nothing", () => {
    expect(rightEntryDraft(entry({ kind: "loan_disbursement" }), 15)).toBeNull();
    expect(rightEntryDraft(entry({ kind: "savings_withdrawal", memberCode: null }), 15)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { installmentReminders, type OpenLoanDue } from "./reminders";

const TODAY = "2026-11-29";
const loan = (id: number, due: Partial<OpenLoanDue["due"]>): OpenLoanDue => ({
  id,
  memberCode: `RA-00${id}`,
  due: { installment: null, arrears: 0, fines: 0, daysPastDue: 0, ...due },
});
const next = (dueOn: string, amount = 104_000) => ({ n: 2, dueOn, amount });

describe("reminders of an installment", () => {
  it("one falling due today or in the next three days gives a reminder; four days ahead does not", () => {
    const r = installmentReminders(
      [
        loan(1, { installment: next("2026-11-29") }),
        loan(2, { installment: next("2026-12-02") }),
        loan(3, { installment: next("2026-12-03") }),
        loan(4, { installment: null }),
      ],
      TODAY,
    );
    expect(r).toEqual([
      { loanId: 1, memberCode: "RA-001", late: false, amount: 104_000, fines: 0, dueOn: "2026-11-29" },
      { loanId: 2, memberCode: "RA-002", late: false, amount: 104_000, fines: 0, dueOn: "2026-12-02" },
    ]);
  });

  it("a late loan asks for its arrears and fines, from the day she fell behind, with a coming installment added", () => {
    const r = installmentReminders(
      [
        loan(5, { arrears: 100_000, fines: 5000, daysPastDue: 12, installment: next("2026-12-30") }),
        loan(6, { arrears: 50_000, daysPastDue: 3, installment: next("2026-12-01", 50_000) }),
      ],
      TODAY,
    );
    expect(r).toEqual([
      { loanId: 5, memberCode: "RA-005", late: true, amount: 105_000, fines: 5000, dueOn: "2026-11-17" },
      { loanId: 6, memberCode: "RA-006", late: true, amount: 100_000, fines: 0, dueOn: "2026-11-26" },
    ]);
  });

  it("the late come first, then the soonest; nothing for a loan up to date with nothing due soon", () => {
    const r = installmentReminders(
      [
        loan(1, { installment: next("2026-12-01") }),
        loan(2, { installment: next("2026-12-20") }),
        loan(3, { arrears: 1000, daysPastDue: 1 }),
        loan(4, { installment: next("2026-11-30") }),
      ],
      TODAY,
    );
    expect(r.map((x) => x.loanId)).toEqual([3, 4, 1]);
  });

  it("the window follows the calendar across a month's and a year's end", () => {
    const r = installmentReminders([loan(1, { installment: next("2027-01-02") })], "2026-12-30");
    expect(r.map((x) => x.dueOn)).toEqual(["2027-01-02"]);
  });
});

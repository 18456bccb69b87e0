import { describe, expect, it } from "vitest";
import { daysOf, freeSpans, keptOnPhone, merged, paidFromServer, reachOf } from "./collect-days";
import type { QueuedWrite } from "./offline-queue";

const DATE = "2026-11-29";

describe("the days the collection grid offers a member", () => {
  it("only spans whose every day is unpaid: a paid day two days back leaves the day itself, yesterday and days ahead", () => {
    const { from, to } = reachOf(DATE);
    const paid = paidFromServer(from, to, [
      { memberCode: "RA-001", day: "2026-11-27", seq: 40 },
      { memberCode: "RA-002", day: DATE, seq: 41 },
    ]);
    expect(freeSpans(paid, DATE, "RA-001")).toEqual([0, -1, 1, 2, 3, 4, 5, 6]);
    expect(daysOf(DATE, -1)).toEqual(["2026-11-28", DATE]);
    // Paid the day itself: nothing is offered (she is shown as paid and cannot be chosen).
    expect(freeSpans(paid, DATE, "RA-002")).toEqual([]);
    // Never a day before she joined.
    expect(freeSpans(paid, DATE, "RA-003", "2026-11-28")).toEqual([0, -1, 1, 2, 3, 4, 5, 6]);
  });

  it("a collection kept on the phone (no signal) counts as paid for its members and days", () => {
    const kept: QueuedWrite = {
      key: "k",
      kind: "collection",
      summary: "",
      queuedAt: "",
      input: {
        date: DATE,
        lines: [
          { memberCode: "RA-001", amount: 1000 },
          { memberCode: "RA-002", amount: 2000, days: ["2026-11-28", DATE] },
          { memberCode: "RA-003", amount: 5000, kind: "voluntary" },
        ],
      },
    };
    const paid = merged(paidFromServer(DATE, DATE, [{ memberCode: "RA-004", day: DATE, seq: 7 }]), keptOnPhone([kept]));
    expect([...paid.get(DATE)!]).toEqual([
      ["RA-004", 7],
      ["RA-001", null],
      ["RA-002", null],
    ]);
    expect(freeSpans(paid, "2026-11-30", "RA-002")).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(freeSpans(paid, DATE, "RA-003")).toContain(0); // voluntary savings pay no day
  });
});

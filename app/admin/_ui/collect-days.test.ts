import { describe, expect, it } from "vitest";
import {
  daysOf,
  freeSpans,
  keptOnPhone,
  knowsAround,
  merged,
  monthSpans,
  monthsAround,
  monthsOfOpenDays,
  paidFromServer,
  reachOf,
  keptTally,
} from "./collect-days";
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

describe("the days the grid knows with no signal", () => {
  it("asks by whole calendar months: one stable address per month, whatever the date", () => {
    expect(monthSpans("2026-11-23", "2026-12-05")).toEqual([
      { from: "2026-11-01", to: "2026-11-30" },
      { from: "2026-12-01", to: "2026-12-31" },
    ]);
    expect(monthSpans("2028-02-10", "2028-02-10")).toEqual([{ from: "2028-02-01", to: "2028-02-29" }]);
    expect(monthSpans("2026-12-30", "2027-01-02").map((m) => m.to)).toEqual(["2026-12-31", "2027-01-31"]);
    // A date early in the month reaches back into the month before, and both are asked for.
    expect(monthsAround("2026-12-03").map((m) => m.from)).toEqual(["2026-11-01", "2026-12-01"]);
    expect(monthsAround("2026-11-15").map((m) => m.from)).toEqual(["2026-11-01"]);
    // The warm-up covers every month any open date's spans reach: the open month(s) and their edges.
    expect(monthsOfOpenDays({ from: "2026-11-01", to: "2026-12-03" }).map((m) => m.from)).toEqual([
      "2026-10-01",
      "2026-11-01",
      "2026-12-01",
    ]);
  });

  it("a date whose days were never synced is not known: its grid must not show everyone as unpaid", () => {
    const nov = paidFromServer("2026-11-01", "2026-11-30", [{ memberCode: "RA-001", day: "2026-11-29", seq: 9 }]);
    expect(knowsAround(nov, "2026-11-20")).toBe(true);
    // 29 November reaches to 5 December, which this phone never heard about.
    expect(knowsAround(nov, "2026-11-29")).toBe(false);
    const both = new Map([...nov, ...paidFromServer("2026-12-01", "2026-12-31", [])]);
    expect(knowsAround(both, "2026-11-29")).toBe(true);
    // Known per day: today's payer is not paid on another day just because the date changed.
    expect(both.get("2026-11-28")?.has("RA-001")).toBe(false);
    expect(both.get("2026-11-29")?.get("RA-001")).toBe(9);
  });

  it("the collection bar counts what was kept on the phone for the date: its members and its money", () => {
    const write = (key: string, date: string, lines: { memberCode: string; amount: number }[]): QueuedWrite => ({
      key,
      kind: "collection",
      input: { groupSlug: "g", date, idempotencyKey: key, lines },
      summary: key,
      queuedAt: "",
    });
    const queue: QueuedWrite[] = [
      write("a", DATE, [
        { memberCode: "RA-002", amount: 5_000 },
        { memberCode: "RA-003", amount: 10_000 },
      ]),
      write("b", "2026-11-28", [{ memberCode: "RA-004", amount: 5_000 }]),
      write("c", DATE, [{ memberCode: "RA-005", amount: 5_000 }]),
      { key: "d", kind: "income", input: { date: DATE, amount: 9_000 }, summary: "d", queuedAt: "" },
    ];
    expect(keptTally(queue, DATE)).toEqual({ members: 3, amount: 20_000 });
    // Another date counts its own: the one kept for yesterday.
    expect(keptTally(queue, "2026-11-28")).toEqual({ members: 1, amount: 5_000 });
    expect(keptTally([], DATE)).toEqual({ members: 0, amount: 0 });
  });
});

import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, fromUtcMs, localDate, nextDateChange, toUtcMs } from "./dates";

describe("the next change of business date", () => {
  it("is the zone's next midnight, to the minute", () => {
    // 29 Nov 2026 10.00 WITA (UTC+8): the date changes at 30 Nov 00.00 WITA = 29 Nov 16.00 UTC.
    expect(nextDateChange(new Date("2026-11-29T02:00:00Z"), "Asia/Makassar").toISOString()).toBe(
      "2026-11-29T16:00:00.000Z",
    );
    expect(nextDateChange(new Date("2026-11-29T15:59:30Z"), "Asia/Makassar").toISOString()).toBe(
      "2026-11-29T16:00:00.000Z",
    );
    expect(nextDateChange(new Date("2026-11-29T16:00:00Z"), "Asia/Makassar").toISOString()).toBe(
      "2026-11-30T16:00:00.000Z",
    );
  });

  it("follows a zone's own offset and its daylight saving", () => {
    expect(nextDateChange(new Date("2026-11-29T02:00:00Z"), "Asia/Kolkata").toISOString()).toBe(
      "2026-11-29T18:30:00.000Z",
    );
    // Europe/Berlin on the night clocks go forward (29 Mar 2026): midnight is still UTC+1.
    const change = nextDateChange(new Date("2026-03-28T12:00:00Z"), "Europe/Berlin");
    expect(change.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(localDate(change, "Europe/Berlin")).toBe("2026-03-29");
  });
});

describe("calendar arithmetic", () => {
  it("agrees with the platform's calendar on every day of years 0001–0200 and 1800–2400", () => {
    const day = 86_400_000;
    const yearOne = new Date(0);
    yearOne.setUTCFullYear(1, 0, 1); // Date.UTC would read year 1 as 1901
    for (const [from, to] of [
      [yearOne.getTime(), yearOne.getTime() + 200 * 365 * day],
      [Date.UTC(1800, 0, 1), Date.UTC(2401, 0, 1)],
    ] as const)
      for (let ms = from; ms < to; ms += day) {
        const iso = new Date(ms).toISOString().slice(0, 10);
        if (fromUtcMs(ms) !== iso) expect(fromUtcMs(ms)).toBe(iso);
        if (toUtcMs(iso) !== ms) expect(toUtcMs(iso)).toBe(ms);
      }
  });

  it("adds months as the platform's calendar does, clamped to the month's last day", () => {
    const viaDate = (d: string, n: number) => {
      const [y, m, day] = d.split("-").map(Number) as [number, number, number];
      const first = new Date(Date.UTC(y, m - 1 + n, 1));
      const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
      return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, last)))
        .toISOString()
        .slice(0, 10);
    };
    for (let ms = Date.UTC(1999, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 86_400_000)
      for (const n of [-25, -13, -1, 0, 1, 2, 11, 12, 13, 120]) {
        const d = fromUtcMs(ms);
        if (addMonths(d, n) !== viaDate(d, n)) expect(addMonths(d, n)).toBe(viaDate(d, n));
      }
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2100-01-31", 1)).toBe("2100-02-28");
  });

  it("adds and counts days across months, leap days and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(daysBetween("2016-03-01", "2026-11-30")).toBe(3926);
  });
});

import { describe, expect, it } from "vitest";
import { localDate, nextDateChange } from "./dates";

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

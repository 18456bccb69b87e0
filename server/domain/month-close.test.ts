import { describe, expect, it } from "vitest";
import { addDays, monthOf } from "./dates";
import { firstOpenDay, graceClosesOn, isMonthClosed, monthCloseSeals, monthStanding, sealMadeOn } from "./month-close";

const TZ = "Asia/Makassar";
/** An instant at a WITA wall-clock time (UTC+8). */
const wita = (local: string) => new Date(`${local}+08:00`);

describe("closing a month", () => {
  it("the grace period runs through the 5th of the next month by default, across a year's end too", () => {
    expect(graceClosesOn("2026-01", 5)).toBe("2026-02-06");
    expect(graceClosesOn("2026-12", 5)).toBe("2027-01-06");
    expect(graceClosesOn("2026-02", 0)).toBe("2026-03-01");
    expect(monthStanding("2026-01", "2026-01-31", 5)).toBe("open");
    expect(monthStanding("2026-01", "2026-02-01", 5)).toBe("grace");
    expect(monthStanding("2026-01", "2026-02-05", 5)).toBe("grace");
    expect(monthStanding("2026-01", "2026-02-06", 5)).toBe("closed");
    expect(monthStanding("2026-01", "2026-02-01", 0)).toBe("closed");
    expect(monthStanding("2025-12", "2026-01-03", 5)).toBe("grace");
    expect(monthStanding("2025-11", "2026-01-03", 5)).toBe("closed");
  });

  it("closes at the group's midnight after the 5th, not UTC's", () => {
    const f = { timeZone: TZ, graceDays: 5, countersignedAt: null };
    expect(isMonthClosed("2026-01", wita("2026-02-05T23:59:00"), f)).toBe(false);
    expect(isMonthClosed("2026-01", wita("2026-02-06T00:00:00"), f)).toBe(true);
    // 5 Feb 23:00 UTC is already 6 Feb 07:00 WITA.
    expect(isMonthClosed("2026-01", new Date("2026-02-05T23:00:00Z"), f)).toBe(true);
  });

  it("a countersignature closes the month at once, and not before it was made", () => {
    const signed = { timeZone: TZ, graceDays: 5, countersignedAt: wita("2026-02-02T09:00:00").toISOString() };
    expect(isMonthClosed("2026-01", wita("2026-02-02T08:59:00"), signed)).toBe(false);
    expect(isMonthClosed("2026-01", wita("2026-02-02T09:00:00"), signed)).toBe(true);
    // The running month cannot be closed by anyone.
    expect(isMonthClosed("2026-02", wita("2026-02-02T10:00:00"), signed)).toBe(false);
  });

  describe("the month's seal", () => {
    const e = (seq: number, local: string, businessDate = local.slice(0, 10)) => ({
      seq,
      hash: `h${seq}`,
      recordedAt: wita(local).toISOString(),
      businessDate,
    });
    const entries = [
      e(1, "2026-01-10T10:00:00"),
      e(2, "2026-01-31T23:59:00"),
      e(3, "2026-02-03T10:00:00", "2026-01-31"), // back-dated into January, inside the grace period
      e(4, "2026-02-05T23:59:00"),
      e(5, "2026-02-06T00:00:00"), // the first entry after January closed
      e(6, "2026-03-02T10:00:00"),
    ];
    const opts = (now: string) => ({ timeZone: TZ, graceDays: 5, fromMonth: "2025-12", now: wita(now) });

    it("is the head just before the first entry recorded after the close; provisional until then", () => {
      expect(monthCloseSeals(entries.slice(0, 4), [], opts("2026-02-05T23:59:30"))).toEqual([
        { month: "2026-01", seq: 4, hash: "h4", closed: false, closesOn: "2026-02-06", laterDated: 0 },
        { month: "2026-02", seq: 4, hash: "h4", closed: false, closesOn: "2026-03-06", laterDated: 0 },
      ]);
      expect(monthCloseSeals(entries, [], opts("2026-03-02T12:00:00"))).toEqual([
        // January's seal holds entry 4, dated 5 February (typed in the grace days); entry 3 is dated January.
        { month: "2026-01", seq: 4, hash: "h4", closed: true, closesOn: "2026-02-06", laterDated: 1 },
        { month: "2026-02", seq: 6, hash: "h6", closed: false, closesOn: "2026-03-06", laterDated: 0 },
        { month: "2026-03", seq: 6, hash: "h6", closed: false, closesOn: "2026-04-06", laterDated: 0 },
      ]);
      // With no entry after the close, the head is the seal; later entries never move it.
      expect(monthCloseSeals(entries.slice(0, 2), [], opts("2026-04-01T00:00:00"))[0]).toMatchObject({
        seq: 2,
        laterDated: 0,
      });
      expect(monthCloseSeals(entries, [], opts("2026-12-01T00:00:00"))[0]).toMatchObject({ seq: 4, closed: true });
    });

    it("is the countersigned entry when the pengawas closed the month inside its grace period", () => {
      const sig = { month: "2026-01", seq: 3, hash: "h3", at: wita("2026-02-03T11:00:00").toISOString() };
      expect(monthCloseSeals(entries, [sig], opts("2026-03-02T12:00:00"))[0]).toEqual({
        month: "2026-01",
        seq: 3,
        hash: "h3",
        closed: true,
        closesOn: "2026-02-06",
        laterDated: 0, // entry 3, typed in February, is dated January
      });
      // Signed after the grace period had closed it: the seal stays the one at the close.
      const late = { ...sig, seq: 4, hash: "h4", at: wita("2026-02-20T11:00:00").toISOString() };
      expect(monthCloseSeals(entries, [late], opts("2026-03-02T12:00:00"))[0]).toMatchObject({ seq: 4 });
    });

    it("a month closed before anything was recorded has none", () => {
      const late = [e(1, "2026-03-02T10:00:00")];
      expect(monthCloseSeals(late, [], opts("2026-03-02T12:00:00")).map((s) => s.month)).toEqual([
        "2026-02",
        "2026-03",
      ]);
    });
  });
});

describe("the first day still open", () => {
  const base = { graceDays: 5, previousMonthCountersigned: false, closedThrough: null, foundedOn: "2024-01-01" };

  it("is the first of the month just finished through its grace days, then the first of this month", () => {
    expect(firstOpenDay({ ...base, today: "2026-02-01" })).toBe("2026-01-01");
    expect(firstOpenDay({ ...base, today: "2026-02-05" })).toBe("2026-01-01");
    expect(firstOpenDay({ ...base, today: "2026-02-06" })).toBe("2026-02-01");
    expect(firstOpenDay({ ...base, today: "2026-01-03" })).toBe("2025-12-01");
    expect(firstOpenDay({ ...base, today: "2026-02-03", graceDays: 0 })).toBe("2026-02-01");
  });

  it("a countersignature, the group's founding and a closed year move it later; never after today", () => {
    expect(firstOpenDay({ ...base, today: "2026-02-03", previousMonthCountersigned: true })).toBe("2026-02-01");
    expect(firstOpenDay({ ...base, today: "2026-02-03", foundedOn: "2026-01-20" })).toBe("2026-01-20");
    expect(firstOpenDay({ ...base, today: "2026-01-03", closedThrough: "2025-12-31" })).toBe("2026-01-01");
    expect(firstOpenDay({ ...base, today: "2026-01-03", foundedOn: "2026-01-05" })).toBe("2026-01-03");
  });

  it("agrees with the rule the ledger enforces, day by day over two years", () => {
    for (let today = "2025-01-01"; today <= "2026-12-31"; today = addDays(today, 1))
      for (const graceDays of [0, 5, 20]) {
        const first = firstOpenDay({ ...base, today, graceDays });
        expect(monthStanding(monthOf(first), today, graceDays)).not.toBe("closed");
        expect(monthStanding(monthOf(addDays(first, -1)), today, graceDays)).toBe("closed");
      }
  });
});

describe("the day a month's seal was made", () => {
  const closesOn = graceClosesOn("2026-11", 5);
  it("is the grace period's last day, in the next month, when nobody closed the month earlier", () => {
    expect(sealMadeOn({ closesOn, countersigned: null })).toBe("2026-12-05");
    // A countersignature after the close does not move the seal.
    expect(sealMadeOn({ closesOn, countersigned: { on: "2026-12-09" } })).toBe("2026-12-05");
  });
  it("is the countersignature's day when the pengawas closed the month early", () => {
    expect(sealMadeOn({ closesOn, countersigned: { on: "2026-12-02" } })).toBe("2026-12-02");
  });
});

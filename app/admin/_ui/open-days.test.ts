import { describe, expect, it } from "vitest";
import { errorMessage } from "@/server/i18n/errors";
import { dateCheck, keepOpenDays, lastOpenDays } from "./open-days";

const OPEN = { from: "2026-02-01", to: "2026-02-10" };

describe("a write's date, checked on the phone as the server will", () => {
  it("takes today and any day back to the first open day; refuses the future and a closed month in the server's words", () => {
    expect(dateCheck("date", "2026-02-10", OPEN)).toEqual(["date", null]);
    expect(dateCheck("date", "2026-02-01", OPEN)).toEqual(["date", null]);
    expect(dateCheck("date", "2026-02-11", OPEN)).toEqual(["date", "date_in_future", { today: "2026-02-10" }]);
    expect(dateCheck("date", "2026-01-31", OPEN)).toEqual(["date", "month_closed", { month: "2026-01" }]);
    expect(dateCheck("date", "", OPEN)).toEqual(["date", "date_invalid"]);
    // A group founded this month: before its founding, not a closed month.
    expect(dateCheck("date", "2026-02-03", { from: "2026-02-05", to: "2026-02-10" })[1]).toBe("date_before_founding");
    const [, code, params] = dateCheck("date", "2026-01-31", OPEN);
    expect(errorMessage(code!, params ?? {}, "id")).toContain("sudah ditutup");
    expect(errorMessage(code!, params ?? {}, "en")).toContain("is closed");
  });
});

describe("the open days kept on the phone", () => {
  const store = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
  };

  it("gives back the last first open day, today by the phone's clock in WITA (never before the server's today)", () => {
    const s = store();
    expect(lastOpenDays(s, "ratu-damai", "Asia/Makassar")).toBeNull();
    keepOpenDays(s, "ratu-damai", OPEN);
    // 11 Feb 01:00 WITA is still 10 Feb in UTC: the group's day counts.
    expect(lastOpenDays(s, "ratu-damai", "Asia/Makassar", new Date("2026-02-10T17:00:00Z"))).toEqual({
      from: "2026-02-01",
      to: "2026-02-11",
    });
    // A phone clock behind: the server's today stays.
    expect(lastOpenDays(s, "ratu-damai", "Asia/Makassar", new Date("2026-02-01T00:00:00Z"))).toEqual(OPEN);
    expect(lastOpenDays(s, "other-group", "Asia/Makassar")).toBeNull();
  });

  it("ignores what is not a pair of dates", () => {
    const s = store();
    s.m.set("kt-hari-terbuka:ratu-damai", "{not json");
    expect(lastOpenDays(s, "ratu-damai", "Asia/Makassar")).toBeNull();
    s.m.set("kt-hari-terbuka:ratu-damai", JSON.stringify({ from: 5, to: "2026-02-10" }));
    expect(lastOpenDays(s, "ratu-damai", "Asia/Makassar")).toBeNull();
  });
});

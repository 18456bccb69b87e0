import { describe, expect, it } from "vitest";
import { formatDecimal, formatNumber, formatPct, formatShortRupiah, formatWait } from "./format";

describe("short figures on charts", () => {
  it("Indonesian pages: decimal comma, jt and rb; English pages: M and k", () => {
    expect(formatShortRupiah(163_800_000, "id")).toBe("163,8 jt");
    expect(formatShortRupiah(163_800_000, "en")).toBe("163.8M");
    expect(formatShortRupiah(60_000_000, "id")).toBe("60 jt");
    expect(formatShortRupiah(5_000, "id")).toBe("5 rb");
    expect(formatShortRupiah(5_000, "en")).toBe("5k");
    expect(formatShortRupiah(1_250_000_000, "id")).toBe("1,3 M");
    expect(formatShortRupiah(800, "en")).toBe("800");
  });
  it("a wait in words", () => {
    expect(formatWait(20, "id")).toBe("20 detik");
    expect(formatWait(1, "en")).toBe("1 second");
    expect(formatWait(600, "id")).toBe("10 menit");
  });
});

describe("decimals and percentages", () => {
  it("a decimal comma in Indonesian, a point in English, the digits asked for", () => {
    expect(formatDecimal(2.2, "id", 2)).toBe("2,20");
    expect(formatDecimal(2.2, "en", 2)).toBe("2.20");
    expect(formatDecimal(1.75, "id", 1)).toBe("1,8");
    expect(formatPct(0.2597, "id", 2)).toBe("25,97%");
    expect(formatPct(0.2597, "en", 0)).toBe("26%");
    expect(formatPct(null, "en")).toBe("–");
  });
  it("a number as it is read: grouped, at most the decimals asked for, no trailing zeros", () => {
    expect(formatNumber(1234.5, "id")).toBe("1.234,5");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatNumber(25, "id")).toBe("25");
    expect(formatNumber(12.345, "en", 2)).toBe("12.35");
    expect(formatNumber(-0.001, "id")).toBe("0");
    expect(formatNumber(-7.25, "id")).toBe("-7,25");
  });
});

import { describe, expect, it } from "vitest";
import { formatShortRupiah, formatWait } from "./format";

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

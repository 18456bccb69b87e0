import { describe, expect, it } from "vitest";
import { DEFAULT_REFERENCE_TERMS } from "./compare";
import { parseCompareQuery, parseHundredths, parseRupiah } from "./params";

const D = {
  amount: 1_000_000,
  months: 4,
  ksm: { rateBpsPerMonth: 200, method: "flat" as const },
  terms: DEFAULT_REFERENCE_TERMS,
};

describe("calculator parameters", () => {
  it("reads rupiah with Indonesian or English separators, and decimals as text", () => {
    expect(parseRupiah("1.000.000", "amount")).toBe(1_000_000);
    expect(parseRupiah("2,500,000", "amount")).toBe(2_500_000);
    expect(parseHundredths("1,5", "x", 0, 10)).toBe(150);
    expect(parseHundredths("0.29", "x", 0, 10)).toBe(29); // no 28.999…
  });
  it("uses the defaults when a parameter is absent", () => {
    expect(parseCompareQuery({}, D)).toMatchObject({
      amount: 1_000_000,
      months: 4,
      ijonRatioPct: 200,
      kurAnnualRateBps: 600,
    });
    expect(parseCompareQuery({ ijonRatio: "2,5", rentenirPeriod: "day" }, D)).toMatchObject({
      ijonRatioPct: 250,
      rentenir: { period: "day" },
    });
  });
  it.each([
    [{ amount: "-5" }, "amount", "param_not_whole_number"],
    [{ amount: "1e6" }, "amount", "param_not_whole_number"],
    [{ amount: "5000" }, "amount", "param_out_of_range"],
    [{ months: "0" }, "months", "param_out_of_range"],
    [{ months: "4.5" }, "months", "param_not_whole_number"],
    [{ ksmRatePct: "abc" }, "ksmRatePct", "param_not_decimal"],
    [{ ksmMethod: "bunga-berbunga" }, "ksmMethod", "param_not_allowed"],
    [{ ijonRatio: "0.5" }, "ijonRatio", "param_out_of_range"],
    [{ rentenirPeriod: "year" }, "rentenirPeriod", "param_not_allowed"],
    [{ kurRatePct: "1.234" }, "kurRatePct", "param_not_decimal"],
    [{ amount: ["1", "2"] }, "amount", "param_repeated"],
  ])("refuses %j naming %s", (q, field, code) => {
    expect(() => parseCompareQuery(q, D)).toThrow(expect.objectContaining({ field, code }));
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cashBookMonth } from "./cash-book";

const e = (seq: number, date: string, postings: [string, number][]) => ({ seq, date, postings });

describe("the cash book's Masuk, Keluar and Saldo", () => {
  it("runs cash and bank from the month's opening, in date then number order", () => {
    const book = cashBookMonth({ cash: 100_000, bank: 2_000_000 }, [
      e(12, "2026-11-03", [
        ["cash", -50_000],
        ["bank", 50_000],
      ]), // setor ke bank
      e(10, "2026-11-02", [
        ["cash", 30_000],
        ["savings_mandatory", -30_000],
      ]), // simpanan
      e(11, "2026-11-02", [
        ["cash", -250_000],
        ["loans_receivable", 250_000],
      ]), // pinjaman cair
      e(13, "2026-11-01", [
        ["bank", 1_500],
        ["other_income", -1_500],
      ]), // bunga bank, typed later for an earlier day
      e(14, "2026-11-04", [
        ["loans_receivable", -5_000],
        ["write_off", 5_000],
      ]), // no money moves
    ]);
    expect(book.lines.map((l) => l.seq)).toEqual([13, 10, 11, 12, 14]);
    expect(book.lines.map((l) => [l.in, l.out, l.held])).toEqual([
      [
        { cash: 0, bank: 1_500 },
        { cash: 0, bank: 0 },
        { cash: 100_000, bank: 2_001_500 },
      ],
      [
        { cash: 30_000, bank: 0 },
        { cash: 0, bank: 0 },
        { cash: 130_000, bank: 2_001_500 },
      ],
      [
        { cash: 0, bank: 0 },
        { cash: 250_000, bank: 0 },
        { cash: -120_000, bank: 2_001_500 },
      ],
      [
        { cash: 0, bank: 50_000 },
        { cash: 50_000, bank: 0 },
        { cash: -170_000, bank: 2_051_500 },
      ],
      [
        { cash: 0, bank: 0 },
        { cash: 0, bank: 0 },
        { cash: -170_000, bank: 2_051_500 },
      ],
    ]);
    expect(book.totalIn).toEqual({ cash: 30_000, bank: 51_500 });
    expect(book.totalOut).toEqual({ cash: 300_000, bank: 0 });
    expect(book.closing).toEqual({ cash: -170_000, bank: 2_051_500 });
  });

  it("never shows a negative Masuk or Keluar, and the closing is the opening plus the month's postings", () => {
    const posting = fc.tuple(fc.constantFrom("cash", "bank", "savings_mandatory"), fc.integer({ min: -1e7, max: 1e7 }));
    const entry = fc.record({
      seq: fc.integer({ min: 1, max: 1e6 }),
      date: fc.integer({ min: 1, max: 30 }).map((d) => `2026-11-${String(d).padStart(2, "0")}`),
      postings: fc.array(posting, { maxLength: 4 }),
    });
    const opening = fc.record({ cash: fc.integer({ min: 0, max: 1e8 }), bank: fc.integer({ min: 0, max: 1e9 }) });
    fc.assert(
      fc.property(opening, fc.array(entry, { maxLength: 30 }), (open, entries) => {
        const book = cashBookMonth(open, entries);
        for (const a of ["cash", "bank"] as const) {
          const sum = entries.flatMap((x) => x.postings).reduce((s, [k, v]) => (k === a ? s + v : s), 0);
          expect(book.closing[a]).toBe(open[a] + sum);
          expect(book.closing[a]).toBe(open[a] + book.totalIn[a] - book.totalOut[a]);
          let held = open[a];
          for (const l of book.lines) {
            expect(l.in[a]).toBeGreaterThanOrEqual(0);
            expect(l.out[a]).toBeGreaterThanOrEqual(0);
            expect(l.in[a] * l.out[a]).toBe(0);
            held += l.in[a] - l.out[a];
            expect(l.held[a]).toBe(held);
          }
        }
      }),
    );
  });

  it("refuses amounts that are not whole rupiah", () => {
    expect(() => cashBookMonth({ cash: 0.5, bank: 0 }, [])).toThrow(RangeError);
    expect(() => cashBookMonth({ cash: 0, bank: 0 }, [e(1, "2026-11-01", [["cash", 1.5]])])).toThrow(RangeError);
  });
});

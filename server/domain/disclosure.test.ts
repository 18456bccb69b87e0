import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellsToHide, disclose, recoverable, suppressShare, suppressSmall, type Table } from "./disclosure";

const count = (n: number, known = false) => ({ value: n, basedOn: n, known });

describe("a share of members (drop-out, retention)", () => {
  it("is hidden when the part, the rest or the whole is 1–4 members, unless the part is on the ledger", () => {
    expect(suppressShare(1, 25)).toEqual({ value: null, suppressed: true }); // 4,0 % of 25 is 1
    expect(suppressShare(21, 25)).toEqual({ value: null, suppressed: true }); // the 4 others
    expect(suppressShare(0, 4)).toEqual({ value: null, suppressed: true }); // 4 members at the start
    expect(suppressShare(5, 25)).toEqual({ value: 0.2, suppressed: false });
    expect(suppressShare(0, 25)).toEqual({ value: 0, suppressed: false });
    expect(suppressShare(0, 0)).toEqual({ value: null, suppressed: false });
    expect(suppressShare(1, 25, true)).toEqual({ value: 0.04, suppressed: false });
    expect(suppressShare(1, 3, true)).toEqual({ value: null, suppressed: true });
  });
});

describe("the disclosure rule", () => {
  it("hides a cell drawn from one to four, never zero or five", () => {
    expect(suppressSmall(123, 4)).toEqual({ value: null, suppressed: true });
    expect(suppressSmall(123, 1)).toEqual({ value: null, suppressed: true });
    expect(suppressSmall(123, 5)).toEqual({ value: 123, suppressed: false });
    expect(suppressSmall(0, 0)).toEqual({ value: 0, suppressed: false });
  });

  it("hides the next-smallest part with a small one, so the total less the others gives nothing away", () => {
    // "Anggota aktif 7, Perempuan 6, Laki-laki < 5" → men = 1, unless women are hidden too.
    const t: Table = {
      cells: { all: count(7, true), women: count(6), men: count(1) },
      breakdowns: [{ total: "all", parts: ["women", "men"] }],
    };
    expect(recoverable(t, disclose(t, { complementary: false }))).toEqual([{ cell: "men", value: 1 }]);
    expect([...cellsToHide(t)].sort()).toEqual(["men", "women"]);
    expect(recoverable(t, disclose(t))).toEqual([]);
  });

  it("picks the smallest other part, never one anyone can count elsewhere", () => {
    const t: Table = {
      cells: { all: count(29, true), a: count(2), b: count(9), c: count(10), d: count(8, true) },
      breakdowns: [{ total: "all", parts: ["a", "b", "c", "d"] }],
    };
    expect([...cellsToHide(t)].sort()).toEqual(["a", "b"]);
  });

  it("hides the zero parts with a small one, so the pattern does not say which hidden part is small", () => {
    const purposes = (kopi: number, kemiri: number): Table => ({
      cells: {
        all: count(kopi + kemiri, true),
        kopi: count(kopi),
        kemiri: count(kemiri),
        ternak: count(0),
        rumah: count(0),
      },
      breakdowns: [{ total: "all", parts: ["kopi", "kemiri", "ternak", "rumah"] }],
    });
    // One loan for kopi, or one for kemiri: the same cells hidden, so the reader cannot tell which.
    expect([...cellsToHide(purposes(1, 0))].sort()).toEqual(["kemiri", "kopi", "rumah", "ternak"]);
    expect([...cellsToHide(purposes(0, 1))]).toHaveLength(4);
    // Two purposes with one loan each: were only those two hidden, each would have to be 1.
    expect([...cellsToHide(purposes(1, 1))]).toHaveLength(4);
  });

  it("hides the total when no other part can be hidden", () => {
    const t: Table = {
      cells: { all: count(3), only: count(3), pub: count(0, true) },
      breakdowns: [{ total: "all", parts: ["only", "pub"] }],
    };
    expect([...cellsToHide(t)].sort()).toEqual(["all", "only"]);
  });

  it("follows linked breakdowns: a cell hidden second in one is protected in the next", () => {
    // "active loans 1, running 0, late hidden" → the one borrower is late, unless running is hidden too.
    const issue: Table = {
      cells: { active: count(1, true), running: count(0), late: count(1) },
      breakdowns: [{ total: "active", parts: ["running", "late"] }],
    };
    expect(recoverable(issue, disclose(issue, { complementary: false }))).toEqual([{ cell: "late", value: 1 }]);
    expect([...cellsToHide(issue)].sort()).toEqual(["late", "running"]);
    // standing 8 (known) = active 1 + repaid 7 + written off 0 (known); active = running 0 + late 1.
    const t: Table = {
      cells: {
        standing: count(8, true),
        active: count(1),
        repaid: count(7),
        writtenOff: count(0, true),
        running: count(0),
        late: count(1),
      },
      breakdowns: [
        { total: "standing", parts: ["active", "repaid", "writtenOff"] },
        { total: "active", parts: ["running", "late"] },
      ],
    };
    expect([...cellsToHide(t)].sort()).toEqual(["active", "late", "repaid", "running"]);
    expect(recoverable(t, disclose(t))).toEqual([]);
    expect(recoverable(t, disclose(t, { complementary: false }))).toEqual([
      { cell: "active", value: 1 },
      { cell: "late", value: 1 },
    ]);
  });

  it("recovers what every subtraction gives, over linked breakdowns", () => {
    const t: Table = {
      cells: { total: count(10, true), a: count(6), b: count(4), b1: count(3), b2: count(1) },
      breakdowns: [
        { total: "total", parts: ["a", "b"] },
        { total: "b", parts: ["b1", "b2"] },
      ],
    };
    // b hidden, b2 hidden: b = 10 − 6, then b2 = b − 3.
    const shown = {
      total: disclose(t).total!,
      a: { value: 6, suppressed: false as const },
      b1: { value: 3, suppressed: false as const },
    };
    expect(
      recoverable(t, { ...shown, b: { value: null, suppressed: true }, b2: { value: null, suppressed: true } }),
    ).toEqual([
      { cell: "b", value: 4 },
      { cell: "b2", value: 1 },
    ]);
  });

  it("leaves nothing to recover in any two-level table (a known total, its parts, one part split again)", () => {
    const counts = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(counts, counts, (top, split) => {
        const cells: Record<string, Table["cells"][string]> = {};
        top.forEach((n, i) => {
          cells[`p${i}`] = count(i === 0 ? split.reduce((a, b) => a + b, 0) : n);
        });
        split.forEach((n, i) => {
          cells[`s${i}`] = count(n);
        });
        cells.all = count(
          top.reduce((a, _, i) => a + cells[`p${i}`]!.value, 0),
          true,
        );
        const t: Table = {
          cells,
          breakdowns: [
            { total: "all", parts: top.map((_, i) => `p${i}`) },
            { total: "p0", parts: split.map((_, i) => `s${i}`) },
          ],
        };
        expect(recoverable(t, disclose(t))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

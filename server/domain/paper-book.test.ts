import { describe, expect, it } from "vitest";
import { csvRows, parsePercentBps, parseRupiah, readPaperBook } from "./paper-book";

describe("reading the paper book's files", () => {
  it("reads CSV as spreadsheets write it: BOM, CRLF, quoted commas, quotes and line breaks", () => {
    expect(
      csvRows('\uFEFFkode,nama\r\nRD-001,"Goreti, Maria"\r\nRD-002,"Kata ""Ibu"""\r\nRD-003,"dua\nbaris"'),
    ).toEqual([
      ["kode", "nama"],
      ["RD-001", "Goreti, Maria"],
      ["RD-002", 'Kata "Ibu"'],
      ["RD-003", "dua\nbaris"],
    ]);
  });

  it("takes whole rupiah written 1.250.000 or 1250000, and nothing else", () => {
    expect(parseRupiah("1.250.000")).toBe(1_250_000);
    expect(parseRupiah("1250000")).toBe(1_250_000);
    expect(parseRupiah("Rp 50.000")).toBe(50_000);
    expect(parseRupiah(" 0 ")).toBe(0);
    for (const bad of ["1,250,000", "1.25", "12.50.000", "-5000", "lima ribu", "", "1.250.000,00", "2000000000"])
      expect(parseRupiah(bad), bad).toBeNull();
  });

  it("takes a monthly rate in percent as 2, 1,5 or 1.5 (basis points, at most 10 %)", () => {
    expect(parsePercentBps("2")).toBe(200);
    expect(parsePercentBps("1,5")).toBe(150);
    expect(parsePercentBps("1.25")).toBe(125);
    expect(parsePercentBps("2%")).toBe(200);
    for (const bad of ["11", "1,234", "dua", "", "-1"]) expect(parsePercentBps(bad), bad).toBeNull();
  });

  it("skips blank lines and reads headers whatever their case", () => {
    const r = readPaperBook(
      {
        saldo: "POS,Jumlah\ntanggal_peralihan,2026-10-31\n\nkas,0\ndana_sosial,0\n",
        anggota:
          "kode,nama,jenis_kelamin,tanggal_masuk,simpanan_pokok,simpanan_wajib,simpanan_sukarela\nrd-001,Ibu Satu,p,2020-01-01,0,0,0\n\n",
        pinjaman:
          "kode_anggota,tanggal_cair,pokok_awal,sisa_pokok,jasa_persen_per_bulan,metode,lama_bulan,angsuran_terbayar,tujuan\n",
      },
      { foundedOn: "2019-01-01", today: "2026-11-30", takenCodes: new Set() },
    );
    expect(r.ok && r.book.members.map((m) => [m.code, m.gender])).toEqual([["RD-001", "P"]]);
  });
});

describe("members' names in the paper book", () => {
  const files = (...names: string[]) => ({
    saldo: "pos,jumlah\ntanggal_peralihan,2026-10-31\nkas,0\ndana_sosial,0\n",
    anggota: [
      "kode,nama,jenis_kelamin,tanggal_masuk,simpanan_pokok,simpanan_wajib,simpanan_sukarela",
      ...names.map((n, i) => `RD-00${i + 1},"${n}",P,2020-01-01,0,0,0`),
    ].join("\n"),
    pinjaman:
      "kode_anggota,tanggal_cair,pokok_awal,sisa_pokok,jasa_persen_per_bulan,metode,lama_bulan,angsuran_terbayar,tujuan\n",
  });
  const group = { foundedOn: "2019-01-01", today: "2026-11-30", takenCodes: new Set<string>() };
  const problems = (r: ReturnType<typeof readPaperBook>) => (r.ok ? [] : r.problems.map((p) => [p.line, p.code]));

  it("refuses invisible characters and line breaks, as a typed name", () => {
    const r = readPaperBook(files("Maria\u200b Goreti", "Ana\u{E0041}", "Dua\nBaris", "Yoh\u202eanes"), group);
    expect(problems(r)).toEqual([
      [2, "name_invisible_chars"],
      [3, "name_invisible_chars"],
      [4, "name_invisible_chars"],
      [5, "name_invisible_chars"],
    ]);
  });

  it("asks for confirmation of names that look the same, in the book or already registered", () => {
    expect(problems(readPaperBook(files("Maria Goreti", "MARIA  goreti", "Theresia"), group))).toEqual([
      [3, "import_name_duplicate"],
    ]);
    const registered = { ...group, members: [{ code: "RD-100", fullName: "Theresia" }] };
    const r = readPaperBook(files("Maria Goreti", "theresia"), registered);
    expect(r.ok ? null : r.problems[0]).toMatchObject({
      line: 3,
      code: "import_name_duplicate",
      params: { value: "RD-100" },
    });
    const confirmed = readPaperBook(files("Maria Goreti", "MARIA  goreti"), { ...group, confirmedNames: true });
    expect(confirmed.ok && confirmed.book.members.map((m) => m.fullName)).toEqual(["Maria Goreti", "MARIA goreti"]);
  });
});

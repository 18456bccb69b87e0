import { describe, expect, it } from "vitest";
import { errorMessage } from "@/server/i18n/errors";
import {
  bookWord,
  csvRows,
  detectSeparator,
  parseBookDate,
  parsePercentBps,
  parseRupiah,
  readPaperBook,
} from "./paper-book";

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

const GROUP = { foundedOn: "2019-01-01", today: "2026-11-30", takenCodes: new Set<string>() };
const PINJAMAN_HEADER =
  "kode_anggota,tanggal_cair,pokok_awal,sisa_pokok,jasa_persen_per_bulan,metode,lama_bulan,angsuran_terbayar,tujuan";

describe("paper books as people have them", () => {
  it("sees the separator on the header line: a semicolon as an Indonesian spreadsheet writes, else a comma", () => {
    expect(detectSeparator("pos;jumlah\nkas;1.250.000")).toBe(";");
    expect(detectSeparator("\uFEFFpos,jumlah\nkas;x;y;z")).toBe(",");
    expect(detectSeparator('"a,b";c;d\n')).toBe(";"); // commas inside quotes are not separators
    expect(csvRows('kode;nama\r\nRD-001;"Goreti; Maria"\r\nRD-002;"Kata ""Ibu"""')).toEqual([
      ["kode", "nama"],
      ["RD-001", "Goreti; Maria"],
      ["RD-002", 'Kata "Ibu"'],
    ]);
  });

  it("reads dates written 05/10/2026 (day first) or 2026-10-05, and refuses days that do not exist", () => {
    expect(parseBookDate("05/10/2026")).toBe("2026-10-05");
    expect(parseBookDate("5/1/2026")).toBe("2026-01-05");
    expect(parseBookDate("31-10-2026")).toBe("2026-10-31");
    expect(parseBookDate(" 2026-10-05 ")).toBe("2026-10-05");
    for (const bad of ["31/02/2026", "10/2026", "2026/10/05", "05/10/26", "besok", ""])
      expect(parseBookDate(bad), bad).toBeNull();
  });

  it("reads headers and codes with capitals and spaces in the book's spelling", () => {
    expect(bookWord(" Biaya sekolah ")).toBe("biaya_sekolah");
    expect(bookWord("Dana-Sosial")).toBe("dana_sosial");
    expect(bookWord("Jasa persen per bulan")).toBe("jasa_persen_per_bulan");
  });

  it("reads a semicolon book with a BOM, capitals, spaces, quoted fields, decimal commas and dd/mm/yyyy dates", () => {
    const r = readPaperBook(
      {
        saldo: "\uFEFFPos;Jumlah\r\nTanggal peralihan;31/10/2026\r\nKas;Rp 1.250.000\r\nDana sosial;150.000\r\n",
        anggota:
          "Kode;Nama;Jenis kelamin;Tanggal masuk;Simpanan pokok;Simpanan wajib;Simpanan sukarela\r\n" +
          'rd-001;"Goreti; Maria ""Ibu""";p;01/03/2019;50.000;2.400.000;0\r\n',
        pinjaman:
          "Kode anggota;Tanggal cair;Pokok awal;Sisa pokok;Jasa persen per bulan;Metode;Lama bulan;Angsuran terbayar;Tujuan\r\n" +
          "RD-001;05/06/2026;2.000.000;1.200.000;1,5;Menurun;10;4;Biaya sekolah\r\n",
      },
      GROUP,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.book).toMatchObject({ cutOver: "2026-10-31", cash: 1_250_000, socialFund: 150_000 });
    expect(r.book.members[0]).toMatchObject({
      code: "RD-001",
      fullName: 'Goreti; Maria "Ibu"',
      joinedOn: "2019-03-01",
    });
    expect(r.book.loans[0]).toMatchObject({
      disbursedOn: "2026-06-05",
      principal: 2_000_000,
      principalOutstanding: 1_200_000,
      rateBpsPerMonth: 150,
      method: "declining",
      purpose: "biaya_sekolah",
    });
  });

  const commaBook = (loanLine: string) => ({
    saldo: "pos,jumlah\ntanggal_peralihan,2026-10-31\nkas,0\ndana_sosial,0\n",
    anggota:
      "kode,nama,jenis_kelamin,tanggal_masuk,simpanan_pokok,simpanan_wajib,simpanan_sukarela\nRD-001,Ibu Satu,P,2020-01-01,0,0,0\n",
    pinjaman: `${PINJAMAN_HEADER}\n${loanLine}\n`,
  });

  it("takes the rate's unquoted decimal comma in a comma-separated file (1,5 as the README writes it)", () => {
    const r = readPaperBook(commaBook("RD-001,2026-06-05,1000000,800000,1,5,menurun,5,1,ternak"), GROUP);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.book.loans[0]).toMatchObject({ rateBpsPerMonth: 150, method: "declining", termMonths: 5 });
  });

  it("refuses a row with more cells than its header, saying so once (not as misread columns)", () => {
    const r = readPaperBook(commaBook("RD-001,2026-06-05,1.000.000,800,000,2,menurun,5,1,ternak"), GROUP);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { file: "pinjaman.csv", line: 2, column: "", code: "import_row_cells", params: { cells: 10, columns: 9 } },
    ]);
  });

  it("says which separator it saw when the header is wrong, and what it expected", () => {
    const r = readPaperBook(
      {
        ...commaBook(""),
        saldo: "pos\tjumlah\ntanggal_peralihan\t2026-10-31\n",
        anggota: "kode;nama;jenis_kelamin;tanggal_masuk;simpanan_pokok;simpanan_wajib\n",
      },
      GROUP,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.file}:${p.code}`)).toEqual([
      "saldo.csv:import_header",
      "anggota.csv:import_header",
    ]);
    const [saldo, anggota] = r.problems;
    expect(saldo).toMatchObject({ file: "saldo.csv", line: 1, code: "import_header", params: { separator: "," } });
    expect(errorMessage(saldo!.code, saldo!.params!, "id")).toContain("koma (,)");
    expect(errorMessage(saldo!.code, saldo!.params!, "id")).toContain("harus: pos,jumlah");
    expect(anggota).toMatchObject({ file: "anggota.csv", line: 1, column: "simpanan_sukarela", code: "import_header" });
    const said = errorMessage(anggota!.code, anggota!.params!, "id");
    expect(said).toContain("titik koma (;)");
    expect(said).toContain(
      "harus: kode;nama;jenis_kelamin;tanggal_masuk;simpanan_pokok;simpanan_wajib;simpanan_sukarela",
    );
  });

  it("does not take an object's own words for a method", () => {
    const r = readPaperBook(commaBook("RD-001,2026-06-05,1000000,800000,2,constructor,5,1,ternak"), GROUP);
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(["import_method_unknown"]);
  });
});

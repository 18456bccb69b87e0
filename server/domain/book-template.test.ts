import { describe, expect, it } from "vitest";
import { bookTemplateCsv, bookTemplateRows } from "./book-template";
import { BOOK_FILES, csvRows, readPaperBook } from "./paper-book";

const GROUP = { foundedOn: "2019-01-01", today: "2026-11-30", takenCodes: new Set<string>() };

describe("the paper book's templates", () => {
  it("are read by the importer as they are downloaded: two example members, two example loans", () => {
    const r = readPaperBook(
      { saldo: bookTemplateCsv("saldo"), anggota: bookTemplateCsv("anggota"), pinjaman: bookTemplateCsv("pinjaman") },
      GROUP,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.book).toMatchObject({ cutOver: "2026-10-31", cash: 1_250_000, bank: 8_000_000, socialFund: 150_000 });
    expect(r.book.members.map((m) => m.code)).toEqual(["CONTOH-01", "CONTOH-02"]);
    expect(r.book.members.every((m) => m.fullName.startsWith("Contoh "))).toBe(true);
    expect(r.book.loans.map((l) => [l.memberCode, l.rateBpsPerMonth, l.method, l.purpose])).toEqual([
      ["CONTOH-01", 200, "flat", "kopi"],
      ["CONTOH-02", 150, "declining", "biaya_sekolah"],
    ]);
  });

  it("are written as an Indonesian spreadsheet writes them: BOM, semicolons, CRLF, the importer's header", () => {
    for (const f of Object.keys(BOOK_FILES) as (keyof typeof BOOK_FILES)[]) {
      const csv = bookTemplateCsv(f);
      expect(csv.startsWith("\uFEFF")).toBe(true);
      expect(csv.split("\r\n")[0]).toBe(`\uFEFF${BOOK_FILES[f].join(";")}`);
      expect(csvRows(csv)).toEqual(bookTemplateRows(f));
    }
  });
});

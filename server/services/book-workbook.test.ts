import { describe, expect, it } from "vitest";
import { bookTemplateRows } from "@/server/domain/book-template";
import { readPaperBook } from "@/server/domain/paper-book";
import { sheetName, templateWorkbook, workbookTables } from "./book-workbook";

describe("the template workbook", () => {
  it("is read back by the importer: the three sheets, the same rows as the CSV templates", async () => {
    const read = await workbookTables(await templateWorkbook());
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.tables.anggota).toEqual(bookTemplateRows("anggota"));
    expect(read.tables.pinjaman).toEqual(bookTemplateRows("pinjaman"));
    const r = readPaperBook(
      read.tables,
      { foundedOn: "2019-01-01", today: "2026-11-30", takenCodes: new Set() },
      sheetName,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.book.members).toHaveLength(2);
    expect(r.book.loans).toHaveLength(2);
  });
});

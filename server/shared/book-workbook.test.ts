import { describe, expect, it } from "vitest";
import { bookTemplateRows } from "@/server/domain/book-template";
import { readPaperBook } from "@/server/domain/paper-book";
import {
  sheetName,
  templateWorkbook,
  unpacksWithin,
  WORKBOOK_MAX_UNPACKED,
  workbookTables,
} from "@/server/shared/book-workbook";

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

describe("a workbook that unpacks to too much", () => {
  it("is refused before the reader unpacks it, by what it unpacks to, whatever it says", async () => {
    const { default: writeXlsxFile } = await import("write-excel-file/node");
    const template = await templateWorkbook();
    expect(unpacksWithin(template, WORKBOOK_MAX_UNPACKED)).toBe(true);
    // The template's three sheets and a fourth, "catatan", of 25 MB that packs to a few kilobytes.
    const line = "a".repeat(25_000);
    const bomb = await writeXlsxFile([
      ...(["saldo", "anggota", "pinjaman"] as const).map((f) => ({ sheet: f, data: bookTemplateRows(f) })),
      { sheet: "catatan", data: Array.from({ length: 1000 }, (_, i) => [`${i}${line}`]) },
    ]).toBuffer();
    expect(bomb.length).toBeLessThan(WORKBOOK_MAX_UNPACKED / 100);
    expect(unpacksWithin(bomb, WORKBOOK_MAX_UNPACKED)).toBe(false);
    const read = await workbookTables(bomb);
    expect(!read.ok && read.problems.map((p) => p.code)).toEqual(["import_workbook_unreadable"]);
    // Not a zip at all, or cut short.
    expect(unpacksWithin(new TextEncoder().encode("kode;nama\n"), WORKBOOK_MAX_UNPACKED)).toBe(false);
    expect(unpacksWithin(template.subarray(0, 200), WORKBOOK_MAX_UNPACKED)).toBe(false);
  });
});

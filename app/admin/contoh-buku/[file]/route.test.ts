import { describe, expect, it } from "vitest";
import { readPaperBook } from "@/server/domain/paper-book";
import { workbookTables } from "@/server/shared/book-workbook";
import { GET } from "./route";

const get = (file: string) =>
  GET(new Request(`http://x/admin/contoh-buku/${file}`), { params: Promise.resolve({ file }) });
const GROUP = { foundedOn: "2019-01-01", today: "2026-11-30", takenCodes: new Set<string>() };

describe("the templates as downloaded from the Pindah dari buku tab", () => {
  it("serves the three CSV files, which the importer reads as they come", async () => {
    const [saldo, anggota, pinjaman] = await Promise.all(
      ["contoh-saldo.csv", "contoh-anggota.csv", "contoh-pinjaman.csv"].map(async (f) => {
        const res = await get(f);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${f}"`);
        return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
      }),
    );
    const r = readPaperBook({ saldo: saldo!, anggota: anggota!, pinjaman: pinjaman! }, GROUP);
    expect(r.ok && [r.book.members.length, r.book.loans.length]).toEqual([2, 2]);
  });

  it("serves the workbook, which the importer reads too, and nothing else", async () => {
    const res = await get("contoh-buku.xlsx");
    expect(res.status).toBe(200);
    const read = await workbookTables(new Uint8Array(await res.arrayBuffer()));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const r = readPaperBook(read.tables, GROUP);
    expect(r.ok && [r.book.members.length, r.book.loans.length]).toEqual([2, 2]);
    expect((await get("..%2Fpackage.json")).status).toBe(404);
    expect((await get("saldo.csv")).status).toBe(404);
  });
});

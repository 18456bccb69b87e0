/**
 * A paper book kept as one Excel workbook (`.xlsx`): three sheets named as the three CSV files
 * (saldo, anggota, pinjaman), read into the same tables the CSV files give. The library
 * (read-excel-file) is loaded only when a workbook is given. Numbers are taken as the text the
 * file stores (never through a float), dates as YYYY-MM-DD; the importer's parser does the rest.
 * Also writes the downloadable template workbook (write-excel-file), loaded only when asked.
 */
import { BOOK_FILES, type BookFile, type BookProblem, type BookTables, bookWord } from "@/server/domain/paper-book";
import { inflateRawSync } from "node:zlib";
import { bookTemplateRows } from "@/server/domain/book-template";

/** How a workbook's sheet is named in problems: `buku.xlsx/anggota:3: nama — …`. */
export const WORKBOOK_NAME = "buku.xlsx";
export const sheetName = (file: BookFile) => `${WORKBOOK_NAME}/${file}`;

/** The most a workbook may be, as uploaded (base64): a 500-member book is tens of kilobytes. */
export const WORKBOOK_MAX_BASE64 = 1_500_000;

/**
 * The most a workbook may hold once unpacked. A 500-member book's sheets are well under a
 * megabyte of XML; an .xlsx is a zip, and a small one can unpack to gigabytes (a "zip bomb"),
 * which the reader would hold in memory whole.
 */
export const WORKBOOK_MAX_UNPACKED = 20_000_000;

/**
 * Whether the zip unpacks to at most `max` bytes, measured by unpacking it (a zip's own stated
 * sizes can lie): each entry in file order, as a streaming reader meets them, inflated with a
 * ceiling on its output. Anything it cannot walk (zip64, a stored entry of unknown size) is
 * refused too: Excel and LibreOffice write neither for a file this small.
 */
export function unpacksWithin(bytes: Uint8Array, max: number): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let total = 0;
  let entries = 0;
  while (at + 30 <= b.length && b.readUInt32LE(at) === 0x04034b50) {
    if (++entries > 1000) return false;
    const flags = b.readUInt16LE(at + 6);
    const method = b.readUInt16LE(at + 8);
    const compressed = b.readUInt32LE(at + 18);
    const size = b.readUInt32LE(at + 22);
    const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
    if (compressed === 0xffffffff || size === 0xffffffff || start > b.length) return false;
    let used: number;
    if (method === 0) {
      if (flags & 8) return false;
      total += compressed;
      used = compressed;
    } else if (method === 8) {
      try {
        const r = inflateRawSync(b.subarray(start), {
          info: true,
          maxOutputLength: Math.max(1, max - total),
        }) as unknown as {
          buffer: Buffer;
          engine: { bytesWritten: number };
        };
        total += r.buffer.length;
        used = r.engine.bytesWritten;
      } catch {
        return false; // over the ceiling, or not deflate
      }
    } else return false;
    if (total > max) return false;
    at = start + used;
    if (flags & 8) at += b.readUInt32LE(at) === 0x08074b50 ? 16 : 12; // the data descriptor
  }
  return entries > 0;
}

type Cell = string | number | boolean | Date | null | undefined | object;

/** A cell as the text a CSV would hold: a date as YYYY-MM-DD, a number as stored, empty as "". */
function cellText(c: Cell): string {
  if (c === null || c === undefined) return "";
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? "" : c.toISOString().slice(0, 10);
  return String(c);
}

export type WorkbookRead = { ok: true; tables: BookTables } | { ok: false; problems: BookProblem[] };

/** The three sheets of a workbook as tables, or the problem: no such sheet, or not a workbook. */
export async function workbookTables(bytes: Uint8Array): Promise<WorkbookRead> {
  if (!unpacksWithin(bytes, WORKBOOK_MAX_UNPACKED))
    return { ok: false, problems: [{ file: WORKBOOK_NAME, line: 1, column: "", code: "import_workbook_unreadable" }] };
  const { default: readXlsxFile } = await import("read-excel-file/node");
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    // parseNumber: the number as the file writes it ("2000000", "1.5"), never a float.
    sheets = (await readXlsxFile(Buffer.from(bytes), { parseNumber: (s: string) => s })) as typeof sheets;
  } catch {
    return { ok: false, problems: [{ file: WORKBOOK_NAME, line: 1, column: "", code: "import_workbook_unreadable" }] };
  }
  const problems: BookProblem[] = [];
  const tables = {} as BookTables;
  for (const file of Object.keys(BOOK_FILES) as BookFile[]) {
    const sheet = sheets.find((s) => bookWord(s.sheet) === file);
    if (!sheet)
      problems.push({
        file: WORKBOOK_NAME,
        line: 1,
        column: "",
        code: "import_sheet_missing",
        params: { value: file },
      });
    else tables[file] = sheet.data.map((row) => row.map(cellText));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, tables };
}

/** The template workbook: the three sheets with their header and two example rows, as text cells. */
export async function templateWorkbook(): Promise<Buffer> {
  const { default: writeXlsxFile } = await import("write-excel-file/node");
  return writeXlsxFile(
    (Object.keys(BOOK_FILES) as BookFile[]).map((file) => ({
      sheet: file,
      data: bookTemplateRows(file).map((row, i) =>
        row.map((value) => ({ value, type: String, fontWeight: i === 0 ? ("bold" as const) : undefined })),
      ),
    })),
  ).toBuffer();
}

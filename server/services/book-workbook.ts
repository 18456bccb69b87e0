/**
 * A paper book kept as one Excel workbook (`.xlsx`): three sheets named as the three CSV files
 * (saldo, anggota, pinjaman), read into the same tables the CSV files give. The library
 * (read-excel-file) is loaded only when a workbook is given. Numbers are taken as the text the
 * file stores (never through a float), dates as YYYY-MM-DD; the importer's parser does the rest.
 * Also writes the downloadable template workbook (write-excel-file), loaded only when asked.
 */
import { BOOK_FILES, type BookFile, type BookProblem, type BookTables, bookWord } from "@/server/domain/paper-book";
import { bookTemplateRows } from "@/server/domain/book-template";

/** How a workbook's sheet is named in problems: `buku.xlsx/anggota:3: nama — …`. */
export const WORKBOOK_NAME = "buku.xlsx";
export const sheetName = (file: BookFile) => `${WORKBOOK_NAME}/${file}`;

/** The most a workbook may be, as uploaded (base64): a 500-member book is tens of kilobytes. */
export const WORKBOOK_MAX_BASE64 = 1_500_000;

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

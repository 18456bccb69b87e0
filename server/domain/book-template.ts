/**
 * The paper book's templates: the three tables with their header and two example rows each, as a
 * treasurer downloads them from the *Pindah dari buku* tab (server/shared/book-workbook.ts
 * serves them as CSV and as one .xlsx). Written as an Indonesian spreadsheet writes them — a
 * BOM, semicolons, CRLF, day-first dates and a decimal comma — so a double-click opens them in
 * columns; book-template.test.ts reads them back with the importer's own parser.
 */
import { BOOK_FILES, type BookFile } from "./paper-book";

/** The example rows; the member codes and names say they are examples, to be replaced by the book's own. */
const EXAMPLES: Record<BookFile, string[][]> = {
  saldo: [
    ["tanggal_peralihan", "31/10/2026"],
    ["kas", "1.250.000"],
    ["bank", "8.000.000"],
    ["dana_sosial", "150.000"],
  ],
  anggota: [
    ["CONTOH-01", "Contoh Maria Goreti", "P", "01/03/2019", "50.000", "2.400.000", "300.000"],
    ["CONTOH-02", "Contoh Yohanes Jehaut", "L", "15/07/2021", "50.000", "1.500.000", "0"],
  ],
  pinjaman: [
    ["CONTOH-01", "05/06/2026", "2.000.000", "1.200.000", "2", "flat", "10", "4", "kopi"],
    ["CONTOH-02", "20/07/2026", "1.000.000", "800.000", "1,5", "menurun", "5", "1", "biaya_sekolah"],
  ],
};

/** A template's rows: its header, then the examples. */
export const bookTemplateRows = (file: BookFile): string[][] => [[...BOOK_FILES[file]], ...EXAMPLES[file]];

const quoted = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** A template as a CSV file: BOM, semicolons, CRLF. */
export const bookTemplateCsv = (file: BookFile): string =>
  `\uFEFF${bookTemplateRows(file)
    .map((row) => row.map(quoted).join(";"))
    .join("\r\n")}\r\n`;

/** The names the templates are downloaded as: `contoh-saldo.csv`…, and one workbook. */
export const BOOK_TEMPLATE_FILES = [
  "contoh-saldo.csv",
  "contoh-anggota.csv",
  "contoh-pinjaman.csv",
  "contoh-buku.xlsx",
] as const;
export type BookTemplateFile = (typeof BOOK_TEMPLATE_FILES)[number];

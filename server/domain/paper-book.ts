/**
 * Moving a group in from its paper book: three UTF-8 CSV files read into one validated opening
 * position (cash, bank, social fund, members with their savings, running loans). Pure: no
 * database. Every problem is collected, so a treasurer sees them all at once, each as
 * file, line, column and a code the i18n layer words (server/i18n/errors.ts, `import_*`).
 */
import { isValidDate, type BusinessDate } from "./dates";
import { type SavingsAccount, savingsTotal } from "./ledger";
import { LOAN_PURPOSES, type LoanMethod, type LoanPurpose } from "./loans";
import { MAX_AMOUNT } from "./money";
import { DomainError } from "./errors";
import { cleanName, lookAlike } from "./text";

export const BOOK_FILES = {
  saldo: ["pos", "jumlah"],
  anggota: ["kode", "nama", "jenis_kelamin", "tanggal_masuk", "simpanan_pokok", "simpanan_wajib", "simpanan_sukarela"],
  pinjaman: [
    "kode_anggota",
    "tanggal_cair",
    "pokok_awal",
    "sisa_pokok",
    "jasa_persen_per_bulan",
    "metode",
    "lama_bulan",
    "angsuran_terbayar",
    "tujuan",
  ],
} as const;
export type BookFile = keyof typeof BOOK_FILES;
export const bookFileName = (f: BookFile) => `${f}.csv`;

/**
 * The most members and loans one import takes. A KSM is a neighbourhood group of tens of members;
 * 500 is ten times a large one, and refusing beyond it (before any kode cek is hashed) keeps a
 * mistaken or hostile file from costing minutes of CPU.
 */
export const BOOK_MAX_MEMBERS = 500;
export const BOOK_MAX_LOANS = 1000;

/** The paper book's words for the loan methods. */
export const BOOK_METHODS: Record<string, LoanMethod> = { flat: "flat", menurun: "declining", anuitas: "annuity" };

export interface BookProblem {
  file: string;
  line: number;
  column: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface BookMember {
  line: number;
  code: string;
  fullName: string;
  gender: "P" | "L";
  joinedOn: BusinessDate;
  savings: Record<SavingsAccount, number>;
}

export interface BookLoan {
  line: number;
  memberCode: string;
  disbursedOn: BusinessDate;
  principal: number;
  principalOutstanding: number;
  rateBpsPerMonth: number;
  method: LoanMethod;
  termMonths: number;
  paidInstallments: number;
  purpose: LoanPurpose;
}

export interface PaperBook {
  cutOver: BusinessDate;
  cash: number;
  bank: number;
  socialFund: number;
  members: BookMember[];
  loans: BookLoan[];
}

export interface BookTotals {
  cash: number;
  bank: number;
  socialFund: number;
  loansOutstanding: number;
  savings: Record<SavingsAccount, number>;
  /** What the group has kept: everything it holds less what it owes its members and the social fund. */
  retainedSurplus: number;
  members: number;
  loans: number;
}

export function bookTotals(b: PaperBook): BookTotals {
  const savings = { savings_share: 0, savings_mandatory: 0, savings_voluntary: 0 };
  for (const m of b.members) for (const k of Object.keys(savings) as SavingsAccount[]) savings[k] += m.savings[k];
  const loansOutstanding = b.loans.reduce((t, l) => t + l.principalOutstanding, 0);
  const owed = savingsTotal(savings) + b.socialFund;
  return {
    cash: b.cash,
    bank: b.bank,
    socialFund: b.socialFund,
    loansOutstanding,
    savings,
    retainedSurplus: b.cash + b.bank + loansOutstanding - owed,
    members: b.members.length,
    loans: b.loans.length,
  };
}

/** The separators a paper book's CSV may use: a comma, or a semicolon as spreadsheets write in an Indonesian locale. */
export type CsvSeparator = "," | ";";

/**
 * The separator of a CSV file, seen on its header line (outside quotes): a semicolon when the
 * line has more semicolons than commas — Excel and LibreOffice in an Indonesian locale write
 * `pos;jumlah`, since the comma is their decimal mark — else a comma.
 */
export function detectSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text.replace(/^\uFEFF/, "")) {
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "\n" || c === "\r") break;
    else if (c === ",") commas++;
    else if (c === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/**
 * RFC 4180 rows: quoted fields may hold the separator, quotes ("") and line breaks. A BOM is
 * dropped. The separator is the one seen on the header line unless given.
 */
export function csvRows(text: string, separator: CsvSeparator = detectSeparator(text)): string[][] {
  const s = text.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (c === separator) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A header or a code as people write it (`Biaya sekolah`, ` Dana-Sosial `) in the book's spelling (`biaya_sekolah`). */
export const bookWord = (raw: string) =>
  raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

/**
 * A date written `2026-10-05` or, as people write it, `05/10/2026` (day first; `5/10/2026`,
 * `05-10-2026` and `05.10.2026` too), as YYYY-MM-DD; null when it is neither or no such day.
 */
export function parseBookDate(raw: string): BusinessDate | null {
  const t = raw.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}` : t;
  return isValidDate(iso) ? iso : null;
}

/** Whole rupiah written `1.250.000` or `1250000` (an optional "Rp" in front); null when it is not. */
export function parseRupiah(raw: string): number | null {
  const t = raw.trim().replace(/^Rp\.?\s*/i, "");
  if (!/^(\d{1,3}(\.\d{3})+|\d+)$/.test(t)) return null;
  const n = Number(t.replaceAll(".", ""));
  return Number.isSafeInteger(n) && n <= MAX_AMOUNT ? n : null;
}

/** A monthly rate such as `2`, `1,5` or `1.5` (percent) in basis points; null when it is not one. */
export function parsePercentBps(raw: string): number | null {
  const m = /^(\d{1,2})(?:[.,](\d{1,2}))?$/.exec(raw.trim().replace(/%$/, ""));
  if (!m) return null;
  const bps = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bps <= 1000 ? bps : null;
}

type Rows = { line: number; get: (column: string) => string }[];

/**
 * One of the book's tables: a CSV file's text, or a workbook sheet's rows already read as text
 * (`.xlsx`, see server/shared/book-workbook.ts).
 */
export type BookTable = string | readonly (readonly string[])[];

/**
 * The columns where a decimal is meant: in a comma-separated file an unquoted `1,5` splits into
 * two cells, which are joined again when the row has exactly one cell too many and the two read
 * as a rate's whole and fraction.
 */
const DECIMAL_COLUMNS: Partial<Record<BookFile, string>> = { pinjaman: "jasa_persen_per_bulan" };

/** Checks the header and returns the data rows (blank lines skipped), or a problem for the header. */
function table(file: BookFile, name: string, source: BookTable, problems: BookProblem[]): Rows {
  const separator = typeof source === "string" ? detectSeparator(source) : null;
  const rows = typeof source === "string" ? csvRows(source, separator ?? ",") : source;
  const header = (rows[0] ?? []).map(bookWord);
  // Empty cells at the end of the header (a spreadsheet's untouched columns) are not columns.
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  const want = BOOK_FILES[file] as readonly string[];
  const missing = want.filter((c) => !header.includes(c));
  if (missing.length > 0 || header.length !== want.length) {
    problems.push({
      file: name,
      line: 1,
      column: missing[0] ?? header.find((h) => !want.includes(h)) ?? "",
      code: separator ? "import_header" : "import_sheet_header",
      params: {
        expected: want.join(separator ?? ", "),
        ...(separator ? { separator } : {}),
        found: header.join(separator ?? ", ").slice(0, 200),
      },
    });
    return [];
  }
  const decimal = DECIMAL_COLUMNS[file];
  const d = decimal === undefined ? -1 : header.indexOf(decimal);
  const out: Rows = [];
  rows.slice(1).forEach((raw, i) => {
    let cells = raw.map((c) => String(c ?? ""));
    if (cells.every((c) => c.trim() === "")) return;
    while (cells.length > header.length && cells[cells.length - 1]!.trim() === "") cells = cells.slice(0, -1);
    if (
      separator === "," &&
      d >= 0 &&
      cells.length === header.length + 1 &&
      /^\d{1,2}$/.test(cells[d]!.trim()) &&
      /^\d{1,2}%?$/.test(cells[d + 1]!.trim())
    )
      cells = [...cells.slice(0, d), `${cells[d]!.trim()},${cells[d + 1]!.trim()}`, ...cells.slice(d + 2)];
    if (cells.length > header.length) {
      problems.push({
        file: name,
        line: i + 2,
        column: "",
        code: "import_row_cells",
        params: { cells: cells.length, columns: header.length },
      });
      return;
    }
    out.push({ line: i + 2, get: (c) => (cells[header.indexOf(c)] ?? "").trim() });
  });
  return out;
}

/** A member's name from the book, cleaned as the portal cleans a typed one; null (with its problem said) if refused. */
function bookName(raw: string, problem: (code: string) => void): string | null {
  try {
    return cleanName(raw, "nama");
  } catch (e) {
    problem(e instanceof DomainError && e.code === "name_invisible_chars" ? e.code : "import_name_invalid");
    return null;
  }
}

export interface BookFiles {
  saldo: string;
  anggota: string;
  pinjaman: string;
}

/** The three tables, from CSV files or a workbook's sheets. */
export type BookTables = Record<BookFile, BookTable>;

/**
 * Reads and checks the three files against the group (its founding date, `today` in its time
 * zone, member codes it already has). Returns the book, or every problem found.
 */
export function readPaperBook(
  files: BookTables,
  group: {
    foundedOn: BusinessDate;
    today: BusinessDate;
    takenCodes: ReadonlySet<string>;
    /** The group's members already registered, whose names the book's are compared with. */
    members?: readonly { code: string; fullName: string }[];
    /** The treasurer confirmed that members whose names look the same are different people. */
    confirmedNames?: boolean;
  },
  /** How a table is named in problems: `saldo.csv` unless told (a workbook's sheet, say). */
  nameOf: (file: BookFile) => string = bookFileName,
): { ok: true; book: PaperBook } | { ok: false; problems: BookProblem[] } {
  const problems: BookProblem[] = [];
  const at = (file: BookFile, line: number, column: string, code: string, params?: BookProblem["params"]) =>
    problems.push({ file: nameOf(file), line, column, code, ...(params ? { params } : {}) });
  const amount = (file: BookFile, line: number, column: string, raw: string): number => {
    const n = parseRupiah(raw);
    if (n === null)
      at(file, line, column, raw.trim().startsWith("-") ? "import_amount_negative" : "import_amount_invalid", {
        value: raw,
      });
    return n ?? 0;
  };
  const date = (file: BookFile, line: number, column: string, raw: string): BusinessDate => {
    const d = parseBookDate(raw);
    if (d === null) at(file, line, column, "import_date_invalid", { value: raw });
    return d ?? raw;
  };

  // saldo.csv
  let cutOver = "";
  const saldo = new Map<string, number>();
  const seenPos = new Set<string>();
  const saldoProblems = problems.length;
  const saldoRows = table("saldo", nameOf("saldo"), files.saldo, problems);
  // A header already refused: its rows are not read, so they are not "missing" either.
  const saldoRead = problems.length === saldoProblems;
  for (const r of saldoRows) {
    const pos = bookWord(r.get("pos"));
    if (seenPos.has(pos)) at("saldo", r.line, "pos", "import_duplicate", { value: pos });
    seenPos.add(pos);
    if (pos === "tanggal_peralihan") cutOver = date("saldo", r.line, "jumlah", r.get("jumlah"));
    else if (pos === "kas" || pos === "bank" || pos === "dana_sosial")
      saldo.set(pos, amount("saldo", r.line, "jumlah", r.get("jumlah")));
    else at("saldo", r.line, "pos", "import_pos_unknown", { value: pos });
  }
  for (const required of ["tanggal_peralihan", "kas", "dana_sosial"])
    if (saldoRead && !seenPos.has(required)) at("saldo", 1, "pos", "import_pos_missing", { value: required });
  const cutOverOk = isValidDate(cutOver);
  if (cutOverOk && cutOver > group.today) at("saldo", 1, "jumlah", "import_cut_over_future", { value: cutOver });
  if (cutOverOk && cutOver < group.foundedOn)
    at("saldo", 1, "jumlah", "import_before_founding", { value: cutOver, foundedOn: group.foundedOn });
  const notAfterCutOver = (file: BookFile, line: number, column: string, d: string) => {
    if (!isValidDate(d)) return;
    if (cutOverOk && d > cutOver) at(file, line, column, "import_after_cut_over", { value: d, cutOver });
    else if (d < group.foundedOn)
      at(file, line, column, "import_before_founding", { value: d, foundedOn: group.foundedOn });
  };

  // anggota.csv
  const members: BookMember[] = [];
  const codes = new Set<string>();
  const named = [...(group.members ?? [])]; // names seen so far, to find look-alikes
  const headerProblems = problems.length;
  const memberRows = table("anggota", nameOf("anggota"), files.anggota, problems);
  // Without a readable member list, every loan would be "unknown member": say the header once.
  const membersRead = problems.length === headerProblems;
  const loanRows = table("pinjaman", nameOf("pinjaman"), files.pinjaman, problems);
  // Too big a book is refused alone, before anything else is read (or any kode cek hashed).
  if (memberRows.length > BOOK_MAX_MEMBERS || loanRows.length > BOOK_MAX_LOANS) {
    if (memberRows.length > BOOK_MAX_MEMBERS)
      at("anggota", 1, "", "import_too_many_members", { max: BOOK_MAX_MEMBERS });
    if (loanRows.length > BOOK_MAX_LOANS) at("pinjaman", 1, "", "import_too_many_loans", { max: BOOK_MAX_LOANS });
    return { ok: false, problems };
  }
  for (const r of memberRows) {
    const code = r.get("kode").toUpperCase();
    if (!/^[A-Z0-9][A-Z0-9-]{1,19}$/.test(code))
      at("anggota", r.line, "kode", "import_member_code_invalid", { value: code });
    else if (codes.has(code)) at("anggota", r.line, "kode", "import_member_code_duplicate", { value: code });
    else if (group.takenCodes.has(code)) at("anggota", r.line, "kode", "import_member_code_taken", { value: code });
    codes.add(code);
    const fullName = bookName(r.get("nama"), (problem) => at("anggota", r.line, "nama", problem));
    const same = fullName === null ? undefined : lookAlike(fullName, named);
    if (same && !group.confirmedNames) at("anggota", r.line, "nama", "import_name_duplicate", { value: same.code });
    if (fullName !== null) named.push({ code, fullName });
    const gender = r.get("jenis_kelamin").toUpperCase();
    if (gender !== "P" && gender !== "L")
      at("anggota", r.line, "jenis_kelamin", "import_gender_invalid", { value: gender });
    const joinedOn = date("anggota", r.line, "tanggal_masuk", r.get("tanggal_masuk"));
    notAfterCutOver("anggota", r.line, "tanggal_masuk", joinedOn);
    members.push({
      line: r.line,
      code,
      fullName: fullName ?? "",
      gender: gender === "L" ? "L" : "P",
      joinedOn,
      savings: {
        savings_share: amount("anggota", r.line, "simpanan_pokok", r.get("simpanan_pokok")),
        savings_mandatory: amount("anggota", r.line, "simpanan_wajib", r.get("simpanan_wajib")),
        savings_voluntary: amount("anggota", r.line, "simpanan_sukarela", r.get("simpanan_sukarela")),
      },
    });
  }

  // pinjaman.csv
  const loans: BookLoan[] = [];
  const joined = new Map(members.map((m) => [m.code, m.joinedOn]));
  const int = (line: number, column: string, raw: string, min: number, max: number): number => {
    const n = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(n >= min && n <= max)) at("pinjaman", line, column, "import_number_invalid", { value: raw, min, max });
    return Number.isNaN(n) ? 0 : n;
  };
  for (const r of loanRows) {
    const memberCode = r.get("kode_anggota").toUpperCase();
    if (membersRead && !codes.has(memberCode))
      at("pinjaman", r.line, "kode_anggota", "import_member_unknown", { value: memberCode });
    const disbursedOn = date("pinjaman", r.line, "tanggal_cair", r.get("tanggal_cair"));
    notAfterCutOver("pinjaman", r.line, "tanggal_cair", disbursedOn);
    const joinedOn = joined.get(memberCode);
    if (joinedOn && isValidDate(joinedOn) && isValidDate(disbursedOn) && disbursedOn < joinedOn)
      at("pinjaman", r.line, "tanggal_cair", "import_loan_before_joining", { value: disbursedOn, joinedOn });
    const principal = amount("pinjaman", r.line, "pokok_awal", r.get("pokok_awal"));
    const outstanding = amount("pinjaman", r.line, "sisa_pokok", r.get("sisa_pokok"));
    if (principal === 0 && parseRupiah(r.get("pokok_awal")) === 0)
      at("pinjaman", r.line, "pokok_awal", "import_amount_zero");
    if (outstanding > principal) at("pinjaman", r.line, "sisa_pokok", "import_outstanding_above_principal");
    else if (outstanding === 0 && parseRupiah(r.get("sisa_pokok")) === 0)
      at("pinjaman", r.line, "sisa_pokok", "import_loan_repaid");
    const rate = parsePercentBps(r.get("jasa_persen_per_bulan"));
    if (rate === null)
      at("pinjaman", r.line, "jasa_persen_per_bulan", "import_rate_invalid", { value: r.get("jasa_persen_per_bulan") });
    const method = Object.hasOwn(BOOK_METHODS, bookWord(r.get("metode")))
      ? BOOK_METHODS[bookWord(r.get("metode"))]
      : undefined;
    if (!method) at("pinjaman", r.line, "metode", "import_method_unknown", { value: r.get("metode") });
    const termMonths = int(r.line, "lama_bulan", r.get("lama_bulan"), 1, 120);
    const paidInstallments = /^\d{1,3}$/.test(r.get("angsuran_terbayar")) ? Number(r.get("angsuran_terbayar")) : -1;
    if (paidInstallments < 0)
      at("pinjaman", r.line, "angsuran_terbayar", "import_number_invalid", {
        value: r.get("angsuran_terbayar"),
        min: 0,
        max: termMonths,
      });
    else if (paidInstallments >= termMonths && termMonths > 0)
      at("pinjaman", r.line, "angsuran_terbayar", "import_paid_beyond_term", {
        paid: paidInstallments,
        term: termMonths,
      });
    const purpose = bookWord(r.get("tujuan")) as LoanPurpose;
    if (!LOAN_PURPOSES.includes(purpose))
      at("pinjaman", r.line, "tujuan", "import_purpose_unknown", { value: r.get("tujuan") });
    loans.push({
      line: r.line,
      memberCode,
      disbursedOn,
      principal,
      principalOutstanding: outstanding,
      rateBpsPerMonth: rate ?? 0,
      method: method ?? "flat",
      termMonths,
      paidInstallments: Math.max(0, paidInstallments),
      purpose,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    book: {
      cutOver,
      cash: saldo.get("kas") ?? 0,
      bank: saldo.get("bank") ?? 0,
      socialFund: saldo.get("dana_sosial") ?? 0,
      members,
      loans,
    },
  };
}

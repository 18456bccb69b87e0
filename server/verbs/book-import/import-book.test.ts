import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, journalEntries, loans, members } from "@/db/schema";
import { BOOK_FILES } from "@/server/domain/paper-book";
import { errorMessage } from "@/server/i18n/errors";
import { FIXED_NOW, key, tempDatabase, testContext } from "@/server/testing/db";
import { loadGroup, type ServiceContext } from "@/server/shared/context";
import { createGroup } from "@/server/verbs/groups/create-group";
import { importBook, previewBookImport } from "@/server/verbs/book-import/import-book";
import { groupLoanViews } from "@/server/shared/loans";
import { repayLoan } from "@/server/verbs/loans/repay-loan";
import { openPassbook, passbookOf } from "@/server/read/passbook";
import { groupFigures } from "@/server/read/public-figures";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { verifyLedger } from "@/server/read/verify";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let database: Database;
let ctx: ServiceContext;
const G = "compang-baru";

beforeEach(async () => {
  t = await tempDatabase();
  database = t.database;
  ctx = testContext(database);
  await createGroup(ctx, {
    slug: G,
    name: "KSM Compang Baru",
    village: "Mokel",
    kecamatan: "Kota Komba",
    kabupaten: "Manggarai Timur",
    provinsi: "Nusa Tenggara Timur",
    foundedOn: "2019-03-01",
  });
});
afterEach(() => t.cleanup());

/** A paper book: 3 members, 2 running loans, cash, bank and the social fund on 2026-10-31. */
const book = {
  saldo: "pos,jumlah\ntanggal_peralihan,2026-10-31\nkas,1.250.000\nbank,8000000\ndana_sosial,150.000\n",
  anggota: [
    "kode,nama,jenis_kelamin,tanggal_masuk,simpanan_pokok,simpanan_wajib,simpanan_sukarela",
    'CB-001,"Maria Goreti, Ibu",P,2019-03-01,50.000,2.400.000,300.000',
    "CB-002,Yohanes Jehaut,L,2019-03-01,50.000,2.100.000,0",
    "CB-003,Theresia Nduk,P,2021-07-15,50.000,1.500.000,125.000",
  ].join("\r\n"),
  pinjaman: [
    "kode_anggota,tanggal_cair,pokok_awal,sisa_pokok,jasa_persen_per_bulan,metode,lama_bulan,angsuran_terbayar,tujuan",
    // 2.000.000 over 10 months, flat 2 %: 200.000 principal + 40.000 jasa a month; 4 paid.
    "CB-001,2026-06-05,2.000.000,1.200.000,2,flat,10,4,kopi",
    // 1.000.000 declining 1,5 % over 5 months; 1 paid (08-20); 09-20 and 10-20 missed on paper.
    'CB-003,2026-07-20,1000000,800000,"1,5",menurun,5,1,ternak',
  ].join("\n"),
};
const savingsTotal = 50_000 + 2_400_000 + 300_000 + 50_000 + 2_100_000 + 0 + 50_000 + 1_500_000 + 125_000;

async function nothingWritten() {
  const [e] = await database.db.select({ n: sql<number>`count(*)` }).from(journalEntries);
  const [m] = await database.db.select({ n: sql<number>`count(*)` }).from(members);
  const [l] = await database.db.select({ n: sql<number>`count(*)` }).from(loans);
  return Number(e!.n) + Number(m!.n) + Number(l!.n) === 0;
}

describe("moving in from the paper book", () => {
  it("previews every figure, then writes exactly them: members, running loans and one opening entry", async () => {
    const preview = await previewBookImport(ctx, { groupSlug: G, files: book });
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    expect(preview.cutOver).toBe("2026-10-31");
    expect(preview.totals).toMatchObject({
      cash: 1_250_000,
      bank: 8_000_000,
      socialFund: 150_000,
      loansOutstanding: 2_000_000,
      members: 3,
      loans: 2,
      retainedSurplus: 1_250_000 + 8_000_000 + 2_000_000 - savingsTotal - 150_000,
    });
    expect(preview.members.map((m) => m.fullName)).toContain("Maria Goreti, Ibu");
    expect(preview.loans[0]).toMatchObject({ installmentsLeft: 6, nextDueOn: "2026-11-05", nextInstallment: 240_000 });
    expect(await nothingWritten()).toBe(true); // a preview writes nothing

    const done = await importBook(ctx, { groupSlug: G, files: book, idempotencyKey: key() });
    if (!done.ok) throw new Error("refused");
    expect(done.totals).toEqual(preview.totals);
    expect(done.entry.kind).toBe("opening_balance");
    expect(done.entry.businessDate).toBe("2026-10-31");
    expect(done.checkCodes.map((c) => c.code)).toEqual(["CB-001", "CB-002", "CB-003"]);
    expect((await verifyLedger(database.db)).problems).toEqual([]);

    // The group page's figures are the files' totals.
    const f = await groupFigures(database.db, G, FIXED_NOW);
    expect(f.balances).toMatchObject({
      cash: 1_250_000,
      bank: 8_000_000,
      loansOutstanding: 2_000_000,
      memberSavings: savingsTotal,
      socialFund: 150_000,
      surplus: preview.totals.retainedSurplus,
    });
    // Her passbook shows her own savings and her loan, opened with the check code printed once.
    const cb1 = done.checkCodes[0]!;
    const memberId = await openPassbook(database, {
      groupSlug: G,
      memberCode: "CB-001",
      checkCode: cb1.checkCode,
      address: null,
    });
    const pb = await passbookOf(database.db, memberId, FIXED_NOW);
    expect(pb!.savings).toMatchObject({ share: 50_000, mandatory: 2_400_000, voluntary: 300_000 });
    expect(pb!.loans).toHaveLength(1);
    expect(pb!.loans[0]!.state.principalOutstanding).toBe(1_200_000);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "book.import"));
    expect(audit?.entryId).toBe(done.entry.id);
  });

  it("continues the loans the next day as if they had been paid out here: repayments, arrears, fines", async () => {
    const done = await importBook(ctx, { groupSlug: G, files: book, idempotencyKey: key() });
    if (!done.ok) throw new Error("refused");
    const views = await groupLoanViews(database.db, await loadGroup(database.db, G), "2026-11-01");
    const [flat, declining] = views.sort((a, b) => a.loan.principal - b.loan.principal).reverse();
    expect(flat!.status).toBe("berjalan");
    expect(flat!.state.daysPastDue).toBe(0);
    // The declining loan came in with installments 2 (09-20) and 3 (10-20) unpaid: late, not fined by us.
    expect(declining!.status).toBe("menunggak");
    expect(declining!.state.daysPastDue).toBe(42);
    expect(declining!.state.finesAccrued).toBe(0);

    // A repayment on 2026-11-05 goes to installment 5's jasa then principal, exactly as on a portal loan.
    await recordContributions(ctx, {
      groupSlug: G,
      date: "2026-11-02",
      idempotencyKey: key(),
      lines: [{ memberCode: "CB-002", amount: 1000 }],
    });
    const r = await repayLoan(ctx, {
      groupSlug: G,
      loanId: flat!.loan.id,
      amount: 240_000,
      date: "2026-11-05",
      idempotencyKey: key(),
    });
    expect(r.allocation).toEqual({ fine: 0, serviceCharge: 40_000, principal: 200_000 });
    const r2 = await repayLoan(ctx, {
      groupSlug: G,
      loanId: declining!.loan.id,
      amount: 100_000,
      date: "2026-11-05",
      idempotencyKey: key(),
    });
    // Declining at 1,5 %: installment 2's jasa on the 800.000 owed = 12.000, then principal 200.000 of it.
    expect(r2.allocation).toEqual({ fine: 0, serviceCharge: 12_000, principal: 88_000 });
    const f = await groupFigures(database.db, G, FIXED_NOW);
    expect(f.balances.loansOutstanding).toBe(2_000_000 - 200_000 - 88_000);
    expect((await verifyLedger(database.db)).problems).toEqual([]);
  });

  it("answers a repeated import with the entry already written, and refuses a second book", async () => {
    const k = key();
    const first = await importBook(ctx, { groupSlug: G, files: book, idempotencyKey: k });
    const again = await importBook(ctx, { groupSlug: G, files: book, idempotencyKey: k });
    if (!first.ok || !again.ok) throw new Error("refused");
    expect(again.entry.id).toBe(first.entry.id);
    expect(again.totals).toEqual(first.totals);
    expect(again.checkCodes).toEqual([]); // shown once
    await expect(importBook(ctx, { groupSlug: G, files: book, idempotencyKey: key() })).rejects.toMatchObject({
      code: "import_group_has_entries",
    });
    const [m] = await database.db.select({ n: sql<number>`count(*)` }).from(members);
    expect(Number(m!.n)).toBe(3);
  });

  it("refuses a group that already has entries, writing nothing", async () => {
    await importBook(ctx, {
      groupSlug: G,
      files: { ...book, pinjaman: book.pinjaman.split("\n")[0]! },
      idempotencyKey: key(),
    });
    const before = await database.db.select().from(journalEntries);
    await expect(previewBookImport(ctx, { groupSlug: G, files: book })).rejects.toMatchObject({
      code: "import_group_has_entries",
    });
    expect(await database.db.select().from(journalEntries)).toEqual(before);
  });

  const refusals: [string, Partial<typeof book>, string[]][] = [
    [
      "a wrong header",
      { anggota: book.anggota.replace("simpanan_wajib", "wajib") },
      ["anggota.csv:1: simpanan_wajib — Baris judul tidak sesuai"],
    ],
    [
      "duplicate member codes",
      { anggota: `${book.anggota}\nCB-002,Paulus Dua,L,2020-01-01,50.000,0,0` },
      ["anggota.csv:5: kode — Kode anggota CB-002 tertulis dua kali."],
    ],
    [
      "unknown member codes in pinjaman.csv",
      { pinjaman: book.pinjaman.replace("CB-003,", "CB-009,") },
      ["pinjaman.csv:3: kode_anggota — Kode anggota CB-009 tidak ada di anggota.csv."],
    ],
    [
      "negative and non-numeric amounts",
      {
        saldo: book.saldo.replace("kas,1.250.000", "kas,-5000"),
        anggota: book.anggota.replace("2.100.000", "dua juta"),
      },
      [
        "saldo.csv:3: jumlah — Jumlah tidak boleh negatif",
        'anggota.csv:3: simpanan_wajib — "dua juta" bukan jumlah rupiah bulat',
      ],
    ],
    [
      "sisa_pokok above pokok_awal",
      { pinjaman: book.pinjaman.replace("1000000,800000", "1000000,1200000") },
      ["pinjaman.csv:3: sisa_pokok — Sisa pokok lebih besar dari pokok awal."],
    ],
    [
      "installments paid beyond the term",
      { pinjaman: book.pinjaman.replace("flat,10,4", "flat,10,11") },
      ["pinjaman.csv:2: angsuran_terbayar — Angsuran terbayar (11) harus kurang dari lama pinjaman (10 bulan)."],
    ],
    [
      "an unknown method or purpose",
      { pinjaman: book.pinjaman.replace("menurun", "bunga_berbunga").replace("kopi", "judi") },
      ['pinjaman.csv:2: tujuan — Tujuan "judi"', 'pinjaman.csv:3: metode — Metode "bunga_berbunga" tidak dikenal'],
    ],
    [
      "dates after the cut-over date",
      {
        anggota: book.anggota.replace("2021-07-15", "2026-11-02"),
        pinjaman: book.pinjaman.replace("2026-06-05", "2026-11-01"),
      },
      [
        "anggota.csv:4: tanggal_masuk — Tanggal 2026-11-02 sesudah tanggal peralihan (2026-10-31).",
        "pinjaman.csv:2: tanggal_cair — Tanggal 2026-11-01 sesudah tanggal peralihan (2026-10-31).",
        "pinjaman.csv:3: tanggal_cair — Pinjaman cair 2026-07-20, sebelum anggota masuk (2026-11-02).",
      ],
    ],
  ];
  for (const [what, change, expected] of refusals)
    it(`refuses ${what}, listing every problem as file:line: column — message, and writes nothing`, async () => {
      const files = { ...book, ...change };
      const preview = await previewBookImport(ctx, { groupSlug: G, files });
      const done = await importBook(ctx, { groupSlug: G, files, idempotencyKey: key() });
      for (const result of [preview, done]) {
        if (result.ok) throw new Error(`accepted ${what}`);
        const lines = result.problems.map(
          (p) => `${p.file}:${p.line}: ${p.column} — ${errorMessage(p.code, p.params ?? {}, "id")}`,
        );
        expect(lines).toHaveLength(expected.length);
        for (const [i, want] of expected.entries()) expect(lines[i]).toContain(want);
      }
      expect(await nothingWritten()).toBe(true);
    });
});

describe("names in the paper book", () => {
  it("look-alike names are refused until the treasurer confirms them; then the book goes in", async () => {
    const twins = {
      ...book,
      anggota: `${book.anggota}\r\nCB-004,YOHANES  jehaut,L,2019-03-01,50.000,0,0`,
    };
    const refused = await importBook(ctx, { groupSlug: G, files: twins, idempotencyKey: key() });
    expect(refused).toEqual({
      ok: false,
      problems: [
        { file: "anggota.csv", line: 5, column: "nama", code: "import_name_duplicate", params: { value: "CB-002" } },
      ],
    });
    expect(await nothingWritten()).toBe(true);
    const preview = await previewBookImport(ctx, { groupSlug: G, files: twins, confirmedNames: true });
    expect(preview.ok).toBe(true);
    const done = await importBook(ctx, { groupSlug: G, files: twins, confirmedNames: true, idempotencyKey: key() });
    expect(done.ok && done.checkCodes.map((c) => c.code)).toEqual(["CB-001", "CB-002", "CB-003", "CB-004"]);
  });
});

/** The same book as the spreadsheet in an Indonesian locale writes it: BOM, semicolons, CRLF, dd/mm/yyyy, 1,5. */
const semicolonBook = {
  saldo:
    "\uFEFFPos;Jumlah\r\nTanggal peralihan;31/10/2026\r\nKas;Rp 1.250.000\r\nBank;8000000\r\nDana sosial;150.000\r\n",
  anggota: [
    "\uFEFFKode;Nama;Jenis kelamin;Tanggal masuk;Simpanan pokok;Simpanan wajib;Simpanan sukarela",
    'CB-001;"Maria Goreti; ""Ibu""";P;01/03/2019;50.000;2.400.000;300.000',
    "CB-002;Yohanes Jehaut;L;1/3/2019;50.000;2.100.000;0",
    "cb-003;Theresia Nduk;p;15/07/2021;50.000;1.500.000;125.000",
  ].join("\r\n"),
  pinjaman: [
    "\uFEFFKode anggota;Tanggal cair;Pokok awal;Sisa pokok;Jasa persen per bulan;Metode;Lama bulan;Angsuran terbayar;Tujuan",
    "CB-001;05/06/2026;2.000.000;1.200.000;2;Flat;10;4;Kopi",
    "CB-003;20/07/2026;1000000;800000;1,5;Menurun;5;1;Biaya sekolah",
  ].join("\r\n"),
};

/** What the comma book above writes, to the rupiah: the opening entry's postings by account. */
async function openingPostings() {
  const rows = await database.db.all<{ account: string; amount: number }>(
    sql`select account, sum(amount) as amount from postings group by account order by account`,
  );
  return rows.map((r) => ({ account: r.account, amount: Number(r.amount) }));
}

describe("paper books as people have them", () => {
  it("imports a semicolon book with a BOM, quoted fields, decimal commas and dd/mm/yyyy dates to the rupiah", async () => {
    const done = await importBook(ctx, { groupSlug: G, files: semicolonBook, idempotencyKey: key() });
    if (!done.ok) throw new Error(JSON.stringify(done.problems));
    expect(done.entry.businessDate).toBe("2026-10-31");
    expect(done.totals).toMatchObject({
      cash: 1_250_000,
      bank: 8_000_000,
      socialFund: 150_000,
      loansOutstanding: 2_000_000,
      savings: { savings_share: 150_000, savings_mandatory: 6_000_000, savings_voluntary: 425_000 },
      retainedSurplus: 1_250_000 + 8_000_000 + 2_000_000 - savingsTotal - 150_000,
    });
    const ms = await database.db.select().from(members).orderBy(members.code);
    expect(ms.map((m) => [m.code, m.fullName, m.gender, m.joinedOn])).toEqual([
      ["CB-001", 'Maria Goreti; "Ibu"', "P", "2019-03-01"],
      ["CB-002", "Yohanes Jehaut", "L", "2019-03-01"],
      ["CB-003", "Theresia Nduk", "P", "2021-07-15"],
    ]);
    const ls = await database.db.select().from(loans).orderBy(loans.disbursedOn);
    expect(
      ls.map((l) => [l.disbursedOn, l.rateBpsPerMonth, l.method, l.purpose, l.importedPrincipalOutstanding]),
    ).toEqual([
      ["2026-06-05", 200, "flat", "kopi", 1_200_000],
      ["2026-07-20", 150, "declining", "biaya_sekolah", 800_000],
    ]);
    const semicolon = await openingPostings();
    expect(semicolon.length).toBeGreaterThan(5);

    // The very same figures as the comma book with ISO dates, written into a fresh group.
    await t.cleanup();
    t = await tempDatabase();
    database = t.database;
    ctx = testContext(database);
    await createGroup(ctx, {
      slug: G,
      name: "KSM Compang Baru",
      village: "Mokel",
      kecamatan: "Kota Komba",
      kabupaten: "Manggarai Timur",
      provinsi: "Nusa Tenggara Timur",
      foundedOn: "2019-03-01",
    });
    const comma = await importBook(ctx, { groupSlug: G, files: book, idempotencyKey: key() });
    if (!comma.ok) throw new Error(JSON.stringify(comma.problems));
    expect(await openingPostings()).toEqual(semicolon);
    expect(comma.totals).toEqual(done.totals);
  });

  it("imports the same book kept as one .xlsx workbook (three sheets, dates and numbers as Excel stores them)", async () => {
    const { default: writeXlsxFile } = await import("write-excel-file/node");
    const date = (d: string) => ({ value: new Date(`${d}T00:00:00Z`), type: Date, format: "dd/mm/yyyy" });
    const xlsx = await writeXlsxFile([
      {
        sheet: "Saldo",
        data: [
          ["pos", "jumlah"],
          ["tanggal_peralihan", date("2026-10-31")],
          ["kas", 1_250_000],
          ["bank", "8.000.000"],
          ["Dana sosial", 150_000],
        ],
      },
      {
        sheet: "anggota",
        data: [
          ["Kode", "Nama", "Jenis kelamin", "Tanggal masuk", "Simpanan pokok", "Simpanan wajib", "Simpanan sukarela"],
          ["CB-001", "Maria Goreti, Ibu", "P", date("2019-03-01"), 50_000, 2_400_000, 300_000],
          ["CB-002", "Yohanes Jehaut", "L", "01/03/2019", 50_000, 2_100_000, 0],
          ["CB-003", "Theresia Nduk", "P", date("2021-07-15"), 50_000, 1_500_000, 125_000],
        ],
      },
      {
        sheet: "pinjaman",
        data: [
          [...BOOK_FILES.pinjaman],
          ["CB-001", date("2026-06-05"), 2_000_000, 1_200_000, 2, "flat", 10, 4, "kopi"],
          ["CB-003", date("2026-07-20"), 1_000_000, 800_000, 1.5, "menurun", 5, 1, "ternak"],
        ],
      },
    ]).toBuffer();
    const workbook = xlsx.toString("base64");
    const preview = await previewBookImport(ctx, { groupSlug: G, workbook });
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    const done = await importBook(ctx, { groupSlug: G, workbook, idempotencyKey: key() });
    if (!done.ok) throw new Error(JSON.stringify(done.problems));
    expect(done.totals).toEqual(preview.totals);
    expect(done.totals).toMatchObject({
      cash: 1_250_000,
      bank: 8_000_000,
      socialFund: 150_000,
      loansOutstanding: 2_000_000,
      retainedSurplus: 1_250_000 + 8_000_000 + 2_000_000 - savingsTotal - 150_000,
    });
    const ls = await database.db.select().from(loans).orderBy(loans.disbursedOn);
    expect(ls.map((l) => [l.disbursedOn, l.rateBpsPerMonth, l.method])).toEqual([
      ["2026-06-05", 200, "flat"],
      ["2026-07-20", 150, "declining"],
    ]);
    expect((await verifyLedger(database.db)).problems).toEqual([]);
  });

  it("names the sheet, line and column of a workbook's problem, and a missing sheet", async () => {
    const { default: writeXlsxFile } = await import("write-excel-file/node");
    const xlsx = await writeXlsxFile([
      {
        sheet: "saldo",
        data: [
          ["pos", "jumlah"],
          ["tanggal_peralihan", "31/10/2026"],
          ["kas", 1.5],
          ["dana_sosial", 0],
        ],
      },
      { sheet: "anggota", data: [[...BOOK_FILES.anggota]] },
    ]).toBuffer();
    const r = await previewBookImport(ctx, { groupSlug: G, workbook: xlsx.toString("base64") });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { file: "buku.xlsx", line: 1, column: "", code: "import_sheet_missing", params: { value: "pinjaman" } },
    ]);
    const withLoans = await writeXlsxFile([
      {
        sheet: "saldo",
        data: [
          ["pos", "jumlah"],
          ["tanggal_peralihan", "31/10/2026"],
          ["kas", 1.5],
          ["dana_sosial", 0],
        ],
      },
      { sheet: "anggota", data: [[...BOOK_FILES.anggota]] },
      { sheet: "pinjaman", data: [[...BOOK_FILES.pinjaman]] },
    ]).toBuffer();
    const amount = await previewBookImport(ctx, { groupSlug: G, workbook: withLoans.toString("base64") });
    expect(!amount.ok && amount.problems).toEqual([
      { file: "buku.xlsx/saldo", line: 3, column: "jumlah", code: "import_amount_invalid", params: { value: "1.5" } },
    ]);
    const bad = await previewBookImport(ctx, { groupSlug: G, workbook: Buffer.from("not a zip").toString("base64") });
    expect(!bad.ok && bad.problems.map((p) => p.code)).toEqual(["import_workbook_unreadable"]);
  });

  it("takes the three files or one workbook, never both and never neither", async () => {
    const workbook = Buffer.from("x").toString("base64");
    await expect(previewBookImport(ctx, { groupSlug: G, files: book, workbook })).rejects.toMatchObject({
      code: "import_files_missing",
    });
    await expect(previewBookImport(ctx, { groupSlug: G })).rejects.toMatchObject({ code: "import_files_missing" });
    await expect(importBook(ctx, { groupSlug: G, files: book, workbook, idempotencyKey: key() })).rejects.toMatchObject(
      {
        code: "import_files_missing",
      },
    );
    expect(await nothingWritten()).toBe(true);
  });
});

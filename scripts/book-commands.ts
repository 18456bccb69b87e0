/**
 * The command-line verbs a group needs to move in: `npm run group:add` and `npm run import:book`.
 * Each takes its arguments and a way to print, so the tests run them on a temporary database.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Database } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { BOOK_FILES, type BookFile, type BookFiles, type BookProblem } from "@/server/domain/paper-book";
import { formatRupiah } from "@/server/domain/money";
import { errorMessage } from "@/server/i18n/errors";
import { createGroup } from "@/server/verbs/groups/create-group";
import { importBook, previewBookImport } from "@/server/verbs/book-import/import-book";

export interface Out {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** `--name value` pairs; a flag without a value is "true". */
export function parseArgs(argv: readonly string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith("--")) {
      args.set(a.slice(2), next);
      i++;
    } else args.set(a.slice(2), "true");
  }
  return args;
}

export const GROUP_ADD_USAGE =
  'usage: npm run group:add -- --slug S --name "KSM …" --village "Desa …" --founded YYYY-MM-DD [--daily 1000] [--kecamatan …] [--kabupaten …] [--provinsi …] [--demo]';

/** A new group without touching code (audited; a taken slug is refused). Returns the exit code. */
export async function groupAddCommand(database: Database, argv: readonly string[], out: Out): Promise<number> {
  const a = parseArgs(argv);
  const slug = a.get("slug");
  const name = a.get("name");
  const village = a.get("village");
  const founded = a.get("founded");
  if (!slug || !name || !village || !founded) {
    out.error(GROUP_ADD_USAGE);
    return 2;
  }
  const daily = a.has("daily") ? Number(a.get("daily")) : undefined;
  // --demo: a group for trying the portal out, labelled as demo wherever it shows.
  const isDemo = a.get("demo") === "true";
  const g = await createGroup(
    { database, actor: "cli:group:add" },
    {
      slug,
      name,
      village,
      // The portal's home region unless told otherwise.
      kecamatan: a.get("kecamatan") ?? "Kota Komba",
      kabupaten: a.get("kabupaten") ?? "Manggarai Timur",
      provinsi: a.get("provinsi") ?? "Nusa Tenggara Timur",
      foundedOn: founded,
      dailyContribution: daily,
      isDemo,
    },
  );
  out.log(
    `Kelompok ${g.name} (${g.slug}) dibuat: ${g.village}, Kec. ${g.kecamatan}, ${g.kabupaten}; berdiri ${g.foundedOn}; iuran ${formatRupiah(g.dailyContribution)} per hari.`,
  );
  out.log(
    `Berikutnya: npm run import:book -- --group ${g.slug} --dir FOLDER   (saldo.csv, anggota.csv, pinjaman.csv; atau --xlsx buku.xlsx)`,
  );
  return 0;
}

export const IMPORT_USAGE =
  "usage: npm run import:book -- --group SLUG (--dir FOLDER | --xlsx FILE) [--preview] [--confirm-names] (FOLDER holds saldo.csv, anggota.csv, pinjaman.csv; FILE is one workbook with the sheets saldo, anggota, pinjaman; --confirm-names: members whose names look the same are different people)";

export const problemLine = (p: BookProblem, locale: "id" | "en" = "id") =>
  `${p.file}:${p.line}: ${p.column} — ${errorMessage(p.code, p.params ?? {}, locale)}`;

/**
 * Reads FOLDER/saldo.csv, anggota.csv and pinjaman.csv (comma or semicolon separated), or one
 * workbook (--xlsx), into the group: prints every figure, then writes (or, with --preview, only
 * prints). Running it again with the same files changes nothing.
 */
export async function importBookCommand(database: Database, argv: readonly string[], out: Out): Promise<number> {
  const a = parseArgs(argv);
  const groupSlug = a.get("group");
  const dir = a.get("dir");
  const xlsx = a.get("xlsx");
  if (!groupSlug || (!dir && !xlsx) || (dir && xlsx)) {
    out.error(IMPORT_USAGE);
    return 2;
  }
  const missing: string[] = [];
  let book: { files: BookFiles } | { workbook: string };
  if (xlsx) {
    const bytes = await readFile(xlsx).catch(() => {
      missing.push(xlsx);
      return null;
    });
    book = { workbook: bytes?.toString("base64") ?? "" };
  } else {
    const files = {} as BookFiles;
    for (const f of Object.keys(BOOK_FILES) as BookFile[]) {
      const file = path.join(dir!, `${f}.csv`);
      files[f] = await readFile(file, "utf8").catch(() => {
        missing.push(file);
        return "";
      });
    }
    book = { files };
  }
  if (missing.length) {
    for (const m of missing) out.error(`${m}: berkas tidak ditemukan`);
    return 1;
  }
  const ctx = { database, actor: "cli:import:book" };
  const confirmedNames = a.has("confirm-names");
  // The key is the files' fingerprint (the CSV files' as before workbooks): the same book run twice is written once.
  const idempotencyKey = `import-${createHash("sha256")
    .update(JSON.stringify("files" in book ? book.files : book))
    .digest("hex")
    .slice(0, 40)}`;
  const preview = await previewBookImport(ctx, { groupSlug, ...book, confirmedNames }).catch(async (e: unknown) => {
    // A group with entries: this very book written before (say so), or a refusal.
    if (!(e instanceof DomainError && e.code === "import_group_has_entries")) throw e;
    const again = await importBook(ctx, { groupSlug, ...book, confirmedNames, idempotencyKey });
    if (again.ok) out.log(`Buku ini sudah dipindahkan (saldo awal no. ${again.entry.seq}); tidak ada yang berubah.`);
    return null;
  });
  if (preview === null) return 0;
  if (!preview.ok) {
    for (const p of preview.problems) out.error(problemLine(p));
    out.error(errorMessage("import_not_valid", { count: preview.problems.length }, "id"));
    return 1;
  }
  const t = preview.totals;
  const rp = (n: number) => formatRupiah(n).replace("\u00a0", " ");
  out.log(`Tanggal peralihan: ${preview.cutOver}`);
  out.log(`Kas ${rp(t.cash)} · Bank ${rp(t.bank)} · Dana sosial ${rp(t.socialFund)}`);
  out.log(
    `Simpanan ${t.members} anggota: pokok ${rp(t.savings.savings_share)}, wajib ${rp(t.savings.savings_mandatory)}, sukarela ${rp(t.savings.savings_voluntary)}`,
  );
  out.log(`Pinjaman berjalan ${t.loans}: sisa pokok ${rp(t.loansOutstanding)}`);
  for (const l of preview.loans)
    out.log(
      `  ${l.memberCode}: sisa ${rp(l.principalOutstanding)} dari ${rp(l.principal)}, ${l.installmentsLeft} angsuran lagi, berikutnya ${l.nextDueOn} ${rp(l.nextInstallment)}`,
    );
  out.log(`Surplus ditahan (penyeimbang): ${rp(t.retainedSurplus)}`);
  if (a.has("preview")) {
    out.log("Pratinjau saja: tidak ada yang ditulis.");
    return 0;
  }
  const done = await importBook(ctx, { groupSlug, ...book, confirmedNames, idempotencyKey });
  if (!done.ok) {
    for (const p of done.problems) out.error(problemLine(p));
    return 1;
  }
  out.log(`Tercatat: saldo awal no. ${done.entry.seq}, ${done.entry.businessDate}.`);
  out.log("Kode cek anggota — cetak di buku anggota masing-masing; tidak ditampilkan lagi:");
  for (const c of done.checkCodes) out.log(`  ${c.code}  ${c.checkCode}`);
  return 0;
}

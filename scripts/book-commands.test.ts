import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { loadGroup } from "@/server/shared/context";
import { tempDatabase } from "@/server/testing/db";
import { bookTemplateCsv } from "@/server/domain/book-template";
import { templateWorkbook } from "@/server/shared/book-workbook";
import { groupAddCommand, importBookCommand } from "./book-commands";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let dir: string;
let out: { log: string[]; error: string[] };
const io = () => ({ log: (l: string) => out.log.push(l), error: (l: string) => out.error.push(l) });

beforeEach(async () => {
  t = await tempDatabase();
  dir = mkdtempSync(path.join(tmpdir(), "buku-"));
  out = { log: [], error: [] };
});
afterEach(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const write = (files: Record<string, string>) => {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
};

describe("npm run group:add and npm run import:book", () => {
  it("adds a group (audited, a taken slug refused), then moves its paper book in, once", async () => {
    const add = [
      "--slug",
      "ksm-baru",
      "--name",
      "KSM Baru",
      "--village",
      "Desa Mokel",
      "--founded",
      "2020-01-01",
      "--daily",
      "2000",
    ];
    expect(await groupAddCommand(t.database, add, io())).toBe(0);
    const g = await loadGroup(t.database.db, "ksm-baru");
    expect(g).toMatchObject({
      name: "KSM Baru",
      village: "Desa Mokel",
      foundedOn: "2020-01-01",
      dailyContribution: 2000,
    });
    expect((await t.database.db.select().from(auditLog)).map((a) => a.action)).toEqual(["group.create"]);
    await expect(groupAddCommand(t.database, add, io())).rejects.toMatchObject({ code: "slug_taken" });
    expect(await groupAddCommand(t.database, ["--slug", "x"], io())).toBe(2);

    write({
      "saldo.csv": "pos,jumlah\ntanggal_peralihan,2026-10-31\nkas,500.000\nbank,2.000.000\ndana_sosial,0\n",
      "anggota.csv":
        "kode,nama,jenis_kelamin,tanggal_masuk,simpanan_pokok,simpanan_wajib,simpanan_sukarela\nKB-001,Ibu Satu,P,2020-01-01,50000,1000000,0\nKB-002,Bapak Dua,L,2020-01-01,50000,900000,0\n",
      "pinjaman.csv":
        "kode_anggota,tanggal_cair,pokok_awal,sisa_pokok,jasa_persen_per_bulan,metode,lama_bulan,angsuran_terbayar,tujuan\nKB-002,2026-09-01,600000,400000,2,flat,6,2,kemiri\n",
    });
    out = { log: [], error: [] };
    expect(await importBookCommand(t.database, ["--group", "ksm-baru", "--dir", dir, "--preview"], io())).toBe(0);
    expect(out.log.join("\n")).toContain("Kas Rp 500.000 · Bank Rp 2.000.000");
    expect(out.log.at(-1)).toContain("tidak ada yang ditulis");

    out = { log: [], error: [] };
    expect(await importBookCommand(t.database, ["--group", "ksm-baru", "--dir", dir], io())).toBe(0);
    const text = out.log.join("\n");
    expect(text).toContain("Pinjaman berjalan 1: sisa pokok Rp 400.000");
    expect(text).toContain("Surplus ditahan (penyeimbang): Rp 900.000"); // 500k + 2m + 400k − 2m savings
    expect(text).toMatch(/KB-001 {2}\d{8}/);
    // The same book again: nothing changes, no codes shown again.
    out = { log: [], error: [] };
    expect(await importBookCommand(t.database, ["--group", "ksm-baru", "--dir", dir], io())).toBe(0);
    expect(out.log).toEqual(["Buku ini sudah dipindahkan (saldo awal no. 1); tidak ada yang berubah."]);
    // Another book into a group that has entries is refused.
    write({ "saldo.csv": "pos,jumlah\ntanggal_peralihan,2026-10-31\nkas,1\ndana_sosial,0\n" });
    await expect(importBookCommand(t.database, ["--group", "ksm-baru", "--dir", dir], io())).rejects.toMatchObject({
      code: "import_group_has_entries",
    });
  });

  it("lists every problem in Indonesian and exits 1, writing nothing", async () => {
    await groupAddCommand(
      t.database,
      ["--slug", "ksm-baru", "--name", "KSM Baru", "--village", "Mokel", "--founded", "2020-01-01"],
      io(),
    );
    write({
      "saldo.csv": "pos,jumlah\ntanggal_peralihan,2026-10-31\nkas,lima ratus\ndana_sosial,0\n",
      "anggota.csv":
        "kode,nama,jenis_kelamin,tanggal_masuk,simpanan_pokok,simpanan_wajib,simpanan_sukarela\nKB-001,Ibu Satu,X,2020-01-01,0,0,0\n",
      "pinjaman.csv":
        "kode_anggota,tanggal_cair,pokok_awal,sisa_pokok,jasa_persen_per_bulan,metode,lama_bulan,angsuran_terbayar,tujuan\n",
    });
    expect(await importBookCommand(t.database, ["--group", "ksm-baru", "--dir", dir], io())).toBe(1);
    expect(out.error).toEqual([
      'saldo.csv:3: jumlah — "lima ratus" bukan jumlah rupiah bulat (tulis 1.250.000 atau 1250000).',
      'anggota.csv:2: jenis_kelamin — Jenis kelamin "X" harus P atau L.',
      "Buku kertas belum bisa dipindahkan: 2 masalah.",
    ]);
    expect((await t.database.db.select().from(auditLog)).map((a) => a.action)).toEqual(["group.create"]);
  });

  it("moves in the templates as downloaded: three semicolon CSV files, or one workbook with --xlsx", async () => {
    for (const slug of ["ksm-csv", "ksm-xlsx"])
      await groupAddCommand(
        t.database,
        ["--slug", slug, "--name", "KSM Contoh", "--village", "Mokel", "--founded", "2019-01-01"],
        io(),
      );
    write({
      "saldo.csv": bookTemplateCsv("saldo"),
      "anggota.csv": bookTemplateCsv("anggota"),
      "pinjaman.csv": bookTemplateCsv("pinjaman"),
    });
    writeFileSync(path.join(dir, "buku.xlsx"), await templateWorkbook());
    out = { log: [], error: [] };
    expect(await importBookCommand(t.database, ["--group", "ksm-csv", "--dir", dir], io())).toBe(0);
    const csv = out.log.join("\n");
    expect(csv).toContain("Kas Rp 1.250.000 · Bank Rp 8.000.000 · Dana sosial Rp 150.000");
    expect(csv).toContain("Pinjaman berjalan 2: sisa pokok Rp 2.000.000");
    out = { log: [], error: [] };
    expect(
      await importBookCommand(t.database, ["--group", "ksm-xlsx", "--xlsx", path.join(dir, "buku.xlsx")], io()),
    ).toBe(0);
    // The same figures from the workbook, line for line, but for the check codes.
    const strip = (s: string) => s.replace(/CONTOH-0\d {2}\d+/g, "");
    expect(strip(out.log.join("\n"))).toBe(strip(csv));
    expect(await importBookCommand(t.database, ["--group", "ksm-xlsx", "--dir", dir, "--xlsx", "x.xlsx"], io())).toBe(
      2,
    );
  });
});

import { expect, test } from "@playwright/test";
import { todayWita } from "./api-session";
import { E2E_EMPTY_GROUP, openTab } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

// As Excel and LibreOffice write CSV in an Indonesian locale: a BOM, semicolons, CRLF.
const csv = (lines: string[]) => ({ mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`) });

test("a new group (added with npm run group:add by the e2e server) moves in from three semicolon CSV files on a 360 px phone", async ({
  page,
  request,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, "the treasurer screens are the signed-in app");
  const slug = E2E_EMPTY_GROUP.slug;

  await page.setExtraHTTPHeaders({ "x-forwarded-for": "10.78.0.1" });
  await page.goto("/masuk?callbackUrl=/admin");
  await page.getByLabel("Nama pengguna").fill("admin-demo");
  await page.getByLabel("Kata sandi").fill("demo-admin-kas-terbuka");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("heading", { name: "Buku bendahara" })).toBeVisible();
  // The screen is live (hydrated, its first answers in) before the group is changed: a choice made on the
  // server's HTML before that is lost, and the first group's tab would be the one used.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Kelompok").selectOption({ label: `${E2E_EMPTY_GROUP.name} (admin)` });
  await page.waitForLoadState("networkidle");
  await openTab(page, "Pindah dari buku");

  // The templates to start from are offered, and are what the importer reads.
  await page.getByText("Contoh berkas untuk diisi").click();
  const template = await request.get(
    (await page.getByRole("link", { name: "contoh-anggota.csv" }).getAttribute("href")) ?? "",
  );
  expect(template.status()).toBe(200);
  expect(await template.text()).toContain("kode;nama;jenis_kelamin;tanggal_masuk");
  await expect(page.getByRole("link", { name: "contoh-buku.xlsx" })).toBeVisible();

  const saldo = [
    "Pos;Jumlah",
    "Tanggal peralihan;30/06/2025",
    "Kas;Rp 750.000",
    "Bank;5.000.000",
    "Dana sosial;120.000",
  ];
  // A header saved with tabs: the problem says which separator was read and what is expected.
  await page.getByLabel("saldo.csv").setInputFiles({ name: "saldo.csv", ...csv(["pos\tjumlah", "kas\t750.000"]) });
  const members = ["Kode;Nama;Jenis kelamin;Tanggal masuk;Simpanan pokok;Simpanan wajib;Simpanan sukarela"];
  for (let i = 1; i <= 30; i++)
    members.push(
      `UP-${String(i).padStart(3, "0")};"Anggota Uji ${i}";${i % 3 ? "P" : "L"};01/01/2018;50.000;1.800.000;${i * 1000}`,
    );
  await page.getByLabel("anggota.csv").setInputFiles({ name: "anggota.csv", ...csv(members) });
  const loans = [
    "Kode anggota;Tanggal cair;Pokok awal;Sisa pokok;Jasa persen per bulan;Metode;Lama bulan;Angsuran terbayar;Tujuan",
  ];
  // A wrong row too: every problem is listed where the eye is, and nothing is written.
  await page.getByLabel("pinjaman.csv").setInputFiles({
    name: "pinjaman.csv",
    ...csv([...loans, "UP-099;01/06/2026;1.000.000;500.000;2;flat;10;5;kopi"]),
  });
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  const problems = page.locator("div.warn[role=alert]");
  await expect(problems).toContainText("saldo.csv:1: pos — Baris judul tidak sesuai: terbaca dipisah koma (,)");
  await expect(problems).toContainText("harus: pos,jumlah");
  await expect(problems).toContainText("pinjaman.csv:2: kode_anggota — Kode anggota UP-099 tidak ada di anggota.csv.");
  await page.getByLabel("saldo.csv").setInputFiles({ name: "saldo.csv", ...csv(saldo) });

  // Twelve running loans, paid out January–June 2025, each with the installments due by the cut-over
  // paid; every other one at 1,5 % a month for school fees.
  const paidOf = (i: number) => 5 - (i % 6);
  for (let i = 1; i <= 12; i++)
    loans.push(
      `UP-${String(i).padStart(3, "0")};10/0${(i % 6) + 1}/2025;1.200.000;${1_200_000 - 100_000 * paidOf(i)};${i % 2 ? "1,5" : "2"};Flat;12;${paidOf(i)};${i % 2 ? "Biaya sekolah" : "Kopi"}`,
    );
  await page.getByLabel("pinjaman.csv").setInputFiles({ name: "pinjaman.csv", ...csv(loans) });
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  await expect(page.getByText("Tanggal peralihan: 30 Jun 2025")).toBeVisible();
  await expect(page.getByText("Anggota (30)")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pinjaman berjalan (12)" })).toBeVisible();
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > 360)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`),
  );
  expect(wide).toEqual([]);

  await page.getByRole("button", { name: "Benar — pindahkan sekarang" }).click();
  await expect(page.getByRole("status")).toContainText("Buku dipindahkan ✓");
  await expect(page.locator(".check-codes li")).toHaveCount(30);
  const firstCode = (await page.locator(".check-codes li strong").first().innerText()).trim();

  // The public figures are the files' figures, at the next request.
  const g = await (await request.get(`/api/open/groups/${slug}.json`)).json();
  const loansOwed = Array.from({ length: 12 }, (_, k) => 1_200_000 - 100_000 * paidOf(k + 1)).reduce((a, b) => a + b);
  expect(g).toMatchObject({ cashRp: 750_000, bankRp: 5_000_000, loansOutstandingRp: loansOwed, socialFundRp: 120_000 });
  expect(g.memberSavingsRp).toBe(30 * 1_850_000 + 1000 * ((30 * 31) / 2));

  // Close 2025: the admin records the group's share-out rule, sees the year's figures, and confirms.
  await page.getByRole("button", { name: "Sudah saya tulis semua" }).click();
  await openTab(page, "Tutup buku (SHU)");
  await expect(page.getByText("Belum ada aturan pembagian SHU")).toBeVisible();
  await page.getByText("Ubah aturan", { exact: true }).click(); // the share-out rule's, not the lending rule's
  for (const [label, pct] of <[string, string][]>[
    ["Dana cadangan (%)", "40"],
    ["Jasa modal (menurut simpanan) (%)", "30"],
    ["Jasa pinjaman (menurut jasa dibayar) (%)", "20"],
    ["Dana pengurus (%)", "5"],
    ["Dana pendidikan (%)", "5"],
    ["Dana sosial (%)", "0"],
  ])
    await page.getByLabel(label, { exact: true }).fill(pct);
  await expect(page.getByText("Jumlah: 100% (harus 100%)")).toBeVisible();
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  await expect(page.getByText("Dana cadangan: 40%")).toBeVisible();
  await expect(page.getByLabel("Tahun")).toHaveValue(String(Number(todayWita().slice(0, 4)) - 1));
  await page.getByLabel("Tahun").fill("2025");
  await page.getByRole("button", { name: "Lihat pembagian" }).click();
  await expect(page.getByText("SHU 2025: Rp 0")).toBeVisible(); // nothing earned after the cut-over yet
  await page.getByRole("button", { name: "Benar — tutup buku 2025" }).click();
  await expect(page.getByText("Buku 2025 ditutup ✓")).toBeVisible();
  const report = await request.get(`/kelompok/${slug}/tahun/2025`);
  expect(report.status()).toBe(200);
  expect(await report.text()).toContain("SHU");

  // The first member opens her passbook with the code shown once.
  await page.goto("/anggota");
  await page.getByLabel("Kelompok").selectOption(slug);
  await page.getByLabel("Kode anggota").fill("UP-001");
  await page.getByLabel("Kode cek").fill(firstCode);
  await page.getByRole("button", { name: "Buka buku saya" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("UP-001");
  await expect(page.locator(".card", { hasText: "Simpanan saya" })).toContainText(/Rp\s1\.851\.000/);
  await page.getByText("Rincian simpanan").click(); // the breakdown a tap away
  await expect(page.getByRole("row", { name: /^Jumlah simpanan Rp\s1\.851\.000/ })).toBeVisible();
});

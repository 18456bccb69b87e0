import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { E2E_EMPTY_GROUP, privateMemberNames } from "./fixtures";

/** Runs the very script /data tells donors to run, on a downloaded ledger.json (with any seals kept). */
function verifyWithPublicScript(
  ledgerText: string,
  ...args: string[]
): {
  ok: boolean;
  lastHash: string;
  balances: Record<string, number>;
  seq?: number;
  problem?: string;
} {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "kt-open-")), "ledger.json");
  writeFileSync(file, ledgerText);
  try {
    return JSON.parse(
      execFileSync(process.execPath, ["scripts/verify-open-data.mjs", "--json", file, ...args], { encoding: "utf8" }),
    );
  } catch (e) {
    return JSON.parse((e as { stdout: string }).stdout);
  }
}

const GROUPS = ["ratu-damai", "compang-dalo"];
const PUBLIC_PAGES = [
  "/",
  "/dampak",
  "/data",
  "/bandingkan",
  "/metodologi",
  "/verifikasi",
  ...GROUPS.flatMap((s) => [`/kelompok/${s}`, `/kelompok/${s}/buku-kas`]),
];

test("home explains the movement, shows totals and both demo groups", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Kas Terbuka" })).toBeVisible();
  await expect(page.getByText("Rp 1.000 sehari")).toBeVisible();
  await expect(page.getByRole("note")).toContainText("DATA CONTOH (DEMO)");
  await expect(page.getByText("Simpanan disetor", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "KSM Ratu Damai" }).click();
  await expect(page).toHaveURL(/\/kelompok\/ratu-damai$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("KSM Ratu Damai");
});

test("a villager finds her group by village, without JavaScript", async ({ page }) => {
  await page.goto("/?cari=mokel");
  const groups = page.locator("#kelompok ~ .table-wrap tbody");
  await expect(groups.getByRole("link", { name: "KSM Compang Dalo" })).toBeVisible();
  await expect(groups.getByRole("link", { name: "KSM Ratu Damai" })).toHaveCount(0);
  await page.getByLabel("Cari kelompok (nama atau desa)").fill("ratu");
  await page.getByRole("button", { name: "Cari" }).click();
  await expect(groups.getByRole("link", { name: "KSM Ratu Damai" })).toBeVisible();
  await expect(groups.getByRole("link", { name: "KSM Compang Dalo" })).toHaveCount(0);
  await page.goto("/?cari=tidak-ada-desa-ini");
  await expect(page.getByText("Tidak ada kelompok yang cocok.")).toBeVisible();
});

test("a group page is complete without JavaScript: balance sheet, chart, indicators, entries", async ({ page }) => {
  await page.goto("/kelompok/ratu-damai");
  for (const h of [
    "Anggota",
    "Neraca ringkas",
    "12 bulan terakhir",
    "Kepatuhan iuran",
    "Kinerja angsuran",
    "Pinjaman menurut tujuan",
    "Hitung kas terakhir",
    "Catatan terbaru",
  ]) {
    await expect(page.getByRole("heading", { name: h, exact: true })).toBeVisible();
  }
  // The hash check and the seals' codes are a tap away, after the plain verdict.
  await expect(page.getByText(/Rantai hash diperiksa dari isi catatan/)).toBeHidden();
  await page.locator("details.book-check > summary").click();
  await expect(page.getByText(/Rantai hash diperiksa dari isi catatan: [\d.]+ catatan utuh\./)).toBeVisible();
  const chart = page.getByRole("img", { name: "Simpanan disetor, pinjaman disalurkan dan angsuran masuk per bulan" });
  // Drawn on the server: savings on their own scale, loans and repayments on theirs.
  await expect(chart.locator(".recharts-wrapper > svg.recharts-surface")).toHaveCount(2);
  const ticks = await chart.locator(".recharts-cartesian-axis-tick-value").allTextContents();
  expect(ticks.some((x) => / (jt|rb)$/.test(x))).toBe(true);
  expect(ticks.filter((x) => /\d\.\d/.test(x) || /[MkB]$/.test(x))).toEqual([]); // decimal comma, Indonesian units
  await expect(chart.locator("path.recharts-rectangle").first()).toBeAttached();
  await expect(page.getByRole("row", { name: /^Kas Rp/ })).toBeVisible();
  await expect(page.getByText("Desa Golo Meni")).toBeVisible();
});

test("the cash book shows a month with Masuk, Keluar and Saldo, picks months without script, and shows corrections both ways", async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/kelompok/compang-dalo/buku-kas");
  const heads = await page.locator("table.cash-book thead th").allInnerTexts();
  expect(heads).toEqual(["Catatan", "Masuk (Rp)", "Keluar (Rp)", "Saldo (Rp)"]);
  // Whole at 360 px: the page itself never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // Amounts readable (14 px at least), and the table whole in its box (no sideways scroll).
  const fit = await page.locator("table.cash-book").evaluate((t) => ({
    table: t.scrollWidth,
    box: t.parentElement!.clientWidth,
    font: Number.parseFloat(getComputedStyle(t.querySelector("td.num")!).fontSize),
  }));
  expect(fit.table).toBeLessThanOrEqual(fit.box);
  expect(fit.font).toBeGreaterThanOrEqual(14);
  // The seal once for the month, its full hash a tap away; no hash on each row.
  await expect(page.getByRole("heading", { name: /^Segel buku kas / })).toBeVisible();
  await expect(page.locator("table.cash-book .hash")).toHaveCount(0);
  // The month picker is a GET form: choosing a month and sending it shows that month.
  const options = await page
    .locator("select#bulan option")
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const earlier = options[2]!;
  await page.locator("select#bulan").selectOption(earlier);
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(new RegExp(`/buku-kas\\?bulan=${earlier}$`));
  await expect(page.locator("select#bulan")).toHaveValue(earlier);
  await page.getByRole("link", { name: /→$/ }).last().click();
  await expect(page).toHaveURL(new RegExp(`bulan=${options[1]}$`));

  const doc = await (await request.get("/api/open/groups/compang-dalo/ledger.json")).json();
  const correction = doc.entries.find((e: { kind: string }) => e.kind === "correction");
  expect(correction).toBeTruthy();
  await page.goto(`/kelompok/compang-dalo/buku-kas?no=${correction.reversesSeq}`);
  const reversed = page.locator(`#no-${correction.reversesSeq}`);
  await expect(reversed).toContainText(`Dibalik oleh no. ${correction.seq}`);
  // The public reason is a code from the fixed list, shown by its label ("salah jumlah").
  expect(correction.reason).toBe("salah_jumlah");
  await expect(reversed).toContainText("salah jumlah");
  await reversed.getByRole("link", { name: `Dibalik oleh no. ${correction.seq}` }).click();
  await expect(page.locator(`#no-${correction.seq}`)).toContainText(`Membalik no. ${correction.reversesSeq}`);
});

test("the language switch works without JavaScript and is remembered", async ({ page }) => {
  await page.goto("/kelompok/ratu-damai");
  // Through /bahasa (which sets the cookie) and back by a meta refresh.
  await Promise.all([page.waitForURL(/\/bahasa\?/), page.getByRole("link", { name: "English" }).click()]);
  await page.waitForURL(/\/kelompok\/ratu-damai$/);
  await expect(page.getByRole("heading", { name: "Balance sheet at a glance" })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/");
  await expect(page.getByText("All groups together")).toBeVisible();
  await Promise.all([page.waitForURL(/\/bahasa\?/), page.getByRole("link", { name: "Bahasa Indonesia" }).click()]);
  await page.waitForURL((u) => u.pathname === "/");
  await expect(page.getByText("Angka gabungan semua kelompok")).toBeVisible({ timeout: 15_000 });
});

test("open data: the published figures equal a recompute from ledger.json, and every hash verifies", async ({
  request,
}) => {
  const list = await (await request.get("/api/open/groups.json")).json();
  expect(list.license.name).toBe("CC BY 4.0");
  // The two demo groups, and the empty one the e2e server adds for the move-in test.
  expect(list.groups.map((g: { slug: string }) => g.slug).sort()).toEqual([...GROUPS, E2E_EMPTY_GROUP.slug].sort());
  for (const slug of GROUPS) {
    const text = await (await request.get(`/api/open/groups/${slug}/ledger.json`)).text();
    const ledger = JSON.parse(text);
    const r = verifyWithPublicScript(text);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const detail = await (await request.get(`/api/open/groups/${slug}.json`)).json();
    expect(detail.lastHash).toBe(r.lastHash);
    const b = r.balances as Record<string, number>;
    const get = (a: string) => b[a] ?? 0;
    expect(detail.cashRp).toBe(get("cash"));
    expect(detail.loansOutstandingRp).toBe(get("loans_receivable"));
    expect(detail.memberSavingsRp).toBe(-(get("savings_share") + get("savings_mandatory") + get("savings_voluntary")));
    expect(detail.socialFundRp).toBe(-get("social_fund"));
    const last = detail.months.at(-1);
    expect(last.closingBalancesRp.cash).toBe(get("cash"));
    const disbursed = ledger.entries
      .filter((e: { kind: string }) => e.kind === "loan_disbursement")
      .reduce((t: number, e: { amountRp: number }) => t + e.amountRp, 0);
    const reversedDisbursements = ledger.entries
      .filter(
        (e: { kind: string; reversesSeq: number | null }) =>
          e.kind === "correction" && ledger.entries[e.reversesSeq! - 1]?.kind === "loan_disbursement",
      )
      .reduce((t: number, e: { amountRp: number }) => t + e.amountRp, 0);
    expect(detail.loansDisbursedRp).toBe(disbursed - reversedDisbursements);
    // A count the ledger reveals is not hidden under five elsewhere: write-offs in [slug].json = write-off entries.
    const writeOffs = ledger.entries.filter((e: { kind: string }) => e.kind === "write_off").length;
    expect(detail.loans.byStatus.dihapus ?? 0).toBe(writeOffs);
    const csv = await (await request.get(`/api/open/groups/${slug}/ledger.csv`)).text();
    const [header, ...rows] = csv.trim().split("\n");
    expect(rows).toHaveLength(ledger.entries.length);
    // The demo marker is in the CSV too, on every row (the JSON has isDemo).
    expect(header!.split(",").at(-1)).toBe("is_demo");
    expect(rows.every((r) => r.endsWith(",true"))).toBe(true);
  }
});

test("no member name appears on any public page or open-data file", async ({ request }) => {
  const names = await privateMemberNames();
  expect(names.length).toBeGreaterThan(40);
  const urls = [
    ...PUBLIC_PAGES,
    "/api/open/groups.json",
    ...GROUPS.flatMap((s) => [
      `/api/open/groups/${s}.json`,
      `/api/open/groups/${s}/ledger.json`,
      `/api/open/groups/${s}/ledger.csv`,
    ]),
  ];
  for (const url of urls) {
    const body = await (await request.get(url)).text();
    for (const name of names) expect(body.includes(name), `${name} on ${url}`).toBe(false);
    expect(body).not.toMatch(/full_?name/i);
  }
});

test("the impact page compares groups with every indicator defined, and /data documents the files", async ({
  page,
}) => {
  await page.goto("/dampak");
  await expect(page.getByRole("heading", { name: "Perbandingan kelompok" })).toBeVisible();
  for (const name of [
    "PAR30",
    "Tingkat pengembalian",
    "Saldo simpanan per anggota",
    "Anggota yang sedang meminjam",
    "Pemanfaatan dana pinjaman",
    "Hasil atas simpanan",
    "Kepatuhan iuran",
    "Anggota keluar tahun ini",
  ]) {
    await expect(page.getByRole("rowheader", { name: new RegExp(`^${name.replace(/[()]/g, "\\$&")}`) })).toBeVisible();
  }
  await expect(page.getByRole("rowheader", { name: "Golo Meni" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Mokel" })).toBeVisible();
  await page.goto("/data");
  await expect(page.getByRole("link", { name: "CC BY 4.0" })).toBeVisible();
  await expect(page.getByText("node scripts/verify-open-data.mjs")).toBeVisible();
  await page
    .getByRole("link", { name: "ledger.csv" })
    .first()
    .getAttribute("href")
    .then((href) => expect(href).toMatch(/ledger\.csv$/));
});

test("the monthly report closes on the same cash as the group page, and prints on one A4 page", async ({
  page,
  request,
}) => {
  const detail = await (await request.get("/api/open/groups/ratu-damai.json")).json();
  const month = detail.months.at(-1).month;
  await page.goto(`/kelompok/ratu-damai/laporan/${month}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Laporan bulanan KSM Ratu Damai");
  // This month is not closed: the report says so and prints no final seal.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("sementara");
  await expect(page.locator("section.seal")).toHaveCount(0);
  const cash = `Rp ${String(detail.cashRp).replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;
  await expect(page.getByRole("row", { name: /^Kas / })).toContainText(cash);
  await page.emulateMedia({ media: "print" });
  // Printed for the notice board, it still says the figures are demo data.
  await expect(page.locator(".demo-banner")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 }).locator(".badge", { hasText: "Demo" })).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
  expect((await request.get("/kelompok/ratu-damai/laporan/2026-13")).status()).toBe(404);
});

test("a missing group or a month outside the group's life is the site's own 404, readable without JavaScript, in the visitor's language", async ({
  page,
  request,
}) => {
  const founded = (await (await request.get("/api/open/groups/ratu-damai.json")).json()).foundedOn as string;
  const before = String(Number(founded.slice(0, 4)) - 1);
  for (const url of [
    `/kelompok/ratu-damai/laporan/${before}-12`,
    "/kelompok/ratu-damai/laporan/2099-01",
    "/kelompok/tidak-ada",
  ]) {
    const r = await page.goto(url);
    expect(r?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
    await expect(page.getByRole("link", { name: "Kembali ke beranda" })).toBeVisible();
  }
  await page.context().addCookies([{ name: "bahasa", value: "en", url: page.url() }]);
  await page.goto("/kelompok/tidak-ada");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.context().clearCookies();
});

test("unknown groups answer 404", async ({ request }) => {
  expect((await request.get("/kelompok/tidak-ada")).status()).toBe(404);
  expect((await request.get("/api/open/groups/tidak-ada.json")).status()).toBe(404);
  expect((await request.get("/api/open/groups/tidak-ada/ledger.csv")).status()).toBe(404);
});

test("every other spelling of a public address is one redirect to its canonical URL; an address no route has is a 404 without a script", async ({
  request,
}) => {
  for (const [spelt, canonical] of [
    ["/api/open/groups/ratu%2Ddamai/ledger.json", "/api/open/groups/ratu-damai/ledger.json"],
    ["/kelompok/ratu%2ddamai?&", "/kelompok/ratu-damai"],
    ["/kelompok/ratu-damai/buku-kas/", "/kelompok/ratu-damai/buku-kas"],
    ["/dampak?utm_source=x&hal=", "/dampak"],
    [
      "/verifikasi?segel=3BAB-6FF7-87E1&kelompok=ratu-damai&no=1",
      "/verifikasi?kelompok=ratu-damai&no=1&segel=3BAB-6FF7-87E1",
    ],
  ] as const) {
    const r = await request.get(spelt, { maxRedirects: 0 });
    expect([r.status(), r.headers().location], spelt).toEqual([301, canonical]);
  }
  const followed = await request.get("/kelompok/ratu%2Ddamai");
  expect(followed.url()).toMatch(/\/kelompok\/ratu-damai$/);
  expect(await followed.text()).not.toContain("<script");
  const missing = await request.get("/kelompok/ratu-damai/tidak-ada");
  expect(missing.status()).toBe(404);
  expect(await missing.text()).not.toContain("<script");
});

test("with JavaScript on, public pages still load no script, and the charts are the server's SVG", async ({
  page,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, "the browser would run scripts here, if there were any");
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && errors.push(`${page.url()}: ${m.text()}`));
  for (const url of PUBLIC_PAGES) await page.goto(url, { waitUntil: "networkidle" });
  expect(scripts).toEqual([]);
  expect(errors).toEqual([]);
  await page.goto("/kelompok/ratu-damai");
  await expect(page.locator(".chart svg.recharts-surface").first()).toBeAttached();
});

test("a first visit to a group page is at most 30 KB over the wire (HTML and every stylesheet, compressed as sent)", async ({
  request,
}) => {
  const gz = { "accept-encoding": "gzip" };
  const page = await request.get("/kelompok/ratu-damai", { headers: gz });
  const html = await page.text();
  // Playwright decodes the body; the bytes on the wire are the compressed length the server sent.
  const wire = async (r: Awaited<ReturnType<typeof request.get>>) =>
    Number(r.headers()["content-length"] ?? (await r.body()).length);
  expect(page.headers()["content-encoding"]).toBe("gzip");
  let total = await wire(page);
  const sheets = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  expect(sheets.length).toBeGreaterThan(0);
  for (const href of sheets) {
    const css = await request.get(href, { headers: gz });
    expect(css.ok()).toBe(true);
    total += await wire(css);
  }
  expect(total).toBeLessThanOrEqual(30 * 1024);
});

test("public pages have no serious accessibility violations (axe-core), at 360 px and 1280 px, in both languages", async ({
  page,
  baseURL,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, "axe runs inside the page (the pages themselves carry no script either way)");
  test.setTimeout(180_000);
  const found: string[] = [];
  for (const lang of ["id", "en"]) {
    await page.context().addCookies([{ name: "bahasa", value: lang, url: baseURL! }]);
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 740 });
      for (const url of [...PUBLIC_PAGES, "/anggota", "/kelompok/tidak-ada"]) {
        await page.goto(url);
        const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
        for (const v of r.violations.filter((v) => v.impact === "serious" || v.impact === "critical"))
          found.push(`${lang} ${width}px ${url}: ${v.id} ${v.nodes[0]?.target}`);
      }
    }
  }
  await page.context().clearCookies();
  expect(found).toEqual([]);
});

test("the seal printed on a monthly report is the books' checkpoint: the verifier and the verify page agree, a wrong one is caught", async ({
  page,
  request,
}) => {
  const cps = (await (await request.get("/api/open/groups/ratu-damai/checkpoints.json")).json()).checkpoints as {
    month: string;
    seq: number;
    hash: string;
    seal: string;
    closed: boolean;
  }[];
  // The last closed month (in the first days of a month, last month may still be provisional: no final seal).
  const last = cps.filter((c) => c.closed).at(-1)!;
  await page.goto(`/kelompok/ratu-damai/laporan/${last.month}`);
  await page.emulateMedia({ media: "print" });
  const box = page.locator("section.seal");
  await expect(box).toBeVisible();
  const printed = await box.locator(".seal-code").innerText();
  const seq = Number(/no\. (\d+)/.exec(await box.innerText())![1]);
  expect(printed).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  expect(box.locator("svg.qr")).toBeVisible();
  // What the village kept (read off the paper) checks against the books as published now.
  const ledgerText = await (await request.get("/api/open/groups/ratu-damai/ledger.json")).text();
  expect(verifyWithPublicScript(ledgerText, "--expect", `${seq}:${printed}`).ok).toBe(true);
  expect({ seq, hash: last.hash.startsWith(printed.replace(/-/g, "").toLowerCase()) }).toEqual({
    seq: last.seq,
    hash: true,
  });
  // A seal that is not the books' (one digit off) is caught, naming the entry.
  const wrong = `${printed.slice(0, -1)}${printed.endsWith("0") ? "1" : "0"}`;
  expect(verifyWithPublicScript(ledgerText, "--expect", `${seq}:${wrong}`)).toMatchObject({ ok: false, seq });
  // The verify page, as the QR code opens it, says the same, without JavaScript.
  await page.emulateMedia({ media: "screen" });
  await page.goto(`/verifikasi?kelompok=ratu-damai&no=${seq}&segel=${printed}`);
  await expect(page.getByRole("status")).toContainText("✓ Cocok");
  // A seal one digit off matches no entry: the page asks to check what was typed (not "the books were changed").
  await page.goto(`/verifikasi?kelompok=ratu-damai&no=${seq}&segel=${wrong}`);
  await expect(page.getByRole("status")).toContainText("Periksa lagi huruf-angka yang Anda ketik");
  // Eight digits are refused; the full hash (what the QR code carries) is checked on all its digits.
  await page.goto(`/verifikasi?kelompok=ratu-damai&no=${seq}&segel=${printed.slice(0, 9)}`);
  await expect(page.getByRole("status")).toContainText("Segel terlalu pendek");
  await page.goto(`/verifikasi?kelompok=ratu-damai&no=${seq}&segel=${last.hash}`);
  await expect(page.getByRole("status")).toContainText("✓ Cocok");
});

test("a group page answers 'is our money safe?' first, in plain words with a mark for each fact", async ({
  page,
  request,
}) => {
  const detail = await (await request.get("/api/open/groups/compang-dalo.json")).json();
  await page.goto("/kelompok/compang-dalo");
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText("Apakah uang kelompok aman?");
  const safe = page.locator("section.safe");
  const rpOf = (n: number) => `Rp ${n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;
  await expect(safe).toContainText(`${rpOf(detail.cashRp)} di kas`);
  await expect(safe).toContainText(`${rpOf(detail.loansOutstandingRp)} sedang dipinjam anggota`);
  // The demo keeps its spare money in the bank: how much, and whether the last statement matched the book.
  expect(detail.bankRp).toBeGreaterThan(0);
  await expect(safe).toContainText(`${rpOf(detail.bankRp)} di bank`);
  await expect(safe).toContainText(/Saldo rekening bank dicocokkan \d{1,2} \w{3} \d{4}: (cocok dengan buku|selisih)/);
  await expect(safe).toContainText(/Kas dihitung \d{1,2} \w{3} \d{4}: (cocok dengan buku|lebih|kurang)/);
  await expect(safe).toContainText("Buku kas disegel akhir");
  // The verdict first, one of three, in plain words.
  await expect(safe.locator("p.verdict strong")).toHaveText(/^(Aman|Perlu diperiksa|Bermasalah)$/);
  // What moved since the last count, from the ledger.
  await expect(safe).toContainText(/Sejak kas dihitung \d{1,2} \w{3} \d{4}: masuk Rp\s[\d.]+, keluar Rp\s[\d.]+/);
  // Every fact but the first carries its own mark a screen reader can name (cash, bank, repayments, chain, seal, …).
  expect(await safe.getByRole("img", { name: /^(baik|perlu diperiksa|masalah)$/ }).count()).toBeGreaterThanOrEqual(5);
});

test("every public page is whole at 360 px and at 1280 px, in both languages, with no script: nothing wider than the screen or its box", async ({
  page,
  request,
  baseURL,
  javaScriptEnabled,
}) => {
  test.skip(javaScriptEnabled, "public pages carry no script: one run, JavaScript off, is what every phone gets");
  test.setTimeout(120_000);
  const rd = await (await request.get("/api/open/groups/ratu-damai.json")).json();
  const month = rd.months.at(-2).month;
  const pages = [
    ...PUBLIC_PAGES,
    "/bandingkan?amount=1000000&months=4",
    "/anggota",
    `/kelompok/ratu-damai/laporan/${month}`,
    `/kelompok/ratu-damai/tahun/${rd.closedYears.at(-1).year}`,
    "/kelompok/tidak-ada",
  ];
  const problems: string[] = [];
  for (const lang of ["id", "en"]) {
    await page.context().addCookies([{ name: "bahasa", value: lang, url: baseURL! }]);
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 740 });
      for (const url of pages) {
        await page.goto(url);
        const found = await page.evaluate((w) => {
          const out: string[] = [];
          if (document.querySelectorAll("script").length) out.push("a <script> on a public page");
          if (document.documentElement.scrollWidth > w) out.push(`document ${document.documentElement.scrollWidth}px`);
          for (const t of document.querySelectorAll("table"))
            if (t.getBoundingClientRect().width > t.parentElement!.clientWidth + 1) out.push(`table ${t.className}`);
          const clipped = (el: Element) => {
            for (let a = el.parentElement; a; a = a.parentElement) {
              const s = getComputedStyle(a);
              if (s.overflowX !== "visible" || s.clip !== "auto") return true;
            }
            return false;
          };
          for (const el of document.querySelectorAll("body *")) {
            const parent = el.parentElement!;
            const r = el.getBoundingClientRect();
            if (r.width === 0 || clipped(el)) continue;
            if (r.right > parent.getBoundingClientRect().right + 1 && getComputedStyle(parent).display !== "inline")
              out.push(
                `${el.tagName.toLowerCase()}.${el.className} past its parent by ${Math.round(r.right - parent.getBoundingClientRect().right)}px`,
              );
          }
          return out.slice(0, 3);
        }, width);
        for (const f of found) problems.push(`${lang} ${width}px ${url}: ${f}`);
      }
    }
  }
  expect(problems).toEqual([]);
});

test("an English page's charts use English units", async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: "bahasa", value: "en", url: baseURL! }]);
  await page.goto("/kelompok/ratu-damai");
  const ticks = await page.locator(".chart .recharts-cartesian-axis-tick-value").allTextContents();
  expect(ticks.some((x) => /\d(M|k)$/.test(x))).toBe(true);
  expect(ticks.filter((x) => / (jt|rb)$/.test(x) || /\d,\d/.test(x))).toEqual([]);
  await page.context().clearCookies();
});

test("every public page speaks the reader's language: no known Indonesian words on an English page, nor English ones on an Indonesian page", async ({
  page,
  baseURL,
  javaScriptEnabled,
}) => {
  test.skip(javaScriptEnabled, "one run is enough: the words are the server's");
  const rd = await (await page.request.get("/api/open/groups/ratu-damai.json")).json();
  const pages = [
    ...PUBLIC_PAGES,
    "/bandingkan?amount=1000000&months=4",
    "/anggota",
    "/kelompok/tidak-ada",
    `/kelompok/ratu-damai/laporan/${rd.months.at(-2).month}`,
    `/kelompok/ratu-damai/tahun/${rd.closedYears.at(-1).year}`,
  ];
  // Distinctive words of each language (place and group names, code and file names aside).
  const words = {
    en: /\b(the|and|of|with|from|Flat|declining|annuity|Savings|Loans?|members?|month|months|year|amount|integer|when|every|entry|entries|Opening|Closing)\b/,
    id: /\b(dan|yang|dengan|untuk|jumlah|bulan|tahun|anggota|kelompok|pinjaman|simpanan|Simpanan|Pinjaman|Anggota|Kelompok|dari|tidak|belum|sudah|hari|bln|rb|jt|Tujuan|Jumlah|Pokok|menurun|anuitas)\b/,
  };
  const found: string[] = [];
  for (const lang of ["id", "en"] as const) {
    await page.context().addCookies([{ name: "bahasa", value: lang, url: baseURL! }]);
    for (const url of pages) {
      await page.goto(url);
      // Code, file names, the other language's switch link (marked lang) and the demo notice are not prose.
      await page.evaluate(() =>
        document.querySelectorAll("code, pre, .demo-banner, [lang]:not(html)").forEach((e) => {
          e.remove();
        }),
      );
      const other = lang === "id" ? words.en : words.id;
      for (const line of (await page.locator("body").innerText()).split("\n"))
        if (other.test(line)) found.push(`${lang} ${url}: ${line.slice(0, 100)}`);
    }
  }
  await page.context().clearCookies();
  expect(found).toEqual([]);
});

test("the README's pictures: the group page at 360 px and at desktop width, taken from the running demo", async ({
  page,
  javaScriptEnabled,
}) => {
  test.skip(javaScriptEnabled, "public pages carry no script: the no-JavaScript page is the page");
  mkdirSync("docs/screenshots", { recursive: true });
  for (const [width, file] of [
    [360, "docs/screenshots/group-page-360.png"],
    [1280, "docs/screenshots/group-page-1280.png"],
  ] as const) {
    await page.setViewportSize({ width, height: width === 360 ? 1600 : 1000 });
    await page.goto("/kelompok/ratu-damai");
    await expect(page.locator("section.safe")).toBeVisible();
    await page.screenshot({ path: file });
  }
});

import { expect, test } from "@playwright/test";

// The e2e server trusts X-Forwarded-For (TRUST_PROXY=1), so each test can be its own address.
test.beforeEach(async ({ page }, info) => {
  await page.setExtraHTTPHeaders({
    "x-forwarded-for": `10.${info.project.name.length}.${info.line % 250}.${Date.now() % 250}`,
  });
});

test("a member opens her passbook with member code and kode cek, and closes it", async ({
  page,
  javaScriptEnabled,
}) => {
  await page.goto("/anggota");
  await page.getByLabel("Kelompok").selectOption("ratu-damai");
  await page.getByLabel("Kode anggota").fill(javaScriptEnabled ? "RD-002" : "RD-001");
  await page.getByLabel("Kode cek").fill(javaScriptEnabled ? "100002" : "100001");
  await page.getByRole("button", { name: "Buka buku saya" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(javaScriptEnabled ? "RD-002" : "RD-001");
  await expect(page.locator(".card", { hasText: "Simpanan saya" })).toBeVisible();
  // The breakdown a tap away (a <details>, no script).
  await page.getByText("Rincian simpanan").click();
  await expect(page.getByRole("row", { name: /^Jumlah simpanan Rp/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Riwayat per tahun" })).toBeVisible();
  await page.getByRole("button", { name: "Tutup buku" }).click();
  await expect(page.getByRole("button", { name: "Buka buku saya" })).toBeVisible();
});

test("the demo hint on /anggota, followed exactly as written, opens that member's passbook", async ({ page }) => {
  await page.goto("/anggota");
  const hint = await page.locator("#demo-hint").innerText();
  const [, group, member, check] = /kelompok (.+), kode anggota (\S+), kode cek (\d+)\./.exec(hint) ?? [];
  expect(group && member && check, hint).toBeTruthy();
  // The form already shows the hinted group, so typing the two codes is enough.
  await expect(page.getByLabel("Kelompok").locator("option:checked")).toHaveText(group!);
  await page.getByLabel("Kode anggota").fill(member!);
  await page.getByLabel("Kode cek").fill(check!);
  await page.getByRole("button", { name: "Buka buku saya" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${member} · ${group}`);
});

test("wrong codes get one generic answer, then are slowed down for that member only", async ({
  page,
  javaScriptEnabled,
}) => {
  const code = javaScriptEnabled ? "CD-004" : "CD-003";
  const attempt = async (member: string, check: string) => {
    await page.goto("/anggota");
    await page.getByLabel("Kelompok").selectOption("compang-dalo");
    await page.getByLabel("Kode anggota").fill(member);
    await page.getByLabel("Kode cek").fill(check);
    await page.getByRole("button", { name: "Buka buku saya" }).click();
    return page.locator("p[role=alert]").innerText();
  };
  const unknownMember = await attempt("CD-999", "123456");
  const wrongCode = await attempt(code, "999999");
  expect(unknownMember).toBe("Kode anggota atau kode cek salah.");
  expect(wrongCode).toBe(unknownMember);
  for (let i = 0; i < 3; i++) await attempt(code, "999999");
  // Now even the right code waits a while, and the page says how long.
  expect(await attempt(code, javaScriptEnabled ? "200004" : "200003")).toMatch(
    /^Terlalu banyak percobaan dari sini\. Tunggu \d+ detik, lalu coba lagi\.$/,
  );
  // Another member on the same phone is not stopped by it.
  expect(await attempt(javaScriptEnabled ? "CD-006" : "CD-005", "999999")).toBe("Kode anggota atau kode cek salah.");
});

/** The demo's oldest member: joined at the founding, so her passbook is the longest (her codes as the first test's). */
const OLDEST = { group: "ratu-damai", code: "RD-001", check: "100001" };
const SCREEN = { width: 360, height: 740 };

test("the oldest member's passbook: what she has and owes on the first screen, all of it under five screens at 360 px", async ({
  page,
}) => {
  await page.setViewportSize(SCREEN);
  await page.goto("/anggota");
  await page.getByLabel("Kelompok").selectOption(OLDEST.group);
  await page.getByLabel("Kode anggota").fill(OLDEST.code);
  await page.getByLabel("Kode cek").fill(OLDEST.check);
  await page.getByRole("button", { name: "Buka buku saya" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(OLDEST.code);
  const bottomOf = async (selector: string) => {
    const boxes = await page
      .locator(selector)
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom + window.scrollY));
    return Math.max(0, ...boxes);
  };
  // On the first screen: her savings now, her days paid this month, and every running loan with what is due.
  await expect(page.locator(".card", { hasText: "Simpanan saya" })).toContainText(/Rp\s[\d.]+/);
  await expect(page.locator(".card", { hasText: "Iuran bulan ini" })).toContainText(/\d+ dari \d+ hari/);
  expect(await bottomOf(".cards")).toBeLessThanOrEqual(SCREEN.height);
  const loans = page.locator("section.loan-due");
  if ((await loans.count()) > 0) {
    for (const loan of await loans.all()) await expect(loan).toContainText(/[Bb]ayar sekarang Rp|Berikutnya: Rp/);
    // A member holds at most two running loans (the demo's rule): both on the first screen.
    const firstTwo = await loans.evaluateAll((els) =>
      els.slice(0, 2).map((e) => e.getBoundingClientRect().bottom + window.scrollY),
    );
    expect(Math.max(...firstTwo)).toBeLessThanOrEqual(SCREEN.height);
  } else await expect(page.getByText("Tidak ada pinjaman berjalan.")).toBeVisible();
  // A late loan says how late, and the fine, before anything else.
  for (const late of await page.locator("section.loan-due p.warn").allInnerTexts())
    expect(late).toMatch(/[Bb]ayar sekarang Rp/);
  // History by year, collapsed; repaid loans one line each, no schedule.
  const years = page.locator("details", { has: page.locator("summary", { hasText: /^\d{4}: disetor Rp/ }) });
  expect(await years.count()).toBeGreaterThan(0);
  for (const open of await years.evaluateAll((ds) => ds.map((d) => (d as HTMLDetailsElement).open)))
    expect(open).toBe(false);
  await expect(page.getByText(/[Hh]ari bisa dibayar di muka atau menyusul/)).toBeVisible();
  // Money taken out is never a negative deposit: its own column, and the year's months fit the screen.
  expect(await years.locator("summary").allInnerTexts()).not.toContainEqual(expect.stringMatching(/−\s?Rp/));
  const oldest = years.last();
  await oldest.locator("summary").click();
  expect(await oldest.locator("table.months thead th").allInnerTexts()).toEqual([
    "Bulan",
    "Disetor",
    "Ditarik",
    "Hari",
  ]);
  const fit = await oldest
    .locator("table.months")
    .evaluate((t) => ({ table: t.scrollWidth, box: t.parentElement!.clientWidth }));
  expect(fit.table).toBeLessThanOrEqual(fit.box);
  expect(await oldest.locator("table.months").innerText()).not.toMatch(/−\s?Rp/);
  await oldest.locator("summary").click();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height, `${height} px`).toBeLessThan(5 * SCREEN.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SCREEN.width);
});

test("a wrong kode cek keeps the group and member code in the form, and the page says what to do when it is lost", async ({
  page,
  javaScriptEnabled,
}) => {
  const code = javaScriptEnabled ? "CD-008" : "CD-007";
  await page.goto("/anggota");
  await expect(page.getByText(/Kode cek hilang atau lupa\? .*bendahara atau pengawas/)).toBeVisible();
  await page.getByLabel("Kelompok").selectOption("compang-dalo");
  await page.getByLabel("Kode anggota").fill(code);
  await page.getByLabel("Kode cek").fill("999999");
  await page.getByRole("button", { name: "Buka buku saya" }).click();
  await expect(page.locator("p[role=alert]")).toHaveText("Kode anggota atau kode cek salah.");
  await expect(page.getByLabel("Kelompok")).toHaveValue("compang-dalo");
  await expect(page.getByLabel("Kode anggota")).toHaveValue(code);
  await expect(page.getByLabel("Kode cek")).toHaveValue("");
  expect(page.url()).not.toContain("999999");
});

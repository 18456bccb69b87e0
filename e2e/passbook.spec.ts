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
  await expect(page.getByRole("heading", { name: "Simpanan saya" })).toBeVisible();
  await expect(page.getByRole("row", { name: /^Jumlah simpanan Rp/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Setoran per bulan" })).toBeVisible();
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

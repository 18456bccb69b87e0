import { expect, test } from "@playwright/test";
import { signInApi } from "./api-session";
import { openTab } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

test("a member whose name looks like another's is added only once the treasurer confirms; added by mistake, she leaves the same day", async ({
  page,
  context,
  baseURL,
}) => {
  await signInApi(context.request, baseURL!, "bendahara-cd", "demo-bendahara-compang-dalo");
  await page.goto("/admin");
  await openTab(page, "Anggota");
  const first = page.locator("tbody tr").first();
  await expect(first).toBeVisible();
  const existing = (await first.locator("td").nth(1).innerText()).replace(/\s*\(.*\)$/, "");
  const code = `CD-N${Date.now().toString(36).slice(-5).toUpperCase()}`;

  // The same name in capitals and with double spaces: the server asks, the form explains beside the name.
  await page.getByLabel("Kode anggota").fill(code);
  await page.getByLabel("Nama lengkap").fill(existing.toUpperCase().replace(" ", "  "));
  await page.getByRole("button", { name: "Tambah anggota" }).click();
  await expect(page.getByText(/Nama ini sama dengan nama anggota CD-\d/)).toBeVisible();
  const confirm = page.getByLabel(/orang lain yang namanya sama/);
  await confirm.check();
  await page.getByRole("button", { name: "Tambah anggota" }).click();
  await expect(page.locator("p[role=status]")).toContainText(`Kode cek baru untuk ${code}`);

  // Added by mistake: she leaves on the day she joined.
  await page.reload();
  await openTab(page, "Anggota");
  const row = page.locator("tbody tr").filter({ hasText: code });
  await row.locator("summary").click(); // her actions, behind one tap on her card
  await row.getByRole("button", { name: "Keluar dari kelompok" }).click();
  // Asked first; with no savings and no loan, she leaves on "Ya".
  await page.getByRole("button", { name: "Ya, catat keluar" }).click();
  await expect(page.locator("p[role=status]")).toContainText(`${code} tercatat keluar`);
  // She is shown as gone (the list is read again): no leave button on her row any more.
  await expect(row.getByRole("button", { name: "Keluar dari kelompok" })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

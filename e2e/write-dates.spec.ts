import { expect, test } from "@playwright/test";
import { formatDate } from "@/server/i18n/format";
import { signInApi, todayWita } from "./api-session";
import { openTab } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue #25, a date on every write: the treasurer writing up yesterday's meeting this morning dates
 * the expense yesterday, and it is booked on that day; the date control offers no day ahead, and
 * none before the first day still open.
 */
test("an expense dated yesterday is booked on yesterday; the date control offers no future day", async ({
  page,
  context,
  baseURL,
}) => {
  const today = todayWita();
  const yesterday = addDays(today, -1);
  await signInApi(context.request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
  await page.goto("/admin");
  await openTab(page, "Kas");
  const form = page.locator("main section form").first();
  const date = form.getByLabel("Tanggal");

  // Today by default; nothing after today offered, nothing before the first open day.
  await expect(date).toHaveValue(today);
  await expect(date).toHaveAttribute("max", today);
  const min = (await date.getAttribute("min"))!;
  expect(min).toMatch(/^\d{4}-\d{2}-01$/); // the first of this month or of the month just finished
  expect(min <= today).toBe(true);
  // On the 1st to the 5th a countersigned previous month closes yesterday: nothing to date back to.
  test.skip(yesterday < min, "yesterday is in a month already closed");

  // Typed anyway (a keyboard, a script): refused before sending, in the server's words.
  await form.getByLabel("Jumlah").fill("12345");
  await date.fill(addDays(today, 1));
  await form.getByRole("button", { name: "Simpan" }).click();
  await expect(form.locator("#cd-error")).toHaveText("Tanggal tidak boleh di masa depan.");
  await expect(form.locator(".confirm")).toHaveCount(0);

  // Yesterday: the control says it is not today; the last step says the date in words.
  await date.fill(yesterday);
  await expect(form.locator("#cd-error")).toHaveCount(0);
  await expect(form.locator("#cd-open")).toContainText("Bukan hari ini.");
  await form.getByRole("button", { name: "Simpan" }).click();
  const confirm = form.locator(".confirm");
  await expect(confirm).toContainText(`tanggal ${formatDate(yesterday, "id")}`);
  await confirm.getByRole("button", { name: "Benar — simpan" }).click();
  const status = form.locator("p[role=status]");
  await expect(status).toContainText("Tersimpan ✓ catatan no. ");
  const seq = /no\. (\d+)/.exec(await status.innerText())![1]!;
  // The date stays for the next entry of the same meeting.
  await expect(date).toHaveValue(yesterday);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // In the list of entries it carries yesterday's date.
  await openTab(page, "Koreksi");
  const row = page
    .locator("main section table tbody tr")
    .filter({ has: page.locator("td:first-child", { hasText: new RegExp(`^${seq}$`) }) });
  await expect(row.locator("td").nth(1)).toHaveText(formatDate(yesterday, "id"));
  await expect(row).toContainText("12.345");
});

import { expect, test } from "@playwright/test";
import { mutate, signInApi, todayWita } from "./api-session";
import { openTab, sendTo, tick } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

test("a member who missed yesterday pays for it today by naming the days; yesterday then shows her as paid", async ({
  page,
  context,
  baseURL,
}) => {
  await signInApi(context.request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
  await page.goto("/admin");
  await openTab(page, "Setoran");
  const today = todayWita();
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  // Yesterday's grid: someone who did not pay (the demo's members miss days now and then).
  await page.getByLabel("Tanggal").fill(yesterday);
  await expect(page.locator(`ul.pay-list[data-paid-for="${yesterday}"][aria-busy=false]`)).toBeVisible();
  const unpaid = page.locator("ul.pay-list li").filter({ has: page.locator("input[type=checkbox]:not([disabled])") });
  const label = await unpaid.first().locator("label").innerText();
  const code = label.split(" ")[0]!;

  // Today's grid: only her, for yesterday and today; the amount follows the days.
  await page.getByLabel("Tanggal").fill(today);
  await expect(page.locator(`ul.pay-list[data-paid-for="${today}"][aria-busy=false]`)).toBeVisible();
  await expect(page.locator("ul.pay-list input[type=checkbox]:checked")).toHaveCount(0); // nothing chosen
  const row = page.locator("ul.pay-list li", { hasText: label });
  await tick(row.getByRole("checkbox"));
  const days = row.getByLabel(`Untuk hari (${code})`);
  await days.selectOption("-1"); // one missed day before today
  await expect(days.locator("option:checked")).toHaveText(/ – .* \(2 hari\)$/);
  await expect(row.getByRole("textbox")).toHaveValue("2000");
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  const status = page.locator(".pay-bar p[role=status]");
  await expect(status).toContainText("Tersimpan ✓ catatan no. ");
  await expect(status).toContainText("setoran 1 anggota, Rp 2.000");
  const seq = Number(/no\. (\d+)/.exec(await status.innerText())![1]);
  // Her receipt counts the two days.
  const share = page.getByRole("link", { name: sendTo(code!) });
  const text = decodeURIComponent((await share.getAttribute("href"))!.split("text=")[1]!).replace(/\u00a0/g, " ");
  expect(text).toContain("Simpanan wajib: Rp 2.000 dibayar (2 hari)");

  // Yesterday now shows her as paid by that entry, and she cannot be ticked again.
  await page.getByLabel("Tanggal").fill(yesterday);
  await expect(page.locator(`ul.pay-list[data-paid-for="${yesterday}"][aria-busy=false]`)).toBeVisible();
  await expect(page.locator("ul.pay-list li", { hasText: label })).toContainText(`sudah bayar (no. ${seq})`);
  await expect(page.locator("ul.pay-list li", { hasText: label }).getByRole("checkbox")).toBeDisabled();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Another phone that still thinks she owes yesterday (her only line) is refused, with the first entry's number.
  const again = await mutate(context.request, baseURL!, "admin.contributions.record", {
    groupSlug: "ratu-damai",
    date: today,
    idempotencyKey: `e2e-again-${Date.now()}`,
    lines: [{ memberCode: code, amount: 1000, days: [yesterday] }],
  });
  expect(again.status()).toBe(400);
  expect(JSON.stringify(await again.json())).toContain(`"seq":${seq}`);
});

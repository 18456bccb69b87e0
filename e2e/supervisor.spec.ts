import { expect, test } from "@playwright/test";
import { mutate, signInApi, todayWita } from "./api-session";

test.use({ viewport: { width: 360, height: 740 } });

test("the supervisor sees what waits for her signature, each saying what she confirms, and signs a count in one tap", async ({
  page,
  context,
  baseURL,
}) => {
  await signInApi(context.request, baseURL!, "pengawas-rd", "demo-pengawas-ratu-damai");
  await page.goto("/admin");
  const list = page.locator("section[aria-labelledby=to-sign]");
  const heading = list.getByRole("heading", { name: /^Menunggu tanda tangan Anda \(\d+\)$/ });
  await expect(heading).toBeVisible();
  const waiting = Number(/\((\d+)\)/.exec(await heading.innerText())![1]);
  expect(waiting).toBeGreaterThan(0);
  // A cash count says the day, what was counted, what the book says, over or short, and who counted.
  const count = list.locator("li", { hasText: /^Hitung kas \d+ \w+ \d{4}: dihitung Rp/ }).first();
  await expect(count).toContainText(
    /buku Rp\s[\d.]+ — (cocok dengan buku|lebih Rp\s[\d.]+ dari buku|kurang Rp\s[\d.]+ dari buku)\. Dicatat /,
  );
  await expect(
    list.locator("li", { hasText: /^Segel \w+ \d{4}: buku sampai catatan no\. \d+, segel / }).first(),
  ).toBeVisible();
  await expect(list).toContainText(/catatan lebih lama belum ditandatangani\./);
  // The sentence, without the buttons and the "Tanyakan" form after it.
  const what = (await count.innerText()).replace(/\s*Tandatangani[\s\S]*$/, "");
  await count.getByRole("button", { name: "Tandatangani" }).click();
  await expect(list.locator("p[role=status]")).toHaveText(`✓ ditandatangani: ${what}`);
  await expect(heading).toHaveText(`Menunggu tanda tangan Anda (${waiting - 1})`);
  await expect(list.locator("li", { hasText: what })).toHaveCount(0);

  // A seal: the oldest month still waiting in the list (the newest is left for another test).
  const seal = list.locator("li", { hasText: /^Segel / }).last();
  const month = (await seal.innerText()).split(":")[0]!;
  await seal.getByRole("button", { name: "Tandatangani" }).click();
  await expect(list.locator("p[role=status]")).toContainText(`✓ ditandatangani: ${month}:`);
  await expect(list.locator("li", { hasText: `${month}:` })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("nobody signs her own record: the admin's own count is listed for someone else to sign", async ({
  page,
  context,
  baseURL,
}) => {
  await signInApi(context.request, baseURL!, "admin-demo", "demo-admin-kas-terbuka");
  const counted = await mutate(context.request, baseURL!, "admin.cash.count", {
    groupSlug: "ratu-damai",
    date: todayWita(),
    countedAmount: 123_000,
    confirmed: true, // far from the book: the treasurer confirmed it
    idempotencyKey: `e2e-own-count-${Date.now()}`,
  });
  expect(counted.ok(), await counted.text()).toBe(true);
  await page.goto("/admin");
  const own = page.locator("section[aria-labelledby=to-sign] li", { hasText: "dihitung Rp 123.000" });
  await expect(own).toContainText("Dicatat admin-demo. dicatat oleh Anda — orang lain yang menandatangani");
  await expect(own.getByRole("button")).toHaveCount(0);
});

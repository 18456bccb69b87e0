import { expect, test } from "@playwright/test";
import { signInApi } from "./api-session";
import { openTab } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

const LANGUAGES = {
  id: {
    title: "Buku bendahara",
    members: "Anggota",
    signOut: "Keluar",
    synced: /Tanpa sinyal — data terakhir disinkronkan \d+ \S+ \d{4} \d{2}\.\d{2} WITA/,
  },
  en: {
    title: "Treasurer's book",
    members: "Members",
    signOut: "Sign out",
    synced: /No signal — last synced \d+ \S+ \d{4} \d{2}:\d{2} WITA/,
  },
};

for (const [lang, L] of Object.entries(LANGUAGES)) {
  test(`after one signed-in visit /admin opens with no signal: the shell, the members and when they were synced (${lang})`, async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addCookies([{ name: "bahasa", value: lang, url: baseURL! }]);
    await signInApi(context.request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: L.title })).toBeVisible();
    // Installable: the manifest is linked from /admin's head.
    await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute("href", "/admin/manifest.webmanifest");

    // The worker takes /admin (and nothing wider) and controls this first page once it is active.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(
      `${baseURL}/admin`,
    );
    await openTab(page, L.members);
    const firstName = (await page.locator("table tbody tr").first().locator("td").nth(1).innerText()).trim();
    expect(firstName.length).toBeGreaterThan(0);
    // What the first visit loaded is kept (handed over to the worker).
    await expect
      .poll(() => page.evaluate(async () => (await (await caches.open("kt-admin-data")).keys()).length), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);

    // Airplane mode: the page, its scripts and the group's data come from the phone.
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("heading", { name: L.title })).toBeVisible();
    await expect(page.getByText(L.synced)).toBeVisible();
    await openTab(page, L.members);
    await expect(page.locator("table tbody tr").first()).toContainText(firstName);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.setOffline(false);

    // A public page is never the worker's: not controlled, no script, no manifest.
    const pub = await context.newPage();
    await pub.goto("/");
    expect(await pub.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
    expect(await pub.locator("script").count()).toBe(0);
    expect(await pub.locator('link[rel="manifest"]').count()).toBe(0);
    await pub.close();

    // Signing out drops what was kept for her.
    await page.reload();
    await page.getByRole("button", { name: L.signOut }).click();
    await page.waitForURL(/\/masuk/);
    expect(await page.evaluate(() => caches.has("kt-admin-data"))).toBe(false);
    expect(await page.evaluate(() => caches.has("kt-admin-shell"))).toBe(false);
  });
}

test("the manifest is valid, scoped to /admin, and both icons load", async ({ request }) => {
  const res = await request.get("/admin/manifest.webmanifest");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = JSON.parse(await res.text());
  expect(manifest).toMatchObject({
    name: "Kas Terbuka — Buku bendahara",
    start_url: "/admin",
    scope: "/admin",
    display: "standalone",
  });
  expect(manifest.short_name).toBeTruthy();
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  const sizes: string[] = [];
  for (const icon of manifest.icons) {
    const png = await request.get(icon.src);
    expect(png.status()).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
    const body = await png.body();
    // A PNG whose header says the size the manifest gives.
    expect(body.subarray(1, 4).toString()).toBe("PNG");
    sizes.push(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`);
  }
  expect(sizes).toEqual(["192x192", "512x512"]);
  // The worker may take /admin only.
  const sw = await request.get("/admin/sw.js");
  expect(sw.headers()["service-worker-allowed"]).toBe("/admin");
  expect(sw.headers()["content-type"]).toContain("javascript");
});

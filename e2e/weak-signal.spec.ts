import { expect, test } from "@playwright/test";
import { signInApi } from "./api-session";
import { openTab } from "./fixtures";

// Not run by the helper that wrote it (needs `npx next build`): see the report of issue #26's light slice.
test.use({ viewport: { width: 360, height: 740 }, serviceWorkers: "block" });

const LANGUAGES = {
  id: {
    overview: "Ringkasan",
    loans: "Pinjaman",
    noSignal: "Tanpa sinyal — data ini belum pernah disinkronkan di HP ini. Buka lagi saat ada sinyal.",
    late: "Pinjaman menunggak",
  },
  en: {
    overview: "Overview",
    loans: "Loans",
    noSignal: "No signal — this has never been synced to this phone. Open it again when there is signal.",
    late: "Loans in arrears",
  },
};

for (const [lang, L] of Object.entries(LANGUAGES)) {
  test(`with no signal and nothing kept, the overview says so instead of an endless "…" (${lang})`, async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addCookies([{ name: "bahasa", value: lang, url: baseURL! }]);
    await signInApi(context.request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
    // The overview's reads get no answer at all (as with no signal and no service worker's copy).
    await page.route(/\/api\/trpc\/[^?]*admin\.loans\.open/, (r) => r.abort("internetdisconnected"));
    await page.goto("/admin");
    await expect(page.locator("#home-failed")).toHaveText(L.noSignal);
    expect(await page.getByText("…", { exact: true }).count()).toBe(0);
    // The signal is back: opening the overview again shows it.
    await page.unroute(/\/api\/trpc\/[^?]*admin\.loans\.open/);
    await openTab(page, L.loans);
    await openTab(page, L.overview);
    await expect(page.getByRole("heading", { name: L.late })).toBeVisible();
    await expect(page.locator("#home-failed")).toHaveCount(0);
  });
}

test("the overview and the loans tab read no answer over 100 KB; a loan's schedule comes when it is picked", async ({
  page,
  context,
  baseURL,
}) => {
  await signInApi(context.request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
  const sizes: { url: string; bytes: number }[] = [];
  page.on("response", async (r) => {
    if (r.url().includes("/api/trpc/") && r.request().method() === "GET")
      sizes.push({ url: r.url(), bytes: (await r.body().catch(() => Buffer.alloc(0))).length });
  });
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Pinjaman menunggak" })).toBeVisible();
  await openTab(page, "Pinjaman");
  const repay = page.locator("main section form").nth(1);
  await expect(repay.getByLabel("Pinjaman").locator("option").nth(1)).toBeAttached();
  const schedule = page.waitForResponse((r) => r.url().includes("admin.loans.schedule"));
  await repay.getByLabel("Pinjaman").selectOption({ index: 1 });
  await schedule;
  await expect(repay.locator("#r-schedule")).toBeAttached();
  await expect.poll(() => sizes.some((s) => s.url.includes("admin.loans.open"))).toBe(true);
  // Every answer decoded (batched answers together) within the budget; the full register is never asked for.
  for (const s of sizes) expect(s.bytes, s.url).toBeLessThanOrEqual(100 * 1024);
  // The register's first page is asked for with no page in its input: the same URL every time (kept offline).
  expect(
    sizes.filter((s) => s.url.includes("admin.loans.list")).every((s) => !decodeURIComponent(s.url).includes('"page"')),
  ).toBe(true);
});

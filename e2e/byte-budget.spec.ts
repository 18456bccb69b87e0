import { expect, type Page, type Response, test } from "@playwright/test";

/**
 * A treasurer's first visit on a phone, as bytes: /masuk (a plain form, no script at all), then
 * /admin — at most 150 KB of script as the server sends it (compressed: brotli here, the front
 * server's), every script counted once over both pages. A second visit, with the app's service
 * worker in control, downloads no script: each comes from the worker's cache.
 */
test.use({ viewport: { width: 360, height: 740 } });

const SCRIPT_BUDGET = 150 * 1024;

/** Every script the page gets, with the bytes that came over the wire for it (compressed, as sent). */
function watchScripts(page: Page) {
  const seen: { url: string; bytes: number; encoding: string | undefined; fromWorker: boolean }[] = [];
  const pending: Promise<void>[] = [];
  page.on("response", (r: Response) => {
    if (r.request().resourceType() !== "script") return;
    pending.push(
      r
        .request()
        .sizes()
        .then((s) => {
          seen.push({
            url: new URL(r.url()).pathname,
            bytes: s.responseBodySize,
            encoding: r.headers()["content-encoding"],
            fromWorker: r.fromServiceWorker(),
          });
        }),
    );
  });
  return { seen, settled: () => Promise.all(pending) };
}

test("first visit to /masuk and /admin: no script on /masuk, ≤ 150 KB of script compressed in all; a second visit downloads none", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL }); // nothing cached
  const page = await context.newPage();
  const scripts = watchScripts(page);

  await page.goto("/masuk");
  await page.waitForLoadState("networkidle");
  await scripts.settled();
  expect(scripts.seen, "/masuk loads no script").toEqual([]);
  expect(await page.locator("script").count()).toBe(0);

  // Signing in is the form itself, posted without any script.
  await page.getByLabel("Nama pengguna").fill("bendahara-rd");
  await page.getByLabel("Kata sandi").fill("demo-bendahara-ratu-damai");
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Buku bendahara" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await scripts.settled();

  const byUrl = new Map(scripts.seen.map((s) => [s.url, s]));
  const total = [...byUrl.values()].reduce((sum, s) => sum + s.bytes, 0);
  const table = [...byUrl.values()].map((s) => `${s.url} ${s.bytes} ${s.encoding ?? "identity"}`).join("\n");
  test.info().annotations.push({ type: "script bytes, first visit", description: `${total}\n${table}` });
  expect(byUrl.size).toBeGreaterThan(0);
  for (const s of byUrl.values()) expect(s.encoding, s.url).toMatch(/^(br|gzip)$/); // counted as sent: compressed
  expect(total, table).toBeLessThanOrEqual(SCRIPT_BUDGET);

  // The app's worker takes over this page; from now on its scripts come from the phone.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await expect
    .poll(
      () =>
        page.evaluate(
          async (urls) => {
            const cache = await caches.open("kt-admin-static");
            return (await Promise.all(urls.map((u) => cache.match(u)))).every(Boolean);
          },
          [...byUrl.keys()],
        ),
      { timeout: 20_000 },
    )
    .toBe(true);

  // Second visit: no script from the network — neither the page's nor the worker's own fetches.
  const fromNetwork: string[] = [];
  context.on("request", (r) => {
    if (r.serviceWorker() && r.resourceType() !== "document" && /\/_next\/static\//.test(r.url()))
      fromNetwork.push(r.url());
  });
  const again = watchScripts(page);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Buku bendahara" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await again.settled();
  expect(again.seen.length).toBeGreaterThan(0);
  for (const s of again.seen) expect(s.fromWorker, `${s.url} from the worker's cache`).toBe(true);
  expect(fromNetwork, "scripts the worker fetched from the network").toEqual([]);
  await context.close();
});

import { expect, type Page, test } from "@playwright/test";
import { mutate, signInApi, todayWita } from "./api-session";
import { openTab } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

const WORDS = {
  id: {
    tab: "Setoran",
    save: "Simpan",
    count: (n: number) => new RegExp(`^0 dari ${n} membayar$`),
    paid: "sudah bayar (no. ",
  },
  en: {
    tab: "Collection",
    save: "Save",
    count: (n: number) => new RegExp(`^0 of ${n} paid$`),
    paid: "already paid (no. ",
  },
} as const;

/** Every control of the collection tab that is on screen, with its box. */
async function controlBoxes(page: Page) {
  const out: { what: string; height: number; width: number }[] = [];
  for (const c of await page.locator("form.collect").locator("input, select, button").all()) {
    if (!(await c.isVisible())) continue;
    const box = (await c.boundingBox())!;
    out.push({
      what: await c.evaluate((e) => `${e.tagName} ${e.id || e.getAttribute("aria-label") || e.textContent}`),
      ...box,
    });
  }
  return out;
}

for (const lang of ["id", "en"] as const) {
  test(`[${lang}] the collection grid at 360 px: nothing chosen, 44 px controls, amount and save in view; who paid today cannot be chosen again`, async ({
    page,
    context,
    baseURL,
  }) => {
    const w = WORDS[lang];
    await signInApi(context.request, baseURL!, "bendahara-cd", "demo-bendahara-compang-dalo");
    await context.addCookies([{ name: "bahasa", value: lang, url: baseURL! }]);
    await page.goto("/admin");
    await openTab(page, w.tab);
    const today = todayWita();
    const list = page.locator(`ul.pay-list[data-paid-for="${today}"][aria-busy=false]`);
    await expect(list).toBeVisible();

    // Nothing is chosen when the grid opens.
    const rows = list.locator("li");
    const n = await rows.count();
    expect(n).toBeGreaterThan(5);
    await expect(list.locator("input[type=checkbox]:checked")).toHaveCount(0);
    await expect(page.getByTestId("paid-count")).toHaveText(w.count(n));
    const save = page.getByRole("button", { name: w.save, exact: true });
    await expect(save).toBeDisabled();

    // The first screen shows members: the first rows wholly above the total and Simpan, unscrolled (the
    // cold try of #26: the public site's menu and banner, and a two-line total, hid the whole list).
    await page.evaluate(() => window.scrollTo(0, 0));
    const payBar = (await page.locator(".pay-bar").boundingBox())!;
    for (const i of [0, 1]) {
      const row = (await rows.nth(i).boundingBox())!;
      expect(row.y + row.height, `row ${i + 1}`).toBeLessThanOrEqual(payBar.y);
    }

    // Every control at least 44 px high (and the boxes 44 px wide): tapped with a thumb, not a fingernail.
    for (const b of await controlBoxes(page)) {
      expect(b.height, b.what).toBeGreaterThanOrEqual(44);
      if (b.what.startsWith("INPUT p-")) expect(b.width, b.what).toBeGreaterThanOrEqual(44);
    }

    // The amount beside the name and the save button in view without scrolling sideways; the bar stays in view.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const free = rows.filter({ has: page.locator("input[type=checkbox]:not([disabled])") });
    const first = free.first();
    const amount = first.getByRole("textbox");
    await amount.scrollIntoViewIfNeeded(); // down the list, never sideways
    await expect(amount).toBeInViewport();
    const box = (await amount.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await expect(save).toBeInViewport();
    await rows.nth(Math.floor(n / 2)).scrollIntoViewIfNeeded();
    await expect(save).toBeInViewport(); // sticky
    const saveBox = (await save.boundingBox())!;
    expect(saveBox.x + saveBox.width).toBeLessThanOrEqual(360);
    // ... and above the bottom bar, not hidden behind it.
    const barBox = (await page.locator("nav.bar").boundingBox())!;
    expect(saveBox.y + saveBox.height).toBeLessThanOrEqual(barBox.y);

    // Tap who paid: one member, by her row; the count and the total follow.
    const label = await first.locator("label").innerText();
    const code = label.split(" ")[0]!;
    await first.locator("label").click();
    await expect(first.getByRole("checkbox")).toBeChecked();
    await expect(page.getByTestId("paid-count")).toHaveText(/^1 /);
    await save.click();
    const status = page.locator(".pay-bar p[role=status]");
    await expect(status).toContainText(lang === "id" ? "Tersimpan ✓" : "Saved ✓");
    const seq = Number(/no\. (\d+)/.exec(await status.innerText())![1]);

    // She is now shown as paid today and cannot be chosen again, by her box or by her row.
    const hers = rows.filter({ hasText: `${code} ` }).first();
    await expect(hers).toContainText(`${w.paid}${seq})`);
    await expect(hers.getByRole("checkbox")).toBeDisabled();
    await expect(hers.getByRole("textbox")).toHaveCount(0);
    await hers.locator("label").click({ force: true });
    await expect(hers.getByRole("checkbox")).not.toBeChecked();
    // Reopening the tab: still nothing chosen, and she is still shown as paid.
    await page.reload();
    await openTab(page, w.tab);
    await expect(list).toBeVisible();
    await expect(list.locator("input[type=checkbox]:checked")).toHaveCount(0);
    await expect(
      rows
        .filter({ hasText: `${code} ` })
        .first()
        .getByRole("checkbox"),
    ).toBeDisabled();

    // Another phone that still thinks she owes today: her line is refused alone, the other saved.
    const other = (await free.first().locator("label").innerText()).split(" ")[0]!;
    expect(other).not.toBe(code);
    const r = await mutate(context.request, baseURL!, "admin.contributions.record", {
      groupSlug: "compang-dalo",
      date: today,
      idempotencyKey: `e2e-grid-${lang}-${Date.now()}`,
      lines: [
        { memberCode: code, amount: 1000 },
        { memberCode: other, amount: 1000 },
      ],
    });
    expect(r.status()).toBe(200);
    const body = JSON.stringify(await r.json());
    expect(body).toContain(`"refused":[{"line":0,"memberCode":"${code}","day":"${today}","seq":${seq}}]`);
    expect(body).toContain('"amount":1000');
  });
}

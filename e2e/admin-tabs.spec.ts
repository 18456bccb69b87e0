import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signInApi } from "./api-session";
import { openTab } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

const LANGUAGES = {
  id: {
    treasurer: "Buku bendahara",
    supervisor: "Buku pengawas",
    bar: ["Setoran", "Angsuran", "Kas", "Ringkasan"],
    more: "Lainnya",
    rest: [
      "Pinjaman",
      "Tarik simpanan",
      "Anggota",
      "Koreksi",
      "Jejak audit",
      "Tutup buku (SHU)",
      "Pindah dari buku",
      "Akun",
    ],
    writing: ["Setoran", "Angsuran", "Tarik simpanan", "Kas", "Pindah dari buku"],
    hersOnBar: ["Ringkasan", "Pinjaman", "Anggota", "Jejak audit"],
    hersUnderMore: ["Koreksi", "Tutup buku (SHU)", "Akun"],
    signing: /^Menunggu tanda tangan Anda \(\d+\)$/,
    repay: "Bayar angsuran",
    loan: "Pinjaman",
  },
  en: {
    treasurer: "Treasurer's book",
    supervisor: "Supervisor's book",
    bar: ["Collection", "Repayment", "Cash", "Overview"],
    more: "More",
    rest: [
      "Loans",
      "Savings withdrawal",
      "Members",
      "Corrections",
      "Audit log",
      "Close the year (SHU)",
      "Move in",
      "Account",
    ],
    writing: ["Collection", "Repayment", "Savings withdrawal", "Cash", "Move in"],
    hersOnBar: ["Overview", "Loans", "Members", "Audit log"],
    hersUnderMore: ["Corrections", "Close the year (SHU)", "Account"],
    signing: /^Waiting for your signature \(\d+\)$/,
    repay: "Record repayment",
    loan: "Loan",
  },
} as const;

/** Axe at 360 px: every WCAG A/AA rule that is serious or critical (contrast among them), as on the public pages. */
async function axe(page: Page, where: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} ${n.target} ${n.any[0]?.message ?? ""}`));
}

/**
 * What on the open tab is wider than the phone's screen, or scrolls sideways inside it (a table in a
 * scrolling box): nothing may be, at 360 px. Not drawn (closed, hidden) and visually hidden elements
 * (the screen reader's words, the skip link off to the left) do not count.
 */
async function widerThanScreen(page: Page, where: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    for (const e of document.querySelectorAll<HTMLElement>("body *")) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= 0) continue;
      const style = getComputedStyle(e);
      if (style.position === "absolute" && style.clip !== "auto") continue;
      const what = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""} "${(e.textContent ?? "").trim().slice(0, 30)}"`;
      if (r.right > width + 1 || r.left < -1) out.push(`${what} spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
      if (/auto|scroll/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1)
        out.push(`${what} scrolls sideways (${e.scrollWidth} px in ${e.clientWidth})`);
    }
    return out;
  });
  return found.map((f) => `${where}: ${f}`);
}

/** Every tab of the screen in turn (through the bar or "Lainnya"), axe on each (the open one marked), each whole at 360 px. */
async function axeOnEveryTab(page: Page, names: readonly string[], where: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) {
    await openTab(page, name);
    await expect(page.locator('nav.bar [aria-current="page"]')).toHaveText(name);
    await page.waitForLoadState("networkidle");
    found.push(...(await axe(page, `${where} ${name}`)));
    found.push(...(await widerThanScreen(page, `${where} ${name}`)));
  }
  return found;
}

/** The bar: fixed to the bottom of the screen, its targets at least 44 px high, the page's end above it. */
async function barIsUnderTheThumb(page: Page) {
  const nav = page.locator("nav.bar");
  const box = (await nav.boundingBox())!;
  expect(box.y + box.height).toBeCloseTo(740, 0);
  for (const b of await nav.locator(".bar-items > li > button").all())
    expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  // Scrolled to the end, the page's last words (the footer) are above the bar, not behind it.
  // (Measured again until it holds: the tab's figures may still arrive and lengthen the page after a scroll.)
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const footer = (await page.locator("footer.site").boundingBox())!;
    expect(footer.y + footer.height).toBeLessThanOrEqual((await nav.boundingBox())!.y + 1);
  }).toPass({ timeout: 10_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

for (const [lang, L] of Object.entries(LANGUAGES)) {
  test(`the treasurer's bottom bar: Setoran, Angsuran, Kas, Ringkasan and Lainnya, axe clean on every tab at 360 px (${lang})`, async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    await context.addCookies([{ name: "bahasa", value: lang, url: baseURL! }]);
    await signInApi(context.request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: L.treasurer })).toBeVisible();
    const nav = page.getByRole("navigation", { name: L.treasurer });
    await expect(nav.locator(".bar-items > li > button")).toHaveText([...L.bar, L.more]);
    await expect(nav.getByRole("button", { name: L.bar[3], exact: true })).toHaveAttribute("aria-current", "page");
    await barIsUnderTheThumb(page);

    // "Lainnya" is a disclosure: closed, it hides the rest; open, it lists them; Escape closes it and
    // gives the focus back to it.
    const more = nav.getByRole("button", { name: L.more, exact: true });
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("button", { name: L.rest[0], exact: true })).toHaveCount(0);
    await expect(async () => {
      if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
      await expect(more).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
    }).toPass();
    const list = page.locator(`#${await more.getAttribute("aria-controls")}`);
    await expect(list.getByRole("button")).toHaveText([...L.rest]);
    for (const b of await list.getByRole("button").all())
      expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await axe(page, `${lang} bendahara, Lainnya open`)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await expect(more).toBeFocused();
    await expect(list).toBeHidden();
    // With the keyboard alone: Enter opens it, Tab reaches the first of the rest, Enter opens that tab.
    await page.keyboard.press("Enter");
    await expect(more).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Tab");
    await expect(list.getByRole("button").first()).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await expect(nav.locator('[aria-current="page"]')).toHaveText(L.rest[0]);
    await expect(more).toHaveClass("on"); // the open tab is under "Lainnya": the button says so

    // Angsuran: the repayment form alone, ready to take a payment.
    await openTab(page, L.bar[1]);
    await expect(page.locator("main section").getByRole("heading", { name: L.repay })).toBeVisible();
    await expect(page.locator("main section form")).toHaveCount(1);
    await expect(page.locator("main section form").getByLabel(L.loan, { exact: true })).toBeVisible();

    expect(await axeOnEveryTab(page, [...L.bar, ...L.rest], `${lang} bendahara`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test(`the supervisor sees her own book and only the tabs she can use, her signing list first, axe clean at 360 px (${lang})`, async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    await context.addCookies([{ name: "bahasa", value: lang, url: baseURL! }]);
    await signInApi(context.request, baseURL!, "pengawas-rd", "demo-pengawas-ratu-damai");
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: L.supervisor })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: L.treasurer })).toHaveCount(0);
    await expect(page).toHaveTitle(new RegExp(`^${L.supervisor}`));
    const nav = page.getByRole("navigation", { name: L.supervisor });
    // Her signing list first: the overview is the bar's first place, open, and holds it.
    await expect(nav.locator(".bar-items > li > button")).toHaveText([...L.hersOnBar, L.more]);
    await expect(nav.locator(".bar-items > li > button").first()).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { name: L.signing })).toBeVisible();
    await barIsUnderTheThumb(page);
    // Nothing for writing, on the bar or under "Lainnya".
    const all = nav.locator("button:not([aria-expanded])");
    await expect(all).toHaveText([...L.hersOnBar, ...L.hersUnderMore]);
    for (const name of L.writing) await expect(all.filter({ hasText: new RegExp(`^${name}$`) })).toHaveCount(0);
    expect(await axeOnEveryTab(page, [...L.hersOnBar, ...L.hersUnderMore], `${lang} pengawas`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
}

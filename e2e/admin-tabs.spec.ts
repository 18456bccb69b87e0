import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signInApi } from "./api-session";

test.use({ viewport: { width: 360, height: 740 } });

const LANGUAGES = {
  id: {
    treasurer: "Buku bendahara",
    supervisor: "Buku pengawas",
    tabs: [
      "Ringkasan",
      "Setoran harian",
      "Tarik simpanan",
      "Pinjaman",
      "Kas",
      "Anggota",
      "Koreksi",
      "Jejak audit",
      "Tutup buku (SHU)",
      "Pindah dari buku",
      "Akun",
    ],
    writing: ["Setoran harian", "Tarik simpanan", "Kas", "Pindah dari buku"],
    signing: /^Menunggu tanda tangan Anda \(\d+\)$/,
  },
  en: {
    treasurer: "Treasurer's book",
    supervisor: "Supervisor's book",
    tabs: [
      "Overview",
      "Daily collection",
      "Savings withdrawal",
      "Loans",
      "Cash",
      "Members",
      "Corrections",
      "Audit log",
      "Close the year (SHU)",
      "Move in",
      "Account",
    ],
    writing: ["Daily collection", "Savings withdrawal", "Cash", "Move in"],
    signing: /^Waiting for your signature \(\d+\)$/,
  },
} as const;

/** Every tab of the screen in turn, axe's colour-contrast rule on each (the pressed tab included). */
async function contrastOnEveryTab(page: Page, names: readonly string[], where: string): Promise<string[]> {
  const found: string[] = [];
  const nav = page.locator("nav.tabs");
  for (const name of names) {
    await nav.getByRole("button", { name, exact: true }).click();
    await expect(nav.getByRole("button", { name, exact: true })).toHaveAttribute("aria-pressed", "true");
    await page.waitForLoadState("networkidle");
    const r = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
    for (const v of r.violations)
      for (const n of v.nodes) found.push(`${where} ${name}: ${n.target} ${n.any[0]?.message ?? ""}`);
  }
  return found;
}

for (const [lang, L] of Object.entries(LANGUAGES)) {
  test(`the treasurer's tabs and controls pass axe's contrast check at 360 px (${lang})`, async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    await context.addCookies([{ name: "bahasa", value: lang, url: baseURL! }]);
    await signInApi(context.request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: L.treasurer })).toBeVisible();
    const nav = page.locator("nav.tabs");
    await expect(nav.getByRole("button")).toHaveText([...L.tabs]);
    expect(await contrastOnEveryTab(page, L.tabs, `${lang} bendahara`)).toEqual([]);
  });

  test(`the supervisor sees her own book and only the tabs she can use, contrast clean at 360 px (${lang})`, async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    await context.addCookies([{ name: "bahasa", value: lang, url: baseURL! }]);
    await signInApi(context.request, baseURL!, "pengawas-rd", "demo-pengawas-ratu-damai");
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: L.supervisor })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: L.treasurer })).toHaveCount(0);
    await expect(page).toHaveTitle(new RegExp(`^${L.supervisor}`));
    const nav = page.locator("nav.tabs");
    const hers = L.tabs.filter((n) => !(L.writing as readonly string[]).includes(n));
    // Her signing list first: the overview is the first tab, pressed, and holds it.
    await expect(nav.getByRole("button")).toHaveText(hers);
    for (const name of L.writing) await expect(nav.getByRole("button", { name, exact: true })).toHaveCount(0);
    await expect(nav.getByRole("button").first()).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("heading", { name: L.signing })).toBeVisible();
    expect(await contrastOnEveryTab(page, hers, `${lang} pengawas`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
}

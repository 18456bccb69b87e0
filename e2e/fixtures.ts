import { createClient } from "@libsql/client";
import { expect, type Locator, type Page } from "@playwright/test";

export const E2E_DATABASE_URL = "file:data/e2e/kas-terbuka.db";

/** An empty group the e2e server adds after the demo seed (`npm run group:add`), for moving a paper book in. */
export const E2E_EMPTY_GROUP = { slug: "ksm-uji-pindah", name: "KSM Uji Pindah" };
export const E2E_EMPTY_GROUP_ARGS = [
  "--slug",
  E2E_EMPTY_GROUP.slug,
  "--name",
  E2E_EMPTY_GROUP.name,
  "--village",
  "Mokel",
  "--founded",
  "2018-01-01",
  "--demo",
];

/** Reads the e2e database directly (to know the private names the pages must never show). */
export async function privateMemberNames(): Promise<string[]> {
  const c = createClient({ url: E2E_DATABASE_URL });
  try {
    const r = await c.execute("SELECT full_name FROM members");
    return r.rows.map((row) => String(row.full_name));
  } finally {
    c.close();
  }
}

/**
 * Opens a tab of the treasurer's screen by its name, whether it is on the bottom bar or under
 * "Lainnya" (the bar's disclosure button, whatever the language), and waits until it is the open one.
 * Before the screen's script has started a tap does nothing, so the tap is repeated until it takes.
 */
export async function openTab(page: Page, name: string): Promise<void> {
  const nav = page.locator("nav.bar");
  const more = nav.locator("button[aria-expanded]");
  const item = nav.getByRole("button", { name, exact: true });
  const current = nav.locator('[aria-current="page"]');
  await expect(async () => {
    if ((await current.textContent({ timeout: 1_000 })) === name) return;
    if (!(await item.isVisible())) {
      if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
      await expect(item).toBeVisible({ timeout: 1_000 });
    }
    await item.click();
    await expect(current).toHaveText(name, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * The receipt's WhatsApp link for a member, by its accessible name: "Kirim ke RD-003 · Maria … (WhatsApp)"
 * (her name beside her code on the treasurer's own screen; the code alone if the register is not loaded).
 */
export function sendTo(code: string, send = "Kirim ke"): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${esc(send)} ${esc(code)}( · .+)? \\(WhatsApp\\)$`);
}

/**
 * Ticks a member on the collection grid as a thumb would: her row brought to the middle of the screen first.
 * Playwright counts a row half behind the sticky total bar (above the bottom bar) as in view, and its click
 * then lands on the bar — three full runs failed so ("Clicking the checkbox did not change its state": the
 * click went to div.pay-bar at the checkbox's centre, 22 px inside the bar).
 */
export async function tick(box: Locator): Promise<void> {
  await box.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await box.check();
}

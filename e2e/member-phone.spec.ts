import { expect, type Page, test } from "@playwright/test";
import { signInApi } from "./api-session";
import { openTab, sendTo, tick } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

const wholeAt360 = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
/** Digits unlike any figure of the demo: found anywhere only if the number leaked. */
const TYPED = "0812-9753-1864";
const STORED = "6281297531864";

test("a member's phone number: set by the treasurer, her receipt goes to her WhatsApp, one without gets the plain share, and the number is never public", async ({
  page,
  context,
  baseURL,
  request,
}) => {
  await signInApi(context.request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
  await page.goto("/admin");
  await openTab(page, "Anggota");
  const suffix = Date.now().toString(36).slice(-5).toUpperCase();
  const withPhone = `RD-P${suffix}`;
  const without = `RD-Q${suffix}`;

  // Two new members (their own, so no other spec's member gets a number): one with a phone number.
  for (const [code, name, phone] of [
    [withPhone, `Uji Telepon ${suffix}`, TYPED],
    [without, `Uji Tanpa Telepon ${suffix}`, ""],
  ]) {
    await page.getByLabel("Kode anggota").fill(code!);
    await page.getByLabel("Nama lengkap").fill(name!);
    await page.getByLabel("Nomor HP (WhatsApp)").fill(phone!);
    await page.getByRole("button", { name: "Tambah anggota" }).click();
    await expect(page.locator("p[role=status]").first()).toContainText(`Kode cek baru untuk ${code}`);
  }
  // Shown masked in the register, never whole.
  const row = page.locator("tbody tr").filter({ hasText: withPhone });
  await expect(row).toContainText("62812****1864");
  await expect(page.locator("main")).not.toContainText(STORED);

  // A number that is not one is refused beside the field, in Indonesian; nothing is saved.
  const withoutRow = page.locator("tbody tr").filter({ hasText: without });
  await withoutRow.locator("summary").click(); // her actions, behind one tap on her card
  await withoutRow.getByRole("button", { name: "Nomor HP" }).click();
  // The form opens in her row, in view, its field ready to type in.
  const phoneForm = withoutRow.getByRole("form", { name: `Nomor HP ${without}` });
  await expect(phoneForm.getByLabel("Nomor HP (WhatsApp)")).toBeFocused();
  await expect(phoneForm.getByLabel("Nomor HP (WhatsApp)")).toBeInViewport();
  await phoneForm.getByLabel("Nomor HP (WhatsApp)").fill("0812-12");
  await phoneForm.getByRole("button", { name: "Simpan nomor" }).click();
  await expect(phoneForm.locator("#pp-error")).toContainText("Nomor HP tidak sah");
  await phoneForm.getByRole("button", { name: "Batal" }).click();
  await expect(page.locator("tbody tr").filter({ hasText: without })).not.toContainText("HP 62");
  await wholeAt360(page);

  // A collection from both: her receipt opens WhatsApp to her number, the other's the plain share.
  await openTab(page, "Setoran");
  await expect(page.locator("ul.pay-list[aria-busy=false]")).toBeVisible();
  for (const code of [withPhone, without])
    await tick(page.locator("ul.pay-list li", { hasText: code }).getByRole("checkbox"));
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  await expect(page.locator(".pay-bar p[role=status]")).toContainText("Tersimpan ✓ catatan no. ");
  const hers = page.getByRole("link", { name: sendTo(withPhone) });
  await expect(hers).toHaveAttribute("href", new RegExp(`^https://wa\\.me/${STORED}\\?text=`));
  const text = decodeURIComponent((await hers.getAttribute("href"))!.split("text=")[1]!).replace(/\u00a0/g, " ");
  expect(text).toContain(`Anggota: ${withPhone}`);
  expect(text).not.toContain(without);
  await expect(page.getByRole("link", { name: sendTo(without) })).toHaveAttribute("href", /^https:\/\/wa\.me\/\?text=/);
  await wholeAt360(page);

  // Never public: not on the group's pages, not in its open data (in any way it may be written).
  const digits = (s: string) => s.replace(/[\s\-.()]/g, "");
  for (const path of [
    "/kelompok/ratu-damai",
    "/kelompok/ratu-damai/buku-kas",
    "/api/open/groups/ratu-damai.json",
    "/api/open/groups/ratu-damai/ledger.json",
    "/api/open/groups/ratu-damai/ledger.csv",
    "/api/open/groups.json",
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(digits(await res.text()), path).not.toContain("97531864");
  }
});

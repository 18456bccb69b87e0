import { expect, type Page, test } from "@playwright/test";
import { mutate, signInApi, todayWita } from "./api-session";

test.use({ viewport: { width: 360, height: 740 } });

const wholeAt360 = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
const idr = (n: number) => `Rp ${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;
/** The text as a pattern: any space may be a no-break one ("Rp 2.000"). */
const words = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s"));

/**
 * Issue #25: beside "Tandatangani", the pengawas asks ("Tanyakan") with a reason code; the record is
 * marked on the treasurer's overview and publicly "dipertanyakan pengawas" until she answers (a code
 * and a private note that never goes public). A bank check of its own, so that the supervisor spec's
 * cash counts are left as they were.
 */
test("the pengawas asks about a count and the treasurer sees it on her overview; her answer clears the public mark", async ({
  browser,
  baseURL,
}) => {
  const amount = 123_400_000 + (Date.now() % 1000) * 7;
  const bendahara = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await signInApi(bendahara.request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
  const counted = await mutate(bendahara.request, baseURL!, "admin.cash.count", {
    groupSlug: "ratu-damai",
    date: todayWita(),
    account: "bank",
    countedAmount: amount,
    note: "termasuk titipan arisan",
    confirmed: true, // far from the book: the treasurer read the difference and confirmed it
    idempotencyKey: `e2e-ask-${Date.now()}`,
  });
  expect(counted.ok(), await counted.text()).toBe(true);

  // The pengawas: the check is highlighted, with the treasurer's private note; she asks, "tidak cocok".
  const pengawas = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await signInApi(pengawas.request, baseURL!, "pengawas-rd", "demo-pengawas-ratu-damai");
  const p = await pengawas.newPage();
  await p.goto("/admin");
  const list = p.locator("section[aria-labelledby=to-sign]");
  const item = list.locator("li", { hasText: words(`dihitung ${idr(amount)}`) });
  await expect(item).toContainText("Selisih besar");
  await expect(item).toContainText("Catatan bendahara: “termasuk titipan arisan”");
  await item.locator("details.ask summary").click(); // the question in its own disclosure under "Tandatangani"
  await item.getByLabel("Alasan bertanya").selectOption("tidak_cocok");
  await item.getByRole("button", { name: "Tanyakan" }).click();
  await expect(list.locator("p[role=status]")).toContainText("✓ ditanyakan:");
  await expect(item).toContainText("Ditanyakan (tidak cocok) — menunggu jawaban bendahara.");
  await expect(item.getByRole("button", { name: "Tanyakan" })).toHaveCount(0);
  await expect(item.getByRole("button", { name: "Tandatangani" })).toBeVisible();
  await wholeAt360(p);

  // Publicly, in both languages: the month's report marks the check; the note is not there.
  const report = await pengawas.newPage();
  const month = todayWita().slice(0, 7);
  await report.goto(`/kelompok/ratu-damai/laporan/${month}`);
  const line = report.locator("li", { hasText: words(idr(amount)) });
  await expect(line).toContainText("dipertanyakan pengawas (tidak cocok)");
  await expect(report.locator("body")).not.toContainText("titipan");
  await wholeAt360(report);
  await pengawas.addCookies([{ name: "bahasa", value: "en", url: baseURL! }]);
  await report.reload();
  await expect(report.locator("li", { hasText: words(idr(amount).replace(/\./g, ",")) })).toContainText(
    "queried by the supervisor (does not match)",
  );
  await wholeAt360(report);

  // The treasurer sees it on her overview and answers: a code, and a note only the supervisor reads.
  const b = await bendahara.newPage();
  await b.goto("/admin");
  const questions = b.locator("section[aria-labelledby=questions]");
  const question = questions.locator("li", { hasText: "dipertanyakan pengawas (tidak cocok)" }).first();
  await expect(question).toContainText(/Cek rekening bank \d+ \w+ \d{4}/);
  await wholeAt360(b);
  await question.getByLabel("Jawaban").selectOption("sudah_dijelaskan");
  await question.getByLabel(/^Catatan \(pribadi/).fill("uang arisan sudah dipisahkan");
  await question.getByRole("button", { name: "Jawab" }).click();
  await expect(questions).toHaveCount(0); // no open question left (the section goes)

  // The public mark is gone; the pengawas reads the answer and its note in her list.
  await pengawas.clearCookies({ name: "bahasa" });
  await report.goto(`/kelompok/ratu-damai/laporan/${month}`);
  await expect(report.locator("li", { hasText: words(idr(amount)) })).not.toContainText("dipertanyakan pengawas");
  await expect(report.locator("body")).not.toContainText("arisan");
  await p.reload();
  await expect(list.locator("li", { hasText: words(`dihitung ${idr(amount)}`) })).toContainText(
    "Dijawab bendahara: sudah dijelaskan. Catatan bendahara: “uang arisan sudah dipisahkan”",
  );
  await bendahara.close();
  await pengawas.close();
});

import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { signInApi } from "./api-session";
import { openTab, tick } from "./fixtures";

// Issue #26: after one signed-in visit, a whole meeting is held with no signal — the tabs never
// opened online included — and each write goes once when the signal returns.
test.use({ viewport: { width: 360, height: 740 }, serviceWorkers: "allow" });

const G = "ratu-damai";

const LANGUAGES = {
  id: {
    title: "Buku bendahara",
    tabs: { home: "Ringkasan", collect: "Setoran", loans: "Pinjaman", cash: "Kas", members: "Anggota" },
    synced: /Tanpa sinyal — data terakhir disinkronkan \d+ \S+ \d{4} \d{2}\.\d{2} WITA/,
    loan: "Pinjaman",
    amount: "Jumlah",
    save: "Simpan",
    confirm: "Benar — simpan",
    repay: "Bayar angsuran",
    pending: (n: number) => `Tidak ada sinyal: ${n} catatan disimpan di HP`,
    sent: (n: number) => `${n} catatan dari HP terkirim ✓`,
    sendNow: "Kirim sekarang",
    paidTag: "sudah bayar",
    receipts: "Kuitansi",
    done: "Selesai",
    kept: "Disimpan di HP — dikirim saat ada sinyal",
    remove: "Hapus dari HP",
    stillOffline: "Masih tanpa sinyal — dicoba lagi nanti",
  },
  en: {
    title: "Treasurer's book",
    tabs: { home: "Overview", collect: "Collection", loans: "Loans", cash: "Cash", members: "Members" },
    synced: /No signal — last synced \d+ \S+ \d{4} \d{2}:\d{2} WITA/,
    loan: "Loan",
    amount: "Amount",
    save: "Save",
    confirm: "Correct — save",
    repay: "Record repayment",
    pending: (n: number) => `No signal: ${n} records kept on this phone`,
    sent: (n: number) => `${n} records from this phone sent ✓`,
    sendNow: "Send now",
    paidTag: "already paid",
    receipts: "Receipts",
    done: "Done",
    kept: "Kept on this phone — sent when there is signal",
    remove: "Remove from this phone",
    stillOffline: "Still no signal — will try again later",
  },
};

/** The digits of a figure on screen ("Rp 1.234.567" → "1234567"). */
const digits = (s: string) => s.replace(/\D/g, "");

/** A read of the admin API as the signed-in treasurer (the context's cookie), outside the page. */
async function read<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const r = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(r.ok(), await r.text()).toBe(true);
  return (await r.json()).result.data as T;
}

const lastSeq = async (request: APIRequestContext) =>
  (await (await request.get(`/api/open/groups/${G}.json`)).json()).lastSeq as number;

/** Until the worker controls the page and the meeting's reads are kept for the group. */
async function installedAndWarm(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  await page.waitForFunction((g) => document.documentElement.dataset.warmedFor === g, G, { timeout: 30_000 });
}

/** The members shown as paid on the collection grid for its current date. */
const paidOnGrid = async (page: Page, tag: string) =>
  (await page.locator("ul.pay-list li.paid label").allInnerTexts())
    .filter((x) => x.includes(tag))
    .map((x) => x.trim().split(/\s/)[0]!)
    .sort();

for (const [lang, L] of Object.entries(LANGUAGES)) {
  test(`a meeting with no signal after one visit: it opens, every write waits on the phone with its key, and each goes once (${lang})`, async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await context.addCookies([{ name: "bahasa", value: lang, url: baseURL! }]);
    await signInApi(context.request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
    const api = context.request;
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: L.title })).toBeVisible();
    await installedAndWarm(page);

    // What the server says, to compare the phone's screen with: the open days and who paid them.
    const hand = await read<{ today: string; openFrom: string }>(api, "admin.cash.onHand", { groupSlug: G });
    const today = hand.today;
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const paid = await read<{ memberCode: string; day: string }[]>(api, "admin.contributions.paidDays", {
      groupSlug: G,
      from: yesterday,
      to: today,
    });
    // Who paid the day among the members on the grid (one who has left is not on it).
    const paidOn = async (d: string) => {
      const onGrid = new Set(
        (await page.locator("ul.pay-list li label").allInnerTexts()).map((x) => x.trim().split(/\s/)[0]!),
      );
      return [...new Set(paid.filter((p) => p.day === d && onGrid.has(p.memberCode)).map((p) => p.memberCode))].sort();
    };
    const before = await lastSeq(api);

    // Airplane mode, and the app opened again: the shell, the data as last synced, and when.
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("heading", { name: L.title })).toBeVisible();
    await expect(page.getByText(L.synced)).toBeVisible();
    await expect(page.locator("#home-failed")).toHaveCount(0);
    await openTab(page, L.tabs.members);
    await expect(page.locator("table tbody tr").first()).toBeVisible();

    // The collection grid (never opened online under the worker), honestly marked for today and for
    // yesterday from the synced days paid: a date changed offline shows that date's payers.
    await openTab(page, L.tabs.collect);
    await expect(page.locator(`ul.pay-list[aria-busy=false][data-paid-for="${today}"]`)).toBeVisible();
    await expect(page.locator("#paid-unknown")).toHaveCount(0);
    expect(await paidOnGrid(page, L.paidTag)).toEqual(await paidOn(today));
    if (yesterday >= hand.openFrom) {
      await page.locator("#cdate").fill(yesterday);
      await expect(page.locator(`ul.pay-list[aria-busy=false][data-paid-for="${yesterday}"]`)).toBeVisible();
      await expect(page.locator("#paid-unknown")).toHaveCount(0);
      expect(await paidOnGrid(page, L.paidTag)).toEqual(await paidOn(yesterday));
      await page.locator("#cdate").fill(today);
      await expect(page.locator(`ul.pay-list[aria-busy=false][data-paid-for="${today}"]`)).toBeVisible();
    }
    const queue = page.locator("section.phone-queue");
    const payable = page.locator("ul.pay-list li input[type=checkbox]:not([disabled])");
    const collected = (await payable.count()) > 0;
    if (collected) {
      await tick(payable.first());
      await page.getByRole("button", { name: L.save, exact: true }).click();
      await expect(queue.locator("p[role=status]")).toContainText(L.pending(1));
    }
    const n0 = collected ? 1 : 0;

    // A repayment, with what is due from the synced open loan.
    await openTab(page, L.tabs.loans);
    const repay = page.locator("main section form").nth(1);
    await expect(repay.getByLabel(L.loan).locator("option").nth(1)).toBeAttached();
    await repay.getByLabel(L.loan).selectOption({ index: 1 });
    await expect(repay.locator("#r-due")).toBeVisible();
    await repay.getByLabel(L.amount).fill("1000");
    await repay.getByRole("button", { name: L.repay }).click();
    await expect(queue.locator("p[role=status]")).toContainText(L.pending(n0 + 1));
    // Said right at the form (the banner is out of view); the same loan again counts what waits on the phone.
    await expect(repay.locator("p[role=status]")).toHaveText(L.kept);
    await repay.getByLabel(L.loan).selectOption({ index: 1 });
    await expect(repay.locator("#r-waiting")).toContainText(lang === "id" ? "1.000" : "1,000");

    // An expense, confirmed in words.
    const expense = lang === "id" ? 4_321 : 4_322;
    await openTab(page, L.tabs.cash);
    const cash = page.locator("main section form");
    await cash.getByLabel(L.amount).fill(String(expense));
    await cash.getByRole("button", { name: L.save, exact: true }).click();
    await cash.getByRole("button", { name: L.confirm }).click();
    await expect(queue.locator("p[role=status]")).toContainText(L.pending(n0 + 2));
    await expect(cash.locator("p[role=status]")).toHaveText(L.kept);
    // An income saved by mistake is taken back from the phone before it is ever sent.
    await cash.locator("#ck").selectOption("income");
    await cash.getByLabel(L.amount).fill("777");
    await cash.getByRole("button", { name: L.save, exact: true }).click();
    await expect(queue.locator("p[role=status]")).toContainText(L.pending(n0 + 3));
    // The waiting list is behind a tap (closed, so it does not push the forms down): she opens it.
    await queue.locator("details.queue-list > summary").click();
    page.once("dialog", (d) => void d.accept());
    await queue
      .locator("li", { hasText: /Rp\s777\b/ })
      .getByRole("button", { name: L.remove })
      .click();
    await expect(queue.locator("p[role=status]")).toContainText(L.pending(n0 + 2));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The page closed, another opened with still no signal: the writes are still there, listed.
    await page.close();
    const again = await context.newPage();
    await again.goto("/admin");
    await expect(again.getByRole("heading", { name: L.title })).toBeVisible();
    const queue2 = again.locator("section.phone-queue");
    await expect(queue2.locator("p[role=status]")).toContainText(L.pending(n0 + 2));
    await expect(queue2.locator("li")).toHaveCount(n0 + 2);
    expect(await lastSeq(api)).toBe(before);
    // "Send now" with still no signal says so, instead of nothing.
    await queue2.getByRole("button", { name: L.sendNow }).click();
    await expect(queue2.locator("#still-offline")).toHaveText(L.stillOffline);
    // The overview (the tab the app opens on) shows the cash as last synced …
    const cashShown = again.locator("ul.cards li.card .value").first();
    await expect(cashShown).toBeVisible();
    const shownBefore = digits(await cashShown.innerText());

    // The signal is back: each is sent, once.
    await context.setOffline(false);
    await expect(queue2.locator("p[role=status]")).toHaveText(L.sent(n0 + 2), { timeout: 30_000 });
    expect(await lastSeq(api)).toBe(before + n0 + 2);
    const { entries } = await read<{ entries: { seq: number; kind: string; amount: number }[] }>(
      api,
      "admin.entries.list",
      { groupSlug: G, limit: 10 },
    );
    const fresh = entries.filter((e) => e.seq > before);
    expect(fresh.map((e) => e.kind).sort()).toEqual(
      [...(collected ? ["contribution"] : []), "expense", "loan_repayment"].sort(),
    );
    expect(fresh.filter((e) => e.kind === "expense").map((e) => e.amount)).toEqual([expense]);
    // … and, once they are sent, the cash with them, without a reload.
    const { cash: cashNow } = await read<{ cash: number }>(api, "admin.cash.onHand", { groupSlug: G });
    expect(String(cashNow)).not.toBe(shownBefore);
    await expect.poll(async () => digits(await cashShown.innerText()), { timeout: 15_000 }).toBe(String(cashNow));
    // Each sent write listed with the number the server gave it; the members' ones offer their receipts.
    const sentList = queue2.locator(".sent-from-phone li");
    await expect(sentList).toHaveCount(n0 + 2);
    for (const e of fresh) await expect(sentList.filter({ hasText: `no. ${e.seq}` })).toHaveCount(1);
    await expect(queue2.getByRole("button", { name: L.receipts, exact: true })).toHaveCount(n0 + 1);
    // A reload sends nothing twice; nothing waits any more, the sent list stays until she closes it.
    await again.reload();
    await expect(again.getByRole("heading", { name: L.title })).toBeVisible();
    await again.waitForTimeout(2_000);
    expect(await lastSeq(api)).toBe(before + n0 + 2);
    const queue3 = again.locator("section.phone-queue");
    await expect(queue3.locator("li")).toHaveCount(n0 + 2);
    await queue3.getByRole("button", { name: L.done, exact: true }).click();
    await expect(again.locator("section.phone-queue")).toHaveCount(0);
  });
}

test("a write waiting on the phone survives an update of the service worker, and the new version waits until it is sent", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signInApi(context.request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
  const api = context.request;
  await page.goto("/admin");
  await installedAndWarm(page);
  const first = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
  const before = await lastSeq(api);

  // With no signal an expense waits on the phone; the signal returns but her session has expired
  // meanwhile: it stays queued (sending waits for the next sign-in).
  await openTab(page, "Kas");
  await context.setOffline(true);
  const cash = page.locator("main section form");
  await cash.getByLabel("Jumlah").fill("4323");
  await cash.getByRole("button", { name: "Simpan", exact: true }).click();
  await cash.getByRole("button", { name: "Benar — simpan" }).click();
  const queue = page.locator("section.phone-queue");
  await expect(queue.locator("p[role=status]")).toContainText("Tidak ada sinyal: 1 catatan disimpan di HP");
  const kept = await page.evaluate((g) => localStorage.getItem(`kt-antrian:${g}`), G);
  await context.clearCookies();
  await context.setOffline(false);
  await queue.getByRole("button", { name: "Kirim sekarang" }).click();
  await page.waitForTimeout(2_000);
  await expect(queue.getByRole("button", { name: "Kirim sekarang" })).toBeEnabled();
  expect(await lastSeq(api)).toBe(before);
  expect(await page.evaluate((g) => localStorage.getItem(`kt-antrian:${g}`), G)).toBe(kept);

  // A new version of the worker (a byte-different script for the same scope) is installed …
  await page.evaluate(() => navigator.serviceWorker.register("/admin/sw.js?v=next", { scope: "/admin" }));
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null, null, {
    timeout: 30_000,
  });
  // … and waits: the old one still controls the page while a write is queued, and the queue is intact.
  await page.waitForTimeout(3_000);
  expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(first);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null)).toBe(
    true,
  );
  expect(await page.evaluate((g) => localStorage.getItem(`kt-antrian:${g}`), G)).toBe(kept);

  // She signs in again: the write goes, once, and then the new version takes over.
  await signInApi(context.request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
  await queue.getByRole("button", { name: "Kirim sekarang" }).click();
  await expect(queue.locator("p[role=status]")).toHaveText("1 catatan dari HP terkirim ✓", { timeout: 30_000 });
  expect(await lastSeq(api)).toBe(before + 1);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith("?v=next"), null, {
    timeout: 45_000,
  });
  expect(await page.evaluate((g) => localStorage.getItem(`kt-antrian:${g}`), G)).toBe("[]");
});

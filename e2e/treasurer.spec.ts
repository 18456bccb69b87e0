import { expect, test } from "@playwright/test";
import { mutate, signInApi, todayWita } from "./api-session";
import { openTab, tick } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

test("a treasurer signs in on a phone, records today's collection, sees it public, and corrects it", async ({
  page,
  request,
}) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "10.77.0.1" });
  const before = await (await request.get("/api/open/groups/ratu-damai.json")).json();

  await page.goto("/admin");
  await expect(page).toHaveURL(/\/masuk/);
  await page.getByLabel("Nama pengguna").fill("bendahara-rd");
  await page.getByLabel("Kata sandi").fill("salah-sekali");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.locator("p[role=alert]")).toHaveText("Nama pengguna atau kata sandi salah.");
  await page.getByLabel("Nama pengguna").fill("bendahara-rd");
  await page.getByLabel("Kata sandi").fill("demo-bendahara-ratu-damai");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("heading", { name: "Buku bendahara" })).toBeVisible();

  await openTab(page, "Setoran");
  // The members who have not paid today yet (one who has is marked and cannot be chosen); none chosen yet.
  const rows = page.locator("ul.pay-list li").filter({ has: page.locator("input[type=checkbox]:not([disabled])") });
  await expect(page.locator("ul.pay-list[aria-busy=false]")).toBeVisible(); // who paid today is known
  await expect(rows.first()).toBeVisible();
  const n = await rows.count();
  expect(n).toBeGreaterThan(20);
  await expect(page.locator("ul.pay-list input[type=checkbox]:checked")).toHaveCount(0);
  // Tap who paid: the second and third members; the second gives Rp 2.000 (typing her amount chooses her).
  await rows.nth(1).getByRole("textbox").fill("2000");
  await tick(rows.nth(2).getByRole("checkbox"));
  await expect(rows.nth(0).getByRole("checkbox")).not.toBeChecked();
  const expected = 1000 + 2000;
  await expect(page.getByText(/Jumlah hari ini: Rp/)).toContainText(`Rp ${expected.toLocaleString("id-ID")}`);
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  const saved = page.locator("p[role=status]");
  await expect(saved).toContainText("Tersimpan ✓");
  const seq = Number(/no\. (\d+)/.exec(await saved.innerText())![1]);
  expect(seq).toBe(before.lastSeq + 1);

  // The public numbers change on the next request.
  const after = await (await request.get("/api/open/groups/ratu-damai.json")).json();
  expect(after.lastSeq).toBe(seq);
  expect(after.cashRp).toBe(before.cashRp + expected);
  await page.goto("/kelompok/ratu-damai");
  await expect(page.locator(`#no-${seq}`)).toContainText(`Rp ${expected.toLocaleString("id-ID")}`);

  // Correct it: the reversal appears, linked both ways.
  await page.goto("/admin");
  await openTab(page, "Koreksi");
  await page
    .getByRole("row", { name: new RegExp(`^${seq} `) })
    .getByRole("button", { name: "Koreksi (balik)" })
    .click();
  await page.getByLabel(`Alasan (no. ${seq})`).selectOption({ label: "salah jumlah" });
  await page.getByLabel("Catatan pribadi (tidak ditampilkan ke umum)").fill("Salah hitung uji e2e");
  await page.getByRole("button", { name: "Koreksi (balik)" }).first().click();
  await expect(page.locator("p[role=status]")).toContainText(`↩ ${seq}`);
  const fixed = await (await request.get("/api/open/groups/ratu-damai.json")).json();
  expect(fixed.cashRp).toBe(before.cashRp);
  await page.goto(`/kelompok/ratu-damai/buku-kas?no=${seq}`);
  await expect(page.locator(`#no-${seq}`)).toContainText(`Dibalik oleh no. ${seq + 1}`);
  // The public sees the reason code's label; her own words stay private.
  await expect(page.locator(`#no-${seq}`)).toContainText("salah jumlah");
  await expect(page.locator("main")).not.toContainText("Salah hitung uji e2e");
});

test("the tRPC API refuses anonymous calls, and a signed-in treasurer's mutation from a foreign origin", async ({
  request,
  baseURL,
}) => {
  const anon = await request.get("/api/trpc/admin.groups.mine");
  expect(anon.status()).toBe(401);
  await signInApi(request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
  const input = {
    groupSlug: "ratu-damai",
    date: todayWita(),
    idempotencyKey: `e2e-origin-${Date.now()}`,
    lines: [{ memberCode: "RD-001", amount: 1000, kind: "voluntary" }],
  };
  // Signed in, a foreign page's post is refused for its origin alone …
  const foreign = await request.post("/api/trpc/admin.contributions.record", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: input,
  });
  expect(foreign.status()).toBe(403);
  // … while the very same post from the portal's own origin is recorded.
  const own = await mutate(request, baseURL!, "admin.contributions.record", input);
  expect(own.status(), await own.text()).toBe(200);
});

test("public pages come from memory, and a post is on them at the very next request", async ({
  request,
  playwright,
  baseURL,
}) => {
  const visitor = await playwright.request.newContext({ baseURL });
  const ledger = "/kelompok/compang-dalo/buku-kas";
  await visitor.get(ledger);
  const cached = await visitor.get(ledger);
  expect(cached.headers()["x-kt-cache"]).toBe("hit");
  // A returning phone that kept the page pays a few hundred bytes when nothing changed.
  const unchanged = await visitor.get(ledger, { headers: { "if-none-match": cached.headers().etag! } });
  expect(unchanged.status()).toBe(304);

  await signInApi(request, baseURL!, "bendahara-cd", "demo-bendahara-compang-dalo");
  const posted = await mutate(request, baseURL!, "admin.contributions.record", {
    groupSlug: "compang-dalo",
    date: todayWita(),
    idempotencyKey: `cache-${Date.now()}`,
    lines: [{ memberCode: "CD-005", amount: 1000 }],
  });
  expect(posted.ok(), await posted.text()).toBe(true);
  const { seq } = (await posted.json()).result.data as { seq: number };

  const fresh = await visitor.get(ledger, { headers: { "if-none-match": cached.headers().etag! } });
  expect(fresh.status()).toBe(200);
  expect(fresh.headers()["x-kt-cache"]).toBe("miss");
  expect(await fresh.text()).toContain(`id="no-${seq}"`);
  expect((await visitor.get(ledger)).headers()["x-kt-cache"]).toBe("hit");
  await visitor.dispose();
});

test("with no signal a collection is kept on the phone, and sent by itself, once, when the signal is back", async ({
  page,
  context,
  request,
  baseURL,
}) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "10.77.0.2" });
  const before = await (await request.get("/api/open/groups/compang-dalo.json")).json();
  await signInApi(context.request, baseURL!, "bendahara-cd", "demo-bendahara-compang-dalo");
  await page.goto("/admin");
  await openTab(page, "Setoran");
  // Members who already paid today (earlier tests) are marked and cannot be chosen; nobody is chosen yet.
  const payable = page.locator("ul.pay-list li input[type=checkbox]:not([disabled])");
  await expect(page.locator("ul.pay-list[aria-busy=false]")).toBeVisible(); // who paid today is known
  // Every answer in (the app warms its reads once the worker takes the page): a later one saying a member has
  // paid today unticks and locks her, as it should — the test picks from the settled grid.
  await page.waitForLoadState("networkidle");
  // …and the warm-up done: its reads start when the worker takes the page, after the page's own went
  // quiet; cut off midway they would be answered from the phone and say "last synced".
  await page.waitForFunction(() => document.documentElement.dataset.warmedFor === "compang-dalo", null, {
    timeout: 30_000,
  });
  await page.waitForLoadState("networkidle");
  await expect(payable.first()).toBeVisible();
  const n = await payable.count();
  const half = Math.floor(n / 2);

  await context.setOffline(true);
  // The first half of the meeting pays, then (still offline) the second half.
  for (let i = 0; i < half; i++) await tick(payable.nth(i));
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  // One place speaks for the phone's queue, on every tab.
  const queue = page.locator("section.phone-queue");
  await expect(queue.locator("p[role=status]")).toContainText("Tidak ada sinyal: 1 catatan disimpan di HP");
  // Those kept on the phone count as paid: shown so, and they cannot be chosen again.
  await expect(page.locator("ul.pay-list li", { hasText: "sudah bayar (disimpan di HP)" })).toHaveCount(half);
  await expect(payable).toHaveCount(n - half);
  for (let i = 0; i < n - half; i++) await tick(payable.nth(i));
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  await expect(queue.locator("p[role=status]")).toContainText("Tidak ada sinyal: 2 catatan disimpan di HP");
  await expect(queue.locator("li")).toHaveCount(2); // what each one is
  expect((await (await request.get("/api/open/groups/compang-dalo.json")).json()).lastSeq).toBe(before.lastSeq);

  await context.setOffline(false);
  await expect(queue.locator("p[role=status]")).toHaveText("2 catatan dari HP terkirim ✓", { timeout: 15_000 });
  await expect(page.getByText(/Tidak ada sinyal/)).toHaveCount(0); // one message state: no stale "waiting"
  const after = await (await request.get("/api/open/groups/compang-dalo.json")).json();
  expect(after.lastSeq).toBe(before.lastSeq + 2);
  expect(after.cashRp).toBe(before.cashRp + n * 1000);
  // Nothing is left to send, and a reload does not send anything twice.
  await page.reload();
  await openTab(page, "Setoran");
  await expect(page.getByText(/disimpan di HP/)).toHaveCount(0);
  expect((await (await request.get("/api/open/groups/compang-dalo.json")).json()).lastSeq).toBe(before.lastSeq + 2);
});

/** Words of one language that must not appear on the other's screen. */
const OTHER_LANGUAGE = {
  id: ["Save", "Amount", "Member", "Overview", "Principal", "Owed", "None", "recorded", "Waiting", "days"],
  en: ["Simpan", "Jumlah", "Anggota", "Tanggal", "Pokok", "Sisa", "Tidak ada", "hari", "bulan", "mencatat", "Bayar"],
};

test("every tab of the treasurer screen opens whole at 360 px without an error, in both languages", async ({
  page,
  context,
  baseURL,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signInApi(context.request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
  for (const [lang, tabs, ready] of [
    [
      "id",
      [
        "Setoran",
        "Angsuran",
        "Kas",
        "Ringkasan",
        "Pinjaman",
        "Tarik simpanan",
        "Anggota",
        "Koreksi",
        "Jejak audit",
        "Tutup buku (SHU)",
        "Pindah dari buku",
        "Akun",
      ],
      "Kas di tangan (menurut buku)",
    ],
    [
      "en",
      [
        "Collection",
        "Repayment",
        "Cash",
        "Overview",
        "Loans",
        "Savings withdrawal",
        "Members",
        "Corrections",
        "Audit log",
        "Close the year (SHU)",
        "Move in",
        "Account",
      ],
      "Cash on hand (books)",
    ],
  ] as const) {
    await context.addCookies([{ name: "bahasa", value: lang, url: baseURL! }]);
    await page.goto("/admin");
    await expect(page.getByText(ready)).toBeVisible();
    for (const tab of tabs) {
      await openTab(page, tab); // on the bottom bar or under "Lainnya"; waits until it is the open one
      await expect(page.locator("main section").last()).not.toBeEmpty();
      // What the tab fetches has arrived when its text stops changing.
      const text = () => page.locator("main").innerText();
      await expect
        .poll(async () => {
          const before = await text();
          await page.waitForTimeout(400);
          return before === (await text()) && !before.includes("…");
        })
        .toBe(true);
      // Whole at 360 px; no raw code (snake_case) and no word of the other language.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${lang} ${tab}`).toBeLessThanOrEqual(
        360,
      );
      const shown = await text();
      expect(shown.match(/\b[a-z]+_[a-z_]+\b/g), `${lang} ${tab}`).toBeNull();
      for (const word of OTHER_LANGUAGE[lang]) expect(shown, `${lang} ${tab}`).not.toMatch(new RegExp(`\\b${word}\\b`));
    }
  }
  expect(errors).toEqual([]);
});

test("the supervisor seals last month; the monthly report shows it, and the treasurer cannot", async ({
  request,
  baseURL,
  page,
}) => {
  const cps = (await (await request.get("/api/open/groups/ratu-damai/checkpoints.json")).json()).checkpoints;
  const month = cps.at(-2).month as string;
  await signInApi(request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
  const byTreasurer = await mutate(request, baseURL!, "admin.seals.countersign", { groupSlug: "ratu-damai", month });
  expect(byTreasurer.status()).toBe(403);
  await signInApi(request, baseURL!, "pengawas-rd", "demo-pengawas-ratu-damai");
  const signed = await mutate(request, baseURL!, "admin.seals.countersign", { groupSlug: "ratu-damai", month });
  expect(signed.ok(), await signed.text()).toBe(true);
  await page.goto(`/kelompok/ratu-damai/laporan/${month}`);
  await expect(page.locator("section.seal")).toContainText("disegel oleh pengawas, tanggal");
  const after = (await (await request.get("/api/open/groups/ratu-damai/checkpoints.json")).json()).checkpoints;
  expect(after.find((c: { month: string }) => c.month === month).countersignedOn).toBe(todayWita());
});

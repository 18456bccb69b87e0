import { type BrowserContext, expect, test } from "@playwright/test";

/**
 * A village behind one mobile-network address: strangers' wrong tries from it slow every unknown
 * browser there, but not the treasurer's (or a member's) own phone, which holds the device cookie
 * from an earlier success. The e2e server trusts X-Forwarded-For (TRUST_PROXY=1), so this test's
 * "village" is an address of its own.
 */
const WAIT = /^Terlalu banyak percobaan dari sini\. Tunggu .+, lalu coba lagi\.$/;

/** Waits until the first of these happens (the answer page of a form: signed in, opened, or refused). */
function settled(...waits: Promise<unknown>[]): Promise<unknown> {
  for (const w of waits) w.catch(() => {}); // the one that never comes is not a failure
  return Promise.race(waits);
}

async function phone(browser: import("@playwright/test").Browser, address: string): Promise<BrowserContext> {
  return browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
}

test("strangers' wrong tries from the village's address leave the treasurer's own phone signing in at once", async ({
  browser,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, "runs once");
  test.setTimeout(120_000);
  const village = `10.77.${Date.now() % 250}.${Math.floor(Math.random() * 250)}`;
  const own = await phone(browser, village);
  const stranger = await phone(browser, village);
  const signIn = async (context: BrowserContext, username: string, password: string) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto("/masuk");
    await page.getByLabel("Nama pengguna").fill(username);
    await page.getByLabel("Kata sandi").fill(password);
    await page.getByRole("button", { name: "Masuk" }).click();
    await settled(page.waitForURL(/\/admin$/), page.locator("p[role=alert]").waitFor());
    return page.url().endsWith("/admin") ? "in" : page.locator("p[role=alert]").innerText();
  };

  expect(await signIn(own, "bendahara-rd", "demo-bendahara-ratu-damai")).toBe("in");
  const device = (await own.cookies()).find((c) => c.name === "perangkat");
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  expect(device!.expires - Date.now() / 1000).toBeGreaterThan(399 * 86_400);

  for (let i = 1; i <= 11; i++)
    expect(await signIn(stranger, `orang-asing-${i}`, "tebak-tebakan-saja")).toBe(
      "Nama pengguna atau kata sandi salah.",
    );
  // One more after the first wait (5 s) makes the next wait 10 s: room for the checks below.
  await stranger.pages()[0]!.waitForTimeout(5_500);
  expect(await signIn(stranger, "orang-asing-12", "tebak-tebakan-saja")).toBe("Nama pengguna atau kata sandi salah.");
  expect(await signIn(stranger, "bendahara-rd", "demo-bendahara-ratu-damai")).toMatch(WAIT);

  // An edited device cookie is no device cookie: her phone with it waits like any other.
  await own.clearCookies({ name: /session-token/ });
  await own.addCookies([
    { ...device!, value: `${device!.value.slice(0, -1)}${device!.value.endsWith("A") ? "B" : "A"}` },
  ]);
  expect(await signIn(own, "bendahara-rd", "demo-bendahara-ratu-damai")).toMatch(WAIT);
  // With its own cookie back (the session gone, as after signing out) it signs in at once.
  await own.addCookies([device!]);
  expect(await signIn(own, "bendahara-rd", "demo-bendahara-ratu-damai")).toBe("in");
  await Promise.all([own.close(), stranger.close()]);
});

test("the same for the passbook: strangers' wrong codes do not stop the member's own phone", async ({
  browser,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, "runs once");
  const village = `10.78.${Date.now() % 250}.${Math.floor(Math.random() * 250)}`;
  const own = await phone(browser, village);
  const stranger = await phone(browser, village);
  const open = async (context: BrowserContext, member: string, check: string) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto("/anggota");
    if (await page.getByRole("button", { name: "Tutup buku" }).isVisible())
      await page.getByRole("button", { name: "Tutup buku" }).click();
    await page.getByLabel("Kelompok").selectOption("ratu-damai");
    await page.getByLabel("Kode anggota").fill(member);
    await page.getByLabel("Kode cek").fill(check);
    await page.getByRole("button", { name: "Buka buku saya" }).click();
    const book = page.getByRole("button", { name: "Tutup buku" });
    await settled(book.waitFor(), page.locator("p[role=alert]").waitFor());
    return (await page.getByRole("button", { name: "Tutup buku" }).isVisible())
      ? "open"
      : page.locator("p[role=alert]").innerText();
  };

  expect(await open(own, "RD-004", "100004")).toBe("open");
  expect((await own.cookies()).find((c) => c.name === "perangkat-buku")).toMatchObject({
    httpOnly: true,
    sameSite: "Lax",
    path: "/anggota",
  });
  for (let i = 10; i <= 20; i++)
    expect(await open(stranger, `RD-0${i}`, "999999")).toBe("Kode anggota atau kode cek salah.");
  expect(await open(stranger, "RD-004", "100004")).toMatch(WAIT);
  expect(await open(own, "RD-004", "100004")).toBe("open");
  await Promise.all([own.close(), stranger.close()]);
});

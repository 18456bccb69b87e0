import { expect, test } from "@playwright/test";
import { mutate, signInApi, todayWita } from "./api-session";

test("public pages and the sign-in page carry no script and say script-src 'none'; hardening headers everywhere", async ({
  request,
}) => {
  for (const url of [
    "/",
    "/kelompok/ratu-damai",
    "/bandingkan",
    "/anggota",
    "/verifikasi",
    "/kelompok/tidak-ada",
    "/masuk",
  ]) {
    const r = await request.get(url);
    const csp = r.headers()["content-security-policy"]!;
    const html = await r.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(csp, url).toContain("frame-ancestors 'none'");
    expect(csp, url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // The sign-in page is a plain POST form: it works, and is sent, without any script.
    expect(scripts, url).toEqual([]);
    expect(html, url).not.toMatch(/<link[^>]*(?:as="script"|rel="modulepreload")/);
    expect(csp, url).toMatch(/script-src 'none'/);
    expect(r.headers()["x-content-type-options"]).toBe("nosniff");
    expect(r.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(r.headers()["x-frame-options"]).toBe("DENY");
    expect(r.headers()["permissions-policy"]).toContain("camera=()");
  }
  const api = await request.get("/api/open/groups.json");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
});

test("the session cookie is HttpOnly and SameSite=Lax; what a treasurer types in a correction never goes public", async ({
  page,
  request,
  baseURL,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, "runs once");
  await signInApi(request, baseURL!, "bendahara-cd", "demo-bendahara-compang-dalo");
  const state = await request.storageState();
  const session = state.cookies.find((c) => c.name.includes("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false }); // Secure under https (useSecureCookies)
  // A member who has not paid today (other specs record today's collection for the first ones).
  let entry = null;
  for (let n = 25; n >= 5 && !entry?.ok(); n--)
    entry = await mutate(request, baseURL!, "admin.contributions.record", {
      groupSlug: "compang-dalo",
      date: todayWita(),
      idempotencyKey: `xss-${Date.now()}-${n}`,
      lines: [{ memberCode: `CD-${String(n).padStart(3, "0")}`, amount: 1000 }],
    });
  if (!entry) throw new Error("no member to collect from");
  expect(entry.ok()).toBe(true);
  const { result } = await entry.json();
  // A treasurer writes a member's name and some markup in her note, as a tired treasurer would.
  const typed = `Bu Yuliana Jehaut salah setor <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
  const words = await mutate(request, baseURL!, "admin.entries.reverse", {
    groupSlug: "compang-dalo",
    entryId: result.data.id,
    reasonCode: typed,
    idempotencyKey: `typed-${Date.now()}`,
  });
  expect(words.status()).toBe(400); // words are not a reason code
  const fix = await mutate(request, baseURL!, "admin.entries.reverse", {
    groupSlug: "compang-dalo",
    entryId: result.data.id,
    reasonCode: "salah_anggota",
    note: typed,
    idempotencyKey: `xss-fix-${Date.now()}`,
  });
  expect(fix.ok(), await fix.text()).toBe(true);
  const fixSeq = (await fix.json()).result.data.seq;
  await page.goto("/kelompok/compang-dalo/buku-kas");
  await expect(page.locator(`#no-${fixSeq}`)).toContainText("salah anggota");
  for (const url of [
    "/kelompok/compang-dalo/buku-kas",
    "/kelompok/compang-dalo",
    "/api/open/groups/compang-dalo/ledger.json",
    "/api/open/groups/compang-dalo/ledger.csv",
  ]) {
    const body = await (await request.get(url)).text();
    expect(body, url).not.toContain("Yuliana Jehaut");
    expect(body, url).not.toContain("onerror");
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("signing in is a POST that works without JavaScript: the password never appears in a URL, a refusal is shown", async ({
  page,
}, info) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.88.${info.project.name.length}.1` });
  const requested: string[] = [];
  page.on("request", (r) => requested.push(`${r.method()} ${r.url()}`));
  const signIn = async (password: string) => {
    await page.getByLabel("Nama pengguna").fill("pengawas-rd");
    await page.getByLabel("Kata sandi").fill(password);
    await page.getByRole("button", { name: "Masuk" }).click();
  };
  await page.goto("/masuk");
  await signIn("kata-sandi-yang-salah");
  await expect(page.locator("p[role=alert]")).toHaveText("Nama pengguna atau kata sandi salah.");
  await signIn("demo-pengawas-ratu-damai");
  await expect(page).toHaveURL(/\/admin$/);
  expect(requested.filter((r) => r.startsWith("POST ") && r.includes("/masuk")).length).toBeGreaterThanOrEqual(2);
  for (const r of requested) expect(r).not.toMatch(/sandi|password=/);
});

test("a tRPC batch is capped at 10 calls; Strict-Transport-Security only under https", async ({ request }) => {
  const batch = (n: number) =>
    request.get(`/api/trpc/${Array.from({ length: n }, () => "admin.groups.mine").join(",")}?batch=1&input={}`);
  expect((await batch(11)).status()).toBe(400);
  expect((await batch(10)).status()).toBe(401); // within the cap: refused only for want of a session
  expect((await request.get("/")).headers()["strict-transport-security"]).toBeUndefined(); // served over http here
});

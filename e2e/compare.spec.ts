import { expect, test } from "@playwright/test";

test("the calculator answers in rupiah without JavaScript, with chart, table and sensitivity", async ({ page }) => {
  await page.goto("/bandingkan", { waitUntil: "networkidle" }); // with JavaScript on, type after hydration
  await page.getByLabel("Jumlah pinjaman (Rp)").fill("1.000.000");
  await page.getByLabel("Lama pinjaman (bulan)").fill("4");
  await page.getByRole("button", { name: "Hitung" }).click();
  await expect(page).toHaveURL(/amount=1.000.000&months=4/);
  await expect(page.getByRole("heading", { name: "Pinjam Rp 1.000.000 selama 4 bulan:" })).toBeVisible();
  const sentence = page.locator("h2 + p");
  await expect(sentence).toContainText("KSM Rp 80.000");
  await expect(sentence).toContainText("KUR Rp 12.531");
  await expect(sentence).toContainText("Rentenir Rp 400.000");
  await expect(sentence).toContainText("Pengijon Rp 1.000.000");
  await expect(page.getByRole("row", { name: /Pengijon Rp 1\.000\.000 700,00%/ })).toBeVisible();
  await expect(
    page
      .getByRole("img", { name: "Biaya meminjam uang yang sama, menurut pemberi pinjaman" })
      .locator("svg.recharts-surface")
      .first(),
  ).toBeAttached();
  await expect(page.getByRole("row", { name: /^2,0 Rp 1\.000\.000/ })).toContainText("700%");
});

test("a bad parameter is named next to its field", async ({ page }) => {
  await page.goto("/bandingkan?amount=abc&months=4");
  await expect(page.locator("#amount-error")).toHaveText(/Harus bilangan bulat/);
  await expect(page.getByLabel("Jumlah pinjaman (Rp)")).toHaveAttribute("aria-invalid", "true");
});

test("GET /api/open/compare agrees with the page and names bad parameters", async ({ request }) => {
  const r = await request.get("/api/open/compare?amount=1000000&months=4");
  expect(r.status()).toBe(200);
  const body = await r.json();
  expect(body.lenders.map((l: { key: string; costRp: number }) => [l.key, l.costRp])).toEqual([
    ["ksm", 80_000],
    ["kur", 12_531],
    ["rentenir", 400_000],
    ["ijon", 1_000_000],
  ]);
  expect(body.lenders[3]).toMatchObject({
    periodsPerYear: 12,
    eirPct: 700,
    cashFlows: [1_000_000, 0, 0, 0, -2_000_000],
  });
  const weekly = await (
    await request.get(
      "/api/open/compare?amount=1000000&months=1&rentenirRatePct=20&rentenirPeriod=week&rentenirPeriods=4",
    )
  ).json();
  expect(weekly.lenders[2]).toMatchObject({ key: "rentenir", costRp: 200_000, periodsPerYear: 52 });
  for (const [q, param] of [
    ["amount=-1&months=4", "amount"],
    ["amount=1000000&months=0", "months"],
    ["amount=1000000&months=4&ksmMethod=compound", "ksmMethod"],
    ["amount=1000000&months=4&ijonRatio=x", "ijonRatio"],
    ["amount=1000000&months=4&amount=5", "amount"],
  ]) {
    const bad = await request.get(`/api/open/compare?${q}`);
    expect(bad.status(), q).toBe(400);
    expect((await bad.json()).parameter).toBe(param);
  }
});

test("the group page shows the cost avoided as 'at least', with the all-ijon figure beside it, its definition and assumptions", async ({
  page,
  request,
}) => {
  await page.goto("/kelompok/ratu-damai");
  await expect(page.getByRole("heading", { name: "Biaya yang dihindari anggota" })).toBeVisible();
  const detail = await (await request.get("/api/open/groups/ratu-damai.json")).json();
  // Up to: each loan against its realistic alternative, never more than every loan from a rentenir.
  expect(detail.costAvoidedIfOthersRentenirRp).toBeLessThanOrEqual(
    detail.loanCosts.totalsRp.rentenir - detail.loanCosts.totalsRp.ksm,
  );
  expect(detail.costAvoidedAtLeastRp).toBeGreaterThan(0);
  expect(detail.costAvoidedAtLeastRp).toBeLessThan(detail.costAvoidedIfOthersRentenirRp);
  const rpOf = (n: number) => `Rp ${n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;
  await expect(page.getByText(`paling sedikit ${rpOf(detail.costAvoidedAtLeastRp)}`, { exact: true })).toBeVisible();
  await expect(page.getByText(`sampai ${rpOf(detail.costAvoidedIfOthersRentenirRp)}`)).toBeVisible();
  // Per member per year of membership, recomputed from the open data: the headline a donor can weigh.
  const perYear = Math.floor((detail.costAvoidedAtLeastRp * 365) / detail.memberDays);
  await expect(page.getByText(`paling sedikit ${rpOf(perYear)} per anggota per tahun keanggotaan`)).toBeVisible();
  await expect(page.getByText("tidak pernah KUR").first()).toBeVisible();
  await expect(page.getByText("Memakai asumsi bawaan")).toBeVisible();
  await page.goto("/dampak");
  await expect(page.getByText("tidak pernah KUR").first()).toBeVisible(); // the definition beside the figure
});

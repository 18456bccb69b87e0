import { inflateSync } from "node:zlib";
import { expect, test } from "@playwright/test";

/** Pages in a PDF Chromium printed (each page object is `/Type /Page`). */
const pagesOf = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;

/** What a PDF's pages draw: every content stream inflated, its text strings decoded (WinAnsi ≈ Latin-1). */
function drawnText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  let text = "";
  for (const m of raw.matchAll(/<<([\s\S]*?)>>\s*stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const bytes = pdf.subarray(start, raw.indexOf("endstream", start));
    const ops = (m[1]!.includes("/FlateDecode") ? inflateSync(bytes) : bytes).toString("latin1");
    for (const s of ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) text += `${Buffer.from(s[1]!, "hex").toString("latin1")}\n`;
  }
  return text;
}

async function lastClosedMonth(request: import("@playwright/test").APIRequestContext) {
  const cps = (await (await request.get("/api/open/groups/ratu-damai/checkpoints.json")).json()).checkpoints as {
    month: string;
    seal: string;
    closed: boolean;
  }[];
  return cps.filter((c) => c.closed).at(-1)!;
}

test("a closed month's report prints on one A4 page with its seal, the signature block and the printed date, without navigation", async ({
  page,
  request,
}) => {
  const last = await lastClosedMonth(request);
  await page.goto(`/kelompok/ratu-damai/laporan/${last.month}`);
  await page.emulateMedia({ media: "print" });
  const signatures = page.locator("section.signatures");
  for (const role of ["Ketua", "Bendahara", "Pengawas", "Mengetahui,", "Kepala Desa Golo Meni"])
    await expect(signatures).toContainText(role);
  await expect(signatures).toContainText(/Dicetak \d{1,2} \w{3} \d{4}/);
  await expect(page.locator("section.seal .seal-code")).toHaveText(last.seal);
  await expect(page.locator("header.site nav")).toBeHidden();
  await expect(page.locator("nav.pager")).toBeHidden();
  // Room to sign by hand: at least 15 mm (56,7 CSS px) between each role and its dotted line.
  const items = await signatures.locator(".sig-item").all();
  expect(items.length).toBe(4);
  for (const item of items) {
    const role = (await item.locator("strong").boundingBox())!;
    const line = (await item.locator(".sig-line").boundingBox())!;
    expect(line.y - (role.y + role.height)).toBeGreaterThanOrEqual(56);
  }
  // What only a screen uses is not printed: the full hash behind its tap, the links.
  await expect(page.locator("section.seal details")).toBeHidden();
  await expect(page.getByRole("link", { name: "Cara memeriksa segel ini" })).toBeHidden();
  await expect(page.getByRole("link", { name: /Unduh PDF/ })).toBeHidden();
  expect(pagesOf(await page.pdf({ format: "A4" }))).toBe(1);
});

test("the same report as a PDF to share: linked from the page, served under 200 KB, and carrying the seal", async ({
  page,
  request,
}) => {
  const last = await lastClosedMonth(request);
  await page.goto(`/kelompok/ratu-damai/laporan/${last.month}`);
  const href = await page.getByRole("link", { name: /Unduh PDF/ }).getAttribute("href");
  expect(href).toBe(`/kelompok/ratu-damai/laporan/${last.month}.pdf`);
  const res = await request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const pdf = await res.body();
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.length).toBeLessThan(200_000);
  const text = drawnText(pdf);
  expect(text).toContain(last.seal);
  expect(text).toContain("Kepala Desa Golo Meni");
  expect(text).toContain("DATA DEMO");
  expect(pagesOf(pdf)).toBe(1);
  // A month with no report has no PDF either.
  expect((await request.get("/kelompok/ratu-damai/laporan/2099-01.pdf")).status()).toBe(404);
});

test("the year report ends with the signature block", async ({ page, request }) => {
  const detail = await (await request.get("/api/open/groups/ratu-damai.json")).json();
  const year = (detail.closedYears as { year: number }[]).at(-1)!.year;
  await page.goto(`/kelompok/ratu-damai/tahun/${year}`);
  await expect(page.locator("section.signatures")).toContainText("Kepala Desa Golo Meni");
});

test("the closed year's report as a PDF: linked from its page, served under 200 KB on at most two pages, with December's seal", async ({
  page,
  request,
}) => {
  const detail = await (await request.get("/api/open/groups/ratu-damai.json")).json();
  const year = (detail.closedYears as { year: number }[]).at(-1)!.year;
  await page.goto(`/kelompok/ratu-damai/tahun/${year}`);
  const href = await page.getByRole("link", { name: /Unduh PDF/ }).getAttribute("href");
  expect(href).toBe(`/kelompok/ratu-damai/tahun/${year}.pdf`);
  const res = await request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const pdf = await res.body();
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.length).toBeLessThan(200_000);
  const pages = pagesOf(pdf);
  expect(pages, `${pages} pages`).toBeGreaterThanOrEqual(1);
  expect(pages, `${pages} pages`).toBeLessThanOrEqual(2);
  const text = drawnText(pdf);
  const cps = (await (await request.get("/api/open/groups/ratu-damai/checkpoints.json")).json()).checkpoints as {
    month: string;
    seal: string;
    closed: boolean;
  }[];
  const december = cps.find((c) => c.month === `${year}-12` && c.closed);
  if (december) {
    expect(text).toContain(december.seal);
    await expect(page.locator("section.seal .seal-code")).toHaveText(december.seal);
  }
  expect(text).toContain("Kepala Desa Golo Meni");
  expect(text).toContain("DATA DEMO");
  // A year not closed has no PDF either.
  expect((await request.get("/kelompok/ratu-damai/tahun/2099.pdf")).status()).toBe(404);
});

test("the group page prints on at most two A4 pages", async ({ page }) => {
  await page.goto("/kelompok/ratu-damai");
  await page.emulateMedia({ media: "print" });
  const pages = pagesOf(await page.pdf({ format: "A4" }));
  expect(pages, `${pages} pages`).toBeLessThanOrEqual(2);
});

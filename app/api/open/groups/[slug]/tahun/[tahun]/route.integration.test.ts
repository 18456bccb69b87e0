/**
 * A closed year's report as a PDF through its route handler: a PDF under 200 KB on at most two A4
 * pages whose drawn text carries the year's SHU and its division, the indicators, December's final
 * seal with its QR code and the signature block with the printed date — and nothing of any member;
 * the demo label on a demo group; a year not closed answers 404 as the HTML report does. The HTML
 * report renders the same model: it links the PDF and shows the same seal.
 */
import { inflateSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { renderToReadableStream } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ksmGroups } from "@/db/schema";
import { EXAMPLE_RULE, SHU_POOLS } from "@/server/domain/shu";
import { MESSAGES } from "@/server/i18n/messages";
import { rp } from "@/server/i18n/format";
import { recordExpense, recordIncome } from "@/server/verbs/cash/cash-movement";
import { loadGroup } from "@/server/shared/context";
import { monthCheckpoint } from "@/server/shared/seals";
import { closeYear } from "@/server/verbs/year/close-year";
import { setShareOutRule } from "@/server/verbs/year/set-share-out-rule";
import { yearReport } from "@/server/read/year-report";
import { key, seedGroup, tempDatabase, testContext, typedOn } from "@/server/testing/db";
import { newRequest } from "@/server/testing/next-request";

vi.mock("next/headers", () => import("@/server/testing/next-request").then((m) => m.headersModule));
vi.mock("next/navigation", () => import("@/server/testing/next-request").then((m) => m.navigationModule));
const { GET } = await import("./route");

let t: Awaited<ReturnType<typeof tempDatabase>>;
const before = process.env.DATABASE_URL;
const SLUG = "ratu-damai";

beforeAll(async () => {
  t = await tempDatabase();
  const ctx = testContext(t.database);
  await seedGroup(ctx, SLUG, 3);
  await setShareOutRule(ctx, { groupSlug: SLUG, rule: EXAMPLE_RULE, isExample: true });
  const date = "2025-06-03";
  await recordIncome(typedOn(ctx, date), {
    groupSlug: SLUG,
    amount: 20_000,
    date,
    category: "bunga_bank",
    idempotencyKey: key(),
  });
  await recordExpense(typedOn(ctx, date), {
    groupSlug: SLUG,
    amount: 5_000,
    date,
    category: "alat_tulis",
    idempotencyKey: key(),
  });
  await closeYear(ctx, { groupSlug: SLUG, year: 2025, idempotencyKey: key() });
  process.env.DATABASE_URL = t.database.url;
});
afterAll(() => {
  process.env.DATABASE_URL = before;
  t.cleanup();
});

const pdfOf = (slug: string, tahun: string) => {
  newRequest({});
  return GET(new Request(`http://x/kelompok/${slug}/tahun/${tahun}.pdf`), {
    params: Promise.resolve({ slug, tahun }),
  });
};

/** What a PDF's pages draw: every content stream inflated, its text operators' strings decoded (WinAnsi ≈ Latin-1). */
function drawn(pdf: Buffer): { text: string; squares: number; pages: number } {
  const raw = pdf.toString("latin1");
  let text = "";
  let squares = 0;
  for (const m of raw.matchAll(/<<([\s\S]*?)>>\s*stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf("endstream", start);
    const bytes = pdf.subarray(start, end);
    const ops = (m[1]!.includes("/FlateDecode") ? inflateSync(bytes) : bytes).toString("latin1");
    for (const s of ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) text += `${Buffer.from(s[1]!, "hex").toString("latin1")}\n`;
    for (const s of ops.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) text += `${s[1]}\n`;
    squares += ops.match(/\sm\s/g)?.length ?? 0; // each path begins with a moveto
  }
  return { text, squares, pages: raw.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0 };
}

async function pdfText(tahun: string) {
  const res = await pdfOf(SLUG, tahun);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  const pdf = Buffer.from(await res.arrayBuffer());
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.length).toBeLessThan(200_000);
  return drawn(pdf);
}

describe("a closed year's report as a PDF", () => {
  it("carries the year's SHU and its division, the indicators, December's seal with its QR code and the signature block — and no member", async () => {
    const { text, squares, pages } = await pdfText("2025");
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    const group = await loadGroup(t.database.db, SLUG);
    const report = await yearReport(t.database.db, group, 2025);
    const s = MESSAGES.id.shu;
    // The figures, as the HTML report prints them (from the same model).
    expect(report.shu).toBeGreaterThan(0);
    // (Helvetica has no "−": the PDF spells it "-".)
    expect(text).toContain(`${s.shuIs.replace("−", "-")} ${rp(report.shu, "id")}`);
    for (const p of SHU_POOLS) {
      expect(text).toContain(s.pools[p]);
      if (report.pools[p] > 0) expect(text).toContain(rp(report.pools[p], "id"));
    }
    for (const label of [s.returnOnSavings, s.returnOnAssets, s.utilisation, s.par30, s.retention, s.writeOffRatio])
      expect(text).toContain(label);
    // December's final seal, its hash, and its QR code's dark modules (each a filled square).
    const seal = await monthCheckpoint(t.database.db, group, "2025-12");
    expect(seal?.closed).toBe(true);
    expect(text).toContain(seal!.seal);
    expect(text).toContain(seal!.hash);
    expect(squares).toBeGreaterThan(100);
    for (const words of ["Laporan tahunan", "Ketua", "Bendahara", "Pengawas", "Mengetahui,", "Kepala Desa Golo Meni"])
      expect(text).toContain(words);
    expect(text).toMatch(/Dicetak \d{1,2} \w{3} \d{4}/);
    expect(text).not.toMatch(/Anggota Uji|RA-00\d/);
    expect(text).not.toContain("DATA DEMO");
  });

  it("says DATA DEMO on a demo group's report", async () => {
    await t.database.db.update(ksmGroups).set({ isDemo: true }).where(eq(ksmGroups.slug, SLUG));
    try {
      expect((await pdfText("2025")).text).toContain("DATA DEMO");
    } finally {
      await t.database.db.update(ksmGroups).set({ isDemo: false }).where(eq(ksmGroups.slug, SLUG));
    }
  });

  it("answers a year not closed, not a year, or no group with a 404, as the HTML report does", async () => {
    expect((await pdfOf(SLUG, "2026")).status).toBe(404);
    expect((await pdfOf(SLUG, "2024")).status).toBe(404);
    expect((await pdfOf(SLUG, "25")).status).toBe(404);
    expect((await pdfOf("tidak-ada", "2025")).status).toBe(404);
  });

  it("is linked from the HTML year report, which shows the same seal", async () => {
    const { default: Year } = await import("../../../../../../kelompok/[slug]/tahun/[tahun]/page");
    newRequest({});
    const stream = await renderToReadableStream(await Year({ params: Promise.resolve({ slug: SLUG, tahun: "2025" }) }));
    await stream.allReady;
    const page = await new Response(stream).text();
    expect(page).toContain(`href="/kelompok/${SLUG}/tahun/2025.pdf"`);
    const group = await loadGroup(t.database.db, SLUG);
    const seal = await monthCheckpoint(t.database.db, group, "2025-12");
    expect(page).toContain(`<strong class="seal-code">${seal!.seal}</strong>`);
  });
});

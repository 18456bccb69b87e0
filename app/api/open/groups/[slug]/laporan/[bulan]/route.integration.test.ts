/**
 * The monthly report's PDF through its route handler: a PDF under 200 KB whose drawn text carries
 * the month's seal, its QR code and the signature block, and nothing of any member.
 */
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadGroup } from "@/server/shared/context";
import { monthCheckpoint } from "@/server/shared/seals";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { key, seedGroup, tempDatabase, testContext, typedOn } from "@/server/testing/db";
import { newRequest } from "@/server/testing/next-request";

vi.mock("next/headers", () => import("@/server/testing/next-request").then((m) => m.headersModule));
const { GET } = await import("./route");

let t: Awaited<ReturnType<typeof tempDatabase>>;
const before = process.env.DATABASE_URL;

beforeAll(async () => {
  t = await tempDatabase();
  const ctx = testContext(t.database);
  await seedGroup(ctx, "ratu-damai", 3);
  await recordContributions(typedOn(ctx, "2026-10-15"), {
    groupSlug: "ratu-damai",
    date: "2026-10-15",
    idempotencyKey: key(),
    lines: ["RA-001", "RA-002", "RA-003"].map((memberCode) => ({
      memberCode,
      amount: 25_000,
      kind: "voluntary" as const,
    })),
  });
  process.env.DATABASE_URL = t.database.url;
});
afterAll(() => {
  process.env.DATABASE_URL = before;
  t.cleanup();
});

const pdfOf = (slug: string, bulan: string) => {
  newRequest({});
  return GET(new Request(`http://x/kelompok/${slug}/laporan/${bulan}.pdf`), {
    params: Promise.resolve({ slug, bulan }),
  });
};

/** What a PDF's pages draw: every content stream inflated, its text operators' strings decoded (WinAnsi ≈ Latin-1). */
function drawn(pdf: Buffer): { text: string; squares: number } {
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
  return { text, squares };
}

describe("the monthly report as a PDF", () => {
  it("is a PDF under 200 KB that carries the month's seal, its QR code and the signature block — and no member", async () => {
    const res = await pdfOf("ratu-damai", "2026-10");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeLessThan(200_000);
    const group = await loadGroup(t.database.db, "ratu-damai");
    const seal = await monthCheckpoint(t.database.db, group, "2026-10");
    expect(seal?.closed).toBe(true);
    const { text, squares } = drawn(pdf);
    expect(text).toContain(seal!.seal);
    expect(text).toContain(seal!.hash);
    expect(squares).toBeGreaterThan(100); // the QR code's dark modules, each a filled square
    for (const words of ["Laporan bulanan", "Ketua", "Bendahara", "Pengawas", "Mengetahui,", "Kepala Desa Golo Meni"])
      expect(text).toContain(words);
    expect(text).toMatch(/Dicetak \d{1,2} \w{3} \d{4}/);
    expect(text).toContain("75.000"); // the month's savings, as on the HTML report
    expect(text).not.toMatch(/Anggota Uji|RA-00\d/);
  });

  it("answers a month the group has no report for with a 404, as the HTML report does", async () => {
    expect((await pdfOf("ratu-damai", "2023-12")).status).toBe(404);
    expect((await pdfOf("ratu-damai", "2026-13")).status).toBe(404);
    expect((await pdfOf("tidak-ada", "2026-10")).status).toBe(404);
  });
});

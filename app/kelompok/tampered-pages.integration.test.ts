/**
 * Every public page of a portal with one tampered book (a repayment raised above what was owed in
 * the database, stored hashes left alone), rendered as Next renders it on the server: none of them
 * fails; the tampered group's pages carry the one warning and never the "never changed" claim; the
 * home page and /dampak name it apart.
 */
import type { Client } from "@libsql/client";
import { renderToReadableStream } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openClient } from "@/db/client";
import { MESSAGES } from "@/server/i18n/messages";
import { seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { newRequest } from "@/server/testing/next-request";
import { bookWithALoan, raiseRepayment } from "@/server/testing/tamper";

vi.mock("next/headers", () => import("@/server/testing/next-request").then((m) => m.headersModule));
vi.mock("next/navigation", () => import("@/server/testing/next-request").then((m) => m.navigationModule));

const t_ = MESSAGES.id;
let t: Awaited<ReturnType<typeof tempDatabase>>;
let other: Client;
const before = process.env.DATABASE_URL;

beforeAll(async () => {
  t = await tempDatabase();
  const { group } = await seedGroup(testContext(t.database), "ratu-damai", 5);
  await seedGroup(testContext(t.database), "sumber-air", 5);
  const { group: third } = await seedGroup(testContext(t.database), "watu-api", 5);
  await bookWithALoan(t.database, "watu-api", "WA");
  await bookWithALoan(t.database, "ratu-damai", "RA");
  await bookWithALoan(t.database, "sumber-air", "SU");
  other = openClient(t.database.url);
  await raiseRepayment(other, group.id);
  // A tamper the figures survive: a contribution raised.
  await other.execute({
    sql: "UPDATE journal_entries SET amount = amount + 1000 WHERE group_id = ? AND kind = 'contribution'",
    args: [third.id],
  });
  process.env.DATABASE_URL = t.database.url;
  newRequest({});
});
afterAll(() => {
  process.env.DATABASE_URL = before;
  other.close();
  t.cleanup();
});

/** Rendered whole, nested server components (async) awaited, as Next's server render waits for them. */
async function html(page: Promise<React.ReactNode>): Promise<string> {
  const stream = await renderToReadableStream(await page);
  await stream.allReady;
  return new Response(stream).text();
}
/** The warning's fixed words (server/i18n/messages.ts chainBad), whatever entry and time it names. */
const WARNING = "PERINGATAN:";
const NEVER_CHANGED = "Catatan tidak pernah diubah atau dihapus";

describe("public pages with a tampered book", () => {
  it("the home page and /dampak answer, naming the tampered group apart", async () => {
    const { default: Home } = await import("../page");
    const { default: Impact } = await import("../dampak/page");
    for (const page of [
      await html(Home({ searchParams: Promise.resolve({}) })),
      await html(Impact({ searchParams: Promise.resolve({}) } as never)),
    ]) {
      expect(page).toContain(t_.chainFlagged);
      expect(page).toContain("KSM sumber-air");
      expect(page.split(t_.chainFlagged)).toHaveLength(3); // ratu-damai and watu-api
    }
  });

  it("the group page, its cash book, and its month report carry the warning, never the never-changed claim", async () => {
    const { default: Group } = await import("./[slug]/page");
    const { default: Book } = await import("./[slug]/buku-kas/page");
    const { default: Report } = await import("./[slug]/laporan/[bulan]/page");
    const slug = "ratu-damai";
    const group = await html(Group({ params: Promise.resolve({ slug }) }));
    expect(group).toContain(WARNING);
    expect(group).toContain(t_.figuresWithheld);
    // The safety block still answers, first: Bermasalah (server/domain/safety.ts: a failed chain check).
    expect(group).toContain(`<strong>${t_.safe.verdicts.bermasalah}</strong>`);
    const book = await html(Book({ params: Promise.resolve({ slug }), searchParams: Promise.resolve({}) }));
    expect(book).toContain(WARNING);
    expect(book).not.toContain(NEVER_CHANGED);
    const report = await html(Report({ params: Promise.resolve({ slug, bulan: "2026-11" }) }));
    expect(report).toContain(WARNING);
  });

  it("a group whose figures survive the tamper shows them under the warning, said once", async () => {
    const { default: Group } = await import("./[slug]/page");
    const page = await html(Group({ params: Promise.resolve({ slug: "watu-api" }) }));
    expect(page.split(WARNING)).toHaveLength(2);
    expect(page).toContain(t_.balanceSheet);
    expect(page).not.toContain("✓");
    expect(page).toContain(`<strong>${t_.safe.verdicts.bermasalah}</strong>`);
  });

  it("the other group's pages say nothing of it, and its cash book still makes its claim", async () => {
    const { default: Group } = await import("./[slug]/page");
    const { default: Book } = await import("./[slug]/buku-kas/page");
    const slug = "sumber-air";
    const page = await html(Group({ params: Promise.resolve({ slug }) }));
    expect(page).not.toContain(WARNING);
    expect(page).toContain("✓");
    const book = await html(Book({ params: Promise.resolve({ slug }), searchParams: Promise.resolve({}) }));
    expect(book).toContain(NEVER_CHANGED);
    expect(book).not.toContain(WARNING);
  });
});

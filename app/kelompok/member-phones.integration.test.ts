/**
 * Members' phone numbers never go public: with numbers set for members of a group that has a
 * book (savings, a loan, a repayment), every public page and every open-data answer is rendered as
 * Next renders it, and none carries a number — in any form it may be written (62…, 0…, with dashes
 * or spaces), nor its masked form. Nor does a member's passbook.
 */
import { eq } from "drizzle-orm";
import { renderToReadableStream } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { memberPhones, members } from "@/db/schema";
import { passbookOf } from "@/server/read/passbook";
import { setMemberPhone } from "@/server/verbs/members/set-member-phone";
import { seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { newRequest } from "@/server/testing/next-request";
import { bookWithALoan } from "@/server/testing/tamper";

vi.mock("next/headers", () => import("@/server/testing/next-request").then((m) => m.headersModule));
vi.mock("next/navigation", () => import("@/server/testing/next-request").then((m) => m.navigationModule));

const SLUG = "ratu-damai";
/** Digits unlike any figure or date of the book, so that a match can only be a number leaking. */
const NUMBERS: Record<string, string> = { "RA-001": "0812-9753-1864", "RA-002": "+62 813 2468 0975" };
let t: Awaited<ReturnType<typeof tempDatabase>>;
const before = process.env.DATABASE_URL;

beforeAll(async () => {
  t = await tempDatabase();
  const ctx = testContext(t.database);
  await seedGroup(ctx, SLUG, 5);
  await bookWithALoan(t.database, SLUG, "RA");
  for (const [code, phone] of Object.entries(NUMBERS)) await setMemberPhone(ctx, { groupSlug: SLUG, code, phone });
  process.env.DATABASE_URL = t.database.url;
  newRequest({});
});
afterAll(() => {
  process.env.DATABASE_URL = before;
  t.cleanup();
});

async function html(page: Promise<React.ReactNode>): Promise<string> {
  const stream = await renderToReadableStream(await page);
  await stream.allReady;
  return new Response(stream).text();
}

/** Fails naming the answer and the number when any form of a member's number is in `text`. */
function expectNoNumber(where: string, text: string) {
  const digits = text.replace(/[\s\-.()]/g, "");
  for (const typed of Object.values(NUMBERS)) {
    const tail = typed.replace(/\D/g, "").slice(-8); // the part every way of writing it shares
    expect(digits, `${where} carries ${typed}`).not.toContain(tail);
    expect(digits, `${where} carries ${typed} masked`).not.toContain(tail.slice(-4).padStart(8, "*"));
  }
}

describe("members' phone numbers are never public", () => {
  it("the numbers are set (the test is about something)", async () => {
    const rows = await t.database.db.select().from(memberPhones);
    expect(rows.map((r) => r.phone).sort()).toEqual(["6281297531864", "6281324680975"]);
  });

  it("on no public page of the group or the portal", async () => {
    const pages: [string, () => Promise<React.ReactNode>][] = [
      ["/", async () => (await import("../page")).default({ searchParams: Promise.resolve({}) })],
      ["/dampak", async () => (await import("../dampak/page")).default({ searchParams: Promise.resolve({}) })],
      // (The year's report exists once a year is closed: this book's year is still open.)
      ["/data", async () => (await import("../data/page")).default({ searchParams: Promise.resolve({}) })],
      ["/kelompok", async () => (await import("./[slug]/page")).default({ params: Promise.resolve({ slug: SLUG }) })],
      [
        "/buku-kas",
        async () =>
          (await import("./[slug]/buku-kas/page")).default({
            params: Promise.resolve({ slug: SLUG }),
            searchParams: Promise.resolve({}),
          }),
      ],
      [
        "/laporan",
        async () =>
          (await import("./[slug]/laporan/[bulan]/page")).default({
            params: Promise.resolve({ slug: SLUG, bulan: "2026-11" }),
          }),
      ],
    ];
    for (const [where, page] of pages) {
      const text = await html(page() as Promise<React.ReactNode>);
      expect(text, where).toContain("ratu-damai"); // the group's own page, rendered whole
      expectNoNumber(where, text);
    }
  });

  it("in no open-data answer", async () => {
    const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
    const req = (path: string) => new Request(`http://x${path}`);
    const answers: [string, () => Promise<Response>][] = [
      ["groups.json", async () => (await import("../api/open/groups.json/route")).GET()],
      [
        "groups/[slug]",
        async () =>
          (await import("../api/open/groups/[slug]/route")).GET(
            req(`/api/open/groups/${SLUG}.json`),
            params(`${SLUG}.json`),
          ),
      ],
      [
        "ledger.json",
        async () => (await import("../api/open/groups/[slug]/ledger.json/route")).GET(req("/"), params(SLUG)),
      ],
      [
        "ledger.csv",
        async () => (await import("../api/open/groups/[slug]/ledger.csv/route")).GET(req("/"), params(SLUG)),
      ],
      [
        "checkpoints.json",
        async () => (await import("../api/open/groups/[slug]/checkpoints.json/route")).GET(req("/"), params(SLUG)),
      ],
    ];
    for (const [where, answer] of answers) {
      const res = await answer();
      expect(res.status, where).toBe(200);
      const text = await res.text();
      expect(text.length, where).toBeGreaterThan(20);
      expectNoNumber(where, text);
    }
  });

  it("nor in a member's passbook", async () => {
    for (const code of Object.keys(NUMBERS)) {
      const [m] = await t.database.db.select().from(members).where(eq(members.code, code));
      const book = await passbookOf(t.database.db, m!.id);
      expect(book).not.toBeNull();
      expectNoNumber(`passbook ${code}`, JSON.stringify(book));
    }
  });
});

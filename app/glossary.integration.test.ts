/**
 * One name per concept: the public pages, rendered as Next renders them on the server, name every
 * indicator (each card's label, each label marked class="term") by a name the glossary defines
 * (server/i18n/glossary.ts) — in both languages — and /metodologi prints every term. A page that
 * names an indicator the glossary does not know fails here. The same pages never let "Rp" break
 * from its number, and the year report lists its costs under their own heading, with links to the
 * years before and after.
 */
import { renderToReadableStream } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EXAMPLE_RULE } from "@/server/domain/shu";
import { ACCOUNTS } from "@/server/domain/ledger";
import { ACCOUNT_MEANINGS, GLOSSARY } from "@/server/i18n/glossary";
import { MESSAGES } from "@/server/i18n/messages";
import { cashOnBooks } from "@/server/shared/cash";
import { recordCashCount } from "@/server/verbs/cash/cash-count";
import { recordExpense, recordIncome } from "@/server/verbs/cash/cash-movement";
import { loadGroup } from "@/server/shared/context";
import { closeYear } from "@/server/verbs/year/close-year";
import { setShareOutRule } from "@/server/verbs/year/set-share-out-rule";
import { key, seedGroup, tempDatabase, testContext, typedOn } from "@/server/testing/db";
import { newRequest } from "@/server/testing/next-request";
import { bookWithALoan } from "@/server/testing/tamper";

vi.mock("next/headers", () => import("@/server/testing/next-request").then((m) => m.headersModule));
vi.mock("next/navigation", () => import("@/server/testing/next-request").then((m) => m.navigationModule));

let t: Awaited<ReturnType<typeof tempDatabase>>;
const before = process.env.DATABASE_URL;
const SLUG = "ratu-damai";

beforeAll(async () => {
  t = await tempDatabase();
  const ctx = testContext(t.database);
  await seedGroup(ctx, SLUG, 5);
  await setShareOutRule(ctx, { groupSlug: SLUG, rule: EXAMPLE_RULE, isExample: true });
  for (const year of [2024, 2025]) {
    const date = `${year}-06-03`;
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
    await closeYear(ctx, { groupSlug: SLUG, year, idempotencyKey: key() });
  }
  await bookWithALoan(t.database, SLUG, "RA");
  // A count that matches the book, not yet countersigned (a repayment of Rp 104.000 follows on 20 Nov).
  const { group } = await loadGroup(t.database.db, SLUG).then((group) => ({ group }));
  const book = await cashOnBooks(t.database.db, group.id, "2026-11-10");
  await recordCashCount(ctx, { groupSlug: SLUG, date: "2026-11-10", countedAmount: book, idempotencyKey: key() });
  process.env.DATABASE_URL = t.database.url;
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

const decode = (s: string) =>
  s
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The indicator names a page shows: every card's label and every label marked as a term. */
function indicatorNames(page: string): string[] {
  const cards = [...page.matchAll(/<li class="card"><span class="label">([^<]*)<\/span>/g)].map((m) => m[1]!);
  const terms = [...page.matchAll(/<span class="term">([^<]*)<\/span>/g)].map((m) => m[1]!);
  return [...cards, ...terms].map(decode);
}

async function publicPages() {
  const { default: Home } = await import("./page");
  const { default: Impact } = await import("./dampak/page");
  const { default: Group } = await import("./kelompok/[slug]/page");
  const { default: Year } = await import("./kelompok/[slug]/tahun/[tahun]/page");
  const year = (tahun: string) => html(Year({ params: Promise.resolve({ slug: SLUG, tahun }) }));
  return {
    home: await html(Home({ searchParams: Promise.resolve({}) })),
    impact: await html(Impact({ searchParams: Promise.resolve({}) } as never)),
    group: await html(Group({ params: Promise.resolve({ slug: SLUG }) })),
    year2024: await year("2024"),
    year2025: await year("2025"),
  };
}

describe.each(["id", "en"] as const)("the public pages in %s", (locale) => {
  const names = new Set(Object.values(GLOSSARY).map((term) => term[locale].name));
  let pages: Awaited<ReturnType<typeof publicPages>>;
  beforeAll(async () => {
    newRequest(locale === "en" ? { cookie: "bahasa=en" } : {});
    pages = await publicPages();
  });

  it("name every indicator by a glossary term", () => {
    const shown: Record<string, string[]> = {};
    for (const [page, text] of Object.entries(pages)) shown[page] = indicatorNames(text);
    // Each page shows its indicators (a page whose labels are no longer read would pass for nothing).
    expect(shown.home!.length).toBeGreaterThanOrEqual(5);
    expect(shown.impact!.length).toBeGreaterThanOrEqual(15);
    expect(shown.group!.length).toBeGreaterThanOrEqual(8);
    expect(shown.year2024!.length).toBe(7);
    const unknown = Object.entries(shown).flatMap(([page, list]) =>
      list.filter((n) => !names.has(n)).map((n) => `${page}: ${n}`),
    );
    expect(unknown).toEqual([]);
  });

  it("never let Rp break from its number", () => {
    for (const text of Object.values(pages)) expect(text).not.toMatch(/\bRp( |&nbsp;\s)/);
    expect(pages.home).toContain("Rp\u00a0");
  });

  it("list the year's costs under their own heading and link the years before and after", () => {
    const s = MESSAGES[locale].shu;
    const y = pages.year2024;
    const income = y.indexOf(`<h2>${s.income}</h2>`);
    const costs = y.indexOf(`<h2>${s.costs}</h2>`);
    expect(income).toBeGreaterThan(-1);
    expect(costs).toBeGreaterThan(income);
    expect(y.slice(income, costs)).not.toContain(s.expenses);
    expect(y.slice(costs)).toContain(s.expenses);
    expect(y).toContain(`href="/kelompok/${SLUG}/tahun/2025"`);
    expect(y).not.toContain(`href="/kelompok/${SLUG}/tahun/2023"`);
    expect(pages.year2025).toContain(`href="/kelompok/${SLUG}/tahun/2024"`);
    expect(pages.year2025).not.toContain(`href="/kelompok/${SLUG}/tahun/2026"`);
  });
});

describe("the group page's safety block", () => {
  it("opens with one verdict, then each reason with its own mark: an unsigned count asks for a look, it is no shortage", async () => {
    newRequest({});
    const { default: Group } = await import("./kelompok/[slug]/page");
    const page = decode(await html(Group({ params: Promise.resolve({ slug: SLUG }) })));
    const s = MESSAGES.id.safe;
    const block = page.slice(
      page.indexOf('<section class="safe"'),
      page.indexOf("</section>", page.indexOf('<section class="safe"')),
    );
    const verdict = block.indexOf('<p class="verdict verdict-perlu_diperiksa"><strong>Perlu diperiksa</strong>');
    expect(verdict).toBeGreaterThan(-1);
    expect(verdict).toBeLessThan(block.indexOf('<ul class="safe-list">'));
    // The count's own line: "!" (attention), named for screen readers, saying what is missing.
    expect(block).toMatch(
      /<li class="fact-attention"><span class="mark" role="img" aria-label="perlu diperiksa">!<\/span> Kas dihitung 10 Nov 2026: cocok dengan buku\./,
    );
    expect(block).toContain(s.countNotSigned);
    expect(block).not.toContain("fact-problem");
    // What moved since the count, from the ledger: the repayment of 20 Nov in, nothing out.
    expect(block).toContain(s.sinceCount("10 Nov 2026", "Rp\u00a0104.000", "Rp\u00a00"));
    expect(block).toContain('href="/metodologi#aman"');
  });
});

describe("/data", () => {
  it("lists and explains every account the ledger uses", async () => {
    newRequest({});
    const { default: Data } = await import("./data/page");
    const page = decode(await html(Data({ searchParams: Promise.resolve({}) })));
    for (const a of ACCOUNTS) {
      expect(page).toContain(`<th scope="row"><code>${a}</code></th><td>${MESSAGES.id.accounts[a]}</td>`);
      expect(page).toContain(ACCOUNT_MEANINGS[a].id);
    }
  });
});

describe("/metodologi", () => {
  it("prints every glossary term with its formula, and the safety verdict's rule", async () => {
    newRequest({});
    const { default: Method } = await import("./metodologi/page");
    const page = decode(await html(Method()));
    for (const term of Object.values(GLOSSARY)) {
      expect(page).toContain(`<dt>${term.id.name}</dt>`);
      expect(page).toContain(term.id.formula);
    }
    expect(page).toContain('id="aman"');
    expect(page).toContain("paling sedikit");
  });
});

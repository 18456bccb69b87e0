import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { seedDemo, seedDemoUsers } from "@/scripts/seed/demo-history";
import { LOAN_PAGE_SIZE } from "@/server/read/loans";
import { tempDatabase } from "@/server/testing/db";
import type { UserRow } from "@/server/shared/users";
import { appRouter } from "./root";
import { adminRouter } from "./routers/admin";
import { type ApiContext, createCallerFactory } from "./trpc";

/**
 * No answer of the treasurers' API larger than 100 KB of JSON for a demo group: the loan register
 * comes a page at a time, the open loans without schedules, a schedule per loan when opened.
 * The whole demo history of ten years, as `npm run seed` writes it (over a thousand loans): the old
 * register, every loan with its schedule, was several times over.
 */
const BUDGET = 100 * 1024;
// New Year's Day 2027, history to the day before: the ten years of the demo, and 2026 over but not
// yet closed — the year-close preview answers for a whole year, its largest.
const UNTIL = "2027-01-01";
const NOW = new Date(`${UNTIL}T04:00:00.000Z`);
const G = "ratu-damai";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let bendahara: UserRow;
let loanId = 0;
let entryId = 0;

const createCaller = createCallerFactory(appRouter);
const caller = () =>
  createCaller({ database: t.database, user: bendahara, sameOrigin: true, now: () => NOW } satisfies ApiContext).admin;

/** Every read procedure of the treasurers' app, as its screens call it on the demo group. */
const READS: Record<string, (c: ReturnType<typeof caller>) => Promise<unknown>> = {
  "groups.mine": (c) => c.groups.mine(),
  "members.list": (c) => c.members.list({ groupSlug: G }),
  "loans.list": (c) => c.loans.list({ groupSlug: G }),
  "loans.open": (c) => c.loans.open({ groupSlug: G }),
  "loans.schedule": (c) => c.loans.schedule({ groupSlug: G, loanId }),
  "loans.compare": (c) => c.loans.compare({ groupSlug: G, principal: 1_000_000, termMonths: 12 }),
  "cash.onHand": (c) => c.cash.onHand({ groupSlug: G }),
  "entries.list": (c) => c.entries.list({ groupSlug: G, limit: 30 }),
  "seals.list": (c) => c.seals.list({ groupSlug: G }),
  "audit.list": (c) => c.audit.list({ groupSlug: G, limit: 50 }),
  "year.rule": (c) => c.year.rule({ groupSlug: G }),
  "year.oldestOpen": (c) => c.year.oldestOpen({ groupSlug: G }),
  "year.preview": async (c) =>
    c.year.preview({ groupSlug: G, year: (await c.year.oldestOpen({ groupSlug: G })).year ?? 2026 }),
  "contributions.paidOn": (c) => c.contributions.paidOn({ groupSlug: G, date: "2026-12-31" }),
  "contributions.paidDays": (c) => c.contributions.paidDays({ groupSlug: G, from: "2026-12-01", to: "2026-12-31" }),
  "signing.waiting": (c) => c.signing.waiting({ groupSlug: G }),
  "signing.queries": (c) => c.signing.queries({ groupSlug: G }),
  "lending.rule": (c) => c.lending.rule({ groupSlug: G }),
  "receipts.forEntry": (c) => c.receipts.forEntry({ groupSlug: G, entryId }),
  "members.phones": (c) => c.members.phones({ groupSlug: G }),
};

beforeAll(async () => {
  t = await tempDatabase();
  await seedDemo(t.database, { today: UNTIL, now: NOW });
  await seedDemoUsers(t.database);
  const [user] = await t.database.db.select().from(users).where(eq(users.username, "bendahara-rd"));
  bendahara = user!;
  loanId = (await caller().loans.open({ groupSlug: G }))[0]!.id;
  entryId = (await caller().entries.list({ groupSlug: G, limit: 1 })).entries[0]!.id!;
}, 600_000);

afterAll(() => t?.cleanup());

it("the budget names every read procedure of the treasurers' API", () => {
  const reads = Object.entries(adminRouter._def.procedures as Record<string, unknown>)
    .filter(([, p]) => (p as { _def: { type: string } })._def.type === "query")
    .map(([name]) => name);
  expect(reads.sort()).toEqual(Object.keys(READS).sort());
});

describe("no answer over 100 KB of JSON for a demo group", () => {
  it("the demo is big enough to matter: hundreds of loans, pages of them", async () => {
    // Ten years of a household-sized group: several pages of the register, whatever the demo's exact count.
    expect((await caller().loans.list({ groupSlug: G })).total).toBeGreaterThan(5 * LOAN_PAGE_SIZE);
  });

  for (const [name, read] of Object.entries(READS))
    it(name, async () => {
      const bytes = Buffer.byteLength(JSON.stringify(await read(caller())), "utf8");
      console.info(`byte budget: admin.${name} ${bytes} B`);
      expect(bytes, `admin.${name}: ${bytes} bytes`).toBeLessThanOrEqual(BUDGET);
    });
});

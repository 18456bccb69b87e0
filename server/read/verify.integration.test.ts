import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inOneTransaction, type Database, type Tx } from "@/db/client";
import { journalEntries } from "@/db/schema";
import { EXAMPLE_RULE } from "@/server/domain/shu";
import type { EntryKind, Posting } from "@/server/domain/ledger";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { ledgerHead, sealEntry, writeLedgerRows } from "@/server/ledger/writer";
import { recordIncome } from "@/server/verbs/cash/cash-movement";
import { loadGroup, type ServiceContext } from "@/server/shared/context";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { verifyLedger } from "@/server/read/verify";
import { closeYear } from "@/server/verbs/year/close-year";
import { setShareOutRule } from "@/server/verbs/year/set-share-out-rule";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let database: Database;
let ctx: ServiceContext;
const G = "ratu-damai";

beforeEach(async () => {
  t = await tempDatabase();
  database = t.database;
  ctx = testContext(database);
  await seedGroup(ctx, G, 5);
  // Each written on its own day (as a treasurer would: a past month may be closed by now).
  const on = (date: string): ServiceContext => ({ ...ctx, now: () => new Date(`${date}T10:00:00Z`) });
  // 2024 with income, closed (its closing entry on the chain); then a collection in the open year.
  await recordContributions(on("2024-03-01"), {
    groupSlug: G,
    date: "2024-03-01",
    idempotencyKey: key(),
    lines: ["RA-001", "RA-002", "RA-003", "RA-004", "RA-005"].map((memberCode) => ({ memberCode, amount: 1000 })),
  });
  const interest = { groupSlug: G, amount: 1000, date: "2024-06-01", category: "bunga_bank", idempotencyKey: key() };
  await recordIncome(on("2024-06-01"), interest);
  await setShareOutRule(on("2025-01-02"), { groupSlug: G, rule: EXAMPLE_RULE, isExample: true });
  await closeYear(on("2025-01-02"), { groupSlug: G, year: 2024, idempotencyKey: key() });
  await recordContributions(ctx, {
    groupSlug: G,
    date: "2026-11-02",
    idempotencyKey: key(),
    lines: [{ memberCode: "RA-001", amount: 1000 }],
  });
});
afterEach(() => t.cleanup());

/**
 * Writes an entry as another connection could: sealed onto the chain and rolled up exactly as the
 * portal does, but past the verbs' rules (no date, closed-year or balance check).
 */
async function writtenPastTheRules(date: string, kind: EntryKind, postings: Posting[]) {
  const group = await loadGroup(database.db, G);
  await inOneTransaction(database, async (batched) => {
    const tx = batched.db as unknown as Tx;
    const e = { group, kind, date, postings, idempotencyKey: key(), requestHash: "x", actor: "test", now: FIXED_NOW };
    const [entry] = await tx
      .insert(journalEntries)
      .values(sealEntry(e, await ledgerHead(tx).get({ groupId: group.id })))
      .returning();
    await writeLedgerRows(tx, group.id, [{ e, entry: entry! }]);
  });
}

const income = (amount: number): Posting[] => [
  { account: "cash", amount },
  { account: "income_other", amount: -amount },
];
const verify = () => verifyLedger(database.db, { now: FIXED_NOW });

describe("npm run verify checks the rules of the book (the open-data verifier's code)", () => {
  it("passes the books as the verbs wrote them, published figures included", async () => {
    expect((await verify()).problems).toEqual([]);
  });

  const cases: [string, string, EntryKind, Posting[]][] = [
    ["date_valid", "2026-02-30", "other_income", income(1000)],
    ["date_after_as_of", "2026-11-30", "other_income", income(1000)],
    ["date_before_founding", "2023-12-31", "other_income", income(1000)],
    ["year_closed", "2024-07-01", "other_income", income(1000)],
    ["month_closed", "2026-10-15", "other_income", income(1000)],
    [
      "below_zero",
      "2026-11-02",
      "expense",
      [
        { account: "expense", amount: 1_000_000 },
        { account: "cash", amount: -1_000_000 },
      ],
    ],
  ];
  for (const [rule, date, kind, postings] of cases)
    it(`names an entry written past the verbs that breaks ${rule}, its chain and rollups in order`, async () => {
      await writtenPastTheRules(date, kind, postings);
      const { problems } = await verify();
      expect(problems).toEqual([{ group: G, seq: 5, problem: expect.stringMatching(new RegExp(`^${rule}: `)) }]);
    });

  it("names a closed year whose published pools were edited by hand, its entries untouched", async () => {
    await database.client.execute("DROP TRIGGER year_closings_no_update");
    await database.db.run(
      sql`UPDATE year_closings SET shu = shu + 1, pools = json_set(pools, '$.cadangan', json_extract(pools, '$.cadangan') + 1)`,
    );
    const { problems } = await verify();
    expect(problems).toEqual([{ group: G, problem: expect.stringMatching(/^published: 2024 SHU: published \d+/) }]);
  });
});

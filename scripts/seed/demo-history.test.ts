import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { tempDatabase } from "@/server/testing/db";
import { verifyLedger } from "@/server/read/verify";
import { seedDemo } from "./demo-history";

// A year and a half of both groups: collections, loans, repayments (late ones fined), meetings,
// the bank, cash counts, corrections and the first year's close.
const UNTIL = "2017-07-01";
const NOW = new Date(`${UNTIL}T12:00:00.000Z`);

/** Every row the seed writes, as stored — less what is random by design (salts and the hashes over them) or the clock (created_at). */
async function everything(database: Database) {
  const tables = [
    "ksm_groups",
    "members",
    "loans",
    "journal_entries",
    "postings",
    "account_balances",
    "month_postings",
    "month_entries",
    "daily_payments",
    "ledger_heads",
    "cash_counts",
    "year_closings",
    "audit_log",
  ];
  const random = new Set([
    "detail_salt",
    "detail_digest",
    "prev_hash",
    "hash",
    "last_hash",
    "check_code_hash",
    "created_at",
  ]);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    // The demo sign-ins are made on the real clock, after the history.
    const where = t === "audit_log" ? "WHERE action <> 'user.create'" : "";
    const rows = await database.db.all<Record<string, unknown>>(sql.raw(`SELECT * FROM ${t} ${where} ORDER BY rowid`));
    // A countersigned seal's audit row names the seal's hash (random by design, like the hashes above).
    const unsalted = (c: string, v: unknown) =>
      c === "detail" && typeof v === "string" ? v.replace(/"hash":"[0-9a-f]{64}"/g, '"hash":"…"') : v;
    out[t] = rows.map((r) =>
      Object.fromEntries(Object.entries(r).flatMap(([c, v]) => (random.has(c) ? [] : [[c, unsalted(c, v)]]))),
    );
  }
  return out;
}

describe("the demo seed", () => {
  it("writes through an EntryBatch exactly the rows the verbs write one by one", { timeout: 120_000 }, async () => {
    const [one, batched] = [await tempDatabase(), await tempDatabase()];
    try {
      await seedDemo(one.database, { today: UNTIL, now: NOW, batched: false });
      await seedDemo(batched.database, { today: UNTIL, now: NOW, batched: true });
      const [a, b] = [await everything(one.database), await everything(batched.database)];
      // The window holds what the batch must get right: collections paying named days, repayments, a
      // year's close, corrections (verbs between batches) — else the comparison proves little.
      const kinds = new Set((a.journal_entries as { kind: string }[]).map((e) => e.kind));
      for (const k of ["contribution", "loan_repayment", "loan_disbursement", "year_close", "correction"])
        expect(kinds, k).toContain(k);
      expect((a.journal_entries as unknown[]).length).toBeGreaterThan(1000);
      for (const t of Object.keys(a)) expect(b[t], t).toEqual(a[t]);
      // And what is random checks out: every chain and rollup recomputes.
      expect((await verifyLedger(batched.database.db)).problems).toEqual([]);
    } finally {
      one.cleanup();
      batched.cleanup();
    }
  });
});

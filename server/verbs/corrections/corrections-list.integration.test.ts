import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { journalEntries } from "@/db/schema";
import { rightEntryDraft } from "@/server/domain/correction-follow-up";
import { key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { recordExpense } from "@/server/verbs/cash/cash-movement";
import { loadGroup, type ServiceContext } from "@/server/shared/context";
import { reverseEntry } from "@/server/verbs/corrections/reverse-entry";
import { allPublicEntries, entryList, ledgerPage } from "@/server/read/public-figures";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { withdrawSavings } from "@/server/verbs/savings/withdraw-savings";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let ctx: ServiceContext;
const G = "ratu-damai";
const today = "2026-11-29";

beforeEach(async () => {
  t = await tempDatabase();
  ctx = testContext(t.database);
  await seedGroup(ctx, G, 3);
  await recordContributions(ctx, {
    groupSlug: G,
    date: "2026-11-02",
    idempotencyKey: key(),
    lines: [
      { memberCode: "RA-001", amount: 100_000, kind: "voluntary" },
      { memberCode: "RA-002", amount: 100_000, kind: "voluntary" },
    ],
  });
});
afterEach(() => t.cleanup());

describe("the corrections list names the member an entry concerns (treasurer's screen only)", () => {
  it("an entry of one member and its correction carry her code; one of several members or none, no code", async () => {
    const wrong = await withdrawSavings(ctx, {
      groupSlug: G,
      memberCode: "RA-002",
      amount: 50_000,
      date: today,
      idempotencyKey: key(),
    });
    const fix = await reverseEntry(ctx, {
      groupSlug: G,
      entryId: wrong.id,
      reasonCode: "salah_jumlah",
      idempotencyKey: key(),
    });
    const { entries } = await entryList(ctx, { groupSlug: G, limit: 10 });
    const bySeq = new Map(entries.map((e) => [e.seq, e]));
    expect(bySeq.get(wrong.seq)).toMatchObject({ memberCode: "RA-002", members: 1 });
    expect(bySeq.get(fix.seq)).toMatchObject({ memberCode: "RA-002", members: 1, reversesSeq: wrong.seq });
    expect(entries.find((e) => e.kind === "contribution")).toMatchObject({ memberCode: null, members: 2 });

    // The screen opens the withdrawal form for her again, from the list's row.
    expect(rightEntryDraft(bySeq.get(wrong.seq)!, fix.seq)).toMatchObject({
      form: "withdraw",
      memberCode: "RA-002",
      amount: 50_000,
    });

    // Never in what the public reads.
    const group = await loadGroup(t.database.db, G);
    const pub = await ledgerPage(t.database.db, group, { withPostings: true });
    expect(JSON.stringify(pub)).not.toMatch(/RA-00|memberCode/);
    for await (const chunk of allPublicEntries(t.database.db, group))
      expect(JSON.stringify(chunk)).not.toMatch(/RA-00|memberCode/);
  });

  it("the right entry's note, linking it to the correction, stays private", async () => {
    const wrong = await recordExpense(ctx, {
      groupSlug: G,
      amount: 30_000,
      date: today,
      category: "alat_tulis",
      idempotencyKey: key(),
    });
    const fix = await reverseEntry(ctx, {
      groupSlug: G,
      entryId: wrong.id,
      reasonCode: "salah_jumlah",
      idempotencyKey: key(),
    });
    const note = `Pengganti no. ${wrong.seq} (koreksi no. ${fix.seq})`;
    const right = await withdrawSavings(ctx, {
      groupSlug: G,
      memberCode: "RA-001",
      amount: 3000,
      date: today,
      note,
      idempotencyKey: key(),
    });
    const [row] = await t.database.db.select().from(journalEntries).where(eq(journalEntries.id, right.id));
    expect(row!.note).toBe(note);
    const group = await loadGroup(t.database.db, G);
    expect(JSON.stringify(await ledgerPage(t.database.db, group, { withPostings: true }))).not.toContain("Pengganti");
  });
});

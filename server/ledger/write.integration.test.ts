/**
 * Audit by construction: `ledgerWrite` refuses (rolls back) a write that changed the database and
 * wrote no audit row — so a verb that forgets `audit` fails its first test — while a write with
 * its audit row, an entry (the writer audits it), a replay or a refusal that changed nothing pass.
 * Every verb writes through it (the house test checks that no other file opens a write).
 */
import { describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { auditLog, ksmGroups, members } from "@/db/schema";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { audit, ledgerWrite } from "./write";
import { appendEntry } from "./writer";

async function setUp() {
  const t = await tempDatabase();
  const ctx = testContext(t.database);
  await seedGroup(ctx, "ratu-damai", 2);
  const [group] = await t.database.db.select().from(ksmGroups).where(eq(ksmGroups.slug, "ratu-damai"));
  const audits = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;
  const memberNames = async () =>
    (await t.database.db.select({ name: members.fullName }).from(members)).map((m) => m.name);
  return { t, ctx, group: group!, audits, memberNames };
}

describe("ledgerWrite", () => {
  it("refuses a change without an audit row, and keeps nothing of it", async () => {
    const { t, ctx, group, audits, memberNames } = await setUp();
    try {
      const before = { audits: await audits(), names: await memberNames() };
      const forgetful = ledgerWrite(ctx, (tx) =>
        tx.update(members).set({ fullName: "Tanpa Jejak" }).where(eq(members.groupId, group.id)),
      );
      await expect(forgetful).rejects.toThrow(/without an audit row/);
      expect(await memberNames()).toEqual(before.names);
      expect(await audits()).toBe(before.audits);
    } finally {
      t.cleanup();
    }
  });

  it("lets through a change with its audit row, an entry (audited by the writer), and a write that changed nothing", async () => {
    const { t, ctx, group, audits, memberNames } = await setUp();
    try {
      const before = await audits();
      await ledgerWrite(ctx, async (tx) => {
        await tx.update(members).set({ fullName: "Bernama Baru" }).where(eq(members.groupId, group.id));
        await audit(tx, ctx, { action: "test.rename", groupId: group.id, detail: {} });
      });
      expect(new Set(await memberNames())).toEqual(new Set(["Bernama Baru"]));
      await ledgerWrite(ctx, (tx) =>
        appendEntry(tx, {
          group,
          kind: "opening_balance",
          date: "2026-11-01",
          postings: [
            { account: "cash", amount: 50_000 },
            { account: "retained_surplus", amount: -50_000 },
          ],
          idempotencyKey: key(),
          requestHash: "test",
          actor: ctx.actor,
          now: FIXED_NOW,
        }),
      );
      expect(await ledgerWrite(ctx, async (tx) => (await tx.select().from(members)).length)).toBe(2);
      expect(await audits()).toBe(before + 2);
    } finally {
      t.cleanup();
    }
  });
});

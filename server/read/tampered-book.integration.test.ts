/**
 * A book edited in the database so that it can no longer be replayed (a repayment raised above what
 * was owed, stored hashes left alone): the portal keeps answering for every other group, names the
 * tampered one apart without its figures, and every public page of that group carries the warning.
 */
import type { Client } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openClient, type Database } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { FIXED_NOW, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { bookWithALoan, raiseRepayment } from "@/server/testing/tamper";
import { forgetChainChecks } from "@/server/cache/chain-check";
import type { GroupRow } from "@/server/shared/context";
import { impactFigures } from "@/server/read/impact";
import { groupDetailOf } from "@/server/read/open-data";
import { cashBookModels, groupPageModels, monthReportModels } from "@/server/read/public-figures";
import { processWide } from "@/server/cache/read-cache";

const BAD = "ratu-damai";
const GOOD = "sumber-air";
let t: Awaited<ReturnType<typeof tempDatabase>>;
let database: Database;
let bad: GroupRow;
let good: GroupRow;
/** A second client on the same file: a hand edit with the triggers dropped. */
let other: Client;

/** What a restart loses: remembered checks, read models, the portal's figures. */
const restart = () => {
  forgetChainChecks();
  processWide("readCache", () => new Map()).clear();
  processWide("portalCache", () => new Map()).clear();
};

beforeEach(async () => {
  restart();
  t = await tempDatabase();
  database = t.database;
  ({ group: bad } = await seedGroup(testContext(database), BAD, 5));
  ({ group: good } = await seedGroup(testContext(database), GOOD, 5));
  await bookWithALoan(database, BAD, "RA");
  await bookWithALoan(database, GOOD, "SU");
  other = openClient(database.url);
});
afterEach(() => {
  other.close();
  t.cleanup();
});

describe("a repayment raised above what was owed, in the database", () => {
  it("the portal still answers for the other group, and names the tampered one apart without its figures", async () => {
    const before = await impactFigures(database, FIXED_NOW);
    expect(before.groups.map((g) => g.group.slug).sort()).toEqual([BAD, GOOD]);
    expect(before.flagged).toEqual([]);
    const goodAlone = before.groups.find((g) => g.group.slug === GOOD)!;

    await raiseRepayment(other, bad.id);
    restart(); // as after a restart: nothing remembered
    const after = await impactFigures(database, FIXED_NOW);
    expect(after.groups.map((g) => g.group.slug)).toEqual([GOOD]);
    expect(after.flagged).toMatchObject([{ group: { slug: BAD }, problemSeq: expect.any(Number) }]);
    // The totals are the good group's alone: nothing read from the tampered book is added in.
    expect(after.all.groups).toBe(1);
    expect(after.all.memberSavings).toBe(goodAlone.balances.memberSavings);
    expect(after.all.loansDisbursed).toBe(goodAlone.totals.disbursed);
  });

  it("a tamper the figures survive (a contribution raised) still sets the group apart: its figures are not vouched for", async () => {
    await other.execute("DROP TRIGGER IF EXISTS journal_entries_no_update");
    await other.execute({
      sql: "UPDATE journal_entries SET amount = amount + 1000 WHERE group_id = ? AND kind = 'contribution'",
      args: [bad.id],
    });
    restart();
    const page = await groupPageModels(database, bad, FIXED_NOW);
    expect(page.figures).not.toBeNull(); // still computable: the group page shows them under the warning
    expect(page.chain.problem).not.toBeNull();
    const portal = await impactFigures(database, FIXED_NOW);
    expect(portal.groups.map((g) => g.group.slug)).toEqual([GOOD]);
    expect(portal.flagged.map((g) => g.group.slug)).toEqual([BAD]);
    // Nor does the open data publish them.
    await expect(groupDetailOf(database, bad)).rejects.toMatchObject({ code: "chain_check_failed" });
  });

  it("is seen without a restart too: the outside edit moves the portal's figures", async () => {
    await impactFigures(database, FIXED_NOW);
    await groupPageModels(database, bad, FIXED_NOW);
    await raiseRepayment(other, bad.id);
    // The group page's check sees the outside commit and raises the public version; the listing follows.
    expect((await groupPageModels(database, bad, FIXED_NOW)).chain.problem).not.toBeNull();
    expect((await impactFigures(database, FIXED_NOW)).flagged.map((g) => g.group.slug)).toEqual([BAD]);
  });

  it("the group page's data carries the warning and no figures it cannot compute; the other group is untouched", async () => {
    await raiseRepayment(other, bad.id);
    restart();
    const page = await groupPageModels(database, bad, FIXED_NOW);
    expect(page.chain.problem).not.toBeNull();
    expect(page.figures).toBeNull();
    const fine = await groupPageModels(database, good, FIXED_NOW);
    expect(fine.chain.problem).toBeNull();
    expect(fine.figures?.group.slug).toBe(GOOD);
  });

  it("the cash book and the month's report carry the warning", async () => {
    expect((await cashBookModels(database, bad, { limit: 50 })).chain.problem).toBeNull();
    expect((await monthReportModels(database, bad, "2026-11")).chain.problem).toBeNull();
    await raiseRepayment(other, bad.id);
    restart();
    const book = await cashBookModels(database, bad, { limit: 50 });
    expect(book.chain.problem).not.toBeNull();
    expect(book.entries.length).toBeGreaterThan(0);
    expect((await monthReportModels(database, bad, "2026-11")).chain.problem).not.toBeNull();
    expect((await cashBookModels(database, good, { limit: 50 })).chain.problem).toBeNull();
  });

  it("the open data of the group answers a chain_check_failed conflict, not a crash; the other group's still answers", async () => {
    await raiseRepayment(other, bad.id);
    restart();
    const refused = await groupDetailOf(database, bad).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ kind: "conflict", code: "chain_check_failed" });
    expect(await groupDetailOf(database, good)).toMatchObject({ slug: GOOD });
  });
});

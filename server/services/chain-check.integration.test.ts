import type { Client } from "@libsql/client";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openClient, openDatabase, type Database } from "@/db/client";
import { journalEntries } from "@/db/schema";
import { addDays } from "@/server/domain/dates";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { checkedChain, checkStaleChains, forgetChainChecks, WHOLE_CHECK_EVERY_MS, watchChains } from "./chain-check";
import type { GroupRow } from "./context";
import { groupPageModels } from "./public-figures";
import { processWide, versionOf } from "./read-cache";
import { recordContributions } from "./savings";
import { checkSeal } from "./seals";

const G = "ratu-damai";
let t: Awaited<ReturnType<typeof tempDatabase>>;
let database: Database;
let group: GroupRow;
/** A second client on the same file: what a hand edit, another program or a restored copy looks like. */
let other: Client;

/** What a restart loses: this process's memory (remembered checks and read models). */
const restart = () => {
  forgetChainChecks();
  processWide("readCache", () => new Map()).clear();
};

let days = 0;
/** One entry at a time in November 2026 (still open on FIXED_NOW): each member pays a day once. */
async function collect(n: number, by: Database = database) {
  for (let i = 0; i < n; i++, days++)
    await recordContributions(testContext(by), {
      groupSlug: G,
      date: addDays("2026-11-01", Math.floor(days / 3)),
      idempotencyKey: key(),
      lines: [{ memberCode: `RA-00${(days % 3) + 1}`, amount: 1000 }],
    });
}

async function hashOf(seq: number): Promise<string> {
  const [e] = await database.db
    .select({ hash: journalEntries.hash })
    .from(journalEntries)
    .where(and(eq(journalEntries.groupId, group.id), eq(journalEntries.seq, seq)));
  return e!.hash;
}

/** Entry no. 10 raised by Rp 500.000 — its amount and both postings — from another connection, its stored hashes left alone. */
async function raiseEntry10() {
  await other.execute("DROP TRIGGER IF EXISTS journal_entries_no_update");
  await other.execute("DROP TRIGGER IF EXISTS postings_no_update");
  const [e] = await database.db
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(and(eq(journalEntries.groupId, group.id), eq(journalEntries.seq, 10)));
  await other.batch(
    [
      { sql: "UPDATE journal_entries SET amount = amount + 500000 WHERE id = ?", args: [e!.id] },
      { sql: "UPDATE postings SET amount = amount + 500000 WHERE entry_id = ? AND amount > 0", args: [e!.id] },
      { sql: "UPDATE postings SET amount = amount - 500000 WHERE entry_id = ? AND amount < 0", args: [e!.id] },
    ],
    "write",
  );
}

beforeEach(async () => {
  restart();
  days = 0;
  t = await tempDatabase();
  database = t.database;
  ({ group } = await seedGroup(testContext(database), G, 3));
  await collect(30);
  other = openClient(database.url);
});
afterEach(() => {
  other.close();
  t.cleanup();
});

describe("the chain is checked from the entries' content", () => {
  it("an entry edited in the database under its stored hashes: /verifikasi does not say it matches, the group page warns — after a restart too", async () => {
    const seal28 = (await hashOf(28)).slice(0, 12);
    const seal5 = (await hashOf(5)).slice(0, 12);
    expect(await checkSeal(database, group, 28, seal28)).toEqual({ kind: "matches" });
    expect((await groupPageModels(database, group, FIXED_NOW)).chain).toMatchObject({ checkedSeq: 30, problem: null });

    await raiseEntry10();
    // The stored hashes still agree with one another: only the content gives it away.
    expect(await hashOf(28)).toMatch(new RegExp(`^${seal28}`));

    expect(await checkSeal(database, group, 28, seal28)).toEqual({ kind: "changed", seq: 10 });
    expect(await checkSeal(database, group, 10, (await hashOf(10)).slice(0, 12))).toEqual({ kind: "changed", seq: 10 });
    expect(await checkSeal(database, group, 5, seal5)).toEqual({ kind: "matches" }); // before the edit: still true
    expect((await groupPageModels(database, group, FIXED_NOW)).chain.problem).toMatchObject({ seq: 10 });

    restart();
    expect((await groupPageModels(database, group, FIXED_NOW)).chain.problem).toMatchObject({ seq: 10 });
    restart();
    expect(await checkSeal(database, group, 28, seal28)).toEqual({ kind: "changed", seq: 10 });
  });

  it("the private detail is checked too: a posting moved to another member under the same amounts is found", async () => {
    expect((await checkedChain(database, group)).problem).toBeNull();
    await other.execute("DROP TRIGGER IF EXISTS postings_no_update");
    await other.execute({
      sql: `UPDATE postings SET member_id = (SELECT id FROM members WHERE code = 'RA-002')
        WHERE member_id IS NOT NULL AND entry_id = (SELECT id FROM journal_entries WHERE group_id = ? AND seq = 7)`,
      args: [group.id],
    });
    expect((await checkedChain(database, group)).problem).toMatchObject({
      seq: 7,
      what: "detail digest does not match postings",
    });
  });

  it("an outcome that changes raises the group's and the portal's versions, so kept pages are made again", async () => {
    await checkedChain(database, group);
    const before = [
      await versionOf(database.db, { of: "group", slug: G }),
      await versionOf(database.db, { of: "global" }),
    ];
    await raiseEntry10();
    await checkedChain(database, group);
    const after = [
      await versionOf(database.db, { of: "group", slug: G }),
      await versionOf(database.db, { of: "global" }),
    ];
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });
});

describe("the remembered point", () => {
  it("commits through the portal's own writes are its own; a commit from another connection is counted", async () => {
    const seen = database.outsideCommits();
    expect(seen).not.toBeNull();
    await collect(2);
    expect(database.outsideCommits()).toBe(seen);
    await other.execute("CREATE TABLE scratch (x INTEGER)");
    expect(database.outsideCommits()).toBe(seen! + 1);
    expect(database.outsideCommits()).toBe(seen! + 1);
    await collect(1);
    expect(database.outsideCommits()).toBe(seen! + 1);
  });

  it("a second Database on the same file in this process writes as the portal too (Next may load one per route)", async () => {
    const second = await openDatabase(database.url);
    const seen = database.outsideCommits();
    try {
      await collect(1, second);
      expect(database.outsideCommits()).toBe(seen);
    } finally {
      second.close();
    }
    await other.execute("CREATE TABLE scratch (x INTEGER)");
    expect(database.outsideCommits()).toBe(seen! + 1); // still watching after the second one closed
  });

  it("holds across the portal's own appends (only the new entries are checked) and not across a write from another connection", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-11-29T02:00:00Z"));
      const first = await checkedChain(database, group);
      expect(first).toMatchObject({ checkedSeq: 30, problem: null });

      vi.setSystemTime(new Date("2026-11-29T03:00:00Z"));
      await collect(2);
      const appended = await checkedChain(database, group);
      expect(appended).toMatchObject({ checkedSeq: 32, problem: null, wholeCheckedAt: first.wholeCheckedAt });
      expect(await checkStaleChains(database)).toBe(0);

      // Another connection writes — here, something harmless: what was remembered is checked whole again.
      await other.execute("CREATE TABLE scratch (x INTEGER)");
      vi.setSystemTime(new Date("2026-11-29T04:00:00Z"));
      expect(await checkStaleChains(database)).toBe(1);
      const again = await checkedChain(database, group);
      expect(again).toMatchObject({ checkedSeq: 32, problem: null, wholeCheckedAt: "2026-11-29T04:00:00.000Z" });

      // And at least once a day, whatever happened.
      vi.setSystemTime(new Date(Date.parse("2026-11-29T04:00:00Z") + WHOLE_CHECK_EVERY_MS));
      expect(await checkStaleChains(database)).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("an edit from another connection after the point was remembered is found at the next question", async () => {
    const seal28 = (await hashOf(28)).slice(0, 12);
    expect(await checkSeal(database, group, 28, seal28)).toEqual({ kind: "matches" });
    await raiseEntry10();
    await collect(1); // and the portal's own write after it does not hide it
    expect(await checkSeal(database, group, 28, seal28)).toEqual({ kind: "changed", seq: 10 });
  });
});

describe("the watch", () => {
  it("checks every chain whole in the background, and again after an outside edit, raising the versions by itself", async () => {
    watchChains(database, 50);
    await vi.waitFor(async () => expect(await checkStaleChains(database)).toBe(0), { timeout: 20_000 });
    const before = await versionOf(database.db, { of: "group", slug: G });
    await raiseEntry10();
    // Nobody asks: the watch sees the outside commit, checks the chain whole, and the pages' version moves.
    await vi.waitFor(async () => expect(await versionOf(database.db, { of: "group", slug: G })).not.toBe(before), {
      timeout: 20_000,
    });
    expect((await checkedChain(database, group)).problem).toMatchObject({ seq: 10 });
  });
});

describe("what /verifikasi says of what was typed", () => {
  it("a seal shorter than the printed 12 hex digits is refused: 8 digits are 32 bits, found by trial in hours", async () => {
    const h28 = await hashOf(28);
    expect(await checkSeal(database, group, 28, h28.slice(0, 8))).toEqual({ kind: "tooShort" });
    expect(await checkSeal(database, group, 28, `${h28.slice(0, 4)}-${h28.slice(4, 8)}`.toUpperCase())).toEqual({
      kind: "tooShort",
    });
    expect(await checkSeal(database, group, 28, h28.slice(0, 11))).toEqual({ kind: "tooShort" });
    expect(await checkSeal(database, group, 28, h28.slice(0, 12))).toEqual({ kind: "matches" });
    expect(await checkSeal(database, group, 28, "not a seal")).toBeNull();
  });

  it("a mistyped number or seal is a typo, not tampering; a full hash is checked on all its digits", async () => {
    const h28 = await hashOf(28);
    const h27 = await hashOf(27);
    expect(await checkSeal(database, group, 28, h27.slice(0, 12))).toEqual({ kind: "otherEntry", seq: 27 });
    expect(await checkSeal(database, group, 28, "0123456789ab")).toEqual({ kind: "unknown" });
    expect(await checkSeal(database, group, 31, h28.slice(0, 12))).toEqual({ kind: "beyond", last: 30 });
    expect(await checkSeal(database, group, 28, h28)).toEqual({ kind: "matches" });
    const lastDigitOff = `${h28.slice(0, 63)}${h28.endsWith("0") ? "1" : "0"}`;
    expect(await checkSeal(database, group, 28, lastDigitOff)).toEqual({ kind: "unknown" });
  });
});

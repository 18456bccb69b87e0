import type { Client } from "@libsql/client";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openClient, openDatabase, type Database } from "@/db/client";
import { journalEntries, postings, sealSignatures, users } from "@/db/schema";
import { type ChainVersion, entryHash } from "@/server/domain/chain";
import type { Account } from "@/server/domain/ledger";
import { MESSAGES } from "@/server/i18n/messages";
import { addDays } from "@/server/domain/dates";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import {
  chainWatchTick,
  checkedChain,
  checkStaleChains,
  forgetChainChecks,
  WHOLE_CHECK_EVERY_MS,
  watchChains,
} from "./chain-check";
import type { GroupRow } from "@/server/shared/context";
import { groupPageModels } from "@/server/read/public-figures";
import { processWide, versionOf } from "@/server/cache/read-cache";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { checkSeal, verifySeal } from "@/server/read/seals";

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

/**
 * A full rewrite from entry `from` on, as someone who knows the chain would make it: entry `from`'s
 * time moved by a second and every hash from it on recomputed from content, the head row too —
 * from another connection, the triggers dropped. The chain then agrees with its content.
 */
async function rewriteFrom(from: number) {
  await other.execute("DROP TRIGGER IF EXISTS journal_entries_no_update");
  const rows = await database.db
    .select()
    .from(journalEntries)
    .where(eq(journalEntries.groupId, group.id))
    .orderBy(journalEntries.seq);
  let prev = rows.find((r) => r.seq === from - 1)!.hash;
  const updates = [];
  for (const r of rows.filter((r) => r.seq >= from)) {
    const ps = await database.db.select().from(postings).where(eq(postings.entryId, r.id)).orderBy(postings.id);
    const recordedAt = r.seq === from ? new Date(Date.parse(r.recordedAt) + 1000).toISOString() : r.recordedAt;
    const hash = entryHash({
      ...r,
      chainVersion: r.chainVersion as ChainVersion,
      groupSlug: G,
      date: r.businessDate,
      recordedAt,
      prevHash: prev,
      postings: ps.map((p) => ({
        account: p.account as Account,
        amount: p.amount,
        memberId: p.memberId,
        loanId: p.loanId,
      })),
    });
    updates.push({
      sql: "UPDATE journal_entries SET recorded_at = ?, prev_hash = ?, hash = ? WHERE id = ?",
      args: [recordedAt, prev, hash, r.id],
    });
    prev = hash;
  }
  updates.push({ sql: "UPDATE ledger_heads SET last_hash = ? WHERE group_id = ?", args: [prev, group.id] });
  await other.batch(updates, "write");
}

/** The supervisor's countersignature of `month`'s seal naming entry `seq` as it is now (written through the portal). */
async function countersigned(month: string, seq: number) {
  const hash = await hashOf(seq);
  await database.write(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({ username: `pengawas-${month}`, passwordHash: "x", role: "pengawas" })
      .returning({ id: users.id });
    await tx
      .insert(sealSignatures)
      .values({ groupId: group.id, month, seq, hash, userId: u!.id, at: FIXED_NOW.toISOString() });
  });
}

/** Polls with the real clock (setTimeout is never faked here) until `ok` holds, at most `ms`. */
async function until(ok: () => Promise<boolean>, ms = 10_000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50)))
    if (await ok()) return;
  throw new Error("not reached");
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
    expect(await checkSeal(database, group, 28, seal28)).toEqual({ kind: "matches", later: null });
    expect((await groupPageModels(database, group, FIXED_NOW)).chain).toMatchObject({ checkedSeq: 30, problem: null });

    await raiseEntry10();
    // The stored hashes still agree with one another: only the content gives it away.
    expect(await hashOf(28)).toMatch(new RegExp(`^${seal28}`));

    expect(await checkSeal(database, group, 28, seal28)).toEqual({ kind: "changed", seq: 10 });
    expect(await checkSeal(database, group, 10, (await hashOf(10)).slice(0, 12))).toEqual({ kind: "changed", seq: 10 });
    // Before the edit: still true — but never a plain "cocok": the page adds that the books changed at no. 10.
    expect(await checkSeal(database, group, 5, seal5)).toEqual({ kind: "matches", later: { seq: 10, month: null } });
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

describe("a seal before a later change", () => {
  it("says cocok for what was asked, and warns that the books were changed further on (naming the entry)", async () => {
    const seal5 = (await hashOf(5)).slice(0, 12);
    expect(await checkSeal(database, group, 5, seal5)).toEqual({ kind: "matches", later: null });
    await raiseEntry10();
    expect(await checkSeal(database, group, 5, seal5)).toEqual({ kind: "matches", later: { seq: 10, month: null } });
    for (const m of Object.values(MESSAGES)) expect(m.verify.laterChanged(10, null)).toContain("no. 10");
  });
});

describe("the supervisor's countersigned seals", () => {
  it("a full rewrite with recomputed hashes is caught by a countersigned seal, naming its month (group page and /verifikasi)", async () => {
    await countersigned("2026-10", 8);
    await countersigned("2026-11", 20);
    const seal5 = (await hashOf(5)).slice(0, 12);
    expect((await checkedChain(database, group)).problem).toBeNull();

    await rewriteFrom(15);
    const seal28 = (await hashOf(28)).slice(0, 12); // the rewritten book's own seal
    restart(); // the whole chain is checked again (an outside commit does that too)
    const chain = await checkedChain(database, group);
    expect(chain.checkedSeq).toBe(30); // every entry agrees with its content…
    expect(chain.problem).toMatchObject({ seq: 9, signed: { month: "2026-11", seq: 20 } }); // …but not with the signed seal
    expect((await groupPageModels(database, group, FIXED_NOW)).chain.problem).toMatchObject({
      signed: { month: "2026-11", seq: 20 },
    });
    expect(await checkSeal(database, group, 28, seal28)).toEqual({ kind: "rewritten", month: "2026-11", seq: 20 });
    expect(await checkSeal(database, group, 12, (await hashOf(12)).slice(0, 12))).toEqual({
      kind: "rewritten",
      month: "2026-11",
      seq: 20,
    });
    // Up to the last seal that still holds (October's, no. 8) the answer stands — with the warning.
    expect(await checkSeal(database, group, 5, seal5)).toEqual({
      kind: "matches",
      later: { seq: 9, month: "2026-11" },
    });
    for (const m of Object.values(MESSAGES)) expect(m.chainRewritten("2026-11", 20, "x")).toContain("2026-11");
  });

  it("a countersigned entry cut off the books breaks its seal too", async () => {
    await countersigned("2026-11", 30);
    for (const t of ["journal_entries_no_delete", "postings_no_delete"])
      await other.execute(`DROP TRIGGER IF EXISTS ${t}`);
    await other.execute("PRAGMA foreign_keys = OFF");
    await other.batch(
      [
        {
          sql: "DELETE FROM postings WHERE entry_id = (SELECT id FROM journal_entries WHERE group_id = ? AND seq = 30)",
          args: [group.id],
        },
        { sql: "DELETE FROM journal_entries WHERE group_id = ? AND seq = 30", args: [group.id] },
        {
          sql: "UPDATE ledger_heads SET last_seq = 29, last_hash = (SELECT hash FROM journal_entries WHERE group_id = ? AND seq = 29) WHERE group_id = ?",
          args: [group.id, group.id],
        },
      ],
      "write",
    );
    expect((await checkedChain(database, group)).problem).toMatchObject({ signed: { month: "2026-11", seq: 30 } });
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
    expect(await checkSeal(database, group, 28, seal28)).toEqual({ kind: "matches", later: null });
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

describe("the watch looks often and cheaply", () => {
  it("re-checks at its next look once someone else committed, and reads nothing while nobody did", async () => {
    let clock = Date.now();
    const look = chainWatchTick(database, () => clock);
    expect(await look()).toBe(1); // the first look checks every chain whole
    const select = vi.spyOn(database.db, "select");
    try {
      clock += 3_000;
      expect(await look()).toBe(0);
      expect(select).not.toHaveBeenCalled(); // nothing moved: not one query
      const before = await versionOf(database.db, { of: "group", slug: G });
      await raiseEntry10();
      clock += 3_000;
      expect(await look()).toBe(1);
      // The outcome changed: the group's version is raised, so the front server drops its kept group pages.
      expect(await versionOf(database.db, { of: "group", slug: G })).not.toBe(before);
    } finally {
      select.mockRestore();
    }
    expect((await checkedChain(database, group)).problem).toMatchObject({ seq: 10 });
  });

  it("after a sweep it rests four times as long as the sweep took, however often others commit", async () => {
    let clock = 0;
    const look = chainWatchTick(database, () => (clock += 1_000)); // every reading of the clock is a second later
    expect(await look()).toBe(1); // began at 1 s, ended at 2 s: rests until 6 s
    await raiseEntry10();
    expect(await look()).toBe(0); // 3 s: moved, but resting
    expect(await look()).toBe(0); // 4 s
    expect(await look()).toBe(0); // 5 s
    expect(await look()).toBe(1); // 6 s
  });

  it("by default it looks within a few seconds of an outside edit, not once a minute", async () => {
    await checkedChain(database, group);
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      watchChains(database);
      await new Promise((r) => setTimeout(r, 300)); // its first look (nothing stale) is over
      const before = await versionOf(database.db, { of: "group", slug: G });
      await raiseEntry10();
      vi.advanceTimersByTime(5_000);
      await until(async () => (await versionOf(database.db, { of: "group", slug: G })) !== before);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("what /verifikasi says of what was typed", () => {
  it("names the field that is wrong: an unknown group, no=0, no=abc, a seal with letters past F", async () => {
    const seal = (await hashOf(28)).slice(0, 12);
    const asked = async (q: { kelompok?: string; no?: string; segel?: string }) =>
      (await verifySeal(database, q)).verdict;
    expect(await asked({ kelompok: G, no: "28", segel: seal })).toEqual({ kind: "matches", later: null });
    expect(await asked({ kelompok: "tidak-ada", no: "28", segel: seal })).toEqual({
      kind: "bad",
      fields: ["kelompok"],
    });
    expect(await asked({ kelompok: G, no: "0", segel: seal })).toEqual({ kind: "bad", fields: ["no"] });
    expect(await asked({ kelompok: G, no: "abc", segel: seal })).toEqual({ kind: "bad", fields: ["no"] });
    expect(await asked({ kelompok: G, no: "28", segel: "ZZZZ-6FF7-87E1" })).toEqual({ kind: "bad", fields: ["segel"] });
    expect(await asked({ no: "-1", segel: "ZZZZ" })).toEqual({ kind: "bad", fields: ["kelompok", "no", "segel"] });
    for (const m of Object.values(MESSAGES)) {
      expect(m.verify.badFields(["no"])).toMatch(/nomor catatan|entry number/);
      expect(m.verify.badFields(["no"])).not.toMatch(/kelompok \(|the group/);
    }
  });

  it("a seal of any length that matches no entry asks first to check what was typed", async () => {
    expect(await checkSeal(database, group, 28, "0123456789abcdef")).toEqual({ kind: "unknown", digits: 16 });
    for (const digits of [12, 16, 64]) {
      expect(MESSAGES.id.verify.unknown("Ratu Damai", 28, digits)).toMatch(/^Periksa lagi/);
      expect(MESSAGES.en.verify.unknown("Ratu Damai", 28, digits)).toMatch(/^Check the/);
    }
    expect(MESSAGES.id.verify.unknown("Ratu Damai", 28, 16)).not.toMatch(/buku kas berbeda/);
  });

  it("a seal shorter than the printed 12 hex digits is refused: 8 digits are 32 bits, found by trial in hours", async () => {
    const h28 = await hashOf(28);
    expect(await checkSeal(database, group, 28, h28.slice(0, 8))).toEqual({ kind: "tooShort" });
    expect(await checkSeal(database, group, 28, `${h28.slice(0, 4)}-${h28.slice(4, 8)}`.toUpperCase())).toEqual({
      kind: "tooShort",
    });
    expect(await checkSeal(database, group, 28, h28.slice(0, 11))).toEqual({ kind: "tooShort" });
    expect(await checkSeal(database, group, 28, h28.slice(0, 12))).toEqual({ kind: "matches", later: null });
    expect(await checkSeal(database, group, 28, "not a seal")).toEqual({ kind: "bad", fields: ["segel"] });
  });

  it("a mistyped number or seal is a typo, not tampering; a full hash is checked on all its digits", async () => {
    const h28 = await hashOf(28);
    const h27 = await hashOf(27);
    expect(await checkSeal(database, group, 28, h27.slice(0, 12))).toEqual({ kind: "otherEntry", seq: 27 });
    expect(await checkSeal(database, group, 28, "0123456789ab")).toEqual({ kind: "unknown", digits: 12 });
    expect(await checkSeal(database, group, 31, h28.slice(0, 12))).toEqual({ kind: "beyond", last: 30 });
    expect(await checkSeal(database, group, 28, h28)).toEqual({ kind: "matches", later: null });
    const lastDigitOff = `${h28.slice(0, 63)}${h28.endsWith("0") ? "1" : "0"}`;
    expect(await checkSeal(database, group, 28, lastDigitOff)).toEqual({ kind: "unknown", digits: 64 });
  });
});

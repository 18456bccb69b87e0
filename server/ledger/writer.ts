/**
 * The ledger's one writer: `writeEntries` writes one entry (a verb's, through `appendEntry`) or
 * many of one group in order (a batch of history, through EntryBatch in batch.ts) inside the
 * caller's write transaction, all or nothing. For every entry it checks the closing rules, that no
 * kept balance goes below zero on any day from the entry's date onward, takes the next sequence
 * number, hashes the entry onto the group's chain, inserts the entry (its id given by the
 * database), its postings and the days it pays, updates the rollups and the chain's head and
 * writes the entry's audit row. Idempotency has one shape here too (`findReplays`, `replayOr`,
 * `idempotentWrite`). Every verb's write transaction is a `ledgerWrite` (write.ts), which refuses
 * one that changed something without an audit row; the other ledger tables are written beside this
 * file too (loans.ts, daily-payments.ts, cash-counts.ts) — nothing outside server/ledger inserts
 * into them (server/house.test.ts).
 */
import { and, eq, gt, gte, inArray, lte, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { type DbOrTx, insertMany, reusable, type Tx } from "@/db/client";
import {
  accountBalances,
  auditLog,
  journalEntries,
  ledgerHeads,
  postings as postingsTable,
  sealSignatures,
} from "@/db/schema";
import {
  CURRENT_CHAIN_VERSION,
  detailDigest,
  entryHash,
  GENESIS_HASH,
  publicWordsProblem,
} from "@/server/domain/chain";
import { addMonths, localDate, monthOf, type BusinessDate } from "@/server/domain/dates";
import { firstOpenDay, isMonthClosed, monthStanding } from "@/server/domain/month-close";
import { conflict, invalid } from "@/server/domain/errors";
import type { ErrorCode } from "@/server/domain/error-codes";
import {
  assertBalanced,
  balanceKey,
  entryAmount,
  entryRollup,
  naturalBalance,
  NON_NEGATIVE,
  type Account,
  type EntryKind,
  type Posting,
} from "@/server/domain/ledger";
import { type GroupRow, loadGroupFor, type ServiceContext } from "@/server/shared/context";
import { insertPaidDays, type PaidDays } from "./daily-payments";
import { ledgerWrite } from "./write";
import { assertIdempotencyKey, requestHash } from "@/server/domain/idempotency";

export type EntryRow = typeof journalEntries.$inferSelect;

export interface NewEntry {
  group: GroupRow;
  kind: EntryKind;
  date: BusinessDate;
  postings: Posting[];
  purpose?: string | null;
  category?: string | null;
  note?: string | null;
  loanId?: number | null;
  reverses?: { id: number; seq: number; kind: EntryKind } | null;
  reason?: string | null;
  /**
   * Other days the entry is about, earlier than its date — a collection's missed days — held to
   * the same closing rules as the date itself, and refused under `field`.
   */
  namedDays?: readonly { day: BusinessDate; field: string }[];
  idempotencyKey: string;
  requestHash: string;
  actor: string;
  now: Date;
  /** A collection's daily lines: the days each pays, written with the entry (daily_payments). */
  paying?: readonly PaidDays[];
}

const entryByKey = reusable((db) =>
  db
    .select()
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.groupId, sql.placeholder("groupId")),
        eq(journalEntries.idempotencyKey, sql.placeholder("idempotencyKey")),
      ),
    )
    .limit(1)
    .prepare(),
);

/** A request as the ledger keeps it: the client's key and the fingerprint of what was asked. */
export interface KeyedRequest {
  idempotencyKey: string;
  requestHash: string;
}

/**
 * Idempotency, the one shape: the entries already written under these keys, each the same request
 * (a replay); a conflict when a key came with different content. Empty when every key is new.
 */
export async function findReplays(tx: Tx, groupId: number, requests: readonly KeyedRequest[]): Promise<EntryRow[]> {
  if (requests.length === 0) return [];
  const used =
    requests.length === 1
      ? [await entryByKey(tx).get({ groupId, idempotencyKey: requests[0]!.idempotencyKey })].filter((e) => !!e)
      : await tx
          .select()
          .from(journalEntries)
          .where(
            and(
              eq(journalEntries.groupId, groupId),
              sql`${journalEntries.idempotencyKey} IN (SELECT value FROM json_each(${JSON.stringify(requests.map((r) => r.idempotencyKey))}))`,
            ),
          );
  const hashOf = new Map(requests.map((r) => [r.idempotencyKey, r.requestHash]));
  for (const e of used)
    if (e.requestHash !== hashOf.get(e.idempotencyKey!)) throw conflict("idempotency_key_reused", "idempotencyKey");
  return used;
}

/** `findReplays` for one request: its entry, or null when the key is new. */
export async function findReplay(
  tx: Tx,
  groupId: number,
  idempotencyKey: string,
  reqHash: string,
): Promise<EntryRow | null> {
  const [e] = await findReplays(tx, groupId, [{ idempotencyKey, requestHash: reqHash }]);
  return e ?? null;
}

/**
 * Inside a write transaction, on a group already loaded: a key already used answers with its first
 * entry (`replayed`) or a conflict (other content); a new key has `write` do the verb's work.
 */
export async function replayOr<T, P = EntryRow>(
  tx: Tx,
  group: GroupRow,
  req: KeyedRequest,
  replayed: (previous: P) => T | Promise<T>,
  write: () => Promise<T>,
  previous: (tx: Tx, groupId: number, key: string, requestHash: string) => Promise<P | null> = findReplay as never,
): Promise<T> {
  const replay = await previous(tx, group.id, req.idempotencyKey, req.requestHash);
  return replay ? replayed(replay) : write();
}

/**
 * The idempotent write every entry verb shares: the key is checked and the request fingerprinted
 * before the lock; then, in one write transaction (`ledgerWrite`), the group is loaded (the access
 * check) and `replayOr` answers a key already used or has `write` do the verb's work, passing `key`
 * and `requestHash` on to `appendEntry`.
 */
export function idempotentWrite<T, P = EntryRow>(
  ctx: ServiceContext,
  verb: string,
  input: { groupSlug: string; idempotencyKey: string },
  write: (tx: Tx, w: { group: GroupRow; key: string; requestHash: string }) => Promise<T>,
  replayed: (tx: Tx, previous: P, group: GroupRow) => T | Promise<T> = (_tx, previous) => previous as unknown as T,
  /** Where a verb that writes no entry (a cash count) keeps its keys; conflict on other content. */
  previous: (tx: Tx, groupId: number, key: string, requestHash: string) => Promise<P | null> = findReplay as never,
): Promise<T> {
  const key = assertIdempotencyKey(input.idempotencyKey);
  const hash = requestHash(verb, input);
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "write");
    return replayOr(
      tx,
      group,
      { idempotencyKey: key, requestHash: hash },
      (replay: P) => replayed(tx, replay, group),
      () => write(tx, { group, key, requestHash: hash }),
      previous,
    );
  });
}

export const keptBalance = reusable((db) =>
  db
    .select({ balance: accountBalances.balance })
    .from(accountBalances)
    .where(
      and(
        eq(accountBalances.groupId, sql.placeholder("groupId")),
        eq(accountBalances.account, sql.placeholder("account")),
        eq(accountBalances.memberId, sql.placeholder("memberId")),
        eq(accountBalances.loanId, sql.placeholder("loanId")),
      ),
    )
    .prepare(),
);

/** The balance's movements by day after a date (an entry back-dated must keep every later day whole). */
const laterDays = reusable((db) =>
  db
    .select({ date: postingsTable.businessDate, amount: sql<number>`sum(${postingsTable.amount})` })
    .from(postingsTable)
    .where(
      and(
        eq(postingsTable.groupId, sql.placeholder("groupId")),
        eq(postingsTable.account, sql.placeholder("account")),
        sql`${postingsTable.memberId} IS ${sql.placeholder("memberId")}`,
        sql`${postingsTable.loanId} IS ${sql.placeholder("loanId")}`,
        gt(postingsTable.businessDate, sql.placeholder("date")),
      ),
    )
    .groupBy(postingsTable.businessDate)
    .orderBy(postingsTable.businessDate)
    .prepare(),
);

/**
 * Refuses an entry that would take a cash, savings, social-fund or loan balance below zero on any
 * day — for each entry in order, counting the entries before it in the same write as written. An
 * entry's own movements count together (an entry is written whole); a balance it lowers is walked
 * from its kept value through every later day already written (a back-dated entry must keep them
 * whole). The refusal names the balance available on the entry's day.
 */
async function assertStaysNonNegative(tx: Tx, groupId: number, entries: readonly NewEntry[]): Promise<void> {
  const moved = new Map<string, number>(); // what the entries before this one add, by balance
  const kept = new Map<string, number>();
  let latest: string | null | undefined; // the latest day written, read once when needed
  for (const e of entries) {
    for (const p of entryDeltas(e.postings)) {
      const k = balanceKey(p);
      const before = moved.get(k) ?? 0;
      moved.set(k, before + p.delta);
      if (naturalBalance(p.account, p.delta) >= 0) continue; // this entry only adds to the balance
      let base = kept.get(k);
      if (base === undefined) {
        const row = await keptBalance(tx).get({
          groupId,
          account: p.account,
          memberId: p.memberId ?? 0,
          loanId: p.loanId ?? 0,
        });
        base = row?.balance ?? 0;
        kept.set(k, base);
      }
      latest ??= await latestDay(tx, groupId);
      const later = latest !== null && e.date < latest ? await laterMovements(tx, groupId, p, e.date) : [];
      let running = base + before - later.reduce((t, r) => t + Number(r.amount), 0) + p.delta;
      let lowest = running;
      for (const r of later) {
        running += Number(r.amount);
        lowest = naturalBalance(p.account, running) < naturalBalance(p.account, lowest) ? running : lowest;
      }
      const available = naturalBalance(p.account, lowest - p.delta);
      if (naturalBalance(p.account, lowest) < 0)
        throw invalid(insufficientCode(p.account), "amount", { available: Math.max(0, available) });
    }
  }
}

/** An entry's movements of the balances kept non-negative, one per balance. */
function entryDeltas(postings: readonly Posting[]): (Posting & { delta: number })[] {
  const deltas = new Map<string, Posting & { delta: number }>();
  for (const p of postings) {
    if (!NON_NEGATIVE.has(p.account)) continue;
    const k = balanceKey(p);
    const d = deltas.get(k);
    if (d) d.delta += p.amount;
    else deltas.set(k, { ...p, delta: p.amount });
  }
  return [...deltas.values()];
}

const latestDayOf = reusable((db) =>
  db
    .select({ date: sql<string | null>`max(${journalEntries.businessDate})` })
    .from(journalEntries)
    .where(eq(journalEntries.groupId, sql.placeholder("groupId")))
    .prepare(),
);

/** The latest business day of the group's entries written, or null. */
export async function latestDay(tx: DbOrTx, groupId: number): Promise<string | null> {
  return (await latestDayOf(tx).get({ groupId }))?.date ?? null;
}

const laterMovements = (tx: Tx, groupId: number, p: Posting, date: BusinessDate) =>
  laterDays(tx).all({ groupId, account: p.account, memberId: p.memberId ?? null, loanId: p.loanId ?? null, date });

export function insufficientCode(account: Account): ErrorCode {
  if (account === "cash") return "insufficient_cash";
  if (account === "bank") return "insufficient_bank";
  if (account === "loans_receivable") return "loan_balance_negative";
  if (account === "social_fund") return "insufficient_social_fund";
  return "insufficient_savings";
}

const insertEntry = reusable((db) =>
  db
    .insert(journalEntries)
    .values({
      groupId: sql.placeholder("groupId"),
      seq: sql.placeholder("seq"),
      businessDate: sql.placeholder("businessDate"),
      kind: sql.placeholder("kind"),
      amount: sql.placeholder("amount"),
      purpose: sql.placeholder("purpose"),
      category: sql.placeholder("category"),
      note: sql.placeholder("note"),
      loanId: sql.placeholder("loanId"),
      reversesEntryId: sql.placeholder("reversesEntryId"),
      reversesSeq: sql.placeholder("reversesSeq"),
      reason: sql.placeholder("reason"),
      chainVersion: sql.placeholder("chainVersion"),
      idempotencyKey: sql.placeholder("idempotencyKey"),
      requestHash: sql.placeholder("requestHash"),
      detailSalt: sql.placeholder("detailSalt"),
      detailDigest: sql.placeholder("detailDigest"),
      prevHash: sql.placeholder("prevHash"),
      hash: sql.placeholder("hash"),
      recordedAt: sql.placeholder("recordedAt"),
      recordedBy: sql.placeholder("recordedBy"),
    })
    .returning()
    .prepare(),
);

export const ledgerHead = reusable((db) =>
  db
    .select()
    .from(ledgerHeads)
    .where(eq(ledgerHeads.groupId, sql.placeholder("groupId")))
    .prepare(),
);

const moveHead = reusable((db) =>
  db
    .insert(ledgerHeads)
    .values({
      groupId: sql.placeholder("groupId"),
      lastSeq: sql.placeholder("lastSeq"),
      lastHash: sql.placeholder("lastHash"),
      lastEntryAt: sql.placeholder("lastEntryAt"),
    })
    .onConflictDoUpdate({
      target: ledgerHeads.groupId,
      set: {
        lastSeq: sql`excluded.last_seq`,
        lastHash: sql`excluded.last_hash`,
        lastEntryAt: sql`excluded.last_entry_at`,
      },
    })
    .prepare(),
);

/**
 * The rules an entry must meet before anything is read: balanced, and not dated (nor naming a day)
 * in a closed year or in a month closed by its grace period. A month still in its grace period is
 * closed only if its seal was countersigned: `assertNotCountersigned` asks the database.
 */
export function assertEntryAllowed(e: NewEntry): void {
  assertBalanced(e.postings);
  assertDatesOpen(e);
}

/** Anything dated that a month's printed report shows: an entry, or a cash count (no kind). */
type Dated = Pick<NewEntry, "group" | "date" | "namedDays" | "now"> & { kind?: EntryKind };

/** Not dated in a closed year, nor in a month its grace period has closed (no I/O). */
function assertDatesOpen(d: Dated): void {
  const today = localDate(d.now, d.group.timeZone);
  for (const { day, field } of datesOf(d)) {
    // A closed year's books are shared out: a correction of it is posted in the open year.
    if (d.group.closedThrough !== null && day <= d.group.closedThrough)
      throw invalid("year_closed", field, { year: d.group.closedThrough.slice(0, 4) });
    // A closed month's printed report and seal never change: a correction is dated today.
    if (closesMonths(d) && monthStanding(monthOf(day), today, d.group.monthGraceDays) === "closed")
      throw invalid("month_closed", field, { month: monthOf(day) });
  }
}

const datesOf = (d: Dated) => [{ day: d.date, field: "date" }, ...(d.namedDays ?? [])];

/**
 * The two entries a month's close lets through: the opening balance of a paper book taken over
 * (written once, on an empty ledger: nothing has been sealed yet) and the year's closing entry,
 * dated 31 December by design — which the monthly report keeps apart from December's figures.
 */
const closesMonths = (d: Dated) => d.kind !== "opening_balance" && d.kind !== "year_close";

/**
 * Refuses an entry dated in (or naming a day of) a month still in its grace period whose seal the
 * pengawas countersigned by the entry's moment: a countersignature closes the month at once.
 * Asks the database only when some date falls in such a month (the first days of a month).
 */
export async function assertNotCountersigned(tx: Tx, items: readonly Dated[]): Promise<void> {
  const inGrace: { d: Dated; month: string; field: string }[] = [];
  for (const d of items) {
    if (!closesMonths(d)) continue;
    const today = localDate(d.now, d.group.timeZone);
    for (const { day, field } of datesOf(d))
      if (monthStanding(monthOf(day), today, d.group.monthGraceDays) === "grace")
        inGrace.push({ d, month: monthOf(day), field });
  }
  if (inGrace.length === 0) return;
  const group = inGrace[0]!.d.group;
  const signed = await tx
    .select({ month: sealSignatures.month, at: sealSignatures.at })
    .from(sealSignatures)
    .where(
      and(
        eq(sealSignatures.groupId, group.id),
        inArray(sealSignatures.month, [...new Set(inGrace.map((g) => g.month))]),
      ),
    );
  const at = new Map(signed.map((s) => [s.month, s.at]));
  for (const { d, month, field } of inGrace) {
    const facts = {
      timeZone: d.group.timeZone,
      graceDays: d.group.monthGraceDays,
      countersignedAt: at.get(month) ?? null,
    };
    if (isMonthClosed(month, d.now, facts)) throw invalid("month_closed", field, { month });
  }
}

/** The same closing rules for what is dated but is no entry: a cash count or bank check, printed in the month's report. */
export async function assertDateOpen(tx: Tx, d: Dated): Promise<void> {
  assertDatesOpen(d);
  await assertNotCountersigned(tx, [d]);
}

/**
 * The days a write may be dated on now, by the rules above: from the first day still open (the
 * month just finished while in its grace period and not countersigned) through today. The screens
 * offer only these, so a phone never proposes a date the ledger would refuse.
 */
export async function openDays(
  db: DbOrTx,
  group: Pick<GroupRow, "id" | "timeZone" | "monthGraceDays" | "closedThrough" | "foundedOn">,
  now: Date,
): Promise<{ from: BusinessDate; to: BusinessDate }> {
  const today = localDate(now, group.timeZone);
  const previous = monthOf(addMonths(`${monthOf(today)}-01`, -1));
  const [signed] = await db
    .select({ at: sealSignatures.at })
    .from(sealSignatures)
    .where(and(eq(sealSignatures.groupId, group.id), eq(sealSignatures.month, previous)));
  const facts = { timeZone: group.timeZone, graceDays: group.monthGraceDays, countersignedAt: signed?.at ?? null };
  const from = firstOpenDay({
    today,
    graceDays: group.monthGraceDays,
    previousMonthCountersigned: signed !== undefined && isMonthClosed(previous, now, facts),
    closedThrough: group.closedThrough,
    foundedOn: group.foundedOn,
  });
  return { from, to: today };
}

type Head = { lastSeq: number; lastHash: string } | undefined;

/** An entry sealed onto the chain after `head`: the row as stored, without its id (no I/O). */
export function sealEntry(e: NewEntry, head: Head) {
  const seq = (head?.lastSeq ?? 0) + 1;
  const prevHash = head?.lastHash ?? GENESIS_HASH;
  const recordedAt = e.now.toISOString();
  const salt = randomBytes(16).toString("hex");
  const digest = detailDigest(salt, e.postings, e.note ?? null);
  const amount = entryAmount(e.postings);
  // What the chain seals is stored as it is; the row adds what stays private or is derived.
  const sealed = {
    chainVersion: CURRENT_CHAIN_VERSION,
    seq,
    amount,
    purpose: e.purpose ?? null,
    category: e.category ?? null,
    reversesSeq: e.reverses?.seq ?? null,
    reason: e.reason ?? null,
    recordedAt,
    detailDigest: digest,
    prevHash,
  };
  const chained = { ...sealed, groupSlug: e.group.slug, date: e.date, kind: e.kind, postings: e.postings };
  // An invariant, not a user error: the verbs only ever pass codes, and no words on a write-off.
  const words = publicWordsProblem(chained);
  if (words) throw new Error(`refusing to publish: ${words}`);
  return {
    ...sealed,
    groupId: e.group.id,
    businessDate: e.date,
    kind: e.kind,
    note: e.note ?? null,
    loanId: e.loanId ?? null,
    reversesEntryId: e.reverses?.id ?? null,
    idempotencyKey: e.idempotencyKey,
    requestHash: e.requestHash,
    detailSalt: salt,
    hash: entryHash(chained),
    recordedBy: e.actor,
  };
}

/** One entry written by `writeEntries` (a verb's, after its replay check). */
export async function appendEntry(tx: Tx, e: NewEntry): Promise<EntryRow> {
  const [entry] = await writeEntries(tx, [e]);
  return entry!;
}

/**
 * The one write of entries: one, or many of one group in date order, in the caller's transaction.
 * The pure rules, the closing rules, the caller's own checks and rows that go in first (`before`:
 * a batch's, its new loans), the non-negative rule; then each entry sealed onto the chain after the one before it, inserted (the
 * database numbers the ids), and everything it adds beside its row (`writeLedgerRows`).
 */
export async function writeEntries(
  tx: Tx,
  entries: readonly NewEntry[],
  before?: () => Promise<void>,
): Promise<EntryRow[]> {
  if (entries.length === 0) return [];
  const groupId = entries[0]!.group.id;
  if (entries.some((e) => e.group.id !== groupId)) throw new Error("one write holds one group's entries");
  for (const e of entries) assertEntryAllowed(e);
  await assertNotCountersigned(tx, entries);
  await before?.();
  await assertStaysNonNegative(tx, groupId, entries);
  let head: Head = await ledgerHead(tx).get({ groupId });
  const sealed = entries.map((e) => {
    const row = sealEntry(e, head);
    head = { lastSeq: row.seq, lastHash: row.hash };
    return row;
  });
  const rows = await insertEntries(tx, groupId, sealed);
  const written = rows.map((entry, i) => ({ e: entries[i]!, entry }));
  await writeLedgerRows(tx, groupId, written);
  await insertPaidDays(
    tx,
    groupId,
    written.map((w) => ({ entryId: w.entry.id, paying: w.e.paying ?? [] })),
  );
  return rows;
}

/** Inserts sealed entries in order; the database gives each its id (read back by the entries' numbers). */
async function insertEntries(
  tx: Tx,
  groupId: number,
  sealed: readonly ReturnType<typeof sealEntry>[],
): Promise<EntryRow[]> {
  if (sealed.length === 1) {
    const entry = await insertEntry(tx).get(sealed[0]!);
    if (!entry) throw new Error("insert returned nothing");
    return [entry];
  }
  await insertMany(tx, journalEntries, sealed);
  const ids = await tx
    .select({ id: journalEntries.id, seq: journalEntries.seq })
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.groupId, groupId),
        gte(journalEntries.seq, sealed[0]!.seq),
        lte(journalEntries.seq, sealed.at(-1)!.seq),
      ),
    )
    .orderBy(journalEntries.seq);
  if (ids.length !== sealed.length) throw new Error("the entries written do not read back");
  return sealed.map((row, i) => ({ ...row, id: ids[i]!.id }));
}

/**
 * Everything an inserted entry adds beside its row, for one entry or many of one group in order:
 * its postings, the rollups (a correction counts under the kind it reverses), the chain's head
 * and the audit rows — in the caller's transaction.
 */
export async function writeLedgerRows(tx: Tx, groupId: number, written: readonly { e: NewEntry; entry: EntryRow }[]) {
  const postingRows: (typeof postingsTable.$inferInsert)[] = [];
  const balances = new Map<string, [Account, number, number, number]>();
  const months = new Map<string, [string, EntryKind, Account, number]>();
  const counts = new Map<string, [string, EntryKind, number]>();
  for (const { e, entry } of written) {
    const month = monthOf(e.date);
    const flowKind = e.reverses ? e.reverses.kind : e.kind;
    const rollup = entryRollup(e.postings);
    for (const p of e.postings)
      postingRows.push({
        entryId: entry.id,
        groupId,
        businessDate: e.date,
        account: p.account,
        memberId: p.memberId ?? null,
        loanId: p.loanId ?? null,
        amount: p.amount,
      });
    for (const [account, memberId, loanId, amount] of rollup.balances) {
      const k = `${account}|${memberId}|${loanId}`;
      const b = balances.get(k);
      if (b) b[3] += amount;
      else balances.set(k, [account, memberId, loanId, amount]);
    }
    for (const [account, amount] of rollup.accounts) {
      const k = `${month}|${flowKind}|${account}`;
      const m = months.get(k);
      if (m) m[3] += amount;
      else months.set(k, [month, flowKind, account, amount]);
    }
    const c = counts.get(`${month}|${e.kind}`);
    if (c) c[2]++;
    else counts.set(`${month}|${e.kind}`, [month, e.kind, 1]);
  }
  await insertMany(tx, postingsTable, postingRows);
  // The rollups go in as one JSON array each, so the statement's text is the same for a 2-line
  // expense, a 25-line collection or a month of them: prepared once, not built and parsed per entry.
  await tx.run(sql`INSERT INTO account_balances (group_id, account, member_id, loan_id, balance)
    SELECT ${groupId}, r.value->>0, r.value->>1, r.value->>2, r.value->>3
    FROM json_each(${JSON.stringify([...balances.values()])}) r WHERE true
    ON CONFLICT (group_id, account, member_id, loan_id) DO UPDATE SET balance = balance + excluded.balance`);
  await tx.run(sql`INSERT INTO month_postings (group_id, month, kind, account, amount)
    SELECT ${groupId}, r.value->>0, r.value->>1, r.value->>2, r.value->>3
    FROM json_each(${JSON.stringify([...months.values()])}) r WHERE true
    ON CONFLICT (group_id, month, kind, account) DO UPDATE SET amount = amount + excluded.amount`);
  await tx.run(sql`INSERT INTO month_entries (group_id, month, kind, entries)
    SELECT ${groupId}, r.value->>0, r.value->>1, r.value->>2
    FROM json_each(${JSON.stringify([...counts.values()])}) r WHERE true
    ON CONFLICT (group_id, month, kind) DO UPDATE SET entries = entries + excluded.entries`);
  const last = written.at(-1)!.entry;
  await moveHead(tx).run({ groupId, lastSeq: last.seq, lastHash: last.hash, lastEntryAt: last.recordedAt });
  await insertMany(
    tx,
    auditLog,
    written.map(({ e, entry }) => ({
      at: entry.recordedAt,
      actor: e.actor,
      action: `entry.${e.kind}`,
      groupId,
      entryId: entry.id,
      detail: JSON.stringify({
        seq: entry.seq,
        idempotencyKey: e.idempotencyKey,
        reversesSeq: e.reverses?.seq ?? null,
      }),
    })),
  );
}

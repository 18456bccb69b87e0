/**
 * Many entries of one group written in one go — for history such as the demo's ten years, whose
 * thousands of collections and repayments would otherwise each pay the verb's own reads and
 * statements. Each entry is built by the verb's own function (`batchContributions`,
 * `batchRepayment`: the same input, checks and postings), meets the same pure rules and is sealed
 * onto the chain exactly as `appendEntry` seals it; `write` then runs the checks that need the
 * database once for the whole batch — no key used before, no month closed by a countersignature, no
 * day paid twice, no kept balance below zero on any day — and writes the very rows the verbs would, many to a statement.
 */
import { and, eq, sql } from "drizzle-orm";
import { type DbOrTx, insertMany, type Tx } from "@/db/client";
import { dailyPayments, journalEntries, loans } from "@/db/schema";
import { conflict, invalid } from "@/server/domain/errors";
import type { BusinessDate } from "@/server/domain/dates";
import {
  assertEntryAllowed,
  assertNotCountersigned,
  keptBalance,
  insufficientCode,
  ledgerHead,
  sealEntry,
  writeLedgerRows,
  type EntryRow,
  type NewEntry,
} from "./append-entry";
import { balanceKey, naturalBalance, NON_NEGATIVE } from "@/server/domain/ledger";
import type { LendingRule } from "@/server/domain/lending";
import type { GroupRow } from "./context";
import { lendingRuleOf } from "./lending-rule";
import type { LoanRow } from "./loans";
import { assertDaysNotPaid, type PaidDays } from "./savings";

export class EntryBatch {
  private pending: { e: NewEntry; paying: PaidDays[]; loan: LoanRow | null }[] = [];
  private keys = new Set<string>();

  /** `group` as it stands now: after a verb changes it (a year closed), open a new batch. */
  private constructor(
    readonly group: GroupRow,
    private lastLoanId: number,
    /** The group's lending rule when the batch opened (its new loans are held to it). */
    readonly lendingRule: LendingRule,
  ) {}

  /** A batch for the group, its new loans numbered after the last loan written. */
  static async open(db: DbOrTx, group: GroupRow): Promise<EntryBatch> {
    const [[last], rule] = await Promise.all([
      db.select({ id: sql<number | null>`max(${loans.id})` }).from(loans),
      lendingRuleOf(db, group),
    ]);
    return new EntryBatch(group, last?.id ?? 0, rule);
  }

  /** The id the next loan added takes (loans are numbered as the database would number them). */
  get nextLoanId(): number {
    return this.lastLoanId + 1;
  }

  get size(): number {
    return this.pending.length;
  }

  /** The date of the latest entry waiting, or null. */
  get lastDate(): BusinessDate | null {
    return this.pending.at(-1)?.e.date ?? null;
  }

  /**
   * What the entries waiting add, through a date, to the balances of `accounts` kept for one member
   * (`memberId`) or for the group (null: cash, bank — no member, no loan).
   */
  pendingMovement(accounts: readonly string[], through: BusinessDate, memberId: number | null = null): number {
    let sum = 0;
    for (const { e } of this.pending)
      if (e.date <= through)
        for (const p of e.postings)
          if (
            accounts.includes(p.account) &&
            (p.memberId ?? null) === memberId &&
            (memberId !== null || p.loanId == null)
          )
            sum += p.amount;
    return sum;
  }

  /** Adds an entry (and the days its daily lines pay, or the loan it disburses); entries come in date order. */
  add(e: NewEntry, paying: readonly PaidDays[] = [], loan: LoanRow | null = null): void {
    if (e.group.id !== this.group.id) throw new Error("a batch holds one group's entries");
    assertEntryAllowed(e);
    const last = this.lastDate;
    if (last && e.date < last) throw invalid("date_before_last_entry", "date", { last });
    if (this.keys.has(e.idempotencyKey)) throw conflict("idempotency_key_reused", "idempotencyKey");
    if (loan && loan.id !== this.nextLoanId)
      throw new Error("a batch's loans are numbered in the order they are added");
    this.keys.add(e.idempotencyKey);
    this.pending.push({ e, paying: [...paying], loan });
    if (loan) this.lastLoanId = loan.id;
  }

  /** Writes every entry waiting, in order, in the caller's write transaction; all or nothing. */
  async write(tx: Tx): Promise<EntryRow[]> {
    const pending = this.pending;
    if (pending.length === 0) return [];
    const groupId = this.group.id;
    const head = await ledgerHead(tx).get({ groupId });
    await this.assertKeysNew(tx);
    await assertNotCountersigned(
      tx,
      pending.map((p) => p.e),
    );
    this.assertDaysOnce(head?.lastSeq ?? 0);
    await assertDaysNotPaid(
      tx,
      pending.flatMap((p) => p.paying),
    );
    await this.assertStaysNonNegative(tx);
    // The loans first: numbered after the last loan written, as the database would (else someone wrote one meanwhile).
    const newLoans = pending.flatMap((p) => (p.loan ? [p.loan] : []));
    if (newLoans.length) {
      const [lastLoan] = await tx.select({ id: sql<number | null>`max(${loans.id})` }).from(loans);
      if ((lastLoan?.id ?? 0) !== newLoans[0]!.id - 1) throw new Error("a loan was written outside the batch");
      await insertMany(tx, loans, newLoans);
    }
    // The entries take the ids the verbs would have given them, one after another, in one statement per 128.
    const [last] = await tx.select({ id: sql<number | null>`max(${journalEntries.id})` }).from(journalEntries);
    let id = last?.id ?? 0;
    let previous = head;
    const written = pending.map(({ e }) => {
      const entry: EntryRow = { id: ++id, ...sealEntry(e, previous) };
      previous = { groupId, lastSeq: entry.seq, lastHash: entry.hash, lastEntryAt: entry.recordedAt };
      return { e, entry };
    });
    await insertMany(
      tx,
      journalEntries,
      written.map((w) => w.entry),
    );
    await writeLedgerRows(tx, groupId, written);
    await insertMany(
      tx,
      dailyPayments,
      pending.flatMap((p, i) =>
        p.paying.flatMap((d) =>
          d.days.map((day) => ({ groupId, memberId: d.memberId, entryId: written[i]!.entry.id, day })),
        ),
      ),
    );
    this.pending = [];
    this.keys.clear();
    return written.map((w) => w.entry);
  }

  /** A member's day paid once within the batch too; the entry that paid it first is named by the number it gets. */
  private assertDaysOnce(lastSeq: number): void {
    const paidBy = new Map<string, number>();
    for (const [i, { paying }] of this.pending.entries())
      for (const p of paying)
        for (const day of p.days) {
          const first = paidBy.get(`${p.memberId}|${day}`);
          if (first !== undefined)
            throw invalid("already_collected", `lines.${p.line}.memberCode`, { code: p.code, day, seq: first });
          paidBy.set(`${p.memberId}|${day}`, lastSeq + i + 1);
        }
  }

  private async assertKeysNew(tx: Tx): Promise<void> {
    const used = await tx
      .select({ key: journalEntries.idempotencyKey })
      .from(journalEntries)
      .where(
        and(
          eq(journalEntries.groupId, this.group.id),
          sql`${journalEntries.idempotencyKey} IN (SELECT value FROM json_each(${JSON.stringify([...this.keys])}))`,
        ),
      )
      .limit(1);
    if (used.length) throw conflict("idempotency_key_reused", "idempotencyKey");
  }

  /**
   * No cash, savings, social-fund or loan balance below zero on any day: the batch comes after
   * every entry already written (checked), so each balance it lowers is walked from its kept value.
   */
  private async assertStaysNonNegative(tx: Tx): Promise<void> {
    const first = this.pending[0]!.e.date;
    const [latest] = await tx
      .select({ date: sql<string | null>`max(${journalEntries.businessDate})` })
      .from(journalEntries)
      .where(eq(journalEntries.groupId, this.group.id));
    if (latest?.date && first < latest.date) throw invalid("date_before_last_entry", "date", { last: latest.date });
    // A balance is below zero only where the batch has taken more from it than it added (kept ones are never below).
    const moved = new Map<string, number>();
    const kept = new Map<string, number>();
    for (const { e } of this.pending)
      for (const p of e.postings) {
        if (!NON_NEGATIVE.has(p.account)) continue;
        const k = balanceKey(p);
        const delta = (moved.get(k) ?? 0) + p.amount;
        moved.set(k, delta);
        if (naturalBalance(p.account, delta) >= 0) continue;
        let base = kept.get(k);
        if (base === undefined) {
          const row = await keptBalance(tx).get({
            groupId: this.group.id,
            account: p.account,
            memberId: p.memberId ?? 0,
            loanId: p.loanId ?? 0,
          });
          base = row?.balance ?? 0;
          kept.set(k, base);
        }
        if (naturalBalance(p.account, base + delta) < 0) throw invalid(insufficientCode(p.account), "amount");
      }
  }
}

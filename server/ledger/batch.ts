/**
 * Many entries of one group written in one go — for history such as the demo's ten years, whose
 * thousands of collections and repayments would otherwise each pay the verb's own reads and
 * statements. Each entry is built by the verb's own function (`batchContributions`,
 * `batchRepayment`: the same input, checks and postings), meets the same pure rules and is sealed
 * onto the chain exactly as `appendEntry` seals it; `write` then hands the batch to the ledger's one
 * write (`writeEntries`, writer.ts), which runs the checks that need the database once for the
 * whole batch — no month closed by a countersignature, no kept balance below zero on any day — with
 * the batch's own (no key used before, no day paid twice, nothing before the latest entry written),
 * and writes the very rows the verbs would, many to a statement.
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, insertMany, type Tx } from "@/db/client";
import { loans } from "@/db/schema";
import { conflict, invalid } from "@/server/domain/errors";
import type { BusinessDate } from "@/server/domain/dates";
import {
  assertEntryAllowed,
  findReplays,
  latestDay,
  ledgerHead,
  writeEntries,
  type EntryRow,
  type NewEntry,
} from "./writer";
import type { LendingRule } from "@/server/domain/lending";
import type { GroupRow } from "@/server/shared/context";
import { assertDaysNotPaid, type PaidDays } from "./daily-payments";

type LoanRow = typeof loans.$inferSelect;

export class EntryBatch {
  private pending: { e: NewEntry; loan: LoanRow | null }[] = [];
  private keys = new Set<string>();

  /** `group` as it stands now: after a verb changes it (a year closed), open a new batch. */
  private constructor(
    readonly group: GroupRow,
    private lastLoanId: number,
    /** The group's lending rule when the batch opened (its new loans are held to it). */
    readonly lendingRule: LendingRule,
  ) {}

  /**
   * A batch for the group, its new loans numbered after the last loan written; `lendingRule` is the
   * group's rule as it stands (`openHistoryBatch` in loans.ts reads it), its new loans held to it.
   */
  static async open(db: DbOrTx, group: GroupRow, lendingRule: LendingRule): Promise<EntryBatch> {
    const [last] = await db.select({ id: sql<number | null>`max(${loans.id})` }).from(loans);
    return new EntryBatch(group, last?.id ?? 0, lendingRule);
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
    this.pending.push({ e: paying.length ? { ...e, paying: [...paying] } : e, loan });
    if (loan) this.lastLoanId = loan.id;
  }

  /**
   * Writes every entry waiting, in order, in the caller's write transaction, all or nothing, by the
   * ledger's one write (`writeEntries`): no key used before, and — besides its rules — no day paid
   * twice, nothing dated before the latest entry written; the new loans go in first.
   */
  async write(tx: Tx): Promise<EntryRow[]> {
    const pending = this.pending;
    if (pending.length === 0) return [];
    const entries = pending.map((p) => p.e);
    // History is never replayed: a key used before, whatever its content, is refused.
    if ((await findReplays(tx, this.group.id, entries)).length)
      throw conflict("idempotency_key_reused", "idempotencyKey");
    const written = await writeEntries(tx, entries, async () => {
      this.assertDaysOnce((await ledgerHead(tx).get({ groupId: this.group.id }))?.lastSeq ?? 0);
      await assertDaysNotPaid(
        tx,
        pending.flatMap((p) => p.e.paying ?? []),
      );
      await this.assertAfterLatest(tx);
      await this.insertLoans(tx);
    });
    this.pending = [];
    this.keys.clear();
    return written;
  }

  /** The batch comes after every entry already written: history is typed in the order it happened. */
  private async assertAfterLatest(tx: Tx): Promise<void> {
    const latest = await latestDay(tx, this.group.id);
    const first = this.pending[0]!.e.date;
    if (latest && first < latest) throw invalid("date_before_last_entry", "date", { last: latest });
  }

  /** The loans first: numbered after the last loan written, as the database would (else someone wrote one meanwhile). */
  private async insertLoans(tx: Tx): Promise<void> {
    const newLoans = this.pending.flatMap((p) => (p.loan ? [p.loan] : []));
    if (newLoans.length === 0) return;
    const [lastLoan] = await tx.select({ id: sql<number | null>`max(${loans.id})` }).from(loans);
    if ((lastLoan?.id ?? 0) !== newLoans[0]!.id - 1) throw new Error("a loan was written outside the batch");
    await insertMany(tx, loans, newLoans);
  }

  /** A member's day paid once within the batch too; the entry that paid it first is named by the number it gets. */
  private assertDaysOnce(lastSeq: number): void {
    const paidBy = new Map<string, number>();
    for (const [i, { e }] of this.pending.entries())
      for (const p of e.paying ?? [])
        for (const day of p.days) {
          const first = paidBy.get(`${p.memberId}|${day}`);
          if (first !== undefined)
            throw invalid("already_collected", `lines.${p.line}.memberCode`, { code: p.code, day, seq: first });
          paidBy.set(`${p.memberId}|${day}`, lastSeq + i + 1);
        }
  }
}

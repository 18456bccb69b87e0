/** Loans as a verb reads them inside its transaction and the pages show them: a loan by id, its standing entries, its view (kept per loan). */
import { and, asc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { type DbOrTx, reusable } from "@/db/client";
import { journalEntries, loans } from "@/db/schema";
import type { BusinessDate } from "@/server/domain/dates";
import { invalid, notFound } from "@/server/domain/errors";
import { viewLoan, type LoanView as DomainLoanView } from "@/server/domain/loans";
import type { EntryRow, NewEntry } from "@/server/ledger/writer";
import { type GroupRow, nowOf, type ServiceContext } from "@/server/shared/context";

export type LoanRow = typeof loans.$inferSelect;

export type LoanView = DomainLoanView<LoanRow>;

const loanOfGroup = reusable((db) =>
  db
    .select()
    .from(loans)
    .where(and(eq(loans.id, sql.placeholder("loanId")), eq(loans.groupId, sql.placeholder("groupId"))))
    .prepare(),
);

export async function loadLoan(db: DbOrTx, group: GroupRow, loanId: unknown): Promise<LoanRow> {
  if (typeof loanId !== "number" || !Number.isSafeInteger(loanId) || loanId <= 0)
    throw invalid("loan_id_invalid", "loanId");
  const loan = await loanOfGroup(db).get({ loanId, groupId: group.id });
  if (!loan) throw notFound("loan_not_found", "loanId");
  return loan;
}

/** What a loan's view needs of each of its entries. */
export type LoanEntry = Pick<EntryRow, "id" | "loanId" | "seq" | "businessDate" | "kind" | "amount">;

/** The loan entries that still stand (neither a correction nor reversed) where `which` holds, oldest first. */
function standingLoanEntriesWhere(db: DbOrTx, which: SQL) {
  const rev = alias(journalEntries, "rev");
  return db
    .select({
      id: journalEntries.id,
      loanId: journalEntries.loanId,
      seq: journalEntries.seq,
      businessDate: journalEntries.businessDate,
      kind: journalEntries.kind,
      amount: journalEntries.amount,
    })
    .from(journalEntries)
    .leftJoin(rev, eq(rev.reversesEntryId, journalEntries.id))
    .where(and(which, isNull(rev.id), sql`${journalEntries.kind} <> 'correction'`))
    .orderBy(asc(journalEntries.businessDate), asc(journalEntries.seq));
}

const standingOfLoan = reusable((db) =>
  standingLoanEntriesWhere(db, eq(journalEntries.loanId, sql.placeholder("loanId"))).prepare(),
);
const standingOfGroupLoans = reusable((db) =>
  standingLoanEntriesWhere(
    db,
    and(eq(journalEntries.groupId, sql.placeholder("groupId")), isNotNull(journalEntries.loanId))!,
  ).prepare(),
);

/** One loan's entries that still stand, oldest first (read on every repayment: built once per database). */
export const standingLoanEntries = (db: DbOrTx, loanId: number): Promise<LoanEntry[]> =>
  standingOfLoan(db).all({ loanId });

/** Every loan's standing entries in a group, by loan, oldest first: one read for the register and the figures. */
async function standingEntriesByLoan(db: DbOrTx, group: GroupRow): Promise<Map<number, LoanEntry[]>> {
  const byLoan = new Map<number, LoanEntry[]>();
  for (const e of await standingOfGroupLoans(db).all({ groupId: group.id })) {
    const list = byLoan.get(e.loanId!);
    if (list) list.push(e);
    else byLoan.set(e.loanId!, [e]);
  }
  return byLoan;
}

export async function loanView(db: DbOrTx, _group: GroupRow, loan: LoanRow, asOf: BusinessDate): Promise<LoanView> {
  return viewLoan(loan, await standingLoanEntries(db, loan.id), asOf);
}

/**
 * The last view computed of each loan, with what it was computed from. `viewLoan` is a pure function
 * of the loan, its standing entries and the date, so a view is reused exactly when all three are
 * equal (compared field by field: another database's loan with the same id simply misses). A post
 * touches one loan, so the group's figures after it replay that loan, not all of them.
 */
const lastViews = new Map<
  number,
  { loan: LoanRow; entries: readonly LoanEntry[]; asOf: BusinessDate; view: LoanView }
>();
const LAST_VIEWS_KEPT = 100_000;

const sameRow = <T extends object>(a: T, b: T) => {
  for (const k in a) if (a[k] !== b[k]) return false;
  return true;
};

function viewLoanReusing(loan: LoanRow, entries: readonly LoanEntry[], asOf: BusinessDate): LoanView {
  const last = lastViews.get(loan.id);
  if (
    last &&
    last.asOf === asOf &&
    last.entries.length === entries.length &&
    sameRow(last.loan, loan) &&
    entries.every((e, i) => sameRow(e, last.entries[i]!))
  )
    return last.view;
  const view = viewLoan(loan, entries, asOf);
  if (lastViews.size >= LAST_VIEWS_KEPT) lastViews.clear();
  lastViews.set(loan.id, { loan, entries, asOf, view });
  return view;
}

/** All loans of a group with their state on a date (for the register and the indicators). */
/**
 * Every loan of a group with its view at `asOf`. `asItStood`: only what had happened by the end of
 * that (past) date counts — loans made later are left out, and so are later entries.
 */
export async function groupLoanViews(
  db: DbOrTx,
  group: GroupRow,
  asOf: BusinessDate,
  opts: { asItStood?: boolean } = {},
): Promise<LoanView[]> {
  const [rows, byLoan] = await Promise.all([
    db.select().from(loans).where(eq(loans.groupId, group.id)).orderBy(asc(loans.id)),
    standingEntriesByLoan(db, group),
  ]);
  if (!opts.asItStood) return rows.map((l) => viewLoanReusing(l, byLoan.get(l.id) ?? [], asOf));
  return rows
    .filter((l) => l.disbursedOn <= asOf && (l.importedOn === null || l.importedOn <= asOf))
    .map((l) => ({ l, byThen: (byLoan.get(l.id) ?? []).filter((e) => e.businessDate <= asOf) }))
    .filter(({ l, byThen }) => l.importedOn !== null || byThen.length > 0)
    .map(({ l, byThen }) => viewLoan(l, byThen, asOf));
}

/**
 * An entry on a loan by the verb acting: its kind, date, postings and what else it carries (no I/O).
 * No public field ties it to its loan: no loan number (that is in the salted detail digest only)
 * and no purpose (the purpose is published only in counts, under the disclosure rule). So those
 * who know who borrowed cannot follow her repayments and fines entry by entry from the loan's
 * disbursement. /data says what the ledger does show of a loan's path.
 */
export function loanEntry(
  ctx: ServiceContext,
  group: GroupRow,
  loan: LoanRow,
  w: { key: string; requestHash: string },
  e: Pick<NewEntry, "kind" | "date" | "postings" | "note">,
): NewEntry {
  return {
    group,
    loanId: loan.id,
    idempotencyKey: w.key,
    requestHash: w.requestHash,
    actor: ctx.actor,
    now: nowOf(ctx),
    ...e,
  };
}

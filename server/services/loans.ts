import { and, asc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { type DbOrTx, reusable } from "@/db/client";
import { accountBalances, journalEntries, loans, members, postings } from "@/db/schema";
import { assertBusinessDate, type BusinessDate } from "@/server/domain/dates";
import { conflict, DomainError, invalid, notFound } from "@/server/domain/errors";
import {
  disbursementPostings,
  repaymentPostings,
  moneyAccount,
  writeOffPostings,
  type MoneyAccount,
  type RepaymentAllocation,
} from "@/server/domain/ledger";
import {
  LOAN_METHODS,
  LOAN_PURPOSES,
  loanSchedule,
  loanDue,
  loanState,
  viewLoan,
  type Installment,
  type LoanMethod,
  type LoanEntryFacts,
  type LoanView as DomainLoanView,
} from "@/server/domain/loans";
import { assertArrearsConfirmed, assertWithinCeiling, principalOwed } from "@/server/domain/lending";
import { assertAmount } from "@/server/domain/money";
import { lendingRuleOf, memberSavings } from "./lending-rule";
import { appendEntry, idempotentWrite, type EntryRow, type NewEntry } from "@/server/ledger/writer";
import { EntryBatch } from "@/server/ledger/batch";
import { insertLoans } from "@/server/ledger/loans";
import { assertIdempotencyKey, requestHash } from "@/server/domain/idempotency";
import {
  activeMemberIn,
  loadActiveMember,
  loadGroupFor,
  nowOf,
  todayIn,
  type GroupRow,
  type MemberRow,
  type ServiceContext,
} from "./context";
import { cleanText } from "@/server/domain/text";
import { type GroupInput, zDate, zId, zIdempotencyKey, zMemberCode, zRupiah, zText, zVia } from "./fields";

export type LoanRow = typeof loans.$inferSelect;

export interface DisburseLoanInput {
  groupSlug: string;
  memberCode: string;
  principal: number;
  termMonths: number;
  date: string;
  purpose: string;
  crop?: string | null;
  idempotencyKey: string;
  /** Only an admin may set these (checked by the caller); otherwise the group's policy applies. */
  rateBpsPerMonth?: number;
  method?: LoanMethod;
  /** Paid out from the cash box (the default) or the group's bank account. */
  via?: MoneyAccount;
  /** She was told the borrower has a loan more than 30 days late and lends all the same. */
  confirmed?: boolean;
}

export const ZDisburseLoanSchema = z.object({
  memberCode: zMemberCode,
  principal: zRupiah,
  termMonths: z.number().int().min(1).max(120),
  date: zDate,
  purpose: z.enum(LOAN_PURPOSES),
  crop: z.string().max(32).nullish(),
  idempotencyKey: zIdempotencyKey,
  rateBpsPerMonth: z.number().int().min(0).max(1000).optional(),
  method: z.enum(LOAN_METHODS).optional(),
  via: zVia,
  confirmed: z.boolean().optional(),
}) satisfies z.ZodType<Omit<DisburseLoanInput, "groupSlug">>;

export const CROPS = ["kopi", "kemiri", "kakao", "cengkeh", "vanili", "jambu_mete", "padi", "lainnya"] as const;

export type LoanView = DomainLoanView<LoanRow>;

/** Pencairan pinjaman: creates the loan with the group's policy, its schedule, and the entry. */
export async function disburseLoan(
  ctx: ServiceContext,
  input: DisburseLoanInput,
): Promise<{ entry: EntryRow; loan: LoanRow; schedule: Installment[] }> {
  return idempotentWrite(
    ctx,
    "loans.disburse",
    input,
    async (tx, { group, key, requestHash }) => {
      const terms = loanTerms(ctx, group, input);
      const member = await loadActiveMember(tx, group, input.memberCode, terms.disbursedOn);
      // The group's lending rule, then the borrower's arrears: checked here, so no caller skips them.
      const [rule, savings, others] = await Promise.all([
        lendingRuleOf(tx, group),
        memberSavings(tx, group, member.id),
        memberLoanViews(tx, member.id, terms.disbursedOn),
      ]);
      // The ceiling holds on what she owes in total: her open loans' principal and this one.
      const owed = principalOwed(
        others.map((v) => ({ status: v.status, principalOutstanding: v.state.principalOutstanding })),
      );
      assertWithinCeiling(rule, savings, terms.principal, owed);
      assertArrearsConfirmed(
        others.map((v) => ({ status: v.status, daysPastDue: v.state.daysPastDue })),
        input.confirmed === true,
      );
      const [loan] = await insertLoans(tx, [{ ...terms, memberId: member.id }]);
      const entry = await appendEntry(tx, disbursement(ctx, group, loan!, input, { key, requestHash }));
      return { entry, loan: loan!, schedule: loanSchedule(loan!) };
    },
    async (tx, replay) => {
      const [loan] = await tx.select().from(loans).where(eq(loans.id, replay.loanId!));
      return { entry: replay, loan: loan!, schedule: loanSchedule(loan!) };
    },
  );
}

/** A new loan's terms: the group's policy unless an admin sets the rate or method for it (no I/O). */
function loanTerms(ctx: ServiceContext, group: GroupRow, input: DisburseLoanInput) {
  // The group's own rate and method unless an admin sets others for this loan.
  if ((input.rateBpsPerMonth !== undefined || input.method !== undefined) && ctx.user && ctx.user.role !== "admin")
    throw new DomainError("forbidden", "role_forbidden", "rateBpsPerMonth");
  const principal = assertAmount(input.principal, "principal");
  if (!Number.isInteger(input.termMonths) || input.termMonths < 1 || input.termMonths > group.loanMaxTermMonths)
    throw invalid("term_invalid", "termMonths", { max: group.loanMaxTermMonths });
  if (!LOAN_PURPOSES.includes(input.purpose as never)) throw invalid("purpose_invalid", "purpose");
  if (input.crop != null && !CROPS.includes(input.crop as never)) throw invalid("crop_invalid", "crop");
  const method = input.method ?? group.loanMethod;
  if (!LOAN_METHODS.includes(method)) throw invalid("method_invalid", "method");
  const rateBpsPerMonth = input.rateBpsPerMonth ?? group.loanRateBpsPerMonth;
  if (!Number.isInteger(rateBpsPerMonth) || rateBpsPerMonth < 0 || rateBpsPerMonth > 1000)
    throw invalid("rate_invalid", "rateBpsPerMonth");
  const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: group.foundedOn });
  return {
    groupId: group.id,
    principal,
    termMonths: input.termMonths,
    rateBpsPerMonth,
    method,
    lateFineAmount: group.lateFineAmount,
    lateFineGraceDays: group.lateFineGraceDays,
    disbursedOn: date,
    purpose: input.purpose,
    crop: input.crop ?? null,
  };
}

/**
 * An entry on a loan by the verb acting: its kind, date, postings and what else it carries (no I/O).
 * No public field ties it to its loan: no loan number (that is in the salted detail digest only)
 * and no purpose (the purpose is published only in counts, under the disclosure rule). So those
 * who know who borrowed cannot follow her repayments and fines entry by entry from the loan's
 * disbursement. /data says what the ledger does show of a loan's path.
 */
function loanEntry(
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

/** A loan's disbursement as an entry (no I/O). */
function disbursement(
  ctx: ServiceContext,
  group: GroupRow,
  loan: LoanRow,
  input: DisburseLoanInput,
  w: { key: string; requestHash: string },
): NewEntry {
  return loanEntry(ctx, group, loan, w, {
    kind: "loan_disbursement",
    date: loan.disbursedOn,
    postings: disbursementPostings(loan.memberId, loan.id, loan.principal, moneyAccount(input.via)),
  });
}

/** A member's loans with their views at `asOf` (for the arrears check before lending to her again). */
async function memberLoanViews(db: DbOrTx, memberId: number, asOf: BusinessDate): Promise<LoanView[]> {
  const rows = await db.select().from(loans).where(eq(loans.memberId, memberId));
  return Promise.all(rows.map(async (l) => viewLoan(l, await standingLoanEntries(db, l.id), asOf)));
}

/** A batch of history for the group (see EntryBatch), its new loans held to the group's lending rule as it stands. */
export async function openHistoryBatch(db: DbOrTx, group: GroupRow): Promise<EntryBatch> {
  return EntryBatch.open(db, group, await lendingRuleOf(db, group));
}

/**
 * A disbursement added to a batch of history (see EntryBatch) instead of written on its own: the
 * same input, checks, loan and entry as `disburseLoan`; the loan takes the next id and goes in with
 * the batch, whose check keeps the cash (or bank) from going below zero. The lending rule is the
 * one the batch read when it opened; `borrowerSavings` is her savings as written (the caller reads
 * them, e.g. with `savingsByMember`, after writing what changed them), `borrowerOwes` the principal
 * still outstanding on her open loans (the ceiling holds on the total). The arrears confirmation is
 * not asked here: history is typed in as it happened, and `confirmed` is the caller's to give.
 */
export function batchDisbursement(
  batch: EntryBatch,
  ctx: ServiceContext,
  byCode: Map<string, MemberRow>,
  input: DisburseLoanInput,
  borrowerSavings: number,
  borrowerOwes: number,
): LoanRow {
  const key = assertIdempotencyKey(input.idempotencyKey);
  const terms = loanTerms(ctx, batch.group, input);
  const member = activeMemberIn(byCode, batch.group, input.memberCode, terms.disbursedOn, "memberCode");
  assertWithinCeiling(batch.lendingRule, borrowerSavings, terms.principal, borrowerOwes);
  const loan: LoanRow = {
    ...terms,
    id: batch.nextLoanId,
    memberId: member.id,
    importedOn: null,
    importedPaidInstallments: null,
    importedPrincipalOutstanding: null,
  };
  batch.add(
    disbursement(ctx, batch.group, loan, input, { key, requestHash: requestHash("loans.disburse", input) }),
    [],
    loan,
  );
  return loan;
}

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

export interface RepayLoanInput {
  groupSlug: string;
  loanId: number;
  amount: number;
  date: string;
  /** Paid into the cash box (the default) or the group's bank account. */
  via?: MoneyAccount;
  idempotencyKey: string;
}

export const ZRepayLoanSchema = z.object({
  loanId: zId,
  amount: zRupiah,
  date: zDate,
  via: zVia,
  idempotencyKey: zIdempotencyKey,
}) satisfies z.ZodType<Omit<RepayLoanInput, "groupSlug">>;

/** Angsuran: allocated to fines, then jasa, then principal; never more than what is owed. */
export async function repayLoan(
  ctx: ServiceContext,
  input: RepayLoanInput,
): Promise<{ entry: EntryRow; allocation: RepaymentAllocation }> {
  return idempotentWrite(
    ctx,
    "loans.repay",
    input,
    async (tx, { group, key, requestHash }) => {
      const loan = await loadLoan(tx, group, input.loanId);
      const { entry, allocation } = repayment(ctx, group, loan, await standingLoanEntries(tx, loan.id), input, {
        key,
        requestHash,
      });
      return { entry: await appendEntry(tx, entry), allocation };
    },
    async (tx, replay) => ({ entry: replay, allocation: await allocationOf(tx, replay.id) }),
  );
}

/** A repayment as an entry, allocated on the loan's standing entries (no I/O). */
function repayment(
  ctx: ServiceContext,
  group: GroupRow,
  loan: LoanRow,
  entries: readonly LoanEntryFacts[],
  input: RepayLoanInput,
  w: { key: string; requestHash: string },
): { entry: NewEntry; allocation: RepaymentAllocation } {
  const amount = assertAmount(input.amount);
  const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: loan.disbursedOn });
  const current = viewLoan(loan, entries, date);
  if (current.status === "dihapus" || current.status === "dibatalkan")
    throw invalid("loan_closed", "loanId", { status: current.status });
  if (current.status === "lunas") throw invalid("loan_already_repaid", "loanId");
  const paid = entries.filter((e) => e.kind === "loan_repayment");
  const last = paid.at(-1);
  if (last && date < last.businessDate)
    throw invalid("date_before_last_repayment", "date", { last: last.businessDate });
  const repayments = [...paid.map((e) => ({ date: e.businessDate, amount: e.amount })), { date, amount }];
  const allocation = loanState(loan, repayments, date, current.schedule).allocations.at(-1)!;
  const entry = loanEntry(ctx, group, loan, w, {
    kind: "loan_repayment",
    date,
    postings: repaymentPostings(loan.memberId, loan.id, allocation, moneyAccount(input.via)),
  });
  return { entry, allocation };
}

/**
 * A repayment added to a batch of history (see EntryBatch) instead of written on its own: the same
 * input, checks, allocation and entry as `repayLoan`, on the loan's standing entries as the caller
 * holds them (the batch's own repayments of the loan included).
 */
export function batchRepayment(
  batch: EntryBatch,
  ctx: ServiceContext,
  loan: LoanRow,
  entries: readonly LoanEntryFacts[],
  input: RepayLoanInput,
): { entry: NewEntry; allocation: RepaymentAllocation } {
  const key = assertIdempotencyKey(input.idempotencyKey);
  if (loan.groupId !== batch.group.id || loan.id !== input.loanId) throw notFound("loan_not_found", "loanId");
  const r = repayment(ctx, batch.group, loan, entries, input, { key, requestHash: requestHash("loans.repay", input) });
  batch.add(r.entry);
  return r;
}

async function allocationOf(db: DbOrTx, entryId: number): Promise<RepaymentAllocation> {
  const rows = await db.select().from(postings).where(eq(postings.entryId, entryId));
  const a = { fine: 0, serviceCharge: 0, principal: 0 };
  for (const p of rows) {
    if (p.account === "income_fine") a.fine = -p.amount;
    if (p.account === "income_service_charge") a.serviceCharge = -p.amount;
    if (p.account === "loans_receivable") a.principal = -p.amount;
  }
  return a;
}

export interface WriteOffLoanInput {
  groupSlug: string;
  loanId: number;
  date: string;
  /** Private: why the loan is written off (committed through the detail digest, never published). */
  note: string;
  idempotencyKey: string;
}

export const ZWriteOffLoanSchema = z.object({
  loanId: zId,
  date: zDate,
  note: zText(500),
  idempotencyKey: zIdempotencyKey,
}) satisfies z.ZodType<Omit<WriteOffLoanInput, "groupSlug">>;

/**
 * Hapus buku: the outstanding principal moves to the write-off loss. Why is a private note; the
 * public entry carries no reason and no purpose (in a group of 27, either can name the borrower).
 */
export async function writeOffLoan(ctx: ServiceContext, input: WriteOffLoanInput): Promise<EntryRow> {
  return idempotentWrite(ctx, "loans.writeOff", input, async (tx, { group, key, requestHash }) => {
    const loan = await loadLoan(tx, group, input.loanId);
    const note = cleanText(input.note, "note", { required: true, min: 5, max: 500 });
    const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: loan.disbursedOn });
    const view = await loanView(tx, group, loan, date);
    if (view.status === "dihapus") throw conflict("loan_already_written_off", "loanId");
    if (view.status === "dibatalkan" || view.state.principalOutstanding === 0)
      throw invalid("loan_nothing_to_write_off", "loanId");
    const [bal] = await tx
      .select({ balance: accountBalances.balance })
      .from(accountBalances)
      .where(
        and(
          eq(accountBalances.groupId, group.id),
          eq(accountBalances.account, "loans_receivable"),
          eq(accountBalances.loanId, loan.id),
        ),
      );
    return appendEntry(
      tx,
      loanEntry(
        ctx,
        group,
        loan,
        { key, requestHash },
        {
          kind: "write_off",
          date,
          postings: writeOffPostings(loan.memberId, loan.id, bal?.balance ?? view.state.principalOutstanding),
          note,
        },
      ),
    );
  });
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

/** How many loans one page of the register holds (the loans tab shows the first). */
export const LOAN_PAGE_SIZE = 50;

/** The group's loans viewed today, newest first, each with its borrower's code. */
async function viewsToday(ctx: ServiceContext, groupSlug: string) {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, groupSlug, "read");
  const today = todayIn(ctx, group);
  const [views, codes] = await Promise.all([
    groupLoanViews(db, group, today),
    db.select({ id: members.id, code: members.code }).from(members).where(eq(members.groupId, group.id)),
  ]);
  const codeOf = new Map(codes.map((m) => [m.id, m.code]));
  const row = (v: LoanView) => ({
    id: v.loan.id,
    memberCode: codeOf.get(v.loan.memberId) ?? "?",
    principal: v.loan.principal,
    termMonths: v.loan.termMonths,
    disbursedOn: v.loan.disbursedOn,
    purpose: v.loan.purpose,
    status: v.status,
    totalOwed: v.state.totalOwed,
    /** The principal still owed: what counts against her lending limit. */
    principalOutstanding: v.state.principalOutstanding,
    daysPastDue: v.state.daysPastDue,
  });
  return { today, views: views.reverse(), row };
}

/**
 * The loans still open (running or late), newest first, with what is due today and the next unpaid
 * installment's date: all the overview, the repayment picker and the arrears check need — kept on
 * the phone (one stable URL) for a meeting with no signal. No schedules: those come per loan.
 */
export async function openLoans(ctx: ServiceContext, input: GroupInput) {
  const { today, views, row } = await viewsToday(ctx, input.groupSlug);
  return views
    .filter((v) => v.status === "berjalan" || v.status === "menunggak")
    .map((v) => ({
      ...row(v),
      nextDueOn: v.state.installments.find((i) => !i.paidOn)?.dueOn ?? null,
      /** What is due today (installment, arrears, fines, payoff): kept with the list on the phone. */
      due: loanDue(v.state, today),
    }));
}

export const ZLoanPageSchema = z.object({ page: z.number().int().min(0).max(10_000).default(0) });
export type LoanPageInput = z.input<typeof ZLoanPageSchema> & GroupInput;

/** The treasurer's loan register, a page at a time (newest first), without schedules. */
export async function loanRegister(ctx: ServiceContext, input: LoanPageInput) {
  const { page } = ZLoanPageSchema.parse(input);
  const { views, row } = await viewsToday(ctx, input.groupSlug);
  return {
    loans: views.slice(page * LOAN_PAGE_SIZE, (page + 1) * LOAN_PAGE_SIZE).map(row),
    page,
    pageSize: LOAN_PAGE_SIZE,
    total: views.length,
  };
}

export const ZLoanScheduleSchema = z.object({ loanId: zId });
export type LoanScheduleInput = z.input<typeof ZLoanScheduleSchema> & GroupInput;

/** One loan's schedule as it stands today (each installment with what was paid), when that loan is opened. */
export async function loanScheduleToday(ctx: ServiceContext, input: LoanScheduleInput) {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "read");
  const loan = await loadLoan(db, group, input.loanId);
  const view = await loanView(db, group, loan, todayIn(ctx, group));
  return { loanId: loan.id, status: view.status, installments: view.state.installments };
}

import { z } from "zod";
/**
 * Moving a group in from its paper book (saldo.csv, anggota.csv, pinjaman.csv): a preview of
 * every figure, then one write that adds the members, the running loans and one opening entry
 * on the cut-over date — or nothing at all.
 */
import { eq } from "drizzle-orm";
import { ledgerHeads, members } from "@/db/schema";
import { conflict, DomainError } from "@/server/domain/errors";
import { openingBalancePostings, SAVINGS_ACCOUNTS } from "@/server/domain/ledger";
import { loanSchedule } from "@/server/domain/loans";
import {
  bookTotals,
  readPaperBook,
  type BookFile,
  type BookProblem,
  type BookTables,
  type BookTotals,
  type PaperBook,
} from "@/server/domain/paper-book";
import type { DbOrTx, Tx } from "@/db/client";
import { appendEntry, replayOr, type EntryRow } from "@/server/ledger/writer";
import { insertLoans } from "@/server/ledger/loans";
import { loadGroupFor, nowOf, todayIn, type GroupRow, type ServiceContext } from "@/server/shared/context";
import { assertIdempotencyKey, requestHash } from "@/server/domain/idempotency";
import { type OnGroup, zIdempotencyKey } from "@/server/shared/fields";
import { hashCheckCodesPooled, newCheckCode } from "@/server/shared/check-codes";
import { sheetName, WORKBOOK_MAX_BASE64, workbookTables } from "@/server/shared/book-workbook";
import { audit, ledgerWrite } from "@/server/ledger/write";

/** The paper book's three CSV files, as typed or exported from a spreadsheet, or one workbook. */
const zCsv = z.string().max(150_000);
export const ZPreviewBookImportSchema = z.object({
  /** The three CSV files' text… */
  files: z.object({ saldo: zCsv, anggota: zCsv, pinjaman: zCsv }).optional(),
  /** …or one .xlsx workbook with the three sheets, base64. */
  workbook: z
    .string()
    .max(WORKBOOK_MAX_BASE64)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .optional(),
  /** She confirmed that members whose names look the same are different people. */
  confirmedNames: z.boolean().optional(),
});

export type ImportBookInput = OnGroup<typeof ZPreviewBookImportSchema>;
export const ZImportBookSchema = ZPreviewBookImportSchema.extend({ idempotencyKey: zIdempotencyKey });

export interface BookLoanPreview {
  line: number;
  memberCode: string;
  principal: number;
  principalOutstanding: number;
  installmentsLeft: number;
  nextDueOn: string | null;
  nextInstallment: number;
}

export type BookPreview =
  | { ok: true; cutOver: string; totals: BookTotals; members: PaperBook["members"]; loans: BookLoanPreview[] }
  | { ok: false; problems: BookProblem[] };

async function hasEntries(db: DbOrTx, group: GroupRow): Promise<boolean> {
  const [head] = await db.select().from(ledgerHeads).where(eq(ledgerHeads.groupId, group.id));
  return head !== undefined;
}

/** The book's three tables: the CSV files as given, or the workbook's sheets (named so in problems). */
async function tablesOf(
  input: ImportBookInput,
): Promise<
  { ok: true; tables: BookTables; nameOf?: (f: BookFile) => string } | { ok: false; problems: BookProblem[] }
> {
  if (input.workbook !== undefined && input.files === undefined) {
    const read = await workbookTables(Buffer.from(input.workbook, "base64"));
    return read.ok ? { ...read, nameOf: sheetName } : read;
  }
  const { files } = input;
  for (const f of ["saldo", "anggota", "pinjaman"] as const)
    if (typeof files?.[f] !== "string" || input.workbook !== undefined)
      throw new DomainError("validation", "import_files_missing", "files");
  return { ok: true, tables: files! };
}

async function readFor(db: DbOrTx, ctx: ServiceContext, group: GroupRow, input: ImportBookInput) {
  if (await hasEntries(db, group)) throw conflict("import_group_has_entries", "files");
  const taken = await db
    .select({ code: members.code, fullName: members.fullName })
    .from(members)
    .where(eq(members.groupId, group.id));
  const tables = await tablesOf(input);
  if (!tables.ok) return tables;
  return readPaperBook(
    tables.tables,
    {
      foundedOn: group.foundedOn,
      today: todayIn(ctx, group),
      takenCodes: new Set(taken.map((t) => t.code)),
      members: taken,
      confirmedNames: input.confirmedNames === true,
    },
    tables.nameOf,
  );
}

const scheduleOf = (l: PaperBook["loans"][number], cutOver: string) =>
  loanSchedule({
    principal: l.principal,
    termMonths: l.termMonths,
    rateBpsPerMonth: l.rateBpsPerMonth,
    method: l.method,
    disbursedOn: l.disbursedOn,
    importedOn: cutOver,
    importedPaidInstallments: l.paidInstallments,
    importedPrincipalOutstanding: l.principalOutstanding,
  });

/** Every figure the import would write, or every problem in the files. Writes nothing. */
export async function previewBookImport(ctx: ServiceContext, input: ImportBookInput): Promise<BookPreview> {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "write");
  const read = await readFor(db, ctx, group, input);
  if (!read.ok) return read;
  const { book } = read;
  return {
    ok: true,
    cutOver: book.cutOver,
    totals: bookTotals(book),
    members: book.members,
    loans: book.loans.map((l) => {
      const rest = scheduleOf(l, book.cutOver).slice(l.paidInstallments);
      return {
        line: l.line,
        memberCode: l.memberCode,
        principal: l.principal,
        principalOutstanding: l.principalOutstanding,
        installmentsLeft: rest.length,
        nextDueOn: rest[0]?.dueOn ?? null,
        nextInstallment: rest[0] ? rest[0].principal + rest[0].serviceCharge : 0,
      };
    }),
  };
}

export type ImportBookResult =
  | { ok: true; entry: EntryRow; totals: BookTotals; checkCodes: { code: string; checkCode: string }[] }
  | { ok: false; problems: BookProblem[] };

/**
 * Writes the book: members (each with a new kode cek, returned once to print in her passbook),
 * the running loans with their position at the cut-over, and one opening entry. Refused whole
 * when the group already has entries or the files have any problem. Replaying the same key with
 * the same files answers with the entry already written (and no check codes: they were shown once).
 */
export async function importBook(
  ctx: ServiceContext,
  input: ImportBookInput & { idempotencyKey: string },
): Promise<ImportBookResult> {
  const key = assertIdempotencyKey(input.idempotencyKey);
  const reqHash = requestHash("book.import", {
    groupSlug: input.groupSlug,
    ...(input.workbook === undefined ? { files: input.files } : { workbook: input.workbook }),
  });
  const db = ctx.database.db;
  const group0 = await loadGroupFor(db, ctx, input.groupSlug, "write");
  // A group with entries gets its answer (a replay or the refusal) under the write lock below.
  const first = (await hasEntries(db, group0)) ? null : await readFor(db, ctx, group0, input);
  if (first && !first.ok) return first;
  // Hashing check codes is slow on purpose (argon2): done before the write lock is taken, a few at a
  // time in the process-wide pool (parallel imports queue), and only for a book within the size limit.
  const codes = first?.ok ? await newCheckCodes(first.book.members.map((m) => m.code)) : [];
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "write");
    return replayOr(
      tx,
      group,
      { idempotencyKey: key, requestHash: reqHash },
      async (replay): Promise<ImportBookResult> => ({
        ok: true,
        entry: replay,
        totals: await replayTotals(ctx, group, input),
        checkCodes: [],
      }),
      () => importUnderLock(tx, ctx, group, input, { key, reqHash, codes }),
    );
  });
}

/** The import itself, under the write lock: the book read again, its members, loans and opening entry written. */
async function importUnderLock(
  tx: Tx,
  ctx: ServiceContext,
  group: GroupRow,
  input: ImportBookInput,
  { key, reqHash, codes }: { key: string; reqHash: string; codes: Awaited<ReturnType<typeof newCheckCodes>> },
): Promise<ImportBookResult> {
  const read = await readFor(tx, ctx, group, input); // again, under the lock
  if (!read.ok) return read;
  const { book } = read;
  const hashOf = new Map(codes.map((c) => [c.code, c.hash]));
  const memberRows = await tx
    .insert(members)
    .values(
      book.members.map((m) => ({
        groupId: group.id,
        code: m.code,
        fullName: m.fullName,
        gender: m.gender,
        joinedOn: m.joinedOn,
        checkCodeHash: hashOf.get(m.code) ?? null,
      })),
    )
    .returning();
  const idOf = new Map(memberRows.map((m) => [m.code, m.id]));
  const loanRows = await insertLoans(
    tx,
    book.loans.map((l) => ({
      groupId: group.id,
      memberId: idOf.get(l.memberCode)!,
      principal: l.principal,
      termMonths: l.termMonths,
      rateBpsPerMonth: l.rateBpsPerMonth,
      method: l.method,
      lateFineAmount: group.lateFineAmount,
      lateFineGraceDays: group.lateFineGraceDays,
      disbursedOn: l.disbursedOn,
      purpose: l.purpose,
      importedOn: book.cutOver,
      importedPaidInstallments: l.paidInstallments,
      importedPrincipalOutstanding: l.principalOutstanding,
    })),
  );
  const postings = openingBalancePostings({
    cash: book.cash,
    bank: book.bank,
    socialFund: book.socialFund,
    savings: book.members.flatMap((m) =>
      SAVINGS_ACCOUNTS.map((account) => ({ memberId: idOf.get(m.code)!, account, amount: m.savings[account] })),
    ),
    loans: loanRows.map((l) => ({
      memberId: l.memberId,
      loanId: l.id,
      outstanding: l.importedPrincipalOutstanding!,
    })),
  });
  if (postings.length < 2) throw new DomainError("validation", "opening_balance_empty", "files");
  const now = nowOf(ctx);
  const entry = await appendEntry(tx, {
    group,
    kind: "opening_balance",
    date: book.cutOver,
    postings,
    idempotencyKey: key,
    requestHash: reqHash,
    actor: ctx.actor,
    now,
  });
  const totals = bookTotals(book);
  await audit(tx, ctx, {
    at: now.toISOString(),
    action: "book.import",
    groupId: group.id,
    entryId: entry.id,
    detail: { cutOver: book.cutOver, members: totals.members, loans: totals.loans },
  });
  return { ok: true, entry, totals, checkCodes: codes.map(({ code, checkCode }) => ({ code, checkCode })) };
}

async function newCheckCodes(memberCodes: string[]) {
  const checkCodes = memberCodes.map(() => newCheckCode());
  const hashes = await hashCheckCodesPooled(checkCodes);
  return memberCodes.map((code, i) => ({ code, checkCode: checkCodes[i]!, hash: hashes[i]! }));
}

/** The same files, read again: they passed when first written, so their totals are the entry's. */
async function replayTotals(ctx: ServiceContext, group: GroupRow, input: ImportBookInput): Promise<BookTotals> {
  const tables = await tablesOf(input);
  if (!tables.ok) throw new Error("a replayed import no longer reads: its files passed when first written");
  const read = readPaperBook(tables.tables, {
    foundedOn: group.foundedOn,
    today: todayIn(ctx, group),
    takenCodes: new Set(),
    confirmedNames: true,
  });
  if (!read.ok) throw new Error("a replayed import no longer reads: its files passed when first written");
  return bookTotals(read.book);
}

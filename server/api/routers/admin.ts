/**
 * The treasurers' API (/api/trpc). Thin: validate with zod, call one service verb, return.
 * Procedure names are part of the public API.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { CONTRIBUTION_LINE_KINDS, MONEY_ACCOUNTS } from "@/server/domain/ledger";
import { LOAN_METHODS, LOAN_PURPOSES } from "@/server/domain/loans";
import { moneyOnHand, recordBankTransfer, recordCashCount, recordExpense, recordIncome } from "@/server/services/cash";
import { loadGroup, nowOf } from "@/server/services/context";
import { reverseEntry } from "@/server/services/corrections";
import { addMember, leaveMember } from "@/server/services/groups";
import { importBook, previewBookImport } from "@/server/services/import-book";
import { closeYear, previewYear, ruleOfRow, setShareOutRule, shareOutRuleOf } from "@/server/services/year-close";
import { disburseLoan, loanRegister, repayLoan, writeOffLoan } from "@/server/services/loans";
import {
  countersignCashCount,
  listAudit,
  memberBalances,
  resetCheckCode,
  updateMember,
} from "@/server/services/members";
import { ledgerPage } from "@/server/services/public-figures";
import { entryReceipts } from "@/server/services/receipts";
import { updateReferenceTerms } from "@/server/services/reference-terms";
import { compareFromQuery } from "@/server/services/compare";
import {
  MAX_QUEUED_DAYS,
  membersPaidOn,
  recordContributions,
  recordQueuedContributions,
  withdrawSavings,
  type RecordContributionsInput,
} from "@/server/services/savings";
import { countersignSeal, groupCheckpoints } from "@/server/services/seals";
import { countersignCorrection, waitingForSignature } from "@/server/services/signing";
import { changeOwnPassword, groupsOf } from "@/server/services/users";
import { CORRECTION_REASONS } from "@/server/domain/ledger";
import { authedProcedure, groupProcedure, router } from "../trpc";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date_invalid");
const idempotencyKey = z.string().min(8).max(100);
const rupiah = z.number().int().positive().max(1_000_000_000);
const code = z.string().min(1).max(32);
const text = (max: number) => z.string().max(max);
const via = z.enum(MONEY_ACCOUNTS).optional();
/** A share of the SHU in basis points (100 = 1 %). */
const bps = z.number().int().min(0).max(10_000);
const csvText = z.string().max(150_000);
const bookFiles = z.object({ saldo: csvText, anggota: csvText, pinjaman: csvText });
const page = { beforeId: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(50) };

export const adminRouter = router({
  groups: router({
    mine: authedProcedure.query(async ({ ctx }) => groupsOf(ctx.database.db, ctx.user)),
  }),
  account: router({
    /** Ends every session of the user, this one included: she signs in again with the new password. */
    changePassword: authedProcedure
      .input(z.object({ currentPassword: z.string().max(200), newPassword: z.string().max(200) }))
      .mutation(({ ctx, input }) =>
        changeOwnPassword(
          { database: ctx.database, actor: `user:${ctx.user.id}:${ctx.user.username}`, now: ctx.now },
          ctx.user.id,
          input,
        ),
      ),
  }),
  members: router({
    list: groupProcedure("read").query(async ({ ctx, input }) =>
      memberBalances(ctx.database.db, await loadGroup(ctx.database.db, input.groupSlug)),
    ),
    add: groupProcedure("write")
      .input(z.object({ code: code, fullName: text(100), gender: z.enum(["P", "L"]), joinedOn: date }))
      .mutation(async ({ ctx, input }) => {
        const { member, checkCode } = await addMember(ctx.service, {
          groupSlug: input.groupSlug,
          code: input.code,
          fullName: input.fullName,
          gender: input.gender,
          joinedOn: input.joinedOn,
        });
        return { code: member.code, checkCode };
      }),
    update: groupProcedure("write")
      .input(z.object({ code, fullName: text(100).optional(), gender: z.enum(["P", "L"]).optional() }))
      .mutation(({ ctx, input }) => updateMember(ctx.service, input)),
    leave: groupProcedure("write")
      .input(z.object({ code, leftOn: date }))
      .mutation(async ({ ctx, input }) => {
        const m = await leaveMember(ctx.service, input);
        return { code: m.code, leftOn: m.leftOn };
      }),
    resetCheckCode: groupProcedure("write")
      .input(z.object({ code }))
      .mutation(({ ctx, input }) => resetCheckCode(ctx.service, input)),
  }),
  contributions: router({
    record: groupProcedure("write")
      .input(
        z.object({
          date,
          idempotencyKey,
          lines: z
            .array(
              z.object({
                memberCode: code,
                amount: rupiah,
                kind: z.enum(CONTRIBUTION_LINE_KINDS).optional(),
                days: z.array(date).max(62).optional(),
              }),
            )
            .min(1)
            .max(500),
        }),
      )
      .mutation(({ ctx, input }) => recordContributions(ctx.service, input)),
    /** Who has already paid the daily contribution for a day (the collection grid marks them). */
    paidOn: groupProcedure("read")
      .input(z.object({ date }))
      .query(async ({ ctx, input }) =>
        membersPaidOn(ctx.database.db, await loadGroup(ctx.database.db, input.groupSlug), input.date),
      ),
    /**
     * Days kept on the phone while offline, sent together. Types are checked here; everything
     * else per day by the domain, so one bad day is refused alone and never blocks the queue.
     */
    recordQueued: groupProcedure("write")
      .input(
        z.object({
          days: z
            .array(
              z.object({
                date: z.string().max(32),
                idempotencyKey: z.string().max(100),
                lines: z
                  .array(
                    z.object({
                      memberCode: z.string().max(32),
                      amount: z.number(),
                      kind: z.string().max(32).optional(),
                      days: z.array(z.string().max(32)).max(62).optional(),
                    }),
                  )
                  .max(500),
              }),
            )
            .min(1)
            .max(MAX_QUEUED_DAYS),
        }),
      )
      .mutation(async ({ ctx, input }) =>
        (
          await recordQueuedContributions(ctx.service, {
            groupSlug: input.groupSlug,
            days: input.days as Omit<RecordContributionsInput, "groupSlug">[],
          })
        ).map((r) =>
          r.ok
            ? r
            : {
                idempotencyKey: r.idempotencyKey,
                ok: false as const,
                error: { code: r.error.code, field: r.error.field ?? null, params: r.error.params },
              },
        ),
      ),
  }),
  savings: router({
    withdraw: groupProcedure("write")
      .input(z.object({ memberCode: code, amount: rupiah, date, idempotencyKey }))
      .mutation(({ ctx, input }) => withdrawSavings(ctx.service, input)),
  }),
  loans: router({
    disburse: groupProcedure("write")
      .input(
        z.object({
          memberCode: code,
          principal: rupiah,
          termMonths: z.number().int().min(1).max(120),
          date,
          purpose: z.enum(LOAN_PURPOSES),
          crop: z.string().max(32).nullish(),
          idempotencyKey,
          rateBpsPerMonth: z.number().int().min(0).max(1000).optional(),
          method: z.enum(LOAN_METHODS).optional(),
          via,
        }),
      )
      .mutation(async ({ ctx, input }) => {
        if ((input.rateBpsPerMonth !== undefined || input.method !== undefined) && ctx.role !== "admin")
          throw new TRPCError({ code: "FORBIDDEN", message: "role_forbidden" });
        return disburseLoan(ctx.service, input);
      }),
    repay: groupProcedure("write")
      .input(z.object({ loanId: z.number().int().positive(), amount: rupiah, date, via, idempotencyKey }))
      .mutation(({ ctx, input }) => repayLoan(ctx.service, input)),
    writeOff: groupProcedure("write")
      .input(z.object({ loanId: z.number().int().positive(), date, note: text(500), idempotencyKey }))
      .mutation(({ ctx, input }) => writeOffLoan(ctx.service, input)),
    /** What this loan would cost here and from KUR, the rentenir and the pengijon (the group's reference terms). */
    compare: groupProcedure("read")
      .input(z.object({ principal: rupiah, termMonths: z.number().int().min(1).max(60) }))
      .query(async ({ ctx, input }) => {
        const c = await compareFromQuery(ctx.database.db, {
          kelompok: input.groupSlug,
          amount: String(input.principal),
          months: String(input.termMonths),
        });
        return { lenders: c.lenders.map((l) => ({ key: l.key, costRp: l.costRp, eirPct: l.eirPct })), terms: c.terms };
      }),
    list: groupProcedure("read").query(({ ctx, input }) => loanRegister(ctx.service, input.groupSlug)),
  }),
  cash: router({
    expense: groupProcedure("write")
      .input(
        z.object({
          amount: rupiah,
          date,
          category: z.string().max(40),
          note: text(200).nullish(),
          via,
          idempotencyKey,
        }),
      )
      .mutation(({ ctx, input }) => recordExpense(ctx.service, input)),
    income: groupProcedure("write")
      .input(
        z.object({
          amount: rupiah,
          date,
          category: z.string().max(40),
          note: text(200).nullish(),
          via,
          idempotencyKey,
        }),
      )
      .mutation(({ ctx, input }) => recordIncome(ctx.service, input)),
    /** Setor ke bank / tarik dari bank. */
    bankTransfer: groupProcedure("write")
      .input(z.object({ kind: z.enum(["bank_deposit", "bank_withdrawal"]), amount: rupiah, date, idempotencyKey }))
      .mutation(({ ctx, input }) => recordBankTransfer(ctx.service, input)),
    /** A cash count, or (account "bank") a check of the bank statement's balance. */
    count: groupProcedure("write")
      .input(
        z.object({
          date,
          countedAmount: z.number().int().min(0).max(1_000_000_000),
          account: via,
          note: z.string().max(1000).nullish(),
          idempotencyKey,
        }),
      )
      .mutation(({ ctx, input }) => recordCashCount(ctx.service, input)),
    countersign: groupProcedure("countersign")
      .input(z.object({ cashCountId: z.number().int().positive() }))
      .mutation(({ ctx, input }) => countersignCashCount(ctx.service, input)),
    onHand: groupProcedure("read").query(({ ctx, input }) => moneyOnHand(ctx.service, input.groupSlug)),
  }),
  /** Moving the group in from its paper book: every figure first, then one confirmed write. */
  book: router({
    preview: groupProcedure("write")
      .input(z.object({ files: bookFiles }))
      .mutation(({ ctx, input }) => previewBookImport(ctx.service, input)),
    import: groupProcedure("write")
      .input(z.object({ files: bookFiles, idempotencyKey }))
      .mutation(({ ctx, input }) => importBook(ctx.service, input)),
  }),
  /** Tutup buku: the share-out rule (pengawas or admin), the year's preview and its close (treasurer). */
  year: router({
    rule: groupProcedure("read").query(async ({ ctx, input }) => {
      const r = await shareOutRuleOf(ctx.database.db, await loadGroup(ctx.database.db, input.groupSlug));
      return r && { ...ruleOfRow(r), isExample: r.isExample, setAt: r.setAt };
    }),
    setRule: groupProcedure("countersign")
      .input(
        z.object({
          rule: z.object({
            cadangan: bps,
            jasa_modal: bps,
            jasa_pinjaman: bps,
            pengurus: bps,
            pendidikan: bps,
            sosial: bps,
            memberPayout: z.enum(["savings", "cash"]),
          }),
        }),
      )
      .mutation(({ ctx, input }) => setShareOutRule(ctx.service, input)),
    preview: groupProcedure("write")
      .input(z.object({ year: z.number().int().min(2000).max(2200) }))
      .query(({ ctx, input }) => previewYear(ctx.service, input)),
    close: groupProcedure("write")
      .input(z.object({ year: z.number().int().min(2000).max(2200), idempotencyKey }))
      .mutation(({ ctx, input }) => closeYear(ctx.service, input)),
  }),
  seals: router({
    /** Every month's seal (the chain head at its end) and whether the supervisor confirmed it. */
    list: groupProcedure("read").query(async ({ ctx, input }) =>
      groupCheckpoints(ctx.database.db, await loadGroup(ctx.database.db, input.groupSlug), ctx.now?.() ?? new Date()),
    ),
    countersign: groupProcedure("countersign")
      .input(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, "date_invalid") }))
      .mutation(({ ctx, input }) => countersignSeal(ctx.service, input)),
  }),
  /** The supervisor's list: what waits for her signature, and her signature on a correction. */
  signing: router({
    waiting: groupProcedure("read").query(async ({ ctx, input }) =>
      waitingForSignature(
        ctx.database.db,
        await loadGroup(ctx.database.db, input.groupSlug),
        ctx.user.id,
        nowOf(ctx.service),
      ),
    ),
    correction: groupProcedure("countersign")
      .input(z.object({ entryId: z.number().int().positive() }))
      .mutation(({ ctx, input }) => countersignCorrection(ctx.service, input)),
  }),
  entries: router({
    reverse: groupProcedure("write")
      .input(
        z.object({
          entryId: z.number().int().positive(),
          reasonCode: z.enum(CORRECTION_REASONS, { error: "reason_code_invalid" }),
          note: text(500).optional(),
          idempotencyKey,
        }),
      )
      .mutation(({ ctx, input }) => reverseEntry(ctx.service, input)),
    list: groupProcedure("read")
      .input(z.object({ beforeSeq: z.number().int().positive().optional(), limit: page.limit }))
      .query(async ({ ctx, input }) => {
        const group = await loadGroup(ctx.database.db, input.groupSlug);
        return ledgerPage(ctx.database.db, group, { beforeSeq: input.beforeSeq, limit: input.limit, withIds: true });
      }),
  }),
  /** Each touched member's receipt for an entry (private: member-linked amounts). */
  receipts: router({
    forEntry: groupProcedure("read")
      .input(z.object({ entryId: z.number().int().positive() }))
      .query(async ({ ctx, input }) =>
        entryReceipts(ctx.database.db, await loadGroup(ctx.database.db, input.groupSlug), input.entryId),
      ),
  }),
  audit: router({
    list: groupProcedure("read")
      .input(z.object(page))
      .query(async ({ ctx, input }) =>
        listAudit(ctx.database.db, await loadGroup(ctx.database.db, input.groupSlug), input),
      ),
  }),
  referenceTerms: router({
    update: groupProcedure("admin")
      .input(
        z.object({
          ijonRatioPct: z.number().int(),
          rentenirRateBpsPerMonth: z.number().int(),
          rentenirMethod: z.enum(["flat", "interestOnly"]),
          rentenirPeriod: z.enum(["month", "week", "day"]),
          kurAnnualRateBps: z.number().int(),
          sources: z.record(
            z.enum(["ijon", "rentenir", "kur"]),
            z
              .array(z.object({ title: text(300), url: text(500), checkedOn: date }))
              .min(1)
              .max(5),
          ),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        await updateReferenceTerms(ctx.service, input);
        return { ok: true };
      }),
  }),
});

/**
 * The treasurers' API (/api/trpc). Thin: each procedure validates with its verb's own schema
 * (exported beside the verb), calls that verb and returns what it returns. Procedure names are
 * part of the public API.
 */
import { TRPCError } from "@trpc/server";
import { moneyOnHand } from "@/server/shared/cash";
import { recordBankTransfer, ZBankTransferSchema } from "@/server/verbs/cash/bank-transfer";
import { recordCashCount, ZCashCountSchema } from "@/server/verbs/cash/cash-count";
import { recordExpense, recordIncome, ZCashMovementSchema } from "@/server/verbs/cash/cash-movement";
import { compareLoan, ZCompareLoanSchema } from "@/server/read/compare";
import { reverseEntry, ZReverseEntrySchema } from "@/server/verbs/corrections/reverse-entry";
import { addMember, ZAddMemberSchema } from "@/server/verbs/members/add-member";
import { leaveMember, ZLeaveMemberSchema } from "@/server/verbs/members/leave-member";
import { undoLeave, ZUndoLeaveSchema } from "@/server/verbs/members/undo-leave";
import {
  importBook,
  previewBookImport,
  ZImportBookSchema,
  ZPreviewBookImportSchema,
} from "@/server/verbs/book-import/import-book";
import { disburseLoan, ZDisburseLoanSchema } from "@/server/verbs/loans/disburse-loan";
import { repayLoan, ZRepayLoanSchema } from "@/server/verbs/loans/repay-loan";
import { writeOffLoan, ZWriteOffLoanSchema } from "@/server/verbs/loans/write-off-loan";
import { loanRegister, loanScheduleToday, openLoans, ZLoanPageSchema, ZLoanScheduleSchema } from "@/server/read/loans";
import { countersignCashCount, ZCountersignCashCountSchema } from "@/server/verbs/cash/countersign-cash-count";
import { resetCheckCode, ZResetCheckCodeSchema } from "@/server/verbs/members/reset-check-code";
import { updateMember, ZUpdateMemberSchema } from "@/server/verbs/members/update-member";
import { listAudit, memberBalances, ZListAuditSchema } from "@/server/read/members";
import { memberPhoneList } from "@/server/read/member-phones";
import { setMemberPhone, ZSetMemberPhoneSchema } from "@/server/verbs/members/set-member-phone";
import { lendingRuleFor } from "@/server/read/lending-rule";
import { setLendingRule, ZSetLendingRuleSchema } from "@/server/verbs/lending-rule/set-lending-rule";
import { entryList, ZEntryListSchema } from "@/server/read/public-figures";
import { entryReceipts, ZEntryReceiptsSchema } from "@/server/read/receipts";
import { updateReferenceTerms, ZUpdateReferenceTermsSchema } from "@/server/verbs/groups/update-reference-terms";
import { membersPaidOn, paidDays, ZPaidOnSchema, ZPaidDaysSchema } from "@/server/read/savings";
import { recordContributions, ZRecordContributionsSchema } from "@/server/verbs/savings/record-contributions";
import { recordQueuedContributions, ZRecordQueuedSchema } from "@/server/verbs/savings/record-queued";
import { withdrawSavings, ZWithdrawSavingsSchema } from "@/server/verbs/savings/withdraw-savings";
import { countersignSeal, ZCountersignSealSchema } from "@/server/verbs/seals/countersign-seal";
import { sealList } from "@/server/read/seals";
import { countersignCorrection, ZCountersignCorrectionSchema } from "@/server/verbs/corrections/countersign-correction";
import { waitingForSignature } from "@/server/read/signing";
import { answerSupervisorQuery, ZAnswerSupervisorQuerySchema } from "@/server/verbs/queries/answer-query";
import { askSupervisorQuery, ZAskSupervisorQuerySchema } from "@/server/verbs/queries/ask-query";
import { queryList } from "@/server/read/supervisor-queries";
import { changeOwnPassword, ZChangeOwnPasswordSchema } from "@/server/verbs/users/change-password";
import { myGroups } from "@/server/read/users";
import { closeYear, ZCloseYearSchema } from "@/server/verbs/year/close-year";
import { setShareOutRule, ZSetShareOutRuleSchema } from "@/server/verbs/year/set-share-out-rule";
import { previewYear, ZPreviewYearSchema } from "@/server/read/year-close";
import { oldestOpenYear, shareOutRuleFor } from "@/server/shared/year";
import { authedProcedure, groupProcedure, router } from "../trpc";

export const adminRouter = router({
  groups: router({
    mine: authedProcedure.query(({ ctx }) => myGroups(ctx.service)),
  }),
  account: router({
    /** Ends every session of the user, this one included: she signs in again with the new password. */
    changePassword: authedProcedure
      .input(ZChangeOwnPasswordSchema)
      .mutation(({ ctx, input }) => ctx.write(changeOwnPassword, input)),
  }),
  members: router({
    list: groupProcedure("read").query(({ ctx, input }) => memberBalances(ctx.service, input)),
    add: groupProcedure("write", ZAddMemberSchema).mutation(({ ctx, input }) => ctx.write(addMember, input)),
    update: groupProcedure("write", ZUpdateMemberSchema).mutation(({ ctx, input }) => ctx.write(updateMember, input)),
    leave: groupProcedure("write", ZLeaveMemberSchema).mutation(({ ctx, input }) => ctx.write(leaveMember, input)),
    /** A leave entered by mistake, undone on the day it was recorded. */
    undoLeave: groupProcedure("write", ZUndoLeaveSchema).mutation(({ ctx, input }) => ctx.write(undoLeave, input)),
    resetCheckCode: groupProcedure("write", ZResetCheckCodeSchema).mutation(({ ctx, input }) =>
      ctx.write(resetCheckCode, input),
    ),
    /** Sets, changes or removes a member's phone number (answered masked). */
    setPhone: groupProcedure("write", ZSetMemberPhoneSchema).mutation(({ ctx, input }) =>
      ctx.write(setMemberPhone, input),
    ),
    /** The whole numbers, for WhatsApp links (reminders): treasurers only, never public. */
    phones: groupProcedure("write").query(({ ctx, input }) => memberPhoneList(ctx.service, input)),
  }),
  contributions: router({
    record: groupProcedure("write", ZRecordContributionsSchema).mutation(({ ctx, input }) =>
      ctx.write(recordContributions, input),
    ),
    /** Who has already paid the daily contribution for a day (the collection grid marks them). */
    paidOn: groupProcedure("read", ZPaidOnSchema).query(({ ctx, input }) => membersPaidOn(ctx.service, input)),
    /** Who paid which day in a span (the grid offers as missed days only the days not paid yet). */
    paidDays: groupProcedure("read", ZPaidDaysSchema).query(({ ctx, input }) => paidDays(ctx.service, input)),
    /** Days kept on the phone while offline, sent together; each recorded or refused on its own. */
    recordQueued: groupProcedure("write", ZRecordQueuedSchema).mutation(({ ctx, input }) =>
      ctx.write(recordQueuedContributions, input),
    ),
  }),
  savings: router({
    withdraw: groupProcedure("write", ZWithdrawSavingsSchema).mutation(({ ctx, input }) =>
      ctx.write(withdrawSavings, input),
    ),
  }),
  loans: router({
    disburse: groupProcedure("write", ZDisburseLoanSchema).mutation(({ ctx, input }) => {
      // Checked here too (the verb checks inside its transaction): only an admin sets a loan's own terms.
      if ((input.rateBpsPerMonth !== undefined || input.method !== undefined) && ctx.role !== "admin")
        throw new TRPCError({ code: "FORBIDDEN", message: "role_forbidden" });
      return ctx.write(disburseLoan, input);
    }),
    repay: groupProcedure("write", ZRepayLoanSchema).mutation(({ ctx, input }) => ctx.write(repayLoan, input)),
    writeOff: groupProcedure("write", ZWriteOffLoanSchema).mutation(({ ctx, input }) => ctx.write(writeOffLoan, input)),
    /** What this loan would cost here and from KUR, the rentenir and the pengijon (the group's reference terms). */
    compare: groupProcedure("read", ZCompareLoanSchema).query(({ ctx, input }) => compareLoan(ctx.service, input)),
    /** The register, a page of loans at a time (no schedules). */
    list: groupProcedure("read", ZLoanPageSchema).query(({ ctx, input }) => loanRegister(ctx.service, input)),
    /** The open loans with what is due: the overview, the repayment picker, the arrears check (kept offline). */
    open: groupProcedure("read").query(({ ctx, input }) => openLoans(ctx.service, input)),
    /** One loan's schedule, fetched when that loan is opened. */
    schedule: groupProcedure("read", ZLoanScheduleSchema).query(({ ctx, input }) =>
      loanScheduleToday(ctx.service, input),
    ),
  }),
  cash: router({
    expense: groupProcedure("write", ZCashMovementSchema).mutation(({ ctx, input }) => ctx.write(recordExpense, input)),
    income: groupProcedure("write", ZCashMovementSchema).mutation(({ ctx, input }) => ctx.write(recordIncome, input)),
    /** Setor ke bank / tarik dari bank. */
    bankTransfer: groupProcedure("write", ZBankTransferSchema).mutation(({ ctx, input }) =>
      ctx.write(recordBankTransfer, input),
    ),
    /** A cash count, or (account "bank") a check of the bank statement's balance. */
    count: groupProcedure("write", ZCashCountSchema).mutation(({ ctx, input }) => ctx.write(recordCashCount, input)),
    countersign: groupProcedure("countersign", ZCountersignCashCountSchema).mutation(({ ctx, input }) =>
      ctx.write(countersignCashCount, input),
    ),
    onHand: groupProcedure("read").query(({ ctx, input }) => moneyOnHand(ctx.service, input)),
  }),
  /** Moving the group in from its paper book: every figure first, then one confirmed write. */
  book: router({
    preview: groupProcedure("write", ZPreviewBookImportSchema).mutation(({ ctx, input }) =>
      ctx.write(previewBookImport, input),
    ),
    import: groupProcedure("write", ZImportBookSchema).mutation(({ ctx, input }) => ctx.write(importBook, input)),
  }),
  /** Tutup buku: the share-out rule (pengawas or admin), the year's preview and its close (treasurer). */
  year: router({
    rule: groupProcedure("read").query(({ ctx, input }) => shareOutRuleFor(ctx.service, input)),
    /** The oldest year not yet closed: the one the close tab opens on. */
    oldestOpen: groupProcedure("read").query(({ ctx, input }) => oldestOpenYear(ctx.service, input)),
    setRule: groupProcedure("countersign", ZSetShareOutRuleSchema).mutation(({ ctx, input }) =>
      ctx.write(setShareOutRule, input),
    ),
    preview: groupProcedure("write", ZPreviewYearSchema).query(({ ctx, input }) => previewYear(ctx.service, input)),
    close: groupProcedure("write", ZCloseYearSchema).mutation(({ ctx, input }) => ctx.write(closeYear, input)),
  }),
  /** The lending rule (pengawas or admin): the largest loan as a multiple of savings and a ceiling. */
  lending: router({
    rule: groupProcedure("read").query(({ ctx, input }) => lendingRuleFor(ctx.service, input)),
    setRule: groupProcedure("countersign", ZSetLendingRuleSchema).mutation(({ ctx, input }) =>
      ctx.write(setLendingRule, input),
    ),
  }),
  seals: router({
    /** Every month's seal (the chain head at its end) and whether the supervisor confirmed it. */
    list: groupProcedure("read").query(({ ctx, input }) => sealList(ctx.service, input)),
    countersign: groupProcedure("countersign", ZCountersignSealSchema).mutation(({ ctx, input }) =>
      ctx.write(countersignSeal, input),
    ),
  }),
  /** The supervisor's list: what waits for her signature, and her signature on a correction. */
  signing: router({
    waiting: groupProcedure("read").query(({ ctx, input }) => waitingForSignature(ctx.service, input)),
    correction: groupProcedure("countersign", ZCountersignCorrectionSchema).mutation(({ ctx, input }) =>
      ctx.write(countersignCorrection, input),
    ),
    /** "Tanyakan": the supervisor asks about a record instead of signing it (a reason code). */
    ask: groupProcedure("countersign", ZAskSupervisorQuerySchema).mutation(({ ctx, input }) =>
      ctx.write(askSupervisorQuery, input),
    ),
    /** The treasurer's answer (a code, and a private note). */
    answer: groupProcedure("write", ZAnswerSupervisorQuerySchema).mutation(({ ctx, input }) =>
      ctx.write(answerSupervisorQuery, input),
    ),
    /** Every question, open first on the screens, with its answer (private: the notes). */
    queries: groupProcedure("read").query(({ ctx, input }) => queryList(ctx.service, input)),
  }),
  entries: router({
    reverse: groupProcedure("write", ZReverseEntrySchema).mutation(({ ctx, input }) => ctx.write(reverseEntry, input)),
    list: groupProcedure("read", ZEntryListSchema).query(({ ctx, input }) => entryList(ctx.service, input)),
  }),
  /** Each touched member's receipt for an entry (private: member-linked amounts). */
  receipts: router({
    forEntry: groupProcedure("read", ZEntryReceiptsSchema).query(({ ctx, input }) => entryReceipts(ctx.service, input)),
  }),
  audit: router({
    list: groupProcedure("read", ZListAuditSchema).query(({ ctx, input }) => listAudit(ctx.service, input)),
  }),
  referenceTerms: router({
    update: groupProcedure("admin", ZUpdateReferenceTermsSchema).mutation(({ ctx, input }) =>
      ctx.write(updateReferenceTerms, input),
    ),
  }),
});

/**
 * The commands the API hands to the writer: every verb a tRPC mutation calls, by a stable name.
 * The writer thread runs a command by its name (a function cannot cross a thread); the router
 * names the verb itself (`ctx.write(verb, input)`), so a command's input and answer keep the verb's
 * own types. A mutation whose verb is missing here is refused at its first call (commands.test.ts
 * checks every mutation of the router is here).
 */
import { recordBankTransfer } from "@/server/verbs/cash/bank-transfer";
import { recordCashCount } from "@/server/verbs/cash/cash-count";
import { recordExpense, recordIncome } from "@/server/verbs/cash/cash-movement";
import { reverseEntry } from "@/server/verbs/corrections/reverse-entry";
import { addMember } from "@/server/verbs/members/add-member";
import { importBook, previewBookImport } from "@/server/verbs/book-import/import-book";
import { leaveMember } from "@/server/verbs/members/leave-member";
import { undoLeave } from "@/server/verbs/members/undo-leave";
import { setLendingRule } from "@/server/verbs/lending-rule/set-lending-rule";
import { disburseLoan } from "@/server/verbs/loans/disburse-loan";
import { repayLoan } from "@/server/verbs/loans/repay-loan";
import { writeOffLoan } from "@/server/verbs/loans/write-off-loan";
import { setMemberPhone } from "@/server/verbs/members/set-member-phone";
import { countersignCashCount } from "@/server/verbs/cash/countersign-cash-count";
import { resetCheckCode } from "@/server/verbs/members/reset-check-code";
import { updateMember } from "@/server/verbs/members/update-member";
import { updateReferenceTerms } from "@/server/verbs/groups/update-reference-terms";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { recordQueuedContributions } from "@/server/verbs/savings/record-queued";
import { withdrawSavings } from "@/server/verbs/savings/withdraw-savings";
import { countersignSeal } from "@/server/verbs/seals/countersign-seal";
import { countersignCorrection } from "@/server/verbs/corrections/countersign-correction";
import { answerSupervisorQuery } from "@/server/verbs/queries/answer-query";
import { askSupervisorQuery } from "@/server/verbs/queries/ask-query";
import { changeOwnPassword } from "@/server/verbs/users/change-password";
import { closeYear } from "@/server/verbs/year/close-year";
import { setShareOutRule } from "@/server/verbs/year/set-share-out-rule";
import type { ServiceContext } from "@/server/shared/context";

// biome-ignore lint/suspicious/noExplicitAny: a verb's own input type, checked where the router calls it
export type Verb = (ctx: ServiceContext, input: any) => Promise<unknown>;

export const COMMANDS = {
  changeOwnPassword,
  addMember,
  updateMember,
  leaveMember,
  undoLeave,
  resetCheckCode,
  setMemberPhone,
  recordContributions,
  recordQueuedContributions,
  withdrawSavings,
  disburseLoan,
  repayLoan,
  writeOffLoan,
  recordExpense,
  recordIncome,
  recordBankTransfer,
  recordCashCount,
  countersignCashCount,
  previewBookImport,
  importBook,
  setShareOutRule,
  closeYear,
  setLendingRule,
  countersignSeal,
  countersignCorrection,
  askSupervisorQuery,
  answerSupervisorQuery,
  reverseEntry,
  updateReferenceTerms,
} satisfies Record<string, Verb>;

export type CommandName = keyof typeof COMMANDS;

const NAMES = new Map<Verb, CommandName>(
  (Object.entries(COMMANDS) as [CommandName, Verb][]).map(([name, verb]) => [verb, name]),
);

/** The command name of a verb, or null when it is not a command. */
export const commandNameOf = (verb: Verb): CommandName | null => NAMES.get(verb) ?? null;

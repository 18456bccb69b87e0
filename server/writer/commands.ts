/**
 * The commands the API hands to the writer: every verb a tRPC mutation calls, by a stable name.
 * The writer thread runs a command by its name (a function cannot cross a thread); the router
 * names the verb itself (`ctx.write(verb, input)`), so a command's input and answer keep the verb's
 * own types. A mutation whose verb is missing here is refused at its first call (commands.test.ts
 * checks every mutation of the router is here).
 */
import { recordBankTransfer, recordCashCount, recordExpense, recordIncome } from "@/server/services/cash";
import { reverseEntry } from "@/server/services/corrections";
import { addMember } from "@/server/services/groups";
import { importBook, previewBookImport } from "@/server/services/import-book";
import { leaveMember, undoLeave } from "@/server/services/leave";
import { setLendingRule } from "@/server/services/lending-rule";
import { disburseLoan, repayLoan, writeOffLoan } from "@/server/services/loans";
import { setMemberPhone } from "@/server/services/member-phones";
import { countersignCashCount, resetCheckCode, updateMember } from "@/server/services/members";
import { updateReferenceTerms } from "@/server/services/reference-terms";
import { recordContributions, recordQueuedContributions, withdrawSavings } from "@/server/services/savings";
import { countersignSeal } from "@/server/services/seals";
import { countersignCorrection } from "@/server/services/signing";
import { answerSupervisorQuery, askSupervisorQuery } from "@/server/services/supervisor-queries";
import { changeOwnPassword } from "@/server/services/users";
import { closeYear, setShareOutRule } from "@/server/services/year-close";
import type { ServiceContext } from "@/server/services/context";

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

/** Types for the dependency-free verifier anyone can run (scripts/verify-open-data.mjs). */
export type RuleCode =
  | "date_valid"
  | "date_after_as_of"
  | "date_after_recorded"
  | "date_before_founding"
  | "month_closed"
  | "year_closed"
  | "postings_balance"
  | "amount_debits"
  | "below_zero"
  | "published";

export type Problem = { ok: false; seq: number; problem: string; rule?: RuleCode };

export interface LedgerDoc {
  group: string;
  canonicalVersion?: string;
  asOf?: string;
  foundedOn?: string;
  entries: Record<string, unknown>[];
}

export const MIN_SEAL_HEX: number;
export const RULE_ACCOUNTS: { debitNormal: string[]; savings: string[]; nonNegative: string[] };
export const RULES: Record<RuleCode, { id: string; en: string }>;

export function isCalendarDate(s: unknown): boolean;
export function latestDateAt(ms: number): string;

export function verifyLedgerJson(
  doc: LedgerDoc,
): { ok: true; entries: number; lastHash: string; balances: Record<string, number> } | Problem;

export function debitSide(e: Record<string, unknown>): number;

/** The rules of the book on a ledger whose chain verifies (asOf and foundedOn from it or the group's figures). */
export function checkRules(
  doc: LedgerDoc,
  opts?: { group?: { asOf?: string; foundedOn?: string } | null; now?: number },
): { ok: true } | Problem;

export function checkPublished(doc: LedgerDoc, group: object): { ok: true } | Problem;

/** Checks a ledger against seals kept elsewhere (a hash or a prefix of at least the printed 12 hex digits). */
export function checkSeals(
  doc: { entries: { seq: number; hash: string }[] },
  /** typed: given by hand (--expect), so a mismatch is first of all probably a typing slip. */
  seals: { seq: number; seal: string; typed?: boolean }[],
): { ok: true; checked: number } | Problem;

export function sealsOfCheckpoints(
  cp: unknown,
  group?: string,
):
  | { ok: true; seals: { seq: number; seal: string }[]; closedMonths: { month: string; seq: number }[] }
  | { ok: false; problem: string; problemId: string };

export function closedMonthsOf(cp: unknown): { month: string; seq: number }[];
export function checkClosedMonths(
  doc: LedgerDoc,
  closedMonths: readonly { month: string; seq: number }[],
): { ok: true } | Problem;
export function checkpointsUrlOf(ledgerUrl: string): string | null;

export function verifyOpenData(
  doc: LedgerDoc,
  opts?: {
    seals?: { seq: number; seal: string }[];
    closedMonths?: { month: string; seq: number }[];
    group?: object | null;
    now?: number;
  },
):
  | {
      ok: true;
      entries: number;
      lastHash: string;
      balances: Record<string, number>;
      seals: number;
      figuresCompared: boolean;
    }
  | Problem;

export function groupUrlOf(ledgerUrl: string): string | null;

/**
 * The rules of the book that anyone can check from the open data — calendar dates, not after the
 * ledger's asOf nor before the group's founding, nothing dated in a closed year after its close,
 * postings summing to zero with the amount their debit side, cash and bank never below zero at the
 * end of a day, and every published figure equal to the one recomputed from the entries.
 *
 * They are written once, in scripts/verify-open-data.mjs: plain JavaScript, so that anyone runs
 * them with `node` alone on a downloaded ledger.json. The portal's `npm run verify` reaches the
 * same code through this module; a test holds the script's copies of the account lists equal to
 * ./ledger.ts. Rules that need what is private (per-member and per-loan balances, the detail
 * digests) are checked by `npm run verify` only, and listed on /data.
 */
export {
  checkClosedMonths,
  checkPublished,
  checkRules,
  type LedgerDoc,
  MIN_SEAL_HEX,
  type Problem,
  RULES,
  type RuleCode,
} from "@/scripts/verify-open-data.mjs";

import { integer, sqliteTable, text, primaryKey } from "drizzle-orm/sqlite-core";

/**
 * Cached rollups, updated in the same transaction as each entry and checked against a
 * full recompute by `npm run verify`. They let pages read figures without scanning the ledger.
 */

/** Current balance per (account, member, loan); member 0 / loan 0 mean "not per member/loan". */
export const accountBalances = sqliteTable(
  "account_balances",
  {
    groupId: integer("group_id").notNull(),
    account: text("account").notNull(),
    memberId: integer("member_id").notNull(),
    loanId: integer("loan_id").notNull(),
    balance: integer("balance").notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.account, t.memberId, t.loanId] })],
);

/**
 * Net postings per month, per kind of entry and per account. A correction is counted under the
 * kind of the entry it reverses (its postings are the negation), so monthly flows net out.
 * Closing balance of an account at month M = sum of its rows for months ≤ M.
 */
export const monthPostings = sqliteTable(
  "month_postings",
  {
    groupId: integer("group_id").notNull(),
    month: text("month").notNull(),
    kind: text("kind").notNull(),
    account: text("account").notNull(),
    amount: integer("amount").notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.month, t.kind, t.account] })],
);

/** Number of entries per month and kind (corrections counted as "correction"). */
export const monthEntries = sqliteTable(
  "month_entries",
  {
    groupId: integer("group_id").notNull(),
    month: text("month").notNull(),
    kind: text("kind").notNull(),
    entries: integer("entries").notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.month, t.kind] })],
);

/**
 * One row: goes up, by database triggers, with every committed change that public pages show
 * (entries, loans, cash counts, groups, members, reference terms) — and not with sign-ins, audit
 * rows or users. The front server's page cache keys on it, across processes. Row 2 is the terms
 * version: raised only by groups, reference terms and share-out rules (what /bandingkan and
 * /metodologi show), so a post anywhere leaves those pages cached.
 */
export const publicVersion = sqliteTable("public_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
});

/** The same, per group: raised by the changes to one group's public data (its pages are cached on it). */
export const groupPublicVersion = sqliteTable("group_public_version", {
  groupId: integer("group_id").primaryKey(),
  version: integer("version").notNull(),
});

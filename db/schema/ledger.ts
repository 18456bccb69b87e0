import { type AnySQLiteColumn, integer, sqliteTable, text, uniqueIndex, index } from "drizzle-orm/sqlite-core";
import { ksmGroups, members } from "./groups";

/** Journal entries: append-only (triggers refuse UPDATE and DELETE), hash-chained per group. */
export const journalEntries = sqliteTable(
  "journal_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
    seq: integer("seq").notNull(),
    businessDate: text("business_date").notNull(),
    kind: text("kind").notNull(),
    amount: integer("amount").notNull(),
    purpose: text("purpose"),
    category: text("category"),
    note: text("note"),
    loanId: integer("loan_id"),
    reversesEntryId: integer("reverses_entry_id"),
    reversesSeq: integer("reverses_seq"),
    /** Public: a correction's reason code (CORRECTION_REASONS); v1 entries held free text here. */
    reason: text("reason"),
    /** The canonical form the entry's hash was made with (server/domain/chain.ts). */
    chainVersion: integer("chain_version").notNull().default(1),
    idempotencyKey: text("idempotency_key").notNull(),
    requestHash: text("request_hash").notNull(),
    detailSalt: text("detail_salt").notNull(),
    detailDigest: text("detail_digest").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    recordedAt: text("recorded_at").notNull(),
    recordedBy: text("recorded_by").notNull(),
  },
  (t) => [
    uniqueIndex("entries_group_seq").on(t.groupId, t.seq),
    uniqueIndex("entries_group_idem").on(t.groupId, t.idempotencyKey),
    uniqueIndex("entries_reverses").on(t.reversesEntryId),
    index("entries_group_date").on(t.groupId, t.businessDate),
    index("entries_loan").on(t.loanId),
  ],
);

export const postings = sqliteTable(
  "postings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    entryId: integer("entry_id")
      .notNull()
      .references(() => journalEntries.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
    businessDate: text("business_date").notNull(),
    account: text("account").notNull(),
    memberId: integer("member_id").references(() => members.id),
    loanId: integer("loan_id"),
    amount: integer("amount").notNull(),
  },
  (t) => [
    index("postings_entry").on(t.entryId),
    index("postings_balance_date").on(t.groupId, t.account, t.memberId, t.loanId, t.businessDate),
    index("postings_member").on(t.memberId),
  ],
);

/** Loans and their terms, fixed at disbursement (append-only too). */
export const loans = sqliteTable(
  "loans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id),
    principal: integer("principal").notNull(),
    termMonths: integer("term_months").notNull(),
    rateBpsPerMonth: integer("rate_bps_per_month").notNull(),
    method: text("method", { enum: ["flat", "declining", "annuity"] }).notNull(),
    lateFineAmount: integer("late_fine_amount").notNull(),
    lateFineGraceDays: integer("late_fine_grace_days").notNull(),
    disbursedOn: text("disbursed_on").notNull(),
    purpose: text("purpose").notNull(),
    crop: text("crop"),
    /**
     * A loan moved in from the paper book (npm run import:book): the cut-over date, how many
     * installments were paid before it and the principal still owed then. Null for a loan
     * disbursed in the portal. The remaining installments continue from there (domain/loans.ts).
     */
    importedOn: text("imported_on"),
    importedPaidInstallments: integer("imported_paid_installments"),
    importedPrincipalOutstanding: integer("imported_principal_outstanding"),
  },
  (t) => [index("loans_group").on(t.groupId), index("loans_member").on(t.memberId)],
);

/**
 * A treasurer's cash count, or a bank statement check (`account` = "bank"): a balance assertion.
 * The difference is recorded and shown, never adjusted.
 */
export const cashCounts = sqliteTable(
  "cash_counts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
    businessDate: text("business_date").notNull(),
    account: text("account", { enum: ["cash", "bank"] })
      .notNull()
      .default("cash"),
    countedAmount: integer("counted_amount").notNull(),
    bookAmount: integer("book_amount").notNull(),
    difference: integer("difference").notNull(),
    /** Private: why the money was over or short, in the treasurer's words. Never on a public page. */
    note: text("note"),
    /**
     * The count this one replaces, the same day (append-only: both rows stay; the public shows the
     * latest, marked "diganti"). A count is replaced at most once: the unique index below.
     */
    replacesId: integer("replaces_id").references((): AnySQLiteColumn => cashCounts.id),
    /** Why it was replaced: `salah_ketik` or `dihitung_ulang` (server/domain/plausibility.ts). */
    replaceReason: text("replace_reason", { enum: ["salah_ketik", "dihitung_ulang"] }),
    idempotencyKey: text("idempotency_key").notNull(),
    requestHash: text("request_hash").notNull(),
    recordedAt: text("recorded_at").notNull(),
    recordedBy: text("recorded_by").notNull(),
  },
  (t) => [
    uniqueIndex("cash_counts_idem").on(t.groupId, t.idempotencyKey),
    index("cash_counts_group_date").on(t.groupId, t.businessDate),
    uniqueIndex("cash_counts_replaces").on(t.replacesId),
  ],
);

/** The chain head of each group: last sequence number and hash. */
export const ledgerHeads = sqliteTable("ledger_heads", {
  groupId: integer("group_id")
    .primaryKey()
    .references(() => ksmGroups.id),
  lastSeq: integer("last_seq").notNull(),
  lastHash: text("last_hash").notNull(),
  lastEntryAt: text("last_entry_at").notNull(),
});

/**
 * Which day each daily contribution paid for (private: member-linked). A member pays a day once:
 * a second payment for a day that a standing entry already paid is refused. A reversed entry's
 * days are free again (the check skips reversed entries). Append-only.
 */
export const dailyPayments = sqliteTable(
  "daily_payments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id),
    entryId: integer("entry_id")
      .notNull()
      .references(() => journalEntries.id),
    day: text("day").notNull(),
  },
  (t) => [
    index("daily_payments_member_day").on(t.memberId, t.day),
    index("daily_payments_group_day").on(t.groupId, t.day),
    index("daily_payments_entry").on(t.entryId),
  ],
);

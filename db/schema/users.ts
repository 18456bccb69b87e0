import { sql } from "drizzle-orm";
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ksmGroups } from "./groups";
import { cashCounts, journalEntries } from "./ledger";

/** People who sign in: admin (all groups), bendahara (writes to assigned groups), pengawas (reads, countersigns). */
export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  username: text("username").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ["admin", "bendahara", "pengawas"] }).notNull(),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  /** Sessions issued before this instant are no longer valid (password change, sign-out everywhere). */
  sessionsValidAfter: integer("sessions_valid_after").notNull().default(0),
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export const userGroups = sqliteTable(
  "user_groups",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.groupId] })],
);

/** A supervisor's countersignature on a cash count (append-only). */
export const cashCountSignatures = sqliteTable("cash_count_signatures", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  cashCountId: integer("cash_count_id")
    .notNull()
    .references(() => cashCounts.id)
    .unique(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id),
  at: text("at").notNull(),
});

/**
 * The supervisor's confirmation of a month's seal (the chain head at the month's end): the
 * sequence number and hash she confirmed, kept so anyone can compare them with the ledger.
 */
export const sealSignatures = sqliteTable(
  "seal_signatures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
    month: text("month").notNull(),
    seq: integer("seq").notNull(),
    hash: text("hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [uniqueIndex("seal_signatures_group_month").on(t.groupId, t.month)],
);

/**
 * The supervisor's check of a correction (a reversing entry): a second person confirms that the
 * mistake and its reason are real. One per correction; append-only.
 */
export const correctionSignatures = sqliteTable(
  "correction_signatures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
    entryId: integer("entry_id")
      .notNull()
      .references(() => journalEntries.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [uniqueIndex("correction_signatures_entry").on(t.entryId)],
);

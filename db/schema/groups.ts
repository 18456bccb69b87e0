import { sql } from "drizzle-orm";
import { integer, sqliteTable, text, uniqueIndex, index } from "drizzle-orm/sqlite-core";

/** A KSM (Kelompok Swadaya Masyarakat) and its loan policy. */
export const ksmGroups = sqliteTable("ksm_groups", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  village: text("village").notNull(),
  kecamatan: text("kecamatan").notNull(),
  kabupaten: text("kabupaten").notNull(),
  provinsi: text("provinsi").notNull(),
  foundedOn: text("founded_on").notNull(),
  timeZone: text("time_zone").notNull().default("Asia/Makassar"),
  dailyContribution: integer("daily_contribution").notNull().default(1000),
  loanRateBpsPerMonth: integer("loan_rate_bps_per_month").notNull().default(200),
  loanMethod: text("loan_method", { enum: ["flat", "declining", "annuity"] })
    .notNull()
    .default("flat"),
  loanMaxTermMonths: integer("loan_max_term_months").notNull().default(12),
  lateFineAmount: integer("late_fine_amount").notNull().default(5000),
  lateFineGraceDays: integer("late_fine_grace_days").notNull().default(7),
  isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
  /** The last day of the last closed year (SHU shared out): no entry may be dated on or before it. */
  closedThrough: text("closed_through"),
  /**
   * Days of the next month in which a finished month still takes back-dated entries (through the
   * 5th by default); a countersigned seal closes it sooner. See server/domain/month-close.ts.
   */
  monthGraceDays: integer("month_grace_days").notNull().default(5),
  /**
   * One expense or savings withdrawal above this many rupiah is saved only when the treasurer
   * confirmed it (`large_outflow_unconfirmed`); default Rp 1.000.000. See server/domain/plausibility.ts.
   */
  largeOutflowThreshold: integer("large_outflow_threshold").notNull().default(1_000_000),
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** A member. Full name and kode cek are private: never on a public page or in open data. */
export const members = sqliteTable(
  "members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
    code: text("code").notNull(),
    fullName: text("full_name").notNull(),
    gender: text("gender", { enum: ["P", "L"] }).notNull(),
    joinedOn: text("joined_on").notNull(),
    leftOn: text("left_on"),
    checkCodeHash: text("check_code_hash"),
  },
  (t) => [uniqueIndex("members_group_code").on(t.groupId, t.code)],
);

/** Every write, who did it and when, in the same transaction as the write. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    groupId: integer("group_id").references(() => ksmGroups.id),
    entryId: integer("entry_id"),
    detail: text("detail"),
  },
  (t) => [index("audit_group_at").on(t.groupId, t.id)],
);

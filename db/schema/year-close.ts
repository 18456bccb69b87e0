import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ksmGroups } from "./groups";

/**
 * A group's share-out rule (AD/ART): the part of each year's SHU for each pool, in basis points
 * summing to 10 000. Append-only: a change is a new row; the newest row is the rule in force.
 */
export const shareOutRules = sqliteTable(
  "share_out_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
    cadangan: integer("cadangan").notNull(),
    jasaModal: integer("jasa_modal").notNull(),
    jasaPinjaman: integer("jasa_pinjaman").notNull(),
    pengurus: integer("pengurus").notNull(),
    pendidikan: integer("pendidikan").notNull(),
    sosial: integer("sosial").notNull(),
    memberPayout: text("member_payout", { enum: ["savings", "cash"] }).notNull(),
    isExample: integer("is_example", { mode: "boolean" }).notNull().default(false),
    setAt: text("set_at").notNull(),
    setBy: text("set_by").notNull(),
  },
  (t) => [index("share_out_rules_group").on(t.groupId, t.id)],
);

/** A closed year: its SHU and pools as posted by its closing entry (append-only, once per year). */
export const yearClosings = sqliteTable(
  "year_closings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
    year: integer("year").notNull(),
    /** The closing entry; null for a year with nothing to close (no income, no costs). */
    entryId: integer("entry_id"),
    ruleId: integer("rule_id")
      .notNull()
      .references(() => shareOutRules.id),
    serviceCharge: integer("service_charge").notNull(),
    fines: integer("fines").notNull(),
    otherIncome: integer("other_income").notNull(),
    expenses: integer("expenses").notNull(),
    writtenOff: integer("written_off").notNull(),
    shu: integer("shu").notNull(),
    /** JSON: { cadangan, jasa_modal, jasa_pinjaman, pengurus, pendidikan, sosial } in rupiah. */
    pools: text("pools").notNull(),
    membersPaid: integer("members_paid").notNull(),
    /** Public: the year's indicators (domain/indicators.ts YearIndicators), fixed when the year closes. */
    indicators: text("indicators").notNull().default("{}"),
    /** Private (for the treasurer and pengawas): the whole preview as posted, members by code with their basis. */
    detail: text("detail").notNull(),
    closedAt: text("closed_at").notNull(),
    closedBy: text("closed_by").notNull(),
  },
  (t) => [uniqueIndex("year_closings_group_year").on(t.groupId, t.year)],
);

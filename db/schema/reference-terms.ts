import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ksmGroups } from "./groups";

/**
 * A group's own reference terms for the informal lenders it replaces (defaults from the domain
 * notes until an admin sets local figures). Not part of the ledger: changes go to the audit log.
 */
export const referenceTerms = sqliteTable("reference_terms", {
  groupId: integer("group_id")
    .primaryKey()
    .references(() => ksmGroups.id),
  ijonRatioPct: integer("ijon_ratio_pct").notNull(),
  rentenirRateBpsPerMonth: integer("rentenir_rate_bps_per_month").notNull(),
  rentenirMethod: text("rentenir_method", { enum: ["flat", "interestOnly"] }).notNull(),
  rentenirPeriod: text("rentenir_period", { enum: ["month", "week", "day"] }).notNull(),
  kurAnnualRateBps: integer("kur_annual_rate_bps").notNull(),
  /** JSON: { ijon: Source[], rentenir: Source[], kur: Source[] } with title, url, checkedOn. */
  sources: text("sources").notNull(),
  updatedAt: text("updated_at").notNull(),
  updatedBy: text("updated_by").notNull(),
});

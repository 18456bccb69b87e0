import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ksmGroups } from "./groups";

/**
 * A group's lending rule (AD/ART), beside its share-out rule: the largest loan as a multiple of the
 * borrower's savings and an absolute ceiling in rupiah (server/domain/lending.ts). Append-only: a
 * change is a new row; the newest row is the rule in force; none means the default rule.
 */
export const lendingRules = sqliteTable(
  "lending_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
    savingsMultiple: integer("savings_multiple").notNull(),
    maxPrincipal: integer("max_principal").notNull(),
    isExample: integer("is_example", { mode: "boolean" }).notNull().default(false),
    setAt: text("set_at").notNull(),
    setBy: text("set_by").notNull(),
  },
  (t) => [index("lending_rules_group").on(t.groupId, t.id)],
);

import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Counted tries per key (`signin:pair:<username>|<address>`, `signin:addr:<address>`,
 * `signin:dev:<username>|<device id>` for a browser with a device cookie, `passbook:pair:…`,
 * `passbook:addr:…`, `passbook:dev:…`); the policy is in server/domain/throttle.ts.
 */
export const throttle = sqliteTable("throttle", {
  key: text("key").primaryKey(),
  /** When the current run of failures began (ms since the epoch). */
  windowStart: integer("window_start").notNull(),
  failures: integer("failures").notNull(),
  /** The last counted try. */
  lastAt: integer("last_at").notNull().default(0),
  /** No try for this key is taken before this moment. */
  nextAllowedAt: integer("next_allowed_at").notNull().default(0),
});

import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Failed attempts per key (a username, an address, a member code) in the current window. */
export const throttle = sqliteTable("throttle", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  failures: integer("failures").notNull(),
});

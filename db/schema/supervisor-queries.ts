import { integer, sqliteTable, text, uniqueIndex, index } from "drizzle-orm/sqlite-core";
import { ksmGroups } from "./groups";
import { users } from "./users";

/**
 * The supervisor's question about a record (server/domain/supervisor-queries.ts): which record
 * (`subject` and `target`: a cash count's or a correction's id, or a seal's month), why (a code), who
 * and when. Append-only.
 */
export const supervisorQueries = sqliteTable(
  "supervisor_queries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
    subject: text("subject", { enum: ["cash_count", "correction", "seal"] }).notNull(),
    target: text("target").notNull(),
    reason: text("reason", { enum: ["tidak_cocok", "perlu_penjelasan", "bukti_kurang"] }).notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [index("supervisor_queries_group").on(t.groupId, t.subject, t.target)],
);

/** The treasurer's answer to a question: a code (public) and a note (private, never on a public page). */
export const supervisorQueryAnswers = sqliteTable(
  "supervisor_query_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
    queryId: integer("query_id")
      .notNull()
      .references(() => supervisorQueries.id),
    answer: text("answer", { enum: ["sudah_dijelaskan", "sudah_diperbaiki"] }).notNull(),
    note: text("note"),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [uniqueIndex("supervisor_query_answers_query").on(t.queryId)],
);

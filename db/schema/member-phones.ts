import { integer, sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { ksmGroups, members } from "./groups";

/**
 * A member's phone number, for sending her receipts and reminders on WhatsApp: optional and
 * private, kept apart from `members` so that no read of the register (and nothing public that
 * reads members) ever carries it. Stored normalised (`628…`, server/domain/phone.ts). Changed or
 * removed by the treasurer (audited, masked); not a ledger table.
 */
export const memberPhones = sqliteTable(
  "member_phones",
  {
    memberId: integer("member_id")
      .primaryKey()
      .references(() => members.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => ksmGroups.id),
    phone: text("phone").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("member_phones_group").on(t.groupId)],
);

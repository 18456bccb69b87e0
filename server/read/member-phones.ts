import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberPhones, members } from "@/db/schema";
import { type GroupRow, loadGroupFor, type ServiceContext } from "@/server/shared/context";
import type { GroupInput } from "@/server/shared/fields";

/** The members' phone numbers (normalised) by member id, for the members asked about. */
export async function phonesOf(
  db: DbOrTx,
  group: GroupRow,
  memberIds?: readonly number[],
): Promise<Map<number, string>> {
  const rows = await db
    .select({ memberId: memberPhones.memberId, phone: memberPhones.phone })
    .from(memberPhones)
    .where(
      and(eq(memberPhones.groupId, group.id), memberIds ? inArray(memberPhones.memberId, [...memberIds]) : undefined),
    );
  return new Map(rows.map((r) => [r.memberId, r.phone]));
}

/**
 * The whole numbers, by member code, to build WhatsApp links to them (reminders): for those who
 * write on the group's books only (a treasurer), never a public page or open data.
 */
export async function memberPhoneList(
  ctx: ServiceContext,
  input: GroupInput,
): Promise<{ code: string; phone: string }[]> {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "write");
  return db
    .select({ code: members.code, phone: memberPhones.phone })
    .from(memberPhones)
    .innerJoin(members, eq(members.id, memberPhones.memberId))
    .where(eq(memberPhones.groupId, group.id))
    .orderBy(asc(members.code));
}

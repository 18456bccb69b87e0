import { and, eq, sql } from "drizzle-orm";
import { type Database, type DbOrTx, reusable } from "@/db/client";
import { ksmGroups, members, userGroups } from "@/db/schema";
import { type Access, mayDo, type Role } from "@/server/domain/access";
import { localDate, type BusinessDate } from "@/server/domain/dates";
import { DomainError, invalid, notFound } from "@/server/domain/errors";
import { mayWithdrawOn } from "@/server/domain/membership";

/** Who is acting and when. `now` is injectable so the demo seed and tests can write history. */
export interface ServiceContext {
  database: Database;
  actor: string;
  /**
   * The signed-in user acting, whose role and groups every verb checks in its own transaction
   * (loadGroupFor). Absent only for the system's own actors: CLI commands run on the server, the
   * demo seed, and tests of the services themselves.
   */
  user?: { id: number; role: Role };
  now?: () => Date;
}

export type GroupRow = typeof ksmGroups.$inferSelect;
export type MemberRow = typeof members.$inferSelect;

export const nowOf = (ctx: Pick<ServiceContext, "now">): Date => (ctx.now ? ctx.now() : new Date());
export const todayIn = (ctx: Pick<ServiceContext, "now">, group: Pick<GroupRow, "timeZone">): BusinessDate =>
  localDate(nowOf(ctx), group.timeZone);

const groupBySlug = reusable((db) =>
  db
    .select()
    .from(ksmGroups)
    .where(eq(ksmGroups.slug, sql.placeholder("slug")))
    .limit(1)
    .prepare(),
);

export async function loadGroup(db: DbOrTx, slug: unknown): Promise<GroupRow> {
  if (typeof slug !== "string" || slug.length === 0 || slug.length > 64) throw invalid("group_invalid", "groupSlug");
  const g = await groupBySlug(db).get({ slug });
  if (!g) throw notFound("group_not_found", "groupSlug");
  return g;
}

/** The group with this slug, if the user serves it: one read for the check and the group. */
const groupServedBy = reusable((db) =>
  db
    .select({ group: ksmGroups })
    .from(userGroups)
    .innerJoin(ksmGroups, eq(ksmGroups.id, userGroups.groupId))
    .where(and(eq(userGroups.userId, sql.placeholder("userId")), eq(ksmGroups.slug, sql.placeholder("slug"))))
    .limit(1)
    .prepare(),
);

/**
 * The group a verb acts on, once the acting user may do `access` there: she serves the group (an
 * admin serves all) in a role allowed to. Checked in the verb's own transaction, behind the API's
 * own check, so that a CLI, a server action or a future route cannot skip it. A group she does not
 * serve is refused the same way whether or not it exists.
 */
export async function loadGroupFor(
  db: DbOrTx,
  ctx: Pick<ServiceContext, "user">,
  slug: unknown,
  access: Access,
): Promise<GroupRow> {
  const user = ctx.user;
  if (!user || user.role === "admin") {
    if (user && !mayDo(user.role, access)) throw new DomainError("forbidden", "role_forbidden");
    return loadGroup(db, slug);
  }
  const served = typeof slug === "string" ? await groupServedBy(db).get({ userId: user.id, slug }) : undefined;
  if (!served) throw new DomainError("forbidden", "group_forbidden", "groupSlug");
  if (!mayDo(user.role, access)) throw new DomainError("forbidden", "role_forbidden");
  return served.group;
}

/** The signed-in user a verb acts for (a countersignature, her own password, her groups). */
export function signedIn(ctx: Pick<ServiceContext, "user">): NonNullable<ServiceContext["user"]> {
  if (!ctx.user) throw new DomainError("unauthorized", "signin_required");
  return ctx.user;
}

export const signerOf = (ctx: Pick<ServiceContext, "user">): number => signedIn(ctx).id;

/** The member with this code in this group, active on `date`; another group's code is simply not found. */
export async function loadActiveMember(
  db: DbOrTx,
  group: GroupRow,
  code: unknown,
  date: BusinessDate,
  field = "memberCode",
): Promise<MemberRow> {
  return assertActiveMember(await memberByCode(db, group, code, field), code, date, field);
}

/** The member with this code in this group (another group's code is simply not found), or undefined. */
export async function memberByCode(db: DbOrTx, group: GroupRow, code: unknown, field: string) {
  if (typeof code !== "string" || code.length === 0 || code.length > 32) throw invalid("member_code_invalid", field);
  const [m] = await db
    .select()
    .from(members)
    .where(and(eq(members.groupId, group.id), eq(members.code, code)))
    .limit(1);
  return m;
}

/**
 * The member with this code, to pay her savings out on `date`: a member then, or one who has left
 * with savings still in the book (older data) — what is hers stays hers to take (domain/membership).
 */
export async function loadMemberToPayOut(
  db: DbOrTx,
  group: GroupRow,
  code: unknown,
  date: BusinessDate,
  field = "memberCode",
): Promise<MemberRow> {
  const m = await memberByCode(db, group, code, field);
  if (!m) throw notFound("member_not_found", field);
  if (!mayWithdrawOn(m, date)) throw invalid("member_not_active", field, { code: m.code });
  return m;
}

const membersOfGroup = reusable((db) =>
  db
    .select()
    .from(members)
    .where(eq(members.groupId, sql.placeholder("groupId")))
    .prepare(),
);

/** Members of the group by code, loaded in one read (for a collection day of many lines). */
export async function groupMembersByCode(db: DbOrTx, group: GroupRow): Promise<Map<string, MemberRow>> {
  const rows = await membersOfGroup(db).all({ groupId: group.id });
  return new Map(rows.map((m) => [m.code, m]));
}

export function assertActiveMember(
  m: MemberRow | undefined,
  code: unknown,
  date: BusinessDate,
  field: string,
): MemberRow {
  if (typeof code !== "string" || code.length === 0 || code.length > 32) throw invalid("member_code_invalid", field);
  if (!m) throw notFound("member_not_found", field);
  if (date < m.joinedOn || (m.leftOn !== null && date >= m.leftOn)) throw invalid("member_not_active", field, { code });
  return m;
}

/** `assertActiveMember` on members already loaded (by code): one of another group is not found. */
export function activeMemberIn(
  byCode: Map<string, MemberRow>,
  group: Pick<GroupRow, "id">,
  code: string,
  date: BusinessDate,
  field: string,
): MemberRow {
  const found = byCode.get(code);
  return assertActiveMember(found?.groupId === group.id ? found : undefined, code, date, field);
}

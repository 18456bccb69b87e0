import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ksmGroups, userGroups } from "@/db/schema";
import type { Role } from "@/server/domain/access";
import { type ServiceContext, signedIn } from "@/server/shared/context";
import type { UserRow } from "@/server/shared/users";
import { loadUser } from "@/server/shared/users";

/** The groups a user may act on, with the role there (admin: every group). */
const GROUP_FIELDS = {
  slug: ksmGroups.slug,
  name: ksmGroups.name,
  id: ksmGroups.id,
  dailyContribution: ksmGroups.dailyContribution,
  loanRateBpsPerMonth: ksmGroups.loanRateBpsPerMonth,
  loanMethod: ksmGroups.loanMethod,
  loanMaxTermMonths: ksmGroups.loanMaxTermMonths,
  timeZone: ksmGroups.timeZone,
};

export async function groupsOf(db: DbOrTx, user: Pick<UserRow, "id" | "role">) {
  if (user.role === "admin")
    return (await db.select(GROUP_FIELDS).from(ksmGroups)).map((g) => ({ ...g, role: "admin" as Role }));
  const rows = await db
    .select(GROUP_FIELDS)
    .from(userGroups)
    .innerJoin(ksmGroups, eq(ksmGroups.id, userGroups.groupId))
    .where(eq(userGroups.userId, user.id));
  return rows.map((g) => ({ ...g, role: user.role as Role }));
}

/** The groups the signed-in user may act on (the treasurer screen's group picker). */
export const myGroups = (ctx: ServiceContext) => groupsOf(ctx.database.db, signedIn(ctx));

export async function canActOn(
  db: DbOrTx,
  user: Pick<UserRow, "id" | "role">,
  groupSlug: string,
): Promise<Role | null> {
  if (user.role === "admin") return "admin";
  const [row] = await db
    .select({ id: userGroups.groupId })
    .from(userGroups)
    .innerJoin(ksmGroups, eq(ksmGroups.id, userGroups.groupId))
    .where(and(eq(userGroups.userId, user.id), eq(ksmGroups.slug, groupSlug)));
  return row ? user.role : null;
}

/**
 * The user behind a session, or null: a session of a disabled user, or one issued before a
 * password change or sign-out (sessionsValidAfter), or older than the session lifetime, is no session.
 */
export async function userOfSession(
  db: DbOrTx,
  session: { uid?: number; issuedAtMs?: number; lastActiveMs?: number } | null,
  now = Date.now(),
  maxIdleMs = 12 * 3600_000,
): Promise<UserRow | null> {
  if (!session?.uid) return null;
  const user = await loadUser(db, session.uid);
  if (!user || user.disabled) return null;
  if ((session.issuedAtMs ?? 0) < user.sessionsValidAfter) return null;
  if (now - (session.lastActiveMs ?? session.issuedAtMs ?? 0) > maxIdleMs) return null;
  return user;
}

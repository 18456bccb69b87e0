import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { hash, verify } from "@node-rs/argon2";
import type { Database, DbOrTx } from "@/db/client";
import { ksmGroups, userGroups, users } from "@/db/schema";
import { ROLES, type Role } from "@/server/domain/access";
import { DomainError, conflict, invalid } from "@/server/domain/errors";
import { nowOf, type ServiceContext, signedIn, signerOf } from "./context";
import { deviceSeen, renewedDevice } from "./devices";
import { forgiveTry, guessKeys, takeTry, throttled } from "./throttle";
import { audit, ledgerWrite } from "@/server/ledger/write";

export { ROLES, type Role } from "@/server/domain/access";
export type UserRow = typeof users.$inferSelect;

const ARGON = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function assertPassword(p: unknown, field = "password"): string {
  if (typeof p !== "string" || p.length < 10 || p.length > 200) throw invalid("password_weak", field, { min: 10 });
  return p;
}

export async function createUser(
  ctx: ServiceContext,
  input: { username: string; password: string; role: Role; groupSlugs: string[] },
): Promise<UserRow> {
  if (typeof input.username !== "string" || !/^[a-z0-9][a-z0-9._-]{2,31}$/.test(input.username))
    throw invalid("username_invalid", "username");
  if (!ROLES.includes(input.role)) throw invalid("role_invalid", "role");
  const passwordHash = await hash(assertPassword(input.password), ARGON);
  return ledgerWrite(ctx, async (tx) => {
    const [dup] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (dup) throw conflict("username_taken", "username");
    const [u] = await tx.insert(users).values({ username: input.username, passwordHash, role: input.role }).returning();
    for (const slug of input.groupSlugs) {
      const [g] = await tx.select({ id: ksmGroups.id }).from(ksmGroups).where(eq(ksmGroups.slug, slug));
      if (!g) throw new DomainError("not_found", "group_not_found", "groupSlugs");
      await tx.insert(userGroups).values({ userId: u!.id, groupId: g.id });
    }
    await audit(tx, ctx, {
      action: "user.create",
      detail: { username: input.username, role: input.role, groups: input.groupSlugs },
    });
    return u!;
  });
}

let decoy: Promise<string> | null = null;

interface SignInInput {
  username: unknown;
  password: unknown;
  address: string | null;
}

const usernameOf = (raw: unknown) =>
  String(raw ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 64);

/**
 * Checks a sign-in. Unknown user and wrong password get the same answer and take the same time
 * (a decoy hash is verified). Tries are counted per (username, address) and per address and
 * slowed down, never locked (server/domain/throttle.ts): a stranger's wrong guesses from another
 * address never stop the owner. Refused while waiting: `signin_throttled` with `waitSeconds`.
 * (Without a device cookie: see signIn.)
 */
export async function verifyCredentials(database: Database, input: SignInInput): Promise<UserRow> {
  return checkCredentials(database, input, null);
}

/**
 * Signs in from a browser, with the device cookie it sent (or none): a browser that signed in as
 * this user before is counted per (user, device) only, so eleven wrong tries from strangers behind
 * the same village address leave it signing in at once, and its own wrong tries slow only itself.
 * Any other browser is counted as in verifyCredentials. Gives the user and the renewed device cookie.
 */
export async function signIn(
  database: Database,
  input: SignInInput & { device: string | null | undefined },
  now = Date.now(),
): Promise<{ user: UserRow; device: string }> {
  const seen = deviceSeen("signin", input.device, usernameOf(input.username), now);
  const user = await checkCredentials(database, input, seen.knownDevice);
  return { user, device: renewedDevice("signin", seen, user.username, now) };
}

async function checkCredentials(database: Database, input: SignInInput, knownDevice: string | null): Promise<UserRow> {
  const username = usernameOf(input.username);
  const keys = guessKeys("signin", username, input.address, knownDevice);
  const taken = await takeTry(database, keys);
  if (!taken.ok) throw throttled("signin_throttled", taken.waitMs);
  const [u] = await database.db.select().from(users).where(eq(users.username, username));
  decoy ??= hash("decoy-password-never-used", ARGON);
  const ok = await verify(u?.passwordHash ?? (await decoy), String(input.password ?? "").slice(0, 200)).catch(
    () => false,
  );
  if (!u || !ok || u.disabled) throw new DomainError("unauthorized", "signin_failed");
  await forgiveTry(database, keys);
  return u;
}

/**
 * A user changes her own password: the current one must be right (a stolen unlocked phone is not
 * enough). Every session of hers ends, this one included — she signs in again with the new one.
 */
export const ZChangeOwnPasswordSchema = z.object({
  currentPassword: z.string().max(200),
  newPassword: z.string().max(200),
});

export async function changeOwnPassword(
  ctx: ServiceContext,
  input: { currentPassword: unknown; newPassword: unknown },
): Promise<void> {
  const userId = signerOf(ctx);
  const u = await loadUser(ctx.database.db, userId);
  if (!u || u.disabled) throw new DomainError("unauthorized", "signin_required");
  const ok = await verify(u.passwordHash, String(input.currentPassword ?? "").slice(0, 200)).catch(() => false);
  if (!ok) throw invalid("password_wrong", "currentPassword");
  if (input.newPassword === input.currentPassword) throw invalid("password_unchanged", "newPassword");
  await changePassword(ctx, userId, assertPassword(input.newPassword, "newPassword"));
}

/** Disables (or enables again) a user by username; disabling ends every session at once. */
export async function setUserDisabled(ctx: ServiceContext, username: string, disabled: boolean): Promise<UserRow> {
  return ledgerWrite(ctx, async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.username, username));
    if (!u) throw new DomainError("not_found", "user_not_found", "username");
    const at = nowOf(ctx);
    const [row] = await tx
      .update(users)
      .set(disabled ? { disabled: true, sessionsValidAfter: at.getTime() } : { disabled: false })
      .where(eq(users.id, u.id))
      .returning();
    await audit(tx, ctx, {
      at: at.toISOString(),
      action: disabled ? "user.disable" : "user.enable",
      detail: { username },
    });
    return row!;
  });
}

export async function changePassword(ctx: ServiceContext, userId: number, newPassword: string): Promise<void> {
  const passwordHash = await hash(assertPassword(newPassword), ARGON);
  await ledgerWrite(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionsValidAfter: nowOf(ctx).getTime() })
      .where(eq(users.id, userId));
    await audit(tx, ctx, { action: "user.password", detail: { userId } });
  });
}

export async function loadUser(db: DbOrTx, id: number): Promise<UserRow | null> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u ?? null;
}

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

/** Ends every session of a user (sign-out, password change). */
export async function endSessions(ctx: ServiceContext, userId: number): Promise<void> {
  await ctx.database.write((tx) =>
    tx
      .update(users)
      .set({ sessionsValidAfter: nowOf(ctx).getTime() })
      .where(eq(users.id, userId)),
  );
}

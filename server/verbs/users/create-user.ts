import { eq } from "drizzle-orm";
import { hash } from "@node-rs/argon2";
import { ksmGroups, userGroups, users } from "@/db/schema";
import { ROLES, type Role } from "@/server/domain/access";
import { DomainError, conflict, invalid } from "@/server/domain/errors";
import type { ServiceContext } from "@/server/shared/context";
import { audit, ledgerWrite } from "@/server/ledger/write";
export { ROLES, type Role } from "@/server/domain/access";
import { ARGON, assertPassword, type UserRow } from "@/server/shared/users";

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

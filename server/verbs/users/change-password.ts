import { eq } from "drizzle-orm";
import { z } from "zod";
import { hash, verify } from "@node-rs/argon2";
import { users } from "@/db/schema";
import { DomainError, invalid } from "@/server/domain/errors";
import { nowOf, type ServiceContext, signerOf } from "@/server/shared/context";
import { audit, ledgerWrite } from "@/server/ledger/write";
import { loadUser } from "@/server/shared/users";
import { ARGON, assertPassword } from "@/server/shared/users";

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

import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { DomainError } from "@/server/domain/errors";
import { nowOf, type ServiceContext } from "@/server/shared/context";
import { audit, ledgerWrite } from "@/server/ledger/write";
import type { UserRow } from "@/server/shared/users";

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

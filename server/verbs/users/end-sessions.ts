import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { nowOf, type ServiceContext } from "@/server/shared/context";

/** Ends every session of a user (sign-out, password change). */
export async function endSessions(ctx: ServiceContext, userId: number): Promise<void> {
  await ctx.database.write((tx) =>
    tx
      .update(users)
      .set({ sessionsValidAfter: nowOf(ctx).getTime() })
      .where(eq(users.id, userId)),
  );
}

/** A user as verbs and loaders read her (loadUser). */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { invalid } from "@/server/domain/errors";

export async function loadUser(db: DbOrTx, id: number): Promise<UserRow | null> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u ?? null;
}

export type UserRow = typeof users.$inferSelect;

export const ARGON = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function assertPassword(p: unknown, field = "password"): string {
  if (typeof p !== "string" || p.length < 10 || p.length > 200) throw invalid("password_weak", field, { min: 10 });
  return p;
}

/**
 * Slows down guessing: after `limit` failures for any of the keys (a username, an address, a
 * member code) within the window, further attempts are refused until the window ends — whether
 * or not the thing guessed exists. Kept in the database, so it holds across restarts.
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { throttle } from "@/db/schema";

export const THROTTLE_LIMIT = 5;
export const THROTTLE_WINDOW_MS = 15 * 60_000;

export async function isThrottled(database: Database, keys: string[], now = Date.now()): Promise<boolean> {
  const rows = await database.db.select().from(throttle).where(inArray(throttle.key, keys));
  return rows.some((r) => now - r.windowStart < THROTTLE_WINDOW_MS && r.failures >= THROTTLE_LIMIT);
}

export async function recordFailure(database: Database, keys: string[], now = Date.now()): Promise<void> {
  await database.write(async (tx) => {
    for (const key of keys) {
      await tx
        .insert(throttle)
        .values({ key, windowStart: now, failures: 1 })
        .onConflictDoUpdate({
          target: throttle.key,
          set: {
            failures: sql`CASE WHEN ${now} - ${throttle.windowStart} >= ${THROTTLE_WINDOW_MS} THEN 1 ELSE ${throttle.failures} + 1 END`,
            windowStart: sql`CASE WHEN ${now} - ${throttle.windowStart} >= ${THROTTLE_WINDOW_MS} THEN ${now} ELSE ${throttle.windowStart} END`,
          },
        });
    }
  });
}

export async function clearFailures(database: Database, key: string): Promise<void> {
  await database.write((tx) => tx.delete(throttle).where(eq(throttle.key, key)));
}

/**
 * Counted tries, kept in the database so they hold across restarts and processes. A try is
 * counted *before* the secret is checked, in the same write transaction as the check of the
 * waits (check-and-count is one step): a burst of parallel guesses gets exactly the tries the
 * policy allows, not one more. A try that turns out right is then forgiven. The policy (free
 * tries, doubling waits, never a lock) is in server/domain/throttle.ts.
 */
import { eq, inArray } from "drizzle-orm";
import type { ErrorCode } from "@/server/domain/error-codes";
import { DomainError } from "@/server/domain/errors";
import type { Database, Tx } from "@/db/client";
import { throttle } from "@/db/schema";
import {
  afterForgiven,
  afterTry,
  currentState,
  THROTTLE_POLICIES,
  type ThrottlePolicy,
} from "@/server/domain/throttle";

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
  /** A right answer wipes this key's failures (the owner's own username from her phone). */
  clearedByRightAnswer: boolean;
}

/**
 * The keys of one guess. From a device known for what is guessed (its device id, read from a valid
 * device cookie issued for it): that pair alone. Otherwise what is guessed from this address, and
 * the address (when known).
 */
export function guessKeys(
  kind: "signin" | "passbook",
  guessed: string,
  address: string | null,
  knownDevice: string | null = null,
): ThrottleKey[] {
  if (knownDevice)
    return [
      { key: `${kind}:dev:${guessed}|${knownDevice}`, policy: THROTTLE_POLICIES.device, clearedByRightAnswer: true },
    ];
  const where = address ?? "?"; // unknown address: the guessed thing alone (never one key shared by everyone)
  return [
    { key: `${kind}:pair:${guessed}|${where}`, policy: THROTTLE_POLICIES.pair, clearedByRightAnswer: true },
    ...(address
      ? [{ key: `${kind}:addr:${address}`, policy: THROTTLE_POLICIES.address, clearedByRightAnswer: false }]
      : []),
  ];
}

const rowsOf = (tx: Tx, keys: ThrottleKey[]) =>
  tx
    .select()
    .from(throttle)
    .where(
      inArray(
        throttle.key,
        keys.map((k) => k.key),
      ),
    );

/**
 * Takes one try for these keys, or refuses it with the milliseconds to wait when any key must
 * still wait. A refused try is not counted (waiting it out is always enough).
 */
export async function takeTry(
  database: Database,
  keys: ThrottleKey[],
  now = Date.now(),
): Promise<{ ok: true } | { ok: false; waitMs: number }> {
  return database.write(async (tx) => {
    const rows = await rowsOf(tx, keys);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const states = keys.map((k) => ({ k, row: byKey.get(k.key), state: currentState(byKey.get(k.key), now) }));
    const waitMs = Math.max(0, ...states.map((s) => s.state.nextAllowedAt - now));
    if (waitMs > 0) return { ok: false as const, waitMs };
    for (const { k, row, state } of states) {
      const next = afterTry(k.policy, state, now);
      const windowStart = state.failures === 0 || !row ? now : row.windowStart;
      await tx
        .insert(throttle)
        .values({ key: k.key, windowStart, ...next })
        .onConflictDoUpdate({ target: throttle.key, set: { windowStart, ...next } });
    }
    return { ok: true as const };
  });
}

/** The secret was right: the pair's failures are wiped, the address gets back the try just taken. */
export async function forgiveTry(database: Database, keys: ThrottleKey[]): Promise<void> {
  await database.write(async (tx) => {
    const rows = await rowsOf(tx, keys);
    for (const row of rows) {
      const k = keys.find((x) => x.key === row.key)!;
      if (k.clearedByRightAnswer) await tx.delete(throttle).where(eq(throttle.key, row.key));
      else await tx.update(throttle).set(afterForgiven(k.policy, row)).where(eq(throttle.key, row.key));
    }
  });
}

/** A refusal while a throttle wait runs, with the seconds to wait (rounded up). */
export function throttled(code: ErrorCode, waitMs: number): DomainError {
  return new DomainError("too_many", code, undefined, { waitSeconds: Math.ceil(waitMs / 1000) });
}

/**
 * How guessing is slowed down (sign-in passwords, passbook kode cek). Pure: the service keeps the
 * counts. Nothing is ever locked outright: after a few free tries each further try must wait
 * longer (5 s, 10 s, 20 s … up to 15 minutes), so a stranger's wrong guesses cost only the
 * stranger. From a browser without a device cookie for what is guessed (server/domain/device.ts),
 * failures are counted per (what is guessed, address) — a treasurer's username from this phone —
 * and per address, which caps guessing across many usernames or member codes from one place with
 * a larger allowance. A village's phones often share one mobile-network address, so a browser that
 * has a valid device cookie for that user (or member) is counted per (user, device) only: neither
 * the address's nor the pair's waits apply to it, and its own wrong tries slow that browser alone.
 */
export interface ThrottlePolicy {
  /** Failures allowed with no wait at all. */
  free: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** A key's failures are forgotten after an hour with no failure. */
export const THROTTLE_FORGET_AFTER_MS = 60 * 60_000;

export const THROTTLE_POLICIES = {
  /** One username or one member code, from one address. */
  pair: { free: 3, baseDelayMs: 5_000, maxDelayMs: 15 * 60_000 },
  /** One address, whatever it guesses. */
  address: { free: 10, baseDelayMs: 5_000, maxDelayMs: 15 * 60_000 },
  /** One username or member code, from a browser that proved itself for it before (its device cookie). */
  device: { free: 5, baseDelayMs: 5_000, maxDelayMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottlePolicy>;

/** How long after the `failures`-th failure the next try must wait. */
export function waitAfter(policy: ThrottlePolicy, failures: number): number {
  if (failures <= policy.free) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - policy.free - 1));
}

export interface ThrottleState {
  failures: number;
  lastAt: number;
  nextAllowedAt: number;
}

/** The state as it stands at `now`: forgotten when the last failure is old enough. */
export function currentState(row: ThrottleState | undefined, now: number): ThrottleState {
  if (!row || now - row.lastAt >= THROTTLE_FORGET_AFTER_MS) return { failures: 0, lastAt: now, nextAllowedAt: 0 };
  return row;
}

/** The state after one more counted try at `now`. */
export function afterTry(policy: ThrottlePolicy, state: ThrottleState, now: number): ThrottleState {
  const failures = state.failures + 1;
  return { failures, lastAt: now, nextAllowedAt: now + waitAfter(policy, failures) };
}

/** The state after a try that turned out right is taken back (the owner knew the secret). */
export function afterForgiven(policy: ThrottlePolicy, state: ThrottleState): ThrottleState {
  const failures = Math.max(0, state.failures - 1);
  return { failures, lastAt: state.lastAt, nextAllowedAt: failures ? state.lastAt + waitAfter(policy, failures) : 0 };
}

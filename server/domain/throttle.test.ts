import { describe, expect, it } from "vitest";
import {
  afterForgiven,
  afterTry,
  currentState,
  THROTTLE_FORGET_AFTER_MS,
  THROTTLE_POLICIES,
  waitAfter,
} from "./throttle";

describe("throttle policy", () => {
  it("gives the free tries, then doubles the wait up to 15 minutes — never a lock", () => {
    const p = THROTTLE_POLICIES.pair;
    expect([1, 2, 3, 4, 5, 6, 7].map((f) => waitAfter(p, f) / 1000)).toEqual([0, 0, 0, 5, 10, 20, 40]);
    expect(waitAfter(p, 40)).toBe(15 * 60_000);
  });

  it("an address has a larger allowance than one username or member code", () => {
    expect(waitAfter(THROTTLE_POLICIES.address, 10)).toBe(0);
    expect(waitAfter(THROTTLE_POLICIES.pair, 10)).toBeGreaterThan(0);
  });

  it("a known device has its own allowance: 5 free tries, then the same doubling waits", () => {
    const p = THROTTLE_POLICIES.device;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((f) => waitAfter(p, f) / 1000)).toEqual([0, 0, 0, 0, 0, 5, 10, 20]);
    expect(waitAfter(p, 60)).toBe(15 * 60_000);
  });

  it("counts a try, forgives a right one, and forgets after an hour without failures", () => {
    const p = THROTTLE_POLICIES.pair;
    let s = currentState(undefined, 0);
    for (let i = 0; i < 4; i++) s = afterTry(p, s, 1000 * i);
    expect(s).toEqual({ failures: 4, lastAt: 3000, nextAllowedAt: 8000 });
    expect(afterForgiven(p, s)).toEqual({ failures: 3, lastAt: 3000, nextAllowedAt: 3000 });
    expect(currentState(s, 3000 + THROTTLE_FORGET_AFTER_MS - 1)).toBe(s);
    expect(currentState(s, 3000 + THROTTLE_FORGET_AFTER_MS).failures).toBe(0);
  });
});

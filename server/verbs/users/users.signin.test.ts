import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { tempDatabase, testContext } from "@/server/testing/db";
import type { DomainError } from "@/server/domain/errors";

/**
 * "No notable timing difference between unknown user and wrong password", proved by the work
 * done rather than by a stopwatch (a timed assertion would be flaky on a shared 2-core machine):
 * every refused sign-in runs exactly one argon2id verification with the same cost parameters,
 * the same database reads and the same failure writes, and gets the same answer.
 * The measured timings are reported by `npm run bench` (sign-in section).
 */
const argon = vi.hoisted(() => ({ verified: [] as string[], hashed: 0 }));
vi.mock("@node-rs/argon2", async (original) => {
  const real = await original<typeof import("@node-rs/argon2")>();
  return {
    ...real,
    hash: (...args: Parameters<typeof real.hash>) => {
      argon.hashed++;
      return real.hash(...args);
    },
    verify: (encoded: string, ...rest: [string]) => {
      argon.verified.push(encoded);
      return real.verify(encoded, ...rest);
    },
  };
});

const { createUser } = await import("@/server/verbs/users/create-user");
const { verifyCredentials } = await import("@/server/verbs/users/sign-in");

let t: Awaited<ReturnType<typeof tempDatabase>>;
const PASSWORD = "sandi-yang-panjang-sekali";
beforeAll(async () => {
  t = await tempDatabase();
  const ctx = testContext(t.database, "test:setup");
  await createUser(ctx, { username: "bendahara", password: PASSWORD, role: "bendahara", groupSlugs: [] });
  await createUser(ctx, { username: "nonaktif", password: PASSWORD, role: "bendahara", groupSlugs: [] });
  await t.database.db.run(sql`UPDATE users SET disabled = 1 WHERE username = 'nonaktif'`);
  // Warm the decoy once: its one-time hash is made on the first unknown-user try of a process.
  await verifyCredentials(t.database, { username: "pemanasan", password: "x", address: null }).catch(() => null);
});
afterAll(() => t.cleanup());
beforeEach(async () => {
  argon.verified = [];
  argon.hashed = 0;
  await t.database.db.run(sql`DELETE FROM throttle`);
});

/** "$argon2id$v=19$m=19456,t=2,p=1$salt$hash" → "argon2id v=19 m=19456,t=2,p=1" */
const costOf = (encoded: string) => encoded.split("$").slice(1, 4).join(" ");

async function attempt(username: string, password: string) {
  const failuresBefore = (
    await t.database.db.all<{ n: number }>(sql`SELECT coalesce(sum(failures), 0) AS n FROM throttle`)
  )[0]!.n;
  const error = await verifyCredentials(t.database, { username, password, address: "10.0.0.1" }).then(
    () => null,
    (e: DomainError) => ({ kind: e.kind, code: e.code, field: e.field ?? null, params: e.params }),
  );
  const failuresAfter = (
    await t.database.db.all<{ n: number }>(sql`SELECT coalesce(sum(failures), 0) AS n FROM throttle`)
  )[0]!.n;
  const work = {
    verifications: argon.verified.map(costOf),
    hashes: argon.hashed,
    failuresCounted: failuresAfter - failuresBefore,
  };
  argon.verified = [];
  argon.hashed = 0;
  return { error, work };
}

describe("sign-in refusals are indistinguishable", () => {
  it("unknown user, wrong password and disabled user: same answer, same work", async () => {
    const right = await attempt("bendahara", PASSWORD);
    expect(right.error).toBeNull();
    const [realCost] = right.work.verifications;
    expect(realCost).toMatch(/^argon2id v=19 m=\d+,t=\d+,p=\d+$/);

    const unknown = await attempt("tidak-pernah-ada", "salah-sekali");
    const wrong = await attempt("bendahara", "salah-sekali");
    const disabled = await attempt("nonaktif", PASSWORD);
    for (const r of [unknown, wrong, disabled]) {
      expect(r.error).toEqual({ kind: "unauthorized", code: "signin_failed", field: null, params: {} });
      expect(r.work).toEqual({ verifications: [realCost], hashes: 0, failuresCounted: unknown.work.failuresCounted });
    }
    expect(unknown.work.failuresCounted).toBeGreaterThan(0);
  });

  it("a throttled sign-in is refused the same way for a known and an unknown username", async () => {
    for (let i = 0; i < 5; i++) {
      await attempt("bendahara", "salah");
      await attempt("tidak-ada", "salah");
    }
    const known = await attempt("bendahara", PASSWORD);
    const unknown = await attempt("tidak-ada", PASSWORD);
    expect(known.error).toEqual({
      kind: "too_many",
      code: "signin_throttled",
      field: null,
      params: { waitSeconds: 5 },
    });
    expect(unknown).toEqual(known);
  });
});

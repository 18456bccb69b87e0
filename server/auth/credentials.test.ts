import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { settingsChanged } from "@/server/env";
import { createUser } from "@/server/verbs/users/create-user";
import { newRequest, request } from "@/server/testing/next-request";

vi.mock("next/headers", () => import("@/server/testing/next-request").then((m) => m.headersModule));
const { authOptions } = await import("./options");

/**
 * next-auth's own sign-in (POST /api/auth/callback/credentials, used by API clients and the e2e
 * helpers) reads the device cookie from the request it is given and sets the renewed one, like the form.
 */
type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const PASSWORD = "sandi-yang-panjang-sekali";
const VILLAGE = "10.66.0.1";
const dir = mkdtempSync(path.join(tmpdir(), "kas-terbuka-credentials-"));
const saved = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, {
    DATABASE_URL: `file:${path.join(dir, "test.db")}`,
    NEXTAUTH_SECRET: "credentials-test-secret-0123456789-abcdef",
    TRUST_PROXY: "1",
  });
  settingsChanged();
  const database = await getDatabase();
  await createUser(
    { database, actor: "test:setup" },
    { username: "bendahara", password: PASSWORD, role: "bendahara", groupSlugs: [] },
  );
});
afterAll(async () => {
  (await getDatabase()).close();
  rmSync(dir, { recursive: true, force: true });
  process.env = saved;
  settingsChanged();
});
beforeEach(async () => (await getDatabase()).db.run(sql`DELETE FROM throttle`));

async function callback(username: string, password: string, cookie?: string) {
  newRequest({});
  const headers = { "x-forwarded-for": VILLAGE, ...(cookie ? { cookie } : {}) };
  const outcome = await authorize({ username, password }, { headers }).then(
    (u) => (u ? "in" : "refused"),
    (e: Error) => e.message,
  );
  return { outcome, set: request.set };
}

describe("next-auth's credentials sign-in and the device cookie", () => {
  it("sets it on success, and a browser holding it is not slowed by strangers at its address", async () => {
    const first = await callback("bendahara", PASSWORD);
    expect(first.outcome).toBe("in");
    const device = first.set.find((c) => c.name === "perangkat");
    expect(device).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", maxAge: 400 * 86_400 });
    for (let i = 1; i <= 11; i++) expect((await callback(`orang-${i}`, "salah-sekali")).outcome).toBe("refused");
    expect((await callback("bendahara", PASSWORD)).outcome).toBe("throttled");
    expect((await callback("bendahara", PASSWORD, `perangkat=${device!.value}x`)).outcome).toBe("throttled");
    expect((await callback("bendahara", PASSWORD, `bahasa=id; perangkat=${device!.value}`)).outcome).toBe("in");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settingsChanged } from "@/server/env";
import { endSessions } from "@/server/verbs/users/end-sessions";
import { createUser } from "@/server/verbs/users/create-user";
import { tempDatabase, testContext } from "@/server/testing/db";
import { issueSession, sessionCookieName } from "./options";
import { userOfCookies } from "./session";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let userId: number;
const before = { secret: process.env.NEXTAUTH_SECRET, url: process.env.NEXTAUTH_URL };
beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "session-test-secret-0123456789-abcdef";
  process.env.NEXTAUTH_URL = "http://127.0.0.1:3000";
  settingsChanged();
  t = await tempDatabase();
  userId = (
    await createUser(testContext(t.database), {
      username: "bendahara-uji",
      password: "kata-sandi-uji-123",
      role: "bendahara",
      groupSlugs: [],
    })
  ).id;
});
afterAll(() => {
  t.cleanup();
  process.env.NEXTAUTH_SECRET = before.secret;
  process.env.NEXTAUTH_URL = before.url;
  settingsChanged();
});

const cookie = (value: string) => `bahasa=id; ${sessionCookieName()}=${value}; other=1`;

describe("the signed-in user of an API call, from the session cookie", () => {
  it("is the user a session was issued to", async () => {
    const session = await issueSession({ id: userId, username: "bendahara-uji" });
    expect((await userOfCookies(t.database, cookie(session)))?.id).toBe(userId);
  });

  it("is nobody without a cookie, with a forged one, or with one signed by another secret", async () => {
    expect(await userOfCookies(t.database, undefined)).toBeNull();
    expect(await userOfCookies(t.database, cookie("eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged"))).toBeNull();
    const session = await issueSession({ id: userId, username: "bendahara-uji" });
    process.env.NEXTAUTH_SECRET = "another-secret-entirely-0123456789-xyz";
    settingsChanged();
    try {
      expect(await userOfCookies(t.database, cookie(session))).toBeNull();
    } finally {
      process.env.NEXTAUTH_SECRET = "session-test-secret-0123456789-abcdef";
      settingsChanged();
    }
  });

  it("is nobody once her sessions were ended (sign-out, password change)", async () => {
    const session = await issueSession({ id: userId, username: "bendahara-uji" }, Date.now() - 1000);
    await endSessions({ ...testContext(t.database), now: () => new Date() }, userId);
    expect(await userOfCookies(t.database, cookie(session))).toBeNull();
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { settingsChanged } from "@/server/env";
import type { DomainError } from "@/server/domain/errors";
import { seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { createUser } from "@/server/verbs/users/create-user";
import { signIn } from "@/server/verbs/users/sign-in";
import { openPassbookOnDevice } from "@/server/read/passbook";

/**
 * A village behind one mobile-network address (carrier-grade NAT): strangers' wrong tries from
 * that address must not keep the owner out of her own account or passbook on the phone she has
 * used before (OWASP device cookies), while an unknown browser there stays slowed as before.
 */
const SECRET = "device-cookie-test-secret-0123456789-abcdef";
const OTHER_SECRET = "another-portal-secret-0123456789-abcdefghij";
const PASSWORD = "sandi-yang-panjang-sekali";
const VILLAGE = "10.77.0.1";

let t: Awaited<ReturnType<typeof tempDatabase>>;
beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  settingsChanged();
  t = await tempDatabase();
  const ctx = testContext(t.database, "test:setup");
  await createUser(ctx, { username: "bendahara", password: PASSWORD, role: "bendahara", groupSlugs: [] });
  await createUser(ctx, { username: "pengawas", password: PASSWORD, role: "pengawas", groupSlugs: [] });
  await seedGroup(ctx, "ratu-damai", 20); // RA-001 … RA-020, kode cek 12345678
});
afterAll(() => {
  t.cleanup();
  delete process.env.NEXTAUTH_SECRET;
  settingsChanged();
});
beforeEach(() => t.database.db.run(sql`DELETE FROM throttle`));

/** "ok" with the renewed cookie, or the refusal's code. */
const trySignIn = (username: string, password: string, address: string, device?: string | null) =>
  signIn(t.database, { username, password, address, device }).then(
    (r) => ({ code: "ok", device: r.device }),
    (e: DomainError) => ({ code: e.code, device: undefined }),
  );
const tryPassbook = (memberCode: string, checkCode: string, address: string, device?: string | null) =>
  openPassbookOnDevice(t.database, { groupSlug: "ratu-damai", memberCode, checkCode, address, device }).then(
    (r) => ({ code: "ok", device: r.device }),
    (e: DomainError) => ({ code: e.code, device: undefined }),
  );

/** A cookie signed under another secret (another portal, or a forger's guess). */
function cookieUnderOtherSecret(make: () => Promise<string | undefined>): Promise<string | undefined> {
  process.env.NEXTAUTH_SECRET = OTHER_SECRET;
  settingsChanged();
  return make().finally(() => {
    process.env.NEXTAUTH_SECRET = SECRET;
    settingsChanged();
  });
}

/** A cookie rewritten to name `subject` (a stranger's own device cookie, edited), its signature kept. */
const tampered = (cookie: string, subject: string) => {
  const [v, payload, mac] = cookie.split(".");
  const data = JSON.parse(Buffer.from(payload!, "base64url").toString());
  data.s = [[subject, Date.now() + 86_400_000]];
  return `${v}.${Buffer.from(JSON.stringify(data)).toString("base64url")}.${mac}`;
};

/** Eleven wrong sign-ins from the village: seven made-up usernames, four wrong passwords for the treasurer. */
async function strangersGuessSignIn() {
  for (let i = 1; i <= 7; i++)
    expect((await trySignIn(`orang-${i}`, "salah-sekali", VILLAGE)).code).toBe("signin_failed");
  for (let i = 1; i <= 4; i++)
    expect((await trySignIn("bendahara", "salah-sekali", VILLAGE)).code).toBe("signin_failed");
}

describe("sign-in from a shared address", () => {
  it("eleven wrong sign-ins from one address leave a known device signing in at once", async () => {
    const phone = await trySignIn("bendahara", PASSWORD, VILLAGE);
    expect(phone.code).toBe("ok");
    await strangersGuessSignIn();
    // An unknown browser behind the same address is still slowed (the treasurer's name and the address).
    expect((await trySignIn("bendahara", PASSWORD, VILLAGE)).code).toBe("signin_throttled");
    expect((await trySignIn("pengawas", PASSWORD, VILLAGE)).code).toBe("signin_throttled");
    // Her own phone is not.
    const again = await trySignIn("bendahara", PASSWORD, VILLAGE, phone.device);
    expect(again.code).toBe("ok");
    expect((await trySignIn("bendahara", PASSWORD, VILLAGE, again.device)).code).toBe("ok");
  });

  it("a tampered, foreign or other user's cookie counts as an unknown device", async () => {
    const phone = (await trySignIn("bendahara", PASSWORD, VILLAGE)).device!;
    const pengawasPhone = (await trySignIn("pengawas", PASSWORD, "10.1.1.1")).device!;
    const foreign = await cookieUnderOtherSecret(
      async () => (await trySignIn("bendahara", PASSWORD, "10.1.1.2")).device,
    );
    const passbookCookie = (await tryPassbook("RA-001", "12345678", "10.1.1.3")).device!;
    await strangersGuessSignIn();
    const edited = tampered(pengawasPhone, "bendahara");
    for (const cookie of [edited, pengawasPhone, foreign!, passbookCookie, `${phone}x`, "junk"])
      expect((await trySignIn("bendahara", PASSWORD, VILLAGE, cookie)).code, cookie).toBe("signin_throttled");
    expect((await trySignIn("bendahara", PASSWORD, VILLAGE, phone)).code).toBe("ok");
  });

  it("wrong tries from a known device slow that device only, and never count against the address", async () => {
    const phone = (await trySignIn("bendahara", PASSWORD, VILLAGE)).device!;
    const laptop = (await trySignIn("bendahara", PASSWORD, "10.2.2.2")).device!;
    for (let i = 0; i < 6; i++)
      expect((await trySignIn("bendahara", "salah", VILLAGE, phone)).code).toBe("signin_failed");
    expect((await trySignIn("bendahara", PASSWORD, VILLAGE, phone)).code).toBe("signin_throttled");
    expect((await trySignIn("bendahara", PASSWORD, VILLAGE, laptop)).code).toBe("ok");
    expect((await trySignIn("bendahara", PASSWORD, VILLAGE)).code).toBe("ok"); // an unknown browser there too
    expect((await trySignIn("pengawas", PASSWORD, VILLAGE)).code).toBe("ok");
  });
});

describe("passbook from a shared address", () => {
  async function strangersGuessCodes() {
    for (let i = 2; i <= 12; i++)
      expect((await tryPassbook(`RA-${String(i).padStart(3, "0")}`, "99999999", VILLAGE)).code).toBe("passbook_denied");
  }

  it("eleven wrong codes from one address leave a known device opening at once; an unknown one waits", async () => {
    const phone = await tryPassbook("RA-001", "12345678", VILLAGE);
    expect(phone.code).toBe("ok");
    await strangersGuessCodes();
    expect((await tryPassbook("RA-001", "12345678", VILLAGE)).code).toBe("passbook_throttled");
    expect((await tryPassbook("RA-001", "12345678", VILLAGE, phone.device)).code).toBe("ok");
  });

  it("one household phone knows each member who opened her passbook on it", async () => {
    const first = (await tryPassbook("RA-013", "12345678", VILLAGE)).device!;
    const both = (await tryPassbook("RA-014", "12345678", "10.3.3.3", first)).device!;
    await strangersGuessCodes();
    expect((await tryPassbook("RA-013", "12345678", VILLAGE, both)).code).toBe("ok");
    expect((await tryPassbook("RA-014", "12345678", VILLAGE, both)).code).toBe("ok");
    expect((await tryPassbook("RA-015", "12345678", VILLAGE, both)).code).toBe("passbook_throttled");
  });

  it("a tampered, foreign or sign-in cookie counts as an unknown device", async () => {
    const phone = (await tryPassbook("RA-001", "12345678", VILLAGE)).device!;
    const strangers = (await tryPassbook("RA-020", "12345678", "10.4.4.3")).device!;
    const foreign = await cookieUnderOtherSecret(
      async () => (await tryPassbook("RA-001", "12345678", "10.4.4.1")).device,
    );
    const signInCookie = (await trySignIn("bendahara", PASSWORD, "10.4.4.2")).device!;
    await strangersGuessCodes();
    for (const cookie of [tampered(strangers, "ratu-damai:RA-001"), strangers, foreign!, signInCookie])
      expect((await tryPassbook("RA-001", "12345678", VILLAGE, cookie)).code, cookie).toBe("passbook_throttled");
    expect((await tryPassbook("RA-001", "12345678", VILLAGE, phone)).code).toBe("ok");
  });
});

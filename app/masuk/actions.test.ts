import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { settingsChanged } from "@/server/env";
import { createUser } from "@/server/verbs/users/create-user";
import { newRequest, redirectOf, request } from "@/server/testing/next-request";

vi.mock("next/headers", () => import("@/server/testing/next-request").then((m) => m.headersModule));
vi.mock("next/navigation", () => import("@/server/testing/next-request").then((m) => m.navigationModule));
const { signInAction } = await import("./actions");

/**
 * The sign-in form's action at the HTTP edge: the device cookie it sets (and its attributes), and
 * the one it reads back from the Cookie header, behind the front server (the address in x-kt-client).
 */
const PASSWORD = "sandi-yang-panjang-sekali";
const VILLAGE = "10.88.0.1";
const dir = mkdtempSync(path.join(tmpdir(), "kas-terbuka-masuk-"));
const saved = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, {
    DATABASE_URL: `file:${path.join(dir, "test.db")}`,
    NEXTAUTH_SECRET: "masuk-action-test-secret-0123456789-abcdef",
    KT_FRONT: "1",
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

async function submit(username: string, password: string, cookie?: string) {
  newRequest({ "x-kt-client": VILLAGE, ...(cookie ? { cookie } : {}) });
  const form = new FormData();
  form.set("username", username);
  form.set("password", password);
  return { to: await redirectOf(signInAction(form)), set: request.set };
}

describe("sign-in form and the device cookie", () => {
  it("a right sign-in sets the device cookie: HttpOnly, SameSite=Lax, site-wide, 400 days", async () => {
    const r = await submit("bendahara", PASSWORD);
    expect(r.to).toBe("/admin");
    const device = r.set.find((c) => c.name === "perangkat");
    expect(device).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false, path: "/", maxAge: 400 * 86_400 });
    expect(device!.value).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect((await submit("bendahara", "salah-sekali")).set).toEqual([]); // a refusal sets nothing
  });

  it("is Secure when the portal is served over https", async () => {
    process.env.NEXTAUTH_URL = "https://kas.example.org";
    settingsChanged();
    try {
      const r = await submit("bendahara", PASSWORD);
      expect(r.set.find((c) => c.name === "perangkat")?.secure).toBe(true);
    } finally {
      delete process.env.NEXTAUTH_URL;
      settingsChanged();
    }
  });

  it("after eleven strangers' wrong tries from the address, the browser with the cookie signs in at once", async () => {
    const device = (await submit("bendahara", PASSWORD)).set.find((c) => c.name === "perangkat")!.value;
    for (let i = 1; i <= 11; i++) expect((await submit(`orang-${i}`, "salah-sekali")).to).toBe("/masuk?gagal=1");
    expect((await submit("bendahara", PASSWORD)).to).toMatch(/^\/masuk\?gagal=tunggu&detik=\d+$/);
    const edited = `${device.slice(0, -1)}${device.endsWith("A") ? "B" : "A"}`;
    expect((await submit("bendahara", PASSWORD, `bahasa=id; perangkat=${edited}`)).to).toMatch(/gagal=tunggu/);
    const known = await submit("bendahara", PASSWORD, `bahasa=id; perangkat=${device}`);
    expect(known.to).toBe("/admin");
    expect(known.set.map((c) => c.name)).toEqual(["perangkat", "next-auth.session-token"]);
  });
});

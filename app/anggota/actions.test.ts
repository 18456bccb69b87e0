import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { settingsChanged } from "@/server/env";
import { seedGroup, testContext } from "@/server/testing/db";
import { newRequest, redirectOf, request } from "@/server/testing/next-request";

vi.mock("next/headers", () => import("@/server/testing/next-request").then((m) => m.headersModule));
vi.mock("next/navigation", () => import("@/server/testing/next-request").then((m) => m.navigationModule));
const { openPassbookAction } = await import("./actions");

/**
 * The passbook form's action at the HTTP edge: the device cookie it sets (only for /anggota) and
 * reads back from the Cookie header, behind the front server (the address in x-kt-client).
 */
const VILLAGE = "10.99.0.1";
const dir = mkdtempSync(path.join(tmpdir(), "kas-terbuka-anggota-"));
const saved = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, {
    DATABASE_URL: `file:${path.join(dir, "test.db")}`,
    NEXTAUTH_SECRET: "anggota-action-test-secret-0123456789-abcdef",
    KT_FRONT: "1",
  });
  settingsChanged();
  await seedGroup(testContext(await getDatabase()), "ratu-damai", 13); // RA-001 … RA-013, kode cek 12345678
});
afterAll(async () => {
  (await getDatabase()).close();
  rmSync(dir, { recursive: true, force: true });
  process.env = saved;
  settingsChanged();
});
beforeEach(async () => (await getDatabase()).db.run(sql`DELETE FROM throttle`));

async function submit(memberCode: string, checkCode: string, headers: Record<string, string> = {}) {
  newRequest({ "x-kt-client": VILLAGE, ...headers });
  const form = new FormData();
  form.set("kelompok", "ratu-damai");
  form.set("kode", memberCode);
  form.set("kodeCek", checkCode);
  return { to: await redirectOf(openPassbookAction(form)), set: request.set };
}

describe("passbook form and the device cookie", () => {
  it("an opened passbook sets the device cookie: HttpOnly, SameSite=Lax, /anggota only, 400 days", async () => {
    const r = await submit("RA-001", "12345678");
    expect(r.to).toBe("/anggota");
    expect(r.set.find((c) => c.name === "perangkat-buku")).toMatchObject({
      httpOnly: true,
      sameSite: "lax",
      secure: false,
      path: "/anggota",
      maxAge: 400 * 86_400,
    });
    const https = await submit("RA-001", "12345678", { "x-forwarded-proto": "https" });
    expect(https.set.every((c) => c.secure)).toBe(true);
    const refused = await submit("RA-001", "00000000");
    expect(refused.set).toEqual([]); // a refusal sets nothing
    // and sends her back with her group and member code in the form, never the kode cek.
    expect(refused.to).toBe("/anggota?gagal=1&kelompok=ratu-damai&kode=RA-001");
  });

  it("after eleven strangers' wrong codes from the address, the browser with the cookie opens at once", async () => {
    const device = (await submit("RA-001", "12345678")).set.find((c) => c.name === "perangkat-buku")!.value;
    for (let i = 2; i <= 12; i++)
      expect((await submit(`RA-${String(i).padStart(3, "0")}`, "99999999")).to).toBe(
        `/anggota?gagal=1&kelompok=ratu-damai&kode=RA-${String(i).padStart(3, "0")}`,
      );
    expect((await submit("RA-001", "12345678")).to).toMatch(
      /^\/anggota\?gagal=tunggu&detik=\d+&kelompok=ratu-damai&kode=RA-001$/,
    );
    const edited = `${device.slice(0, -1)}${device.endsWith("A") ? "B" : "A"}`;
    expect((await submit("RA-001", "12345678", { cookie: `perangkat-buku=${edited}` })).to).toMatch(/gagal=tunggu/);
    // The sign-in cookie is not the passbook's.
    expect((await submit("RA-001", "12345678", { cookie: `perangkat=${device}` })).to).toMatch(/gagal=tunggu/);
    const known = await submit("RA-001", "12345678", { cookie: `bahasa=en; perangkat-buku=${device}` });
    expect(known.to).toBe("/anggota");
    expect(known.set.map((c) => c.name)).toEqual(["perangkat-buku", "buku"]);
  });
});

import { expect, test, type APIRequestContext } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mutate, signInApi } from "./api-session";
import { E2E_DATABASE_URL, E2E_EMPTY_GROUP } from "./fixtures";

/**
 * The treasurer screen (/admin) against every kind of visitor, over HTTP as a browser sends it:
 * who is sent to /masuk, and which groups each one is shown. The same people against every tRPC
 * procedure are in server/api/admin.integration.test.ts.
 */
const PASSWORD = "sandi-e2e-yang-panjang";
const cli = (script: string, args: string[], input = "") =>
  execFileSync("npx", ["tsx", `scripts/${script}.ts`, ...args], {
    input,
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    encoding: "utf8",
  });

async function adminScreen(r: APIRequestContext) {
  const res = await r.get("/admin", { maxRedirects: 0 });
  const html = res.status() === 200 ? await res.text() : "";
  const select = /<select id="g"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
  return {
    status: res.status(),
    location: res.headers().location ?? null,
    groups: [...select.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]),
    readOnly: html.includes("Anda pengawas"),
  };
}
const toSignIn = { status: 307, location: "/masuk", groups: [], readOnly: false };
const groupsMine = async (r: APIRequestContext) => (await r.get("/api/trpc/admin.groups.mine")).status();

test("the treasurer screen: each kind of user sees only her groups; no session, a forged one or an ended one goes to /masuk", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const as = async (username?: string, password = PASSWORD) => {
    const r = await playwright.request.newContext({ baseURL });
    if (username) await signInApi(r, baseURL!, username, password);
    return r;
  };
  const suffix = Date.now().toString(36);
  for (const u of ["nonaktif", "keluar", "ganti"])
    cli("user-add", ["--username", `${u}-${suffix}`, "--role", "bendahara", "--group", "ratu-damai"], `${PASSWORD}\n`);

  expect(await adminScreen(await as())).toEqual(toSignIn);
  const forgedCookie = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: {
      cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.palsu.palsu.palsu.palsu",
    },
  });
  expect(await adminScreen(forgedCookie)).toEqual(toSignIn);
  expect(await groupsMine(forgedCookie)).toBe(401);

  expect(await adminScreen(await as("bendahara-rd", "demo-bendahara-ratu-damai"))).toEqual({
    status: 200,
    location: null,
    groups: ["ratu-damai"],
    readOnly: false,
  });
  expect(await adminScreen(await as("bendahara-cd", "demo-bendahara-compang-dalo"))).toEqual({
    status: 200,
    location: null,
    groups: ["compang-dalo"],
    readOnly: false,
  });
  expect(await adminScreen(await as("pengawas-rd", "demo-pengawas-ratu-damai"))).toEqual({
    status: 200,
    location: null,
    groups: ["ratu-damai"],
    readOnly: true,
  });
  const admin = await adminScreen(await as("admin-demo", "demo-admin-kas-terbuka"));
  expect(admin.groups.sort()).toEqual(["compang-dalo", E2E_EMPTY_GROUP.slug, "ratu-damai"].sort());

  // Disabled while signed in: the open session ends at once, and she cannot sign in again.
  const disabled = await as(`nonaktif-${suffix}`);
  expect((await adminScreen(disabled)).groups).toEqual(["ratu-damai"]);
  cli("user-disable", ["--username", `nonaktif-${suffix}`]);
  expect(await adminScreen(disabled)).toEqual(toSignIn);
  expect(await groupsMine(disabled)).toBe(401);
  await expect(as(`nonaktif-${suffix}`)).rejects.toThrow(/sign-in failed|401/);

  // Signing out on one phone ends her session on the other too.
  const phoneA = await as(`keluar-${suffix}`);
  const phoneB = await as(`keluar-${suffix}`);
  const { csrfToken } = await (await phoneB.get("/api/auth/csrf")).json();
  await phoneB.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  expect(await adminScreen(phoneA)).toEqual(toSignIn);
  expect(await groupsMine(phoneA)).toBe(401);

  // A password change ends every earlier session; the new password signs in.
  const oldPhone = await as(`ganti-${suffix}`);
  const newPhone = await as(`ganti-${suffix}`);
  const changed = await mutate(newPhone, baseURL!, "admin.account.changePassword", {
    currentPassword: PASSWORD,
    newPassword: `${PASSWORD}-baru`,
  });
  expect(changed.ok(), await changed.text()).toBe(true);
  expect(await adminScreen(oldPhone)).toEqual(toSignIn);
  expect(await adminScreen(newPhone)).toEqual(toSignIn);
  expect((await adminScreen(await as(`ganti-${suffix}`, `${PASSWORD}-baru`))).groups).toEqual(["ratu-damai"]);
});

import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { mutate, signInApi, todayWita } from "./api-session";
import { E2E_DATABASE_URL } from "./fixtures";

/**
 * Scaling out on one machine: a second `npm start` on the e2e database, beside the e2e server.
 * Both serve; a treasurer writes through the first; the second's cached pages are current at its
 * very next request (its front server sees the other process's commit: README "Scaling out").
 */
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "runs once");

const PORT = 3470 + Math.floor(Math.random() * 20);
const SECOND = `http://127.0.0.1:${PORT}`;

test("two servers on one database: a post through one is on the other's cached pages at its next request", async ({
  request,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const second = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: E2E_DATABASE_URL,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      NEXTAUTH_URL: SECOND,
      NEXTAUTH_SECRET: "e2e-second-server-secret-0123456789",
      TRUST_PROXY: "",
    },
    stdio: "ignore",
    detached: true,
  });
  const visitor = await playwright.request.newContext({ baseURL: SECOND });
  try {
    for (let i = 0; ; i++) {
      const up = await visitor.get("/api/open/groups.json").catch(() => null);
      if (up?.ok()) break;
      if (i > 150) throw new Error("the second server did not start");
      await new Promise((r) => setTimeout(r, 400));
    }
    const ledger = "/kelompok/ratu-damai/buku-kas";
    const open = "/api/open/groups/ratu-damai.json";
    await visitor.get(ledger);
    await visitor.get(open);
    expect((await visitor.get(ledger)).headers()["x-kt-cache"]).toBe("hit");
    expect((await visitor.get(open)).headers()["x-kt-cache"]).toBe("hit");

    // The treasurer writes through the first server (another process, another connection).
    await signInApi(request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
    const posted = await mutate(request, baseURL!, "admin.contributions.record", {
      groupSlug: "ratu-damai",
      date: todayWita(),
      idempotencyKey: `two-servers-${Date.now()}`,
      lines: [{ memberCode: "RD-001", amount: 5000, kind: "voluntary" }],
    });
    expect(posted.ok(), await posted.text()).toBe(true);
    const { seq } = (await posted.json()).result.data as { seq: number };

    const fresh = await visitor.get(ledger);
    expect(fresh.headers()["x-kt-cache"]).toBe("miss");
    expect(await fresh.text()).toContain(`id="no-${seq}"`);
    expect(((await (await visitor.get(open)).json()) as { lastSeq: number }).lastSeq).toBe(seq);
    expect((await visitor.get(ledger)).headers()["x-kt-cache"]).toBe("hit");
  } finally {
    await visitor.dispose();
    const exited = new Promise((r) => second.once("exit", r));
    process.kill(-second.pid!, "SIGTERM");
    await exited;
  }
});

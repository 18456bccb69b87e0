import { expect, request as pwRequest, test } from "@playwright/test";
import { createClient } from "@libsql/client";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { mutate, signInApi, todayWita } from "./api-session";

/**
 * Kill -9 the production server mid-stream, several times: every acknowledged post is there
 * exactly once, nothing is half-written, a retry with the same key never doubles, and
 * `npm run verify` passes. Durability: WAL + synchronous=FULL (db/client.ts). Twice: Next alone (the
 * API in Next, writing on its own thread), and `npm start` (the front server answering the API, its
 * writes on the writer thread, server/writer) — every process of it killed at once.
 */
test.describe.configure({ mode: "serial" });
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "runs once");

const PORT = 3400 + Math.floor(Math.random() * 50);
const BASE = `http://127.0.0.1:${PORT}`;
const KILLS = 3;

const SERVERS = [
  {
    name: "Next alone",
    start: (env: NodeJS.ProcessEnv) =>
      spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
        env,
        stdio: "ignore",
      }),
    kill: (p: ChildProcess, signal: NodeJS.Signals) => p.kill(signal),
  },
  {
    name: "npm start, writes on the writer thread",
    start: (env: NodeJS.ProcessEnv) =>
      spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
        env: { ...env, PORT: String(PORT), HOST: "127.0.0.1", TRUST_PROXY: undefined, FRONT_API: "1" },
        stdio: "ignore",
        detached: true, // its own process group: the front server with its writer thread, Next, the warm-up
      }),
    kill: (p: ChildProcess, signal: NodeJS.Signals) => process.kill(-p.pid!, signal),
  },
];

for (const server of SERVERS)
  test(`no acknowledged entry is lost or doubled across SIGKILLs (${server.name})`, async () => {
    test.setTimeout(240_000);
    const dir = mkdtempSync(path.join(tmpdir(), "kt-crash-"));
    const env = {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, "crash.db")}`,
      NEXTAUTH_SECRET: "crash-test-secret-0123456789-0123456789",
      NEXTAUTH_URL: BASE,
      TRUST_PROXY: "",
    };
    execFileSync("npx", ["tsx", "e2e/crash-fixture.ts"], { env, stdio: "inherit" });

    const proc: { server: ChildProcess | null } = { server: null };
    const start = async () => {
      proc.server = server.start(env);
      for (let i = 0; i < 100; i++) {
        try {
          if ((await fetch(`${BASE}/api/open/groups.json`)).ok) return;
        } catch {}
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error("server did not start");
    };
    const api = await pwRequest.newContext();
    const acked = new Set<string>();
    const tried = new Set<string>();
    const date = todayWita();
    let n = 0;
    let retried = 0;
    const post = async () => {
      const k = `crash-key-${String(n++).padStart(4, "0")}`;
      tried.add(k);
      try {
        const r = await mutate(api, BASE, "admin.contributions.record", {
          groupSlug: "uji-crash",
          date,
          idempotencyKey: k,
          // Voluntary savings: any number a day (a day's iuran is paid once, which is not what this tests).
          lines: [
            { memberCode: "UC-001", amount: 1000, kind: "voluntary" },
            { memberCode: "UC-002", amount: 1000, kind: "voluntary" },
          ],
        });
        if (r.ok()) acked.add(k);
      } catch {
        // connection died with the server: not acknowledged
      }
    };
    try {
      await start();
      await signInApi(api, BASE, "bendahara-uji", "kata-sandi-uji-crash");
      for (let kill = 0; kill < KILLS; kill++) {
        for (let i = 0; i < 10; i++) await post();
        // Fire a burst and kill the server while it is writing.
        const burst = Promise.all(Array.from({ length: 10 }, post));
        await new Promise((r) => setTimeout(r, 30 + kill * 20));
        const dying = proc.server!;
        server.kill(dying, "SIGKILL");
        await burst;
        await new Promise((r) => (dying.exitCode !== null || dying.signalCode ? r(null) : dying.once("exit", r)));
        await start();
        // Retry everything that was not acknowledged, with the same keys: never doubles.
        for (const k of [...tried].filter((k) => !acked.has(k))) {
          const r = await mutate(api, BASE, "admin.contributions.record", {
            groupSlug: "uji-crash",
            date,
            idempotencyKey: k,
            lines: [
              { memberCode: "UC-001", amount: 1000, kind: "voluntary" },
              { memberCode: "UC-002", amount: 1000, kind: "voluntary" },
            ],
          });
          expect(r.ok(), await r.text()).toBe(true);
          acked.add(k);
          retried++;
        }
      }
    } finally {
      if (proc.server) server.kill(proc.server, "SIGTERM");
      await api.dispose();
    }
    expect(acked.size).toBe(tried.size);
    expect(retried, "the kills interrupted posts in flight").toBeGreaterThan(0);
    const db = createClient({ url: env.DATABASE_URL });
    const rows = (
      await db.execute("SELECT idempotency_key AS k, count(*) AS n FROM journal_entries GROUP BY idempotency_key")
    ).rows;
    const counts = new Map(rows.map((r) => [String(r.k), Number(r.n)]));
    for (const k of acked) expect(counts.get(k), k).toBe(1);
    const half = await db.execute(
      "SELECT count(*) AS n FROM journal_entries e WHERE (SELECT count(*) FROM postings p WHERE p.entry_id = e.id) < 2",
    );
    expect(Number(half.rows[0]!.n)).toBe(0);
    db.close();
    execFileSync("npx", ["tsx", "scripts/verify.ts"], { env, stdio: "inherit" }); // throws on a non-zero exit
    console.log(
      `crash test: ${KILLS} kills survived, ${tried.size} posts, ${retried} cut off by a kill and retried with their key, all present exactly once`,
    );
  });

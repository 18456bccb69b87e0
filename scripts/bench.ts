/**
 * npm run bench [-- --db file:data/scale.db --group slug --seconds 5] [-- --only bytes]
 * Builds if needed, starts the production server on loopback against the named database, and
 * measures in one run (wrk on 127.0.0.1, bounded in time): req/s and p50/p99 per public page,
 * next to Next's static best case and a plain node:http server sending the same bytes; the group
 * page's render time; bytes over the wire for a first and a returning visit (headless chromium);
 * entries posted per second by concurrent treasurers while readers load pages, then verify; the
 * treasurer app's bytes (script over a first visit to /masuk and /admin, a second visit, the largest
 * API answer). `--only bytes` measures the bytes alone (a minute, not a quarter of an hour); `--only writer
 * --scale file:data/scale.db` the posting at scale alone (posts a second, readers with and without writes).
 * Prints a table and writes it under bench/.
 */
import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { migrateDatabase, openDatabase } from "@/db/client";
import { ksmGroups } from "@/db/schema";
import { createUser } from "@/server/verbs/users/create-user";
import { verifyCredentials } from "@/server/verbs/users/sign-in";
import { buildIfNeeded } from "./next-build";
import { ensureAuthSecret } from "./serve";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};
const SOURCE_DB = arg("db", "file:data/kas-terbuka.db");
const SECONDS = Number(arg("seconds", "5"));
/** `--only bytes`: the bytes sections alone (no wrk, no posting, no scale database). */
const ONLY = arg("only", "");
/** The treasurer the bench adds to its copy of the database, for the treasurer app's first visit. */
const BENCH_TREASURER = { username: "bench-bytes", password: "bench-bytes-kata-sandi" };
const PORT = 3900;
const APP_PORT = 3910;
/** The portal as visitors reach it (front server), and the app behind it (Next, no page cache). */
const BASE = `http://127.0.0.1:${PORT}`;
const APP = `http://127.0.0.1:${APP_PORT}`;

/** `npm start` on loopback: the front server on `port`, Next on `appPort`; its own process group. */
function startPortal(env: NodeJS.ProcessEnv, port: number, appPort: number, log: number): ChildProcess {
  return spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", APP_PORT: String(appPort) },
    stdio: ["ignore", log, log],
    detached: true,
  });
}
async function stopPortal(p: ChildProcess) {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise((r) => p.once("exit", r));
  process.kill(-p.pid!, "SIGTERM");
  await exited;
}

interface Wrk {
  rps: number;
  p50: number;
  p99: number;
}

function wrk(url: string, connections = 16, extra: string[] = []): Wrk {
  return parseWrk(execFileSync("wrk", wrkArgs(url, connections, extra), { encoding: "utf8" }));
}
const wrkArgs = (url: string, connections: number, extra: string[]) => [
  "-t2",
  `-c${connections}`,
  `-d${SECONDS}s`,
  "--latency",
  ...extra,
  url,
];
/** wrk in the background: the bench's own event loop keeps running (the writers live in it). */
function wrkAsync(url: string, connections = 16, extra: string[] = []): Promise<Wrk> {
  return new Promise((resolve, reject) =>
    execFile("wrk", wrkArgs(url, connections, extra), { encoding: "utf8" }, (err, out) =>
      err ? reject(err) : resolve(parseWrk(out)),
    ),
  );
}
function parseWrk(out: string): Wrk {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const ms = (label: string) => {
    const m = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!m) return NaN;
    const v = Number(m[1]);
    return m[2] === "us" ? v / 1000 : m[2] === "s" ? v * 1000 : v;
  };
  return { rps, p50: ms("50"), p99: ms("99") };
}

async function waitUp(url: string) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not up: ${url}`);
}

async function renderMs(url: string, n = 15): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    // A fresh connection each time (curl): the server's render time plus a loopback round trip.
    times.push(
      Number(execFileSync("curl", ["-s", "-o", "/dev/null", "-w", "%{time_total}", url], { encoding: "utf8" })) * 1000,
    );
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)]!;
}

async function bytesOf(urls: string[]) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const out: { url: string; first: number; returning: number; js: number }[] = [];
  for (const url of urls) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    let total = 0;
    let js = 0;
    const types = new Map<string, string>();
    cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
    cdp.on("Network.loadingFinished", (e) => {
      total += e.encodedDataLength;
      if (types.get(e.requestId) === "Script") js += e.encodedDataLength;
    });
    await page.goto(BASE + url, { waitUntil: "networkidle" });
    const first = total;
    const firstJs = js;
    total = 0;
    await page.goto(BASE + url, { waitUntil: "networkidle" });
    out.push({ url, first, returning: total, js: firstJs });
    await context.close();
  }
  await browser.close();
  return out;
}

/**
 * A treasurer's first visit on a phone (a fresh browser at 360 px): /masuk, signed in with its form,
 * then /admin — every script counted once, as sent (compressed); then a second visit with the app's
 * service worker in control (scripts that still came from the network); then the largest answer of
 * the admin API's reads for the group (decoded JSON).
 */
async function treasurerBytes(slugs: string[]) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    // A script's body as sent (compressed), without its headers: as the e2e byte budget counts it.
    const scripts = new Map<string, { url: string; fromWorker: boolean; headers: number }>();
    const sent = new Map<string, number>();
    cdp.on("Network.responseReceived", (e) => {
      if (e.type === "Script")
        scripts.set(e.requestId, {
          url: e.response.url,
          fromWorker: !!e.response.fromServiceWorker,
          headers: e.response.encodedDataLength,
        });
    });
    cdp.on("Network.loadingFinished", (e) => sent.set(e.requestId, e.encodedDataLength));
    const scriptBytes = () => {
      const byUrl = new Map<string, number>();
      for (const [id, s] of scripts) if (!s.fromWorker) byUrl.set(s.url, Math.max(0, (sent.get(id) ?? 0) - s.headers));
      return { files: byUrl.size, bytes: [...byUrl.values()].reduce((a, b) => a + b, 0) };
    };
    await page.goto(`${BASE}/masuk`, { waitUntil: "networkidle" });
    const masuk = scriptBytes();
    await page.getByLabel("Nama pengguna").fill(BENCH_TREASURER.username);
    await page.getByLabel("Kata sandi").fill(BENCH_TREASURER.password);
    await Promise.all([page.waitForURL(/\/admin$/), page.locator("form button[type=submit]").click()]);
    await page.waitForLoadState("networkidle");
    const first = scriptBytes();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 2000)); // the worker keeps what the first visit loaded
    scripts.clear();
    await page.goto(`${BASE}/admin`, { waitUntil: "networkidle" });
    const second = scriptBytes();
    const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Makassar", year: "numeric", month: "2-digit" })
      .format(new Date())
      .slice(0, 7);
    const reads: [string, Record<string, unknown>][] = [
      ["members.list", {}],
      ["loans.list", {}],
      ["loans.open", {}],
      ["cash.onHand", {}],
      ["entries.list", { limit: 30 }],
      ["seals.list", {}],
      ["audit.list", { limit: 50 }],
      ["year.rule", {}],
      ["year.oldestOpen", {}],
      ["signing.waiting", {}],
      ["signing.queries", {}],
      ["lending.rule", {}],
      ["contributions.paidDays", { from: `${month}-01`, to: `${month}-28` }],
    ];
    let largest = { name: "", slug: "", bytes: 0 };
    for (const slug of slugs)
      for (const [name, input] of reads) {
        const r = await context.request.get(
          `${BASE}/api/trpc/admin.${name}?input=${encodeURIComponent(JSON.stringify({ groupSlug: slug, ...input }))}`,
        );
        const bytes = (await r.body()).length;
        if (r.ok() && bytes > largest.bytes) largest = { name, slug, bytes };
      }
    await context.close();
    return { masuk, first, second, largest };
  } finally {
    await browser.close();
  }
}

/** Entries posted per second: one entry per request (record), or `batch` days per request (recordQueued, a phone's offline queue). */
async function postRate(
  groups: { slug: string; username: string; password: string; members: string[] }[],
  seconds: number,
  batch = 1,
  base = BASE,
) {
  const { request } = await import("@playwright/test");
  const date = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Makassar",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  let posted = 0;
  let failed = 0;
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    groups.flatMap((g) =>
      [0, 1].map(async (w) => {
        const api = await request.newContext();
        const { csrfToken } = await (await api.get(`${base}/api/auth/csrf`)).json();
        await api.post(`${base}/api/auth/callback/credentials`, {
          form: { csrfToken, username: g.username, password: g.password, json: "true" },
        });
        let i = 0;
        while (Date.now() < deadline) {
          const day = () => ({
            date,
            idempotencyKey: `bench-${g.slug}-${w}-${Date.now()}-${i++}`,
            // Voluntary savings: a member pays a day's Rp 1.000 once, so repeated posts of daily lines
            // for today would be refused (already collected) after the first; the entry is the same shape.
            lines: g.members.map((memberCode) => ({ memberCode, amount: 1000, kind: "voluntary" })),
          });
          const r =
            batch === 1
              ? await api.post(`${base}/api/trpc/admin.contributions.record`, {
                  data: { groupSlug: g.slug, ...day() },
                  headers: { origin: base },
                })
              : await api.post(`${base}/api/trpc/admin.contributions.recordQueued`, {
                  data: { groupSlug: g.slug, days: Array.from({ length: batch }, day) },
                  headers: { origin: base },
                });
          if (r.ok() && batch > 1) {
            const days = (await r.json()).result.data as { ok: boolean }[];
            posted += days.filter((d) => d.ok).length;
            failed += days.filter((d) => !d.ok).length;
            continue;
          }
          if (r.ok()) posted++;
          else failed++;
        }
        await api.dispose();
      }),
    ),
  );
  return { perSecond: posted / seconds, posted, failed };
}

/**
 * Sign-in refusal timing, unknown user vs wrong password (in process, on a scratch database,
 * throttle cleared between tries, the two kinds interleaved). The test suite proves both do the
 * same work; this reports what that costs in milliseconds on this machine.
 */
async function signinTiming(n = 40) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kt-bench-signin-"));
  const database = await openDatabase(`file:${path.join(dir, "signin.db")}`);
  try {
    await migrateDatabase(database);
    await createUser(
      { database, actor: "bench" },
      { username: "bendahara-bench", password: "sandi-bench-panjang", role: "bendahara", groupSlugs: [] },
    );
    const times = { unknown: [] as number[], wrong: [] as number[] };
    const timeOne = async (username: string) => {
      await database.db.run(sql`DELETE FROM throttle`);
      const t0 = performance.now();
      await verifyCredentials(database, { username, password: "salah-sekali", address: "127.0.0.1" }).catch(() => null);
      return performance.now() - t0;
    };
    await timeOne("pemanasan"); // the decoy hash is made once per process
    for (let i = 0; i < n; i++) {
      times.unknown.push(await timeOne(`tidak-ada-${i}`));
      times.wrong.push(await timeOne("bendahara-bench"));
    }
    const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
    return {
      n,
      unknown: { p50: q(times.unknown, 0.5), p90: q(times.unknown, 0.9) },
      wrong: { p50: q(times.wrong, 0.5), p90: q(times.wrong, 0.9) },
    };
  } finally {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Warm after a restart, at scale: the first visit to a group (one never visited since the start)
 * against later visits to it, rendered by Next with no page cache. The server's own warm-up has
 * run to its end before the restart (as it does in the background of every start); the route's
 * code is loaded by a visit to another group first. Budget: first ≤ 1.3 × later.
 */
async function warmAfterRestart(scaleDb: string, env: NodeJS.ProcessEnv, serverLog: number) {
  execFileSync(path.join("node_modules", ".bin", "tsx"), ["scripts/warm.ts"], {
    env: { ...env, DATABASE_URL: scaleDb },
    stdio: "ignore",
  });
  const [port, appPort] = [PORT + 6, APP_PORT + 6];
  const app = `http://127.0.0.1:${appPort}`;
  const portal = startPortal(
    { ...env, DATABASE_URL: scaleDb, NEXTAUTH_URL: `http://127.0.0.1:${port}` },
    port,
    appPort,
    serverLog,
  );
  try {
    await waitUp(`${app}/icon.svg`);
    const slugs = ((await (await fetch(`${app}/api/open/groups.json`)).json()).groups as { slug: string }[]).map(
      (g) => g.slug,
    );
    await new Promise((r) => setTimeout(r, 3000)); // the start's own warm-up: reading what is kept
    await renderMs(`${app}/kelompok/${slugs[0]}`, 1);
    const first: number[] = [];
    const later: number[] = [];
    for (let i = 0; i < 7; i++) {
      const url = `${app}/kelompok/${slugs[Math.floor(((i + 1) * slugs.length) / 8)]}`;
      first.push(await renderMs(url, 1));
      later.push(await renderMs(url, 5));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return { groups: slugs.length, first: median(first), later: median(later) };
  } finally {
    await stopPortal(portal);
  }
}

/**
 * Posting at scale, the way the portal is used: treasurers of a few groups post while readers
 * browse other groups' pages (rotating over 50 of them) — on a copy of the scale database, so the
 * named one is never written. Readers of a group being written to are measured on the demo copy.
 */
async function postingAtScale(
  scaleDb: string,
  env: NodeJS.ProcessEnv,
  log: (s: string) => void,
  serverLog: number,
): Promise<{ single: number; queued: number; readersAlone: number; readersWhileWriting: number }> {
  const dir = path.join("bench", "tmp");
  const copy = path.join(dir, "scale-post.db");
  const source = scaleDb.slice("file:".length);
  for (const ext of ["", "-wal"]) rmSync(copy + ext, { force: true });
  cpSync(source, copy);
  try {
    cpSync(`${source}-wal`, `${copy}-wal`);
  } catch {}
  const database = await openDatabase(`file:${copy}`);
  await migrateDatabase(database);
  const slugs = ["ksm-skala-0001", "ksm-skala-0002"];
  const writers = [];
  for (const [i, slug] of slugs.entries()) {
    const username = `bench-${i}`;
    await createUser(
      { database, actor: "bench" },
      { username, password: "bench-kata-sandi", role: "bendahara", groupSlugs: [slug] },
    );
    writers.push({ slug, username, password: "bench-kata-sandi", members: ["SK-002", "SK-003", "SK-004"] });
  }
  database.close();
  const [port, appPort] = [PORT + 4, APP_PORT + 4];
  const base = `http://127.0.0.1:${port}`;
  // The API on the front server, its writes on the writer thread (FRONT_API=1, not yet npm start's default).
  const portal = startPortal(
    { ...env, DATABASE_URL: `file:${copy}`, NEXTAUTH_URL: base, FRONT_API: "1" },
    port,
    appPort,
    serverLog,
  );
  try {
    await waitUp(`${base}/metodologi`);
    const readPaths = Array.from(
      { length: 50 },
      (_, i) => `/kelompok/ksm-skala-${String(100 + i * 17).padStart(4, "0")}`,
    );
    for (const p of readPaths) await fetch(base + p); // first renders (each group's read model is built once)
    const lua = path.join(dir, "rotate.lua");
    writeFileSync(
      lua,
      `local paths = {${readPaths.map((p) => JSON.stringify(p)).join(",")}}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", paths[(i % #paths) + 1])\nend\n`,
    );
    const readers = () => wrkAsync(`${base}/`, 8, ["-s", lua]);
    // The same readers with nobody writing: what a post costs them is the ratio of the two.
    const alone = await readers();
    const [single, singleRead] = await Promise.all([postRate(writers, SECONDS, 1, base), readers()]);
    const [queued, queuedRead] = await Promise.all([postRate(writers, SECONDS, 10, base), readers()]);
    await stopPortal(portal);
    const verify = slugs.map((slug) =>
      execFileSync("npx", ["tsx", "scripts/verify.ts", `--group=${slug}`], {
        env: { ...env, DATABASE_URL: `file:${copy}` },
        encoding: "utf8",
      }).trim(),
    );
    log("");
    log(
      `Posting at scale (copy of ${scaleDb}): ${writers.length * 2} treasurer sessions of ${slugs.length} groups post while readers browse 50 other groups' pages (wrk, 8 connections, through the front server; the API on the front server, its writes on the writer thread):`,
    );
    log(
      `- readers alone, nobody writing: ${alone.rps.toFixed(0)} req/s, p50 ${alone.p50.toFixed(1)} ms, p99 ${alone.p99.toFixed(1)} ms`,
    );
    log(
      `- one collection day per request: ${single.perSecond.toFixed(0)} entries/s (${single.posted} posted, ${single.failed} refused); readers ${singleRead.rps.toFixed(0)} req/s, p50 ${singleRead.p50.toFixed(1)} ms, p99 ${singleRead.p99.toFixed(1)} ms`,
    );
    log(
      `- offline queues, 10 days per request: ${queued.perSecond.toFixed(0)} entries/s (${queued.posted} posted, ${queued.failed} refused); readers ${queuedRead.rps.toFixed(0)} req/s, p50 ${queuedRead.p50.toFixed(1)} ms, p99 ${queuedRead.p99.toFixed(1)} ms`,
    );
    log(
      `- readers while single entries are posted ÷ readers alone: ${(singleRead.rps / alone.rps).toFixed(2)}; while offline queues are: ${(queuedRead.rps / alone.rps).toFixed(2)}`,
    );
    log(`- afterwards, the written groups: ${verify.join("; ")}`);
    return {
      single: single.perSecond,
      queued: queued.perSecond,
      readersAlone: alone.rps,
      readersWhileWriting: singleRead.rps,
    };
  } finally {
    await stopPortal(portal);
    for (const ext of ["", "-wal", "-shm"]) rmSync(copy + ext, { force: true });
  }
}

/** The bytes sections: public pages (first and returning visit), then the treasurer app. */
async function logBytes(slug: string, slugs: string[], log: (s: string) => void) {
  const bytes = await bytesOf([
    "/",
    `/kelompok/${slug}`,
    `/kelompok/${slug}/buku-kas`,
    "/dampak",
    "/bandingkan?amount=1000000&months=4",
  ]);
  log("| page | first visit KB (all, as sent) | of which JS KB | returning visit KB |");
  log("|---|---:|---:|---:|");
  for (const b of bytes)
    log(
      `| ${b.url} | ${(b.first / 1024).toFixed(1)} | ${(b.js / 1024).toFixed(1)} | ${(b.returning / 1024).toFixed(1)} |`,
    );
  log("");
  const t = await treasurerBytes(slugs);
  const kb = (n: number) => (n / 1024).toFixed(1);
  log(
    "The treasurer app (360 px, a fresh browser; script as sent, compressed; budget ≤ 150 KB over /masuk and /admin):",
  );
  log("| | scripts | KB |");
  log("|---|---:|---:|");
  log(`| /masuk, first visit | ${t.masuk.files} | ${kb(t.masuk.bytes)} |`);
  log(`| /masuk then /admin, first visit (each script once) | ${t.first.files} | ${kb(t.first.bytes)} |`);
  log(
    `| /admin, second visit (the app's worker in control): from the network | ${t.second.files} | ${kb(t.second.bytes)} |`,
  );
  log("");
  log(
    `Largest answer of the admin API's reads over the ${slugs.length} groups (decoded JSON; budget ≤ 100 KB): admin.${t.largest.name} of ${t.largest.slug}, ${kb(t.largest.bytes)} KB.`,
  );
  log("");
}

async function main() {
  if (!SOURCE_DB.startsWith("file:")) throw new Error("bench copies an embedded file database");
  if (ONLY !== "bytes" && (spawnSync("wrk", ["-v"]).error as NodeJS.ErrnoException | undefined)?.code === "ENOENT")
    throw new Error("bench needs wrk (HTTP load on 127.0.0.1): apt-get install wrk");
  // A build left from older code would measure that code; --keep-build uses it all the same (for what
  // runs outside Next: the front server, the writer thread).
  buildIfNeeded({ always: !process.argv.includes("--keep-build") });
  // Work on a copy, so the posting test never touches the named database.
  const dir = path.join("bench", "tmp");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (ONLY === "writer") {
    const lines: string[] = [];
    const log = (s: string) => {
      console.log(s);
      lines.push(s);
    };
    return writerOnly({ ...process.env, NEXTAUTH_SECRET: ensureAuthSecret() }, dir, log, lines);
  }
  const copy = path.join(dir, "bench.db");
  execFileSync("npx", ["tsx", "scripts/backup.ts", "--to", `${copy}.new`], {
    env: { ...process.env, DATABASE_URL: SOURCE_DB },
    stdio: "ignore",
  });
  cpSync(`${copy}.new`, copy);
  // A treasurer of every group, on the copy only: the treasurer app's first visit is measured as hers.
  const bench = await openDatabase(`file:${copy}`);
  try {
    await migrateDatabase(bench);
    const slugs = (await bench.db.select({ slug: ksmGroups.slug }).from(ksmGroups)).map((g) => g.slug);
    await createUser({ database: bench, actor: "bench" }, { ...BENCH_TREASURER, role: "bendahara", groupSlugs: slugs });
  } finally {
    bench.close();
  }
  const env = { ...process.env, DATABASE_URL: `file:${copy}`, NEXTAUTH_SECRET: ensureAuthSecret(), NEXTAUTH_URL: BASE };
  const serverLog = openSync(path.join(dir, "server.log"), "w");
  const server = startPortal(env, PORT, APP_PORT, serverLog);
  const lines: string[] = [];
  const log = (s: string) => {
    console.log(s);
    lines.push(s);
  };
  try {
    await waitUp(`${BASE}/api/open/groups.json`);
    const groups = (await (await fetch(`${BASE}/api/open/groups.json`)).json()).groups as { slug: string }[];
    if (!groups.length)
      throw new Error(`${SOURCE_DB} holds no group: write the demo first (npm run db:seed), or pass --db`);
    const slug = arg("group", groups[0]!.slug);
    if (ONLY === "bytes") {
      log(`# Kas Terbuka benchmark, bytes only — ${new Date().toISOString()}`);
      log(
        `Database ${SOURCE_DB} (${groups.length} groups), group ${slug}; headless chromium, a fresh browser each time.`,
      );
      log("");
      await logBytes(
        slug,
        groups.map((g) => g.slug),
        log,
      );
      await stopPortal(server);
      writeResults(lines, "-bytes");
      return;
    }
    const pages = [
      "/",
      `/kelompok/${slug}`,
      `/kelompok/${slug}/buku-kas`,
      "/dampak",
      "/bandingkan?amount=1000000&months=4",
      `/api/open/groups/${slug}.json`,
    ];
    for (const p of pages) await fetch(BASE + p); // warm up
    const html = await (await fetch(`${BASE}/kelompok/${slug}`)).text();
    // The machine's limit: a plain node:http server (its own process) sending the same bytes from memory.
    writeFileSync(path.join(dir, "page.html"), html);
    const plain = spawn(
      process.execPath,
      [
        "-e",
        `const b=require("fs").readFileSync(${JSON.stringify(path.join(dir, "page.html"))});require("http").createServer((q,s)=>{s.writeHead(200,{"Content-Type":"text/html; charset=utf-8"});s.end(b)}).listen(3901,"127.0.0.1")`,
      ],
      { stdio: "ignore" },
    );
    let staticNext: Wrk;
    let node: Wrk;
    try {
      await waitUp("http://127.0.0.1:3901/");
      staticNext = wrk(`${APP}/icon.svg`); // a route Next prerenders at build (the site icon): its best case
      node = wrk("http://127.0.0.1:3901/");
    } finally {
      plain.kill("SIGTERM");
    }
    log(`# Kas Terbuka benchmark — ${new Date().toISOString()}`);
    log(
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; database ${SOURCE_DB} (${groups.length} groups); wrk -t2 -c16 -d${SECONDS}s on 127.0.0.1`,
    );
    log("");
    log(
      "Served = through the front server as visitors get it (public pages from memory, current after every write); rendered = Next itself, every request rendered.",
    );
    log("");
    log("| page | served req/s | p50 ms | p99 ms | ÷ Next static | ÷ node:http | rendered req/s | rendered p50 ms |");
    log("|---|---:|---:|---:|---:|---:|---:|---:|");
    const served: number[] = [];
    for (const p of pages) {
      const w = wrk(BASE + p);
      const r = wrk(APP + p);
      served.push(w.rps / node.rps);
      log(
        `| ${p} | ${w.rps.toFixed(0)} | ${w.p50.toFixed(1)} | ${w.p99.toFixed(1)} | ${(w.rps / staticNext.rps).toFixed(2)} | ${(w.rps / node.rps).toFixed(3)} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} |`,
      );
    }
    log(
      `| (Next static route, /icon.svg) | ${staticNext.rps.toFixed(0)} | ${staticNext.p50.toFixed(1)} | ${staticNext.p99.toFixed(1)} | 1 | ${(staticNext.rps / node.rps).toFixed(3)} |`,
    );
    log(`| (node:http, same bytes) | ${node.rps.toFixed(0)} | ${node.p50.toFixed(2)} | ${node.p99.toFixed(2)} | | 1 |`);
    log("");
    log(
      `Group page render time (median of 15 sequential requests to Next): ${(await renderMs(`${APP}/kelompok/${slug}`)).toFixed(1)} ms; served by the front server: ${(await renderMs(`${BASE}/kelompok/${slug}`)).toFixed(1)} ms.`,
    );
    log("");
    await logBytes(
      slug,
      groups.map((g) => g.slug),
      log,
    );
    // Writers: the demo treasurers, two sessions each, while wrk reads the group page.
    const demoWriters = [
      {
        slug: "ratu-damai",
        username: "bendahara-rd",
        password: "demo-bendahara-ratu-damai",
        members: ["RD-002", "RD-003", "RD-004"],
      },
      {
        slug: "compang-dalo",
        username: "bendahara-cd",
        password: "demo-bendahara-compang-dalo",
        members: ["CD-002", "CD-003", "CD-004"],
      },
    ].filter((w) => groups.some((g) => g.slug === w.slug));
    if (demoWriters.length) {
      const measure = async (batch: number) => {
        return Promise.all([postRate(demoWriters, SECONDS, batch), wrkAsync(`${BASE}/kelompok/${slug}`, 4)]);
      };
      const [single, singleRead] = await measure(1);
      const [queued, queuedRead] = await measure(10);
      await stopPortal(server);
      const verify = execFileSync("npx", ["tsx", "scripts/verify.ts"], { env, encoding: "utf8" }).trim();
      log(
        `Posting by ${demoWriters.length * 2} treasurer sessions of ${demoWriters.length} groups while readers load the page of a group being written to (worst case: every post makes the next read a render), through the front server:`,
      );
      log(
        `- one collection day per request (admin.contributions.record): ${single.perSecond.toFixed(0)} entries/s (${single.posted} posted, ${single.failed} refused); readers ${singleRead.rps.toFixed(0)} req/s`,
      );
      log(
        `- a phone's offline queue, 10 days per request (admin.contributions.recordQueued): ${queued.perSecond.toFixed(0)} entries/s (${queued.posted} posted, ${queued.failed} refused); readers ${queuedRead.rps.toFixed(0)} req/s`,
      );
      log(`- afterwards: ${verify}`);
    }
    const signin = await signinTiming();
    log("");
    log(
      `Sign-in refused (${signin.n} tries each, interleaved): unknown user p50 ${signin.unknown.p50.toFixed(1)} ms / p90 ${signin.unknown.p90.toFixed(1)} ms; wrong password p50 ${signin.wrong.p50.toFixed(1)} ms / p90 ${signin.wrong.p90.toFixed(1)} ms.`,
    );
    // Does render cost grow with the ledger? The same pages on a second (scale) database.
    const scaleDb = arg("scale", "");
    if (scaleDb) {
      const [port2, appPort2] = [PORT + 2, APP_PORT + 2];
      const [base2, app2] = [`http://127.0.0.1:${port2}`, `http://127.0.0.1:${appPort2}`];
      const s2 = startPortal({ ...env, DATABASE_URL: scaleDb, NEXTAUTH_URL: base2 }, port2, appPort2, serverLog);
      const s1 =
        server.exitCode === null && server.signalCode === null ? server : startPortal(env, PORT, APP_PORT, serverLog);
      try {
        await waitUp(`${app2}/icon.svg`);
        await waitUp(`${APP}/icon.svg`);
        const scaleGroups = (await (await fetch(`${base2}/api/open/groups.json`)).json()).groups as { slug: string }[];
        const s = scaleGroups[Math.floor(scaleGroups.length / 2)]!.slug;
        log("");
        log(
          `Render time in Next (no page cache), demo database vs scale database (${scaleDb}, ${scaleGroups.length} groups), median of 15 after one warm-up; and served through the front server:`,
        );
        log("| page | demo ms | scale ms | scale ÷ demo | scale, first (cold) ms | served demo ms | served scale ms |");
        log("|---|---:|---:|---:|---:|---:|---:|");
        for (const [label, p1, p2] of [
          ["group page", `/kelompok/${slug}`, `/kelompok/${s}`],
          ["ledger page", `/kelompok/${slug}/buku-kas`, `/kelompok/${s}/buku-kas`],
          ["impact page", "/dampak", "/dampak"],
          ["home page", "/", "/"],
        ] as const) {
          await renderMs(APP + p1, 1);
          const cold = await renderMs(app2 + p2, 1);
          const [ma, mb] = [await renderMs(APP + p1), await renderMs(app2 + p2)];
          const [sa, sb] = [await renderMs(BASE + p1), await renderMs(base2 + p2)];
          log(
            `| ${label} | ${ma.toFixed(1)} | ${mb.toFixed(1)} | ${(mb / ma).toFixed(2)} | ${cold.toFixed(0)} | ${sa.toFixed(1)} | ${sb.toFixed(1)} |`,
          );
        }
      } finally {
        await stopPortal(s2);
        await stopPortal(s1);
      }
      const posting = await postingAtScale(scaleDb, env, log, serverLog);
      const restart = await warmAfterRestart(scaleDb, env, serverLog);
      log("");
      log(
        `Warm after a restart (${restart.groups} groups; the start's own warm-up done; Next, no page cache): a group's first visit ${restart.first.toFixed(0)} ms, later visits ${restart.later.toFixed(0)} ms (medians over 7 groups).`,
      );
      const verdict = (ok: boolean) => (ok ? "met" : "not met");
      const worst = Math.min(...served);
      log("");
      log("Budgets (issue #15), measured in this run:");
      log(`- served ≥ 0.5 × node:http, every page: worst ${worst.toFixed(2)} — ${verdict(worst >= 0.5)}`);
      log(
        `- ≥ 200 single-entry posts/s at scale: ${posting.single.toFixed(0)}/s — ${verdict(posting.single >= 200)}; offline queues ${posting.queued.toFixed(0)}/s — ${verdict(posting.queued >= 200)}`,
      );
      logReadersBudget(posting, log);
      const ratio = restart.first / restart.later;
      log(`- warm after a restart, first ≤ 1.3 × later: ${ratio.toFixed(2)} — ${verdict(ratio <= 1.3)}`);
    }
  } finally {
    await stopPortal(server);
  }
  writeResults(lines);
}

/** Issue #28's budget: readers keep ≥ 0.8 of their throughput while single entries are posted. */
function logReadersBudget(posting: { readersAlone: number; readersWhileWriting: number }, log: (s: string) => void) {
  const ratio = posting.readersWhileWriting / posting.readersAlone;
  log(
    `- readers while writing ≥ 0.8 × readers alone: ${ratio.toFixed(2)} (${posting.readersWhileWriting.toFixed(0)} ÷ ${posting.readersAlone.toFixed(0)} req/s) — ${ratio >= 0.8 ? "met" : "not met"}`,
  );
}

/**
 * `--only writer --scale file:data/scale.db`: the posting-at-scale section alone (a few minutes, not a
 * quarter of an hour): single-entry posts a second while readers load pages, and readers' throughput
 * while writing against readers alone, in one run.
 */
async function writerOnly(env: NodeJS.ProcessEnv, dir: string, log: (s: string) => void, lines: string[]) {
  const scaleDb = arg("scale", "");
  if (!scaleDb) throw new Error("--only writer needs --scale file:… (npm run seed:scale)");
  log(`# Kas Terbuka benchmark, the writer alone — ${new Date().toISOString()}`);
  log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} at start, Node ${process.version}; wrk -t2 -c8 -d${SECONDS}s on 127.0.0.1`,
  );
  const serverLog = openSync(path.join(dir, "server.log"), "w");
  const posting = await postingAtScale(scaleDb, env, log, serverLog);
  log("");
  log("Budgets (issues #15 and #28), measured in this run:");
  log(
    `- ≥ 200 single-entry posts/s at scale: ${posting.single.toFixed(0)}/s — ${posting.single >= 200 ? "met" : "not met"}`,
  );
  logReadersBudget(posting, log);
  writeResults(lines, "-writer");
}

function writeResults(lines: string[], suffix = "") {
  mkdirSync("bench", { recursive: true });
  const file = path.join("bench", `results-${new Date().toISOString().slice(0, 10)}${suffix}.md`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  console.log(`\nwritten to ${file}`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

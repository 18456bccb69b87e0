import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { DEFAULT_DATABASE_URL, openDatabase } from "@/db/client";
import { ksmGroups } from "@/db/schema";
import { nextDateChange } from "@/server/domain/dates";
import { treasurerApi } from "@/server/api/node-handler";
import { checkEnv, settingsChanged } from "@/server/env";
import { BODY_LIMITS } from "@/server/front/app-proxy";
import { startFront } from "@/server/front/front-server";
import { startWriterThread } from "@/server/writer/thread";
import { NEXT, untilAnswering } from "./next-build";

/** next-auth needs a secret: made once on first run and kept in the git-ignored data folder. */
export function ensureAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(process.cwd(), "data", "auth-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/**
 * Before the first visitors ask, and again just after each midnight of the groups' time zones (a
 * new business date makes yesterday's read models stale): every group's kept read models are made
 * sure of on disk by `scripts/warm.ts` in a child process at the lowest priority (only what is
 * missing or stale is computed: after a restart, nothing), then the app builds the portal-wide
 * figures from them by answering groups.json once.
 */
function warmUp(appPort: number, env: NodeJS.ProcessEnv, databaseUrl: string): { stop: () => void } {
  let child: ReturnType<typeof spawn> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const portalWide = () =>
    untilAnswering(`http://127.0.0.1:${appPort}/api/open/groups.json`, { everyMs: 200, timeoutMs: 60_000 }).catch(
      () => {},
    );
  const run = () => {
    if (stopped) return;
    const warm = spawn(path.join(process.cwd(), "node_modules", ".bin", "tsx"), ["scripts/warm.ts"], {
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child = warm;
    try {
      if (warm.pid) os.setPriority(warm.pid, os.constants.priority.PRIORITY_LOW);
    } catch {
      // Not allowed here: it runs at normal priority.
    }
    const done = () => {
      child = null;
      void portalWide();
      void nextMidnight().then((at) => {
        if (!stopped) timer = setTimeout(run, Math.max(60_000, at.getTime() - Date.now() + 60_000));
      });
    };
    warm.once("exit", done);
    warm.once("error", done);
  };
  /** The soonest next change of date over the groups' time zones. */
  const nextMidnight = async (): Promise<Date> => {
    const database = await openDatabase(databaseUrl);
    try {
      const zones = await database.db.selectDistinct({ zone: ksmGroups.timeZone }).from(ksmGroups);
      const now = new Date();
      const changes = (zones.length ? zones.map((z) => z.zone) : [undefined]).map((z) => nextDateChange(now, z));
      return new Date(Math.min(...changes.map((d) => d.getTime())));
    } finally {
      database.close();
    }
  };
  run();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = child as ReturnType<typeof spawn> | null;
      if (c && c.exitCode === null) c.kill("SIGTERM");
    },
  };
}

/** A free loopback port for the app behind the front server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Serves the production build: Next on a private loopback port, and the front server
 * (server/front) on the public one — public pages from memory, current after every write.
 * FRONT_CACHE=0 keeps the front server but turns its cache off; APP_PORT fixes the app's port
 * (default: any free one). Stops both when told to stop.
 */
export async function serve(opts: { port?: string; host?: string } = {}): Promise<void> {
  checkEnv(process.env);
  const port = opts.port ?? process.env.PORT ?? "3000";
  const host = opts.host ?? process.env.HOST ?? "0.0.0.0";
  const appPort = process.env.APP_PORT ? Number(process.env.APP_PORT) : await freePort();
  // The front server may serve the treasurers' API itself (FRONT_API=1): it reads sessions with the app's settings.
  process.env.NEXTAUTH_SECRET = ensureAuthSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  settingsChanged();
  const env = { ...process.env, KT_FRONT: "1" };
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const child = spawn(NEXT, ["start", "-p", String(appPort), "-H", "127.0.0.1"], { stdio: "inherit", env });
  // FRONT_API=1: the treasurers' API here, without Next's request path; its writes on the writer thread
  // (server/writer), which owns the write connection and its group commit, so posts never run on the thread
  // serving pages. Not yet the default: at scale readers kept 0.13–0.17 of their throughput while posts came
  // (README, Performance). Unset: the API through Next, as before.
  const writer = process.env.FRONT_API === "1" ? await startWriterThread({ url: databaseUrl }) : null;
  const front = await startFront({
    port: Number(port),
    host,
    upstream: { host: "127.0.0.1", port: appPort },
    databaseUrl: process.env.FRONT_CACHE === "0" ? null : databaseUrl,
    trustProxy: process.env.TRUST_PROXY === "1",
    api: writer ? treasurerApi(await openDatabase(databaseUrl), BODY_LIMITS.trpc, writer) : undefined,
  });
  console.log(`Kas Terbuka on http://${host}:${port} (app on 127.0.0.1:${appPort})`);
  const warming = warmUp(appPort, env, databaseUrl);
  for (const sig of ["SIGINT", "SIGTERM"] as const)
    process.on(sig, () => {
      warming.stop();
      child.kill(sig);
    });
  child.on("exit", (code) => {
    warming.stop();
    void front
      .close()
      .then(() => writer?.close())
      .then(() => process.exit(code ?? 0));
  });
}

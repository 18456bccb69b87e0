import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

const NEXT = path.join(process.cwd(), "node_modules", ".bin", "next");

/** Builds the production bundle when there is none. */
export function buildIfNeeded(): void {
  if (existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) return;
  console.log("Building the portal (first run)…");
  const r = spawnSync(NEXT, ["build"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** next-auth needs a secret: made once on first run and kept in the git-ignored data folder. */
export function ensureAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(process.cwd(), "data", "auth-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** Serves the production build; stops the server when this process is told to stop. */
export function serve(opts: { port?: string; host?: string } = {}): void {
  const port = opts.port ?? process.env.PORT ?? "3000";
  const host = opts.host ?? process.env.HOST ?? "0.0.0.0";
  const env = { ...process.env, NEXTAUTH_SECRET: ensureAuthSecret(), NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` };
  const child = spawn(NEXT, ["start", "-p", port, "-H", host], { stdio: "inherit", env });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}

/**
 * Building and waiting for the portal, with nothing of the portal itself imported: `npm run demo`
 * starts the build through this before it loads the database and the services, so the build
 * does not wait for them.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const NEXT = path.join(process.cwd(), "node_modules", ".bin", "next");

export const hasBuild = (): boolean => existsSync(path.join(process.cwd(), ".next", "BUILD_ID"));

/** Builds the production bundle when there is none. */
export function buildIfNeeded(opts: { always?: boolean } = {}): void {
  if (hasBuild() && !opts.always) return;
  console.log(hasBuild() ? "Building the portal…" : "Building the portal (first run)…");
  const r = spawnSync(NEXT, ["build"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * `next build` in a child process, its output passed on line by line through `write`; the demo's
 * lighter build (no type check, server code not minified: see next.config.js) when `demo` is set.
 */
export function buildInBackground(write: (line: string) => void, opts: { demo?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(NEXT, ["build"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0", KT_DEMO_BUILD: opts.demo ? "1" : "0" },
    });
    for (const stream of [child.stdout, child.stderr]) {
      let rest = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        const lines = (rest + chunk).split("\n");
        rest = lines.pop() ?? "";
        for (const l of lines) if (l.trim()) write(l);
      });
      stream.on("end", () => rest.trim() && write(rest));
    }
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
}

/** Resolves once `url` answers 200 (the first page a visitor would get), polling every `everyMs`. */
export async function untilAnswering(url: string, opts: { everyMs?: number; timeoutMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    try {
      const r = await fetch(url);
      await r.arrayBuffer();
      if (r.ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 100));
  }
}

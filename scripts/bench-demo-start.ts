/**
 * npm run bench:demo-start — how long a newcomer waits, as a ratio measured in one run:
 * on a fresh clone of HEAD (its node_modules hard-linked from this checkout, so `npm ci` is not
 * counted), (1) `next build` alone, then (2) `npm run demo` on an empty database until the home
 * page answers 200. The budget is (2) ≤ 1.15 × (1). The demo's own, lighter build is also timed
 * alone, so the seed's share of the wait shows. Prints the figures and writes them under bench/.
 * Bounded: the demo is stopped (its whole process group) as soon as the page answers, or after 10 min.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { untilAnswering } from "./next-build";

const BUDGET = 1.15;
const PORT = 3950;

async function main() {
  const root = process.cwd();
  const dir = mkdtempSync(path.join(os.tmpdir(), "kas-terbuka-demo-start-"));
  const clone = path.join(dir, "c");
  try {
    execFileSync("git", ["clone", "-q", root, clone]);
    execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(clone, "node_modules")]);
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: clone, encoding: "utf8" }).trim();

    const buildAlone = (env: NodeJS.ProcessEnv) => {
      const started = performance.now();
      execFileSync(path.join(clone, "node_modules", ".bin", "next"), ["build"], { cwd: clone, stdio: "ignore", env });
      rmSync(path.join(clone, ".next"), { recursive: true, force: true });
      return (performance.now() - started) / 1000;
    };
    const buildSeconds = buildAlone({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
    console.log(`next build alone: ${buildSeconds.toFixed(1)} s`);
    // What the demo builds (no type check, server code not minified), alone: the rest of its wait is the seed's share.
    const demoBuildSeconds = buildAlone({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", KT_DEMO_BUILD: "1" });
    console.log(`the demo's own build alone: ${demoBuildSeconds.toFixed(1)} s`);

    const t = performance.now();

    const demo = spawn("npm", ["run", "demo"], {
      cwd: clone,
      env: { ...process.env, PORT: String(PORT), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
      detached: true,
    });
    let demoSeconds: number;
    try {
      await untilAnswering(`http://127.0.0.1:${PORT}/`, { everyMs: 250, timeoutMs: 600_000 });
      demoSeconds = (performance.now() - t) / 1000;
    } finally {
      const exited = new Promise((r) => demo.once("exit", r));
      process.kill(-demo.pid!, "SIGTERM");
      await exited;
    }
    const ratio = demoSeconds / buildSeconds;
    const verdict = ratio <= BUDGET ? "met" : "not met";
    const line = `npm run demo on an empty database, first page after ${demoSeconds.toFixed(1)} s; next build alone ${buildSeconds.toFixed(1)} s; ratio ${ratio.toFixed(2)} (budget ≤ ${BUDGET}: ${verdict}); the demo's own build alone ${demoBuildSeconds.toFixed(1)} s (${(demoSeconds / demoBuildSeconds).toFixed(2)}×)`;
    console.log(line);
    const cpu = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}`;
    mkdirSync(path.join(root, "bench"), { recursive: true });
    const file = path.join(root, "bench", `demo-start-${new Date().toISOString().slice(0, 10)}.md`);
    writeFileSync(
      file,
      `# Demo start — ${new Date().toISOString()}\n\nCommit ${head}, ${cpu}, Node ${process.version}.\n\n${line}\n`,
    );
    console.log(`written: ${path.relative(root, file)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

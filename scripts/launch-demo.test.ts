import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_USERS } from "./seed/demo-history";
import { demoPassbookHint } from "@/server/domain/demo";
import { listGroups } from "@/server/read/public-figures";
import { tempDatabase } from "@/server/testing/db";
import { seedDemoWithProgress } from "./demo-seed";
import { launchDemo, readyMessage } from "./launch-demo";
import { untilAnswering } from "./next-build";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe("npm run demo, on an empty temporary database", () => {
  it("seeds while it builds, shows progress while seeding, and prints the sign-ins only after the first page answers", async () => {
    const { database, cleanup } = await tempDatabase();
    cleanups.push(cleanup);
    const events: { at: number; what: string }[] = [];
    const mark = (what: string) => events.push({ at: performance.now(), what });
    const progressLines: number[] = [];
    let printed = "";

    // A server that refuses the first visits (as Next does while it starts), then answers.
    let visits = 0;
    const server = http.createServer((_req, res) => {
      visits++;
      if (visits < 4) {
        res.writeHead(503).end();
        return;
      }
      mark("first page answered");
      res.writeHead(200).end("ok");
    });
    cleanups.push(() => server.close());

    await launchDemo({
      // The real seed, on the empty database: seven months of both demo groups.
      seed: async () => {
        mark("seed started");
        await seedDemoWithProgress(database, {
          seedNow: new Date("2016-10-01T04:00:00Z"),
          lineEveryMs: 0,
          stream: {
            write: (s: string) => {
              if (s.includes("%")) progressLines.push(performance.now());
              return true;
            },
          },
        });
        mark("seed ended");
      },
      // A real child process standing in for `next build` (the real one takes half a minute).
      build: () =>
        new Promise<void>((resolve, reject) => {
          mark("build started");
          const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 1500)"]);
          child.on("error", reject);
          child.on("exit", () => {
            mark("build ended");
            resolve();
          });
        }),
      serve: () => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve())),
      firstPageAnswers: () =>
        untilAnswering(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { everyMs: 20 }),
      announce: async () => {
        mark("announced");
        const passbook = demoPassbookHint(await listGroups(database.db));
        printed = readyMessage({ baseUrl: "http://localhost:3000", users: DEMO_USERS, passbook });
      },
    });

    const at = (what: string) => events.find((e) => e.what === what)?.at ?? Number.NaN;
    // Both started before either ended.
    expect(Math.max(at("seed started"), at("build started"))).toBeLessThan(
      Math.min(at("seed ended"), at("build ended")),
    );
    // Progress while seeding, not only at the end.
    expect(progressLines.filter((t) => t < at("seed ended")).length).toBeGreaterThanOrEqual(3);
    // Sign-ins after the first page answered, and only then.
    expect(visits).toBeGreaterThanOrEqual(4);
    expect(at("announced")).toBeGreaterThan(at("first page answered"));
    // The passbook it points to is the one the form opens on, with a kode cek that works for it.
    expect(printed).toContain("http://localhost:3000/anggota  →  KSM Ratu Damai, kode anggota / member code RD-001");
    expect(printed).toContain("kode cek / check code 100001");
    expect(printed).toContain("bendahara-rd / demo-bendahara-ratu-damai");
  });
});

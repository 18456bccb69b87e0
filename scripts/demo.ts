import type { Database } from "@/db/client";
import { checkEnv, EnvError } from "@/server/env";
import { launchDemo, readyMessage } from "./launch-demo";
import { buildInBackground, hasBuild, untilAnswering } from "./next-build";

/**
 * `npm run demo`: migrate; seed the demo groups (if missing) while the portal builds (if needed);
 * serve; say so. The build starts first: the database and the services load while it runs.
 */
async function main() {
  checkEnv(process.env); // before ten years of seeding, not after
  const port = process.env.PORT ?? "3000";
  const baseUrl = `http://localhost:${port}`;
  const building = !hasBuild();
  // While the build writes its own lines, the seed's progress is plain lines too (no bar redrawn in place).
  const seedStream = building ? { write: (s: string) => process.stderr.write(s), isTTY: false } : process.stderr;
  let database: Promise<Database> | null = null;
  let serving: Promise<typeof import("./serve")> | null = null;
  const serveModule = () => {
    serving ??= import("./serve");
    return serving;
  };
  const opened = () => (database ??= import("@/db/client").then((m) => m.getDatabase()));
  await launchDemo({
    seed: async () => {
      const [{ seedDemoWithProgress }, { keptGroupModels, listGroups }] = await Promise.all([
        import("./demo-seed"),
        import("@/server/read/public-figures"),
      ]);
      const d = await opened();
      await seedDemoWithProgress(d, { stream: seedStream, lineEveryMs: building ? 3000 : undefined });
      // The first visitors' pages read these instead of computing them (npm start would, once serving).
      for (const g of await listGroups(d.db)) await keptGroupModels(d, g);
      void serveModule(); // loaded while the build finishes, not after
    },
    build: async () => {
      if (!building) return;
      console.log("Building the portal (first run) / membangun portal…");
      await buildInBackground((line) => console.log(`build │ ${line}`), { demo: true });
    },
    serve: async () => (await serveModule()).serve({ port }),
    firstPageAnswers: () => untilAnswering(`http://127.0.0.1:${port}/`, { timeoutMs: 300_000 }),
    announce: async () => {
      const [{ DEMO_USERS }, { demoPassbookHint }, { listGroups }] = await Promise.all([
        import("./seed/demo-history"),
        import("@/server/domain/demo"),
        import("@/server/read/public-figures"),
      ]);
      const passbook = demoPassbookHint(await listGroups((await opened()).db));
      console.log(readyMessage({ baseUrl, users: DEMO_USERS, passbook }));
    },
  });
}
main().catch((e) => {
  console.error(e instanceof EnvError ? e.message : e);
  process.exit(1);
});

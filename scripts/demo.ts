import { getDatabase } from "@/db/client";
import { DEMO_USERS } from "./seed/demo-history";
import { demoPassbookHint } from "@/server/domain/demo";
import { checkEnv, EnvError } from "@/server/env";
import { listGroups } from "@/server/services/public-figures";
import { seedDemoWithProgress } from "./demo-seed";
import { launchDemo, readyMessage } from "./launch-demo";
import { buildInBackground, hasBuild, serve, untilAnswering } from "./serve";

/** `npm run demo`: migrate; seed the demo groups (if missing) while the portal builds (if needed); serve; say so. */
async function main() {
  checkEnv(process.env); // before ten years of seeding, not after
  const port = process.env.PORT ?? "3000";
  const baseUrl = `http://localhost:${port}`;
  const database = await getDatabase();
  const building = !hasBuild();
  // While the build writes its own lines, the seed's progress is plain lines too (no bar redrawn in place).
  const seedStream = building ? { write: (s: string) => process.stderr.write(s), isTTY: false } : process.stderr;
  await launchDemo({
    seed: () => seedDemoWithProgress(database, { stream: seedStream, lineEveryMs: building ? 3000 : undefined }),
    build: async () => {
      if (!building) return;
      console.log("Building the portal (first run) / membangun portal…");
      await buildInBackground((line) => console.log(`build │ ${line}`));
    },
    serve: () => serve({ port }),
    firstPageAnswers: () => untilAnswering(`http://127.0.0.1:${port}/`, { timeoutMs: 300_000 }),
    announce: async () => {
      const passbook = demoPassbookHint(await listGroups(database.db));
      console.log(readyMessage({ baseUrl, users: DEMO_USERS, passbook }));
    },
  });
}
main().catch((e) => {
  console.error(e instanceof EnvError ? e.message : e);
  process.exit(1);
});

import { rmSync } from "node:fs";
import { getDatabase } from "@/db/client";
import { seedDemoWithProgress } from "../scripts/demo-seed";
import { serve } from "../scripts/serve";
import { groupAddCommand } from "../scripts/book-commands";
import { E2E_DATABASE_URL, E2E_EMPTY_GROUP_ARGS } from "./fixtures";

/** The e2e server: a fresh file database with the demo data, the production build, loopback only. */
async function main() {
  rmSync("data/e2e", { recursive: true, force: true });
  process.env.DATABASE_URL = E2E_DATABASE_URL;
  const database = await getDatabase();
  await seedDemoWithProgress(database, { stream: process.stdout, lineEveryMs: 10_000 });
  // An empty (demo) group for the move-in test, made with the command a new group is made with.
  await groupAddCommand(database, E2E_EMPTY_GROUP_ARGS, { log: () => {}, error: console.error });
  database.close();
  await serve({ port: process.env.E2E_PORT ?? "3200", host: "127.0.0.1" });
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

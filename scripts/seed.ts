import { getDatabase } from "@/db/client";
import { seedDemoWithProgress } from "./demo-seed";

/** `npm run db:seed`: the demo groups (skipped when already there), with progress. */
async function main() {
  const database = await getDatabase();
  await seedDemoWithProgress(database);
  console.log(`demo data in ${database.url}`);
  database.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

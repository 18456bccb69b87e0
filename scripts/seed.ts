import { getDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";

/** `npm run db:seed`: the demo groups (skipped when already there). */
async function main() {
  const database = await getDatabase();
  const started = Date.now();
  await seedDemo(database, { log: (s) => console.log(s) });
  console.log(`demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${database.url})`);
  database.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

import { getDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { buildIfNeeded, serve } from "./serve";

/** `npm run demo`: migrate, seed the demo groups when the database is empty, build, serve on :3000. */
async function main() {
  const database = await getDatabase();
  await seedDemo(database, { log: (s) => console.log(s) });
  database.close();
  buildIfNeeded();
  const port = process.env.PORT ?? "3000";
  console.log(`\nKas Terbuka (DEMO DATA) at http://localhost:${port}\n`);
  serve({ port });
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

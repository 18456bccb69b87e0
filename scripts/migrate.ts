import { getDatabase } from "@/db/client";

async function main() {
  const d = await getDatabase(); // opens and applies every committed migration
  console.log(`migrated ${d.url}`);
  d.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

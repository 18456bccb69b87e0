import { getDatabase } from "@/db/client";
import { buildIfNeeded, serve } from "./serve";

/** `npm start`: apply migrations, then serve the production build. */
async function main() {
  const d = await getDatabase();
  d.close();
  buildIfNeeded();
  await serve();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

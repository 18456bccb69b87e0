import { getDatabase } from "@/db/client";
import { checkEnv, EnvError } from "@/server/env";
import { buildIfNeeded } from "./next-build";
import { serve } from "./serve";

/** `npm start`: check the settings, apply migrations, then serve the production build. */
async function main() {
  checkEnv(process.env);
  const d = await getDatabase();
  d.close();
  buildIfNeeded();
  await serve();
}
main().catch((e) => {
  console.error(e instanceof EnvError ? e.message : e);
  process.exit(1);
});

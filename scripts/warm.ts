import { getDatabase } from "@/db/client";
import { keptGroupModels, listGroups } from "@/server/read/public-figures";
import { readModelsDir } from "@/server/cache/read-cache";
import { progress } from "./progress";

/**
 * `npm run warm` (and, in the background at low priority, every `npm start`): makes sure each
 * group's kept read models are on disk for today, so the first visit to any group after a start
 * reads them instead of replaying its loans. A model already kept is only read; nothing is written
 * to the database.
 */
async function main() {
  const database = await getDatabase();
  if (!readModelsDir(database.url)) {
    console.log("read models: kept on disk only beside an embedded (file:) database; nothing to do");
    return database.close();
  }
  const started = Date.now();
  const groups = await listGroups(database.db);
  const bar = groups.length >= 20 ? progress("read models / model baca", groups.length) : null;
  for (const [i, g] of groups.entries()) {
    await keptGroupModels(database, g);
    bar?.update(i + 1, g.slug);
  }
  if (bar) bar.finish(`read models ready for ${groups.length} groups`);
  else console.log(`read models ready for ${groups.length} groups (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  database.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

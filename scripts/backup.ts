import path from "node:path";
import { openDatabase } from "@/db/client";
import { backupTo } from "@/server/ops/backup";

/** npm run backup [-- --to data/backups/x.db] — a consistent snapshot while the server runs. */
async function main() {
  const url = process.env.DATABASE_URL ?? "file:data/kas-terbuka.db";
  if (!url.startsWith("file:")) {
    console.error("backup: only embedded file databases; for Turso/libSQL servers use their own snapshots");
    process.exit(2);
  }
  const i = process.argv.indexOf("--to");
  const to =
    i > 0 && process.argv[i + 1]
      ? process.argv[i + 1]!
      : path.join("data", "backups", `kas-terbuka-${new Date().toISOString().replace(/[:.]/g, "-")}.db`);
  const d = await openDatabase(url);
  await backupTo(d, to);
  d.close();
  console.log(`backup written: ${to}`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

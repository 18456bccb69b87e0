import { existsSync } from "node:fs";
import { restoreFrom } from "@/server/ops/backup";

/** npm run restore -- --from data/backups/x.db   (stop the server first) */
async function main() {
  const url = process.env.DATABASE_URL ?? "file:data/kas-terbuka.db";
  const i = process.argv.indexOf("--from");
  const from = i > 0 ? process.argv[i + 1] : undefined;
  if (!url.startsWith("file:") || !from || !existsSync(from)) {
    console.error("usage: npm run restore -- --from <backup.db>   (embedded file databases; stop the server first)");
    process.exit(2);
  }
  const r = await restoreFrom(url.slice("file:".length), from);
  console.log(`restored ${from} (${r.groups} groups, ${r.entries} entries, verified)`);
}
main().catch((e) => {
  console.error(`restore refused: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});

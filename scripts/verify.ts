import { getDatabase } from "@/db/client";
import { verifyLedger } from "@/server/read/verify";
import { progress } from "./progress";

/** `npm run verify`: recompute every chain, rule of the book, rollup and published figure; non-zero exit naming the first mismatch. */
async function main() {
  const database = await getDatabase();
  const started = Date.now();
  const slug = process.argv.find((a) => a.startsWith("--group="))?.slice("--group=".length);
  let bar: ReturnType<typeof progress> | null = null;
  const r = await verifyLedger(database.db, {
    groupSlug: slug,
    progress: (done, total, entries) => {
      if (total < 20) return; // a small database is checked in a few seconds: no progress needed
      bar ??= progress("verify", total);
      bar.update(done, `${done}/${total} groups, ${entries.toLocaleString("en")} entries checked`);
    },
  });
  (bar as ReturnType<typeof progress> | null)?.finish(`${r.groups} groups checked`);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.problems.length) {
    for (const p of r.problems) console.error(`MISMATCH group ${p.group}${p.seq ? ` seq ${p.seq}` : ""}: ${p.problem}`);
    console.error(`verify FAILED: ${r.problems.length} of ${r.groups} groups (${r.entries} entries, ${secs} s)`);
    process.exit(1);
  }
  console.log(
    `verify OK: ${r.groups} groups, ${r.entries} entries, chains, rules of the book, rollups and published figures agree (${secs} s)`,
  );
  database.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

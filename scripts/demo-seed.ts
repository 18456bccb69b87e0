import type { Database } from "@/db/client";
import { seedDemo } from "./seed/demo-history";
import { type ProgressOptions, progress } from "./progress";

/** The demo seed with a progress line (group, month reached, entries, time left), used by demo, db:seed and e2e. */
export async function seedDemoWithProgress(
  database: Database,
  opts: ProgressOptions & { seedNow?: Date } = {},
): Promise<void> {
  let bar: ReturnType<typeof progress> | null = null;
  let entries = 0;
  await seedDemo(database, {
    now: opts.seedNow,
    log: (s) => (opts.stream ?? process.stderr).write(`${s}\n`),
    progress: (p) => {
      bar ??= progress("Seeding the demo data / mengisi data demo", p.daysTotal, opts);
      entries = p.entries;
      bar.update(p.daysDone, `${p.group} ${p.day.slice(0, 7)} · ${p.entries.toLocaleString("id-ID")} entries`);
    },
  });
  (bar as ReturnType<typeof progress> | null)?.finish(`demo data ready, last group ${entries} entries`);
}

import type { Database } from "@/db/client";
import { keptPortalRead } from "@/server/cache/portal-read";
import { type PortalFigures, portalFiguresOf } from "@/server/domain/portal";
import { allGroupFigures } from "@/server/read/public-figures";

/**
 * Figures across every group (home page, /dampak, groups.json), kept until public data changes or a
 * group's business date moves (server/cache/portal-read.ts). A recompute re-reads only the groups
 * whose chain moved.
 */
export async function impactFigures(database: Database, now = new Date()): Promise<PortalFigures> {
  return keptPortalRead(
    database,
    now,
    () => allGroupFigures(database, now).then(({ passed, flagged }) => portalFiguresOf(passed, flagged)),
    (p) => [...p.groups, ...p.flagged].map((g) => g.group.timeZone),
  );
}

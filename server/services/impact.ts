import type { Database } from "@/db/client";
import { localDate } from "@/server/domain/dates";
import { type PortalFigures, portalFiguresOf } from "@/server/domain/portal";
import { allGroupFigures } from "./public-figures";
import { processWide, publicVersion } from "@/server/cache/read-cache";

/**
 * Figures across every group (home page, /dampak, groups.json), kept until public data changes
 * (public_version, from any process) or a group's business date moves: a warm read costs one
 * query whatever the number of groups. A recompute re-reads only the groups whose chain moved.
 */
const portalCache = processWide(
  "portalCache",
  () => new Map<string, { version: number; dates: string; zones: string[]; value: Promise<PortalFigures> }>(),
);

export async function impactFigures(database: Database, now = new Date()): Promise<PortalFigures> {
  const version = await publicVersion(database.db);
  const hit = portalCache.get(database.url);
  const datesOf = (zones: string[]) => zones.map((z) => localDate(now, z)).join(",");
  if (hit && hit.version === version && hit.dates === datesOf(hit.zones)) return hit.value;
  const value = allGroupFigures(database, now).then(({ passed, flagged }) => portalFiguresOf(passed, flagged));
  const entry = { version, dates: "", zones: [] as string[], value };
  portalCache.set(database.url, entry);
  value.then(
    (p) => {
      entry.zones = [...new Set([...p.groups, ...p.flagged].map((g) => g.group.timeZone))];
      entry.dates = datesOf(entry.zones);
    },
    () => portalCache.delete(database.url),
  );
  return value;
}

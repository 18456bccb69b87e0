/**
 * A read across every group (home page, /dampak, groups.json), kept until public data changes
 * (public_version, from any process) or one of the groups' business dates moves: a warm read costs
 * one query whatever the number of groups.
 */
import type { Database } from "@/db/client";
import { localDate } from "@/server/domain/dates";
import { processWide, publicVersion } from "./read-cache";

const portalCache = processWide(
  "portalCache",
  () => new Map<string, { version: number; dates: string; zones: string[]; value: Promise<unknown> }>(),
);

/** `compute`'s value, kept as above; `zonesOf` names the time zones whose dates it depends on. */
export async function keptPortalRead<T>(
  database: Database,
  now: Date,
  compute: () => Promise<T>,
  zonesOf: (value: T) => string[],
): Promise<T> {
  const version = await publicVersion(database.db);
  const hit = portalCache.get(database.url);
  const datesOf = (zones: string[]) => zones.map((z) => localDate(now, z)).join(",");
  if (hit && hit.version === version && hit.dates === datesOf(hit.zones)) return hit.value as Promise<T>;
  const value = compute();
  const entry = { version, dates: "", zones: [] as string[], value };
  portalCache.set(database.url, entry);
  value.then(
    (p) => {
      entry.zones = [...new Set(zonesOf(p))];
      entry.dates = datesOf(entry.zones);
    },
    () => portalCache.delete(database.url),
  );
  return value;
}

/**
 * The read cache: what public data a read depends on, and reads kept in memory until that moves.
 * One home for the version keys, used by the read models here and by the front server's change signal
 * (page-versions.ts).
 *
 * Versions are raised by database triggers in the same transaction as every change the public
 * sees, whichever process commits it: `public_version` row 1 (anything public), row 2 (the terms:
 * groups, reference terms, share-out rules — what /bandingkan and /metodologi show) and
 * `group_public_version` (one group's own data). A read is also keyed by the business date it was
 * made for (arrears and "today" move at each local midnight). So a read is current on the very next
 * request after a commit, with no timer, and a post to one group leaves every other group warm.
 */
import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Database, type DbOrTx, embeddedFile } from "@/db/client";
import { groupPublicVersion, ksmGroups, publicVersion as publicVersionTable } from "@/db/schema";
import { localDate } from "@/server/domain/dates";

/** Rows of `public_version`. */
const VERSION_ROW = { global: 1, terms: 2 } as const;

/** What a page or read depends on: anything public, only the terms, or one group's data. */
export type VersionKey = { of: "global" } | { of: "terms" } | { of: "group"; slug: string };

/** One instance per process: Next bundles a module once per route, and every route must share it. */
export function processWide<T>(name: string, make: () => T): T {
  const slot = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`kas-terbuka.${name}`);
  slot[key] ??= make();
  return slot[key];
}

async function versionRow(db: DbOrTx, row: (typeof VERSION_ROW)[keyof typeof VERSION_ROW]): Promise<number> {
  const [r] = await db
    .select({ version: publicVersionTable.version })
    .from(publicVersionTable)
    .where(eq(publicVersionTable.id, row));
  return r?.version ?? 0;
}

/** The public data version: raised with every public change, from any process. */
export const publicVersion = (db: DbOrTx) => versionRow(db, VERSION_ROW.global);

/** Every group's version, by group id (one query for all). */
export async function groupVersions(db: DbOrTx): Promise<Map<number, number>> {
  const rows = await db.select().from(groupPublicVersion);
  return new Map(rows.map((v) => [v.groupId, v.version]));
}

async function groupVersion(db: DbOrTx, groupId: number): Promise<number> {
  const [r] = await db
    .select({ version: groupPublicVersion.version })
    .from(groupPublicVersion)
    .where(eq(groupPublicVersion.groupId, groupId));
  return r?.version ?? 0;
}

/**
 * The version a key stands for, as a string that differs between kinds. An unknown group's pages
 * (a 404) follow the global version: they start to exist when a group is created.
 */
export async function versionOf(db: DbOrTx, key: VersionKey): Promise<string> {
  if (key.of === "terms") return `t${await versionRow(db, VERSION_ROW.terms)}`;
  if (key.of === "group") {
    const [r] = await db
      .select({ version: groupPublicVersion.version })
      .from(groupPublicVersion)
      .innerJoin(ksmGroups, eq(ksmGroups.id, groupPublicVersion.groupId))
      .where(eq(ksmGroups.slug, key.slug));
    if (r) return `g${r.version}`;
  }
  return String(await publicVersion(db));
}

const readCache = processWide("readCache", () => new Map<string, { key: string; value: Promise<unknown> }>());

/**
 * The shape of what is kept on disk. Bump it when a read model's fields or meaning change: models
 * of another format are never read (`read-cache.test.ts` fails when GroupFigures' fields change).
 * 2: small cells hidden by the one disclosure rule; 3: a month's seal is the head at its close, with `closed` (issue 24);
 * 4: a count or bank check says whether the supervisor's question about it is open (`queried`, issue 25).
 * 5: drop-out and a closed year's retention say when they are hidden (`dropoutHidden`, `retentionHidden`).
 * 6: cost avoided per member per year (`memberDays`, issue 27).
 * 7: cost avoided "at least" counts crop loans only; `ifOthersRentenir` replaces `ifAllIjon`; members kept per year since founding (`retentionPerYear`).
 */
export const READ_MODEL_FORMAT = 7;

/**
 * Beside an embedded database, read models are also kept on disk (`<file>.read-models/`), so a
 * restarted server starts warm: the first visit to a group reads one small file instead of
 * replaying its loans and chain. A file is used only under the same key (format, group version,
 * local date) — a stale or unreadable one is recomputed and replaced.
 */
// The folder sits beside the database, found at run time: turbopackIgnore keeps the build from
// tracing (and shipping) the whole project for these paths.
export function readModelsDir(url: string): string | null {
  const file = embeddedFile(url);
  return file ? `${path.resolve(/*turbopackIgnore: true*/ file)}.read-models` : null;
}

function fromDisk(dir: string, name: string, key: string): { value: unknown } | null {
  try {
    const kept = JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ dir, name), "utf8")) as {
      key?: string;
      value?: unknown;
    };
    return kept.key === key ? { value: kept.value } : null;
  } catch {
    return null;
  }
}

/**
 * Written at once, in the same turn as the computation ends (a few KB, no flush): whoever awaited
 * the value finds it on disk, and nothing is left half-done behind a closed database.
 */
function toDisk(dir: string, name: string, key: string, value: unknown): void {
  const tmp = path.join(/*turbopackIgnore: true*/ dir, `.${name}.${randomBytes(6).toString("hex")}`);
  try {
    // Not recursive: beside the database file only (if its folder is gone, nothing is kept).
    if (!existsSync(dir)) mkdirSync(dir);
    writeFileSync(tmp, JSON.stringify({ key, value }));
    renameSync(tmp, path.join(/*turbopackIgnore: true*/ dir, name)); // whole or not at all, whoever reads it
  } catch {
    // A cache: a model not kept is computed again next time.
  }
}

/**
 * A read of one group's data, kept until the group's version or local date moves — in memory and,
 * for an embedded database, on disk (unless `onDisk: false`). `knownVersion` when the caller already
 * read it (a list of every group reads all versions in one query). The value must be plain JSON data.
 */
export async function cachedRead<T>(
  database: Database,
  group: { id: number; timeZone: string },
  what: string,
  compute: () => Promise<T>,
  now = new Date(),
  opts: { knownVersion?: number; onDisk?: boolean } = {},
): Promise<T> {
  const version = opts.knownVersion ?? (await groupVersion(database.db, group.id));
  const key = `${READ_MODEL_FORMAT}|${version}|${localDate(now, group.timeZone)}`;
  const slot = `${database.url}|${group.id}|${what}`;
  const hit = readCache.get(slot);
  if (hit?.key === key) return hit.value as Promise<T>;
  const dir = opts.onDisk === false ? null : readModelsDir(database.url);
  const name = `${group.id}-${what}.json`;
  const kept = dir ? fromDisk(dir, name, key) : null;
  const value = kept ? Promise.resolve(kept.value as T) : compute();
  readCache.set(slot, { key, value });
  value.then(
    (v) => {
      if (dir && !kept) toDisk(dir, name, key, v);
    },
    () => readCache.delete(slot),
  );
  return value;
}

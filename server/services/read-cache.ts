/**
 * The read cache: what public data a read depends on, and reads kept in memory until that moves.
 * One home for the version keys, used by the read models here and by the front server's page store.
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
import type { Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { type Database, type DbOrTx, embeddedFile, openClient } from "@/db/client";
import { type ChangeCounter, openChangeCounter } from "@/db/file-client";
import * as schema from "@/db/schema";
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

/**
 * The version key of a page and the business dates it is shown for, as the front server needs them
 * at every request. Versions read from the tables are kept until a change signal moves:
 *  - an embedded file: `PRAGMA data_version`, SQLite's own counter, which moves when any other
 *    connection (another process included) commits — no table is read while nothing changes;
 *  - a remote libSQL server or Turso (several servers on one database): the global public version,
 *    read at most once every `pollMs` (a read is a round trip to the server: ~12 ms to a local sqld
 *    over HTTP), so every process serves a change within that interval; 0 reads it every request.
 * The dates are worked out once a minute (every zone's midnight falls on a minute).
 */
export class PageVersions {
  private signal: number | null = null;
  /** Raised whenever the signal moves: what was read before it is never kept after. */
  private epoch = 0;
  private signalRead: { at: number; value: Promise<number> } | null = null;
  private versions = new Map<string, Promise<string>>();
  /** The versions already read in this epoch, for an answer without waiting. */
  private known = new Map<string, string>();
  private zones: Promise<string[]> | null = null;
  private dates: { minute: number; dates: Promise<string>; known?: string } | null = null;
  private constructor(
    private db: DbOrTx,
    private client: Client,
    /** SQLite's change counter on a connection of its own, read without waiting; null: poll the public version. */
    private counter: ChangeCounter | null,
    private pollMs: number,
  ) {}

  /**
   * On a connection of its own (the front server's), so its reads never wait behind the app's.
   * `changeSignal` defaults to what the URL allows (data_version only means something in-process).
   */
  static open(
    url: string,
    opts: { authToken?: string; changeSignal?: "data_version" | "public_version"; pollMs?: number } = {},
  ): PageVersions {
    const client = openClient(url, opts.authToken);
    const file = embeddedFile(url);
    const signal = opts.changeSignal ?? (file ? "data_version" : "public_version");
    const counter = signal === "data_version" && file ? openChangeCounter(file) : null;
    return new PageVersions(drizzle(client, { schema }), client, counter, opts.pollMs ?? 0);
  }

  close() {
    this.counter?.close();
    this.client.close();
  }

  /** The public version, asked at most once per `pollMs` (a remote database's change signal). */
  private polledSignal(now: Date): Promise<number> {
    const at = now.getTime();
    if (!this.signalRead || at - this.signalRead.at >= this.pollMs || at < this.signalRead.at) {
      const value = publicVersion(this.db);
      this.signalRead = { at, value };
      value.catch(() => {
        this.signalRead = null;
      });
    }
    return this.signalRead.value;
  }

  /**
   * The counter, read once per turn of the event loop: requests handled in one turn arrived together
   * (none after another's answer), so they share one read; the next turn reads it again.
   */
  private counterNow(): number {
    if (this.counterThisTurn === null) {
      this.counterThisTurn = this.counter!.read();
      setImmediate(() => {
        this.counterThisTurn = null;
      });
    }
    return this.counterThisTurn;
  }
  private counterThisTurn: number | null = null;

  private moved(signal: number) {
    if (signal === this.signal) return;
    this.signal = signal;
    this.epoch++;
    this.versions.clear();
    this.known.clear();
    this.zones = null;
    this.dates = null;
  }

  /**
   * A page's version at once, when nothing needs reading (the common case on a file: one counter
   * read, map lookups, no promise); null when it must be read — then use `of`.
   */
  knownNow(key: VersionKey, now = new Date()): string | null {
    if (!this.counter) return null;
    this.moved(this.counterNow());
    const version = this.known.get(whichOf(key));
    const dates = this.dates?.minute === minuteOf(now) ? this.dates.known : undefined;
    return version === undefined || dates === undefined ? null : `${version}|${dates}`;
  }

  async of(key: VersionKey, now = new Date()): Promise<string> {
    this.moved(this.counter ? this.counterNow() : await this.polledSignal(now));
    const which = whichOf(key);
    let version = this.versions.get(which);
    if (!version) {
      const epoch = this.epoch;
      version = versionOf(this.db, key);
      this.versions.set(which, version);
      version.then(
        (v) => epoch === this.epoch && this.known.set(which, v),
        () => this.versions.delete(which),
      );
    }
    return `${await version}|${await this.datesOn(now)}`;
  }

  private datesOn(now: Date): Promise<string> {
    const minute = minuteOf(now);
    if (this.dates?.minute !== minute) {
      this.zones ??= this.db
        .selectDistinct({ zone: ksmGroups.timeZone })
        .from(ksmGroups)
        .then((r) => r.map((z) => z.zone).sort());
      const zones = this.zones;
      zones.catch(() => {
        this.zones = null;
        this.dates = null;
      });
      const entry: NonNullable<typeof this.dates> = {
        minute,
        dates: zones.then((z) => (z.length ? z : ["Asia/Makassar"]).map((zone) => localDate(now, zone)).join(",")),
      };
      entry.dates.then(
        (d) => {
          entry.known = d;
        },
        () => {},
      );
      this.dates = entry;
    }
    return this.dates.dates;
  }
}

const whichOf = (key: VersionKey) => (key.of === "group" ? `g:${key.slug}` : key.of);
const minuteOf = (now: Date) => Math.floor(now.getTime() / 60_000);

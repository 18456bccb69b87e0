import type { Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { type DbOrTx, embeddedFile, openClient } from "@/db/client";
import { type ChangeCounter, openChangeCounter } from "@/db/file-client";
import * as schema from "@/db/schema";
import { localDate } from "@/server/domain/dates";
import { publicVersion, type VersionKey, versionOf } from "./read-cache";

/**
 * The change signal: the version key of a page (read-cache.ts's `versionOf`, raised by the database's
 * triggers) and the business dates it is shown for, as the front server needs them at every request.
 * Versions read from the tables are kept until a change signal moves:
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

  /** On a connection of its own (the front's: never behind the app's reads); the signal as the URL allows. */
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

  /** The counter, read once per turn of the event loop: requests handled in one turn arrived together, so share a read. */
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
        .selectDistinct({ zone: schema.ksmGroups.timeZone })
        .from(schema.ksmGroups)
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

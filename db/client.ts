import { createClient, type Client, type InValue } from "@libsql/client";
import { getTableColumns, getTableName } from "drizzle-orm";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { migrate } from "drizzle-orm/libsql/migrator";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type ChangeCounter, createFileClient, inWriteScope, openChangeCounter, scopedClient } from "./file-client";
import * as schema from "./schema";

export type Db = LibSQLDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export const DEFAULT_DATABASE_URL = "file:data/kas-terbuka.db";

export interface Database {
  url: string;
  client: Client;
  db: Db;
  /**
   * Runs fn in a write transaction (BEGIN IMMEDIATE), one at a time within this process; writes that
   * wait together share one commit, each in its own savepoint, and each resolves after that commit.
   */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * How many times a commit that did not come through this `write` has been seen — another
   * connection or process, a hand edit, a restored file (SQLite's `PRAGMA data_version`, see
   * `ownWriteWatch`); null when it cannot be told (a remote database). What was checked before it
   * moved may have been changed since.
   */
  outsideCommits(): number | null;
  close(): void;
}

/**
 * Tells this process's own commits from everyone else's on an embedded file. `PRAGMA data_version`
 * on a connection of its own moves at every commit by any other connection, ours included; so each
 * write, once `BEGIN IMMEDIATE` holds the lock (nobody else can commit until it ends), first looks
 * whether the counter moved since our last commit (someone else's then), and reads it again once it
 * has committed. A reader looks the same way between our writes.
 * The one gap: a commit by someone else in the instant between our COMMIT and that read is taken
 * for ours — the whole-chain check at every start and every day (server/cache/chain-check.ts)
 * is what catches a change made then.
 */
function ownWriteWatch(url: string) {
  const file = embeddedFile(url);
  if (!file) return { begin() {}, end() {}, outside: () => null, close() {} };
  // One per file in the process: every Database opened on it here writes as the portal (Next may
  // load this module more than once, one copy per route — hence a process-wide slot).
  const slot = globalThis as unknown as Record<symbol, Map<string, ReturnType<typeof fileWatch>> | undefined>;
  const name = Symbol.for("kas-terbuka.ownWriteWatch");
  slot[name] ??= new Map();
  const all = slot[name];
  const key = path.resolve(file);
  let watch = all.get(key);
  if (!watch) {
    watch = fileWatch(file);
    all.set(key, watch);
  }
  watch.users++;
  const w = watch;
  let closed = false;
  return {
    begin: () => w.begin(),
    end: () => w.end(),
    outside: () => w.outside(),
    close() {
      if (closed) return;
      closed = true;
      if (--w.users === 0) {
        all.delete(key);
        w.close();
      }
    },
  };
}

function fileWatch(file: string) {
  let counter: ChangeCounter | null = null;
  let seen: number | null = null;
  let writing = false;
  let outside = 0;
  let closed = false;
  const look = () => {
    if (closed) return;
    counter ??= openChangeCounter(file);
    const v = counter.read();
    if (seen !== null && v !== seen) outside++;
    seen = v;
  };
  return {
    users: 0,
    /** Inside a write transaction, the lock held. */
    begin() {
      look();
      writing = true;
    },
    /** After our commit (or rollback): what the counter says now is ours. */
    end() {
      if (!writing) return;
      writing = false;
      seen = null;
      look();
    },
    outside(): number {
      if (!writing) look();
      return outside;
    },
    close() {
      closed = true;
      counter?.close();
      counter = null;
    },
  };
}

/**
 * The client for a URL: an embedded file gets the statement-keeping client (which sets WAL,
 * synchronous=FULL, foreign keys and a 5 s busy timeout on every connection it opens); an
 * in-memory database or a remote server gets `@libsql/client`.
 */
export function openClient(url: string, authToken?: string): Client {
  const file = embeddedFile(url);
  if (file) return createFileClient(file, { timeoutMs: 5000 });
  return createClient({ url, authToken, timeout: 5000 });
}

/** The path of an embedded database file (`file:` URL, not in memory, no options), or null. */
export function embeddedFile(url: string): string | null {
  const file = url.startsWith("file:") ? url.slice("file:".length).replace(/^\/\/(localhost)?(?=\/)/, "") : null;
  return file && !file.startsWith(":memory:") && !file.includes("?") ? file : null;
}

/**
 * Opens a database. `file:` URLs are embedded SQLite (libSQL) files; the folder is created first.
 * Any other URL (libsql://, https://, ws://) is a remote libSQL server or Turso, with authToken.
 * Embedded files use WAL with synchronous=FULL, so a committed entry survives a killed process
 * or a power cut; foreign keys are on and a writer waits up to 5 s for another process's lock.
 */
export async function openDatabase(
  url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  authToken = process.env.DATABASE_AUTH_TOKEN,
): Promise<Database> {
  const isFile = url.startsWith("file:");
  if (isFile) {
    const file = url.slice("file:".length);
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const client = openClient(url, authToken);
  if (url === "file::memory:") await client.execute("PRAGMA foreign_keys=ON");
  const db = drizzle(client, { schema });
  databaseOf.set(client, db);
  // Group commit: writes that arrive while one commits wait for the next, and go in together — one
  // transaction, each write in its own savepoint (a refused one rolls back only itself), one disk
  // flush for all; each is answered only after that commit, in the order they came.
  const waiting: { fn: (tx: Tx) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] =
    [];
  let committing = false;
  const watch = ownWriteWatch(url);
  const commitWaiting = async () => {
    while (waiting.length) {
      const batch = waiting.splice(0, WRITES_PER_COMMIT);
      const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
      try {
        await inWriteScope(client, () =>
          db.transaction(
            async (tx) => {
              watch.begin();
              if (batch.length === 1) return outcomes.push({ ok: true, value: await batch[0]!.fn(tx) });
              for (const w of batch)
                await tx.transaction(w.fn).then(
                  (value) => outcomes.push({ ok: true, value }),
                  (error) => outcomes.push({ ok: false, error }),
                );
            },
            { behavior: "immediate" },
          ),
        );
      } catch (error) {
        watch.end();
        for (const [i, w] of batch.entries()) w.reject(outcomes[i]?.ok === false ? outcomes[i].error : error);
        continue;
      }
      watch.end();
      for (const [i, w] of batch.entries()) {
        const o = outcomes[i]!;
        if (o.ok) w.resolve(o.value);
        else w.reject(o.error);
      }
    }
    committing = false;
  };
  return {
    url,
    client,
    db,
    write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push({ fn, resolve: resolve as (v: unknown) => void, reject });
        if (committing) return;
        committing = true;
        setImmediate(commitWaiting);
      });
    },
    outsideCommits: () => watch.outside(),
    close: () => {
      watch.close();
      client.close();
    },
  };
}

const databaseOf = new WeakMap<Client, Db>();
/** At most this many writes share one commit. */
const WRITES_PER_COMMIT = 64;

/**
 * A query that is built once per database (its values as `sql.placeholder`s) instead of once per
 * call, for the statements every entry runs. Inside `write` on an embedded file, the query built on
 * the database runs on the write's own connection (the file client follows the write scope); on a
 * remote database, or outside a write, it is built on `tx` as any other query.
 */
export function reusable<Q>(build: (db: DbOrTx) => Q): (tx: DbOrTx) => Q {
  const built = new WeakMap<Db, Q>();
  return (tx) => {
    const client = scopedClient();
    const db = client && databaseOf.get(client);
    if (!db) return build(tx);
    let q = built.get(db);
    if (!q) {
      q = build(db);
      built.set(db, q);
    }
    return q;
  };
}

/** Most rows one statement inserts (and far below SQLite's 32,766 bound values for any table here). */
const ROWS_PER_STATEMENT = 128;

/**
 * Inserts many rows of one table (each with the same columns) in few statements: 128 rows, then
 * 64, 32, … for the rest — statements of a handful of texts, prepared once by the embedded file's
 * client inside a write, their values bound by position (no query built per call). Elsewhere (a
 * remote database, outside a write) the query builder inserts them as any other insert.
 */
export async function insertMany<T extends SQLiteTable>(tx: DbOrTx, table: T, rows: readonly T["$inferInsert"][]) {
  if (rows.length === 0) return;
  const client = scopedClient();
  if (!client) {
    for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT)
      await tx.insert(table).values(rows.slice(at, at + ROWS_PER_STATEMENT) as never);
    return;
  }
  const all = getTableColumns(table);
  const keys = Object.keys(rows[0]!);
  const columns = keys.map((k) => all[k]!);
  const head = `INSERT INTO "${getTableName(table)}" (${columns.map((c) => `"${c.name}"`).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let at = 0; at < rows.length; ) {
    let size = ROWS_PER_STATEMENT;
    while (size > rows.length - at) size /= 2;
    const args: InValue[] = [];
    for (let r = at; r < at + size; r++) {
      const row = rows[r] as Record<string, unknown>;
      for (const [i, k] of keys.entries()) {
        const v = row[k];
        args.push(v == null ? null : (columns[i]!.mapToDriverValue(v) as InValue));
      }
    }
    await client.execute({ sql: head + Array(size).fill(tuple).join(", "), args });
    at += size;
  }
}

/**
 * Runs fn with a view of the database in which every read and every `write` happens inside one
 * outer write transaction (each `write` a savepoint: a refused verb rolls back only itself).
 * For bulk history such as the demo seed: the same verbs and rules, one commit (one disk flush)
 * for many entries instead of one per entry. Nothing is visible to other connections until fn ends.
 */
export function inOneTransaction<T>(database: Database, fn: (batched: Database) => Promise<T>): Promise<T> {
  return database.write((tx) =>
    fn({ ...database, db: tx as unknown as Db, write: (inner) => tx.transaction(inner), close: () => {} }),
  );
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export async function migrateDatabase(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
}

let shared: Promise<Database> | null = null;

/** The process-wide database, opened and migrated on first use (never at module load). */
export function getDatabase(): Promise<Database> {
  if (!shared) {
    shared = (async () => {
      const d = await openDatabase();
      await migrateDatabase(d);
      return d;
    })();
    shared.catch(() => (shared = null));
  }
  return shared;
}

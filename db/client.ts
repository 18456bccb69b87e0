import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createFileClient, inWriteScope, scopedClient } from "./file-client";
import * as schema from "./schema";

export type Db = LibSQLDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export const DEFAULT_DATABASE_URL = "file:data/kas-terbuka.db";

export interface Database {
  url: string;
  client: Client;
  db: Db;
  /** Runs fn in one write transaction (BEGIN IMMEDIATE), one at a time within this process. */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): void;
}

/**
 * The client for a URL: an embedded file gets the statement-keeping client (which sets WAL,
 * synchronous=FULL, foreign keys and a 5 s busy timeout on every connection it opens); an
 * in-memory database or a remote server gets `@libsql/client`.
 */
export function openClient(url: string, authToken?: string): Client {
  const file = url.startsWith("file:") ? url.slice("file:".length).replace(/^\/\/(localhost)?(?=\/)/, "") : null;
  if (file && file !== ":memory:" && !file.includes("?")) return createFileClient(file, { timeoutMs: 5000 });
  return createClient({ url, authToken, timeout: 5000 });
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
  let queue: Promise<unknown> = Promise.resolve();
  return {
    url,
    client,
    db,
    write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const run = queue.then(() => inWriteScope(client, () => db.transaction(fn, { behavior: "immediate" })));
      queue = run.catch(() => undefined);
      return run;
    },
    close: () => client.close(),
  };
}

const databaseOf = new WeakMap<Client, Db>();

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
    if (!q) built.set(db, (q = build(db)));
    return q;
  };
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

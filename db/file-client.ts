/**
 * The embedded database's client: the `@libsql/client` interface drizzle speaks, over the same
 * native `libsql` engine, with each connection keeping its prepared statements.
 *
 * Why: `@libsql/client` prepares every statement anew, asks for its columns twice and builds
 * every row with one `defineProperty` per value. An entry is about fifteen statements, so on the
 * write path that was most of the time (`npm run bench`, the demo seed). Here a statement is
 * prepared once per connection and its columns read once; rows are cheap objects with the same
 * shape (named values as own properties, values by index through the prototype, a `length`).
 *
 * Semantics kept from `@libsql/client`: integers come back as numbers and one beyond 2^53 is an
 * error, not a rounded number; a transaction holds its own connection until commit or rollback
 * while other calls use another; errors are `LibsqlError` with the SQLite code. Every connection
 * opened sets WAL, `synchronous=FULL`, foreign keys and the busy timeout itself, rather than
 * trusting the engine's defaults.
 */
import {
  LibsqlError,
  type Client,
  type InArgs,
  type InStatement,
  type ResultSet,
  type Row,
  type Transaction,
  type TransactionMode,
} from "@libsql/client";
import Libsql from "libsql";
import { AsyncLocalStorage } from "node:async_hooks";

type Connection = InstanceType<typeof Libsql>;
type Statement = ReturnType<Connection["prepare"]>;
type SqlValue = null | number | bigint | string | Buffer;

interface Prepared {
  statement: Statement;
  /** null for a statement that returns no rows (INSERT without RETURNING, UPDATE, PRAGMA x=y). */
  shape: ({ columns: string[]; columnTypes: string[] } & ReturnType<typeof rowShape>) | null;
}

/** Statements kept per connection; beyond this the oldest is dropped (SQL text built for one list size). */
const STATEMENTS_KEPT = 500;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

/**
 * The prototype of a statement's rows: each value by index reads the own property of its column
 * name; a column whose name repeats an earlier one (or looks like an index) gets its index as an
 * own, non-enumerable value instead. Only names are enumerable, as in `@libsql/client`.
 */
function rowShape(columns: string[]): { named: [number, string][]; unnamed: number[]; proto: object } {
  const proto = {};
  const named: [number, string][] = [];
  const unnamed: number[] = [];
  const seen = new Set<string>();
  columns.forEach((name, i) => {
    if (seen.has(name) || /^\d+$|^length$/.test(name)) unnamed.push(i);
    else {
      named.push([i, name]);
      Object.defineProperty(proto, i, {
        get(this: Record<string, unknown>) {
          return this[name];
        },
      });
    }
    seen.add(name);
  });
  Object.defineProperty(proto, "length", { value: columns.length });
  return { named, unnamed, proto };
}

function fromSql(v: unknown): unknown {
  if (typeof v === "bigint") {
    if (v > MAX_SAFE || v < MIN_SAFE)
      throw new RangeError("Received integer which cannot be safely represented as a JavaScript number");
    return Number(v);
  }
  if (v instanceof Buffer) return v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength);
  return v;
}

function toSql(v: unknown): SqlValue {
  if (typeof v === "number") {
    if (!Number.isFinite(v))
      throw new RangeError("Only finite numbers (not Infinity or NaN) can be passed as arguments");
    return v;
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof ArrayBuffer) return Buffer.from(v);
  if (v instanceof Date) return v.valueOf();
  if (v === undefined) throw new TypeError("undefined cannot be passed as argument to the database");
  return v as SqlValue;
}

function args(a: InArgs | undefined): SqlValue[] | Record<string, SqlValue> {
  if (!a) return [];
  if (Array.isArray(a)) return a.map(toSql);
  const named: Record<string, SqlValue> = {};
  for (const [k, v] of Object.entries(a)) named[/^[@$:]/.test(k) ? k.slice(1) : k] = toSql(v);
  return named;
}

const BASE_CODES: Record<number, string> = {
  1: "SQLITE_ERROR",
  5: "SQLITE_BUSY",
  6: "SQLITE_LOCKED",
  8: "SQLITE_READONLY",
  10: "SQLITE_IOERR",
  11: "SQLITE_CORRUPT",
  13: "SQLITE_FULL",
  14: "SQLITE_CANTOPEN",
  19: "SQLITE_CONSTRAINT",
  20: "SQLITE_MISMATCH",
  21: "SQLITE_MISUSE",
  25: "SQLITE_RANGE",
  26: "SQLITE_NOTADB",
};

function mapError(e: unknown): unknown {
  if (e instanceof Libsql.SqliteError) {
    const raw = (e as { rawCode?: number }).rawCode;
    const base = raw === undefined ? "SQLITE_UNKNOWN" : (BASE_CODES[raw & 0xff] ?? `SQLITE_UNKNOWN_${raw & 0xff}`);
    return new LibsqlError(e.message, base, e.code, raw, e);
  }
  return e;
}

function resultSet(
  columns: string[],
  columnTypes: string[],
  rows: Row[],
  rowsAffected: number,
  lastInsertRowid?: bigint,
): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({
      columns,
      columnTypes,
      rows: rows.map((r) => Array.from(r as ArrayLike<unknown>)),
      rowsAffected,
      lastInsertRowid: lastInsertRowid?.toString() ?? null,
    }),
  };
}

/** One native connection with its prepared statements. */
class CachedConnection {
  readonly native: Connection;
  private statements = new Map<string, Prepared>();

  constructor(file: string, timeoutMs: number, first: boolean) {
    this.native = new Libsql(file, { timeout: timeoutMs } as never);
    if (first) this.native.exec("PRAGMA journal_mode=WAL");
    this.native.exec(`PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=${timeoutMs}`);
  }

  private prepare(sql: string): Prepared {
    let p = this.statements.get(sql);
    if (p) return p;
    const statement = this.native.prepare(sql);
    statement.safeIntegers(true);
    let shape: Prepared["shape"] = null;
    try {
      statement.raw(true); // throws for a statement that returns no rows
      const defs = statement.columns();
      const columns = defs.map((c) => c.name);
      shape = { columns, columnTypes: defs.map((c) => c.type ?? ""), ...rowShape(columns) };
    } catch {
      shape = null;
    }
    p = { statement, shape };
    if (this.statements.size >= STATEMENTS_KEPT) this.statements.delete(this.statements.keys().next().value!);
    this.statements.set(sql, p);
    return p;
  }

  execute(stmt: InStatement | string, a?: InArgs): ResultSet {
    const sql = typeof stmt === "string" ? stmt : stmt.sql;
    const bound = args(typeof stmt === "string" ? a : stmt.args);
    try {
      const { statement, shape } = this.prepare(sql);
      if (!shape) {
        const info = statement.run(bound);
        return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
      }
      const raw = statement.all(bound) as unknown[][];
      const rows = new Array<Row>(raw.length);
      for (let r = 0; r < raw.length; r++) {
        const values = raw[r]!;
        const row = Object.create(shape.proto) as Record<string | number, unknown>;
        for (const [i, name] of shape.named) row[name] = fromSql(values[i]);
        for (const i of shape.unnamed) Object.defineProperty(row, i, { value: fromSql(values[i]) });
        rows[r] = row as unknown as Row;
      }
      return resultSet(shape.columns, shape.columnTypes, rows, 0);
    } catch (e) {
      throw mapError(e);
    }
  }

  close() {
    this.statements.clear();
    if (this.native.open) this.native.close();
  }
}

const BEGIN: Record<TransactionMode, string> = {
  write: "BEGIN IMMEDIATE",
  read: "BEGIN TRANSACTION READONLY",
  deferred: "BEGIN DEFERRED",
};

/**
 * A write scope: everything called within `inWriteScope(client, fn)` that reaches this client —
 * through a drizzle transaction or through the client itself, as a query prepared once on the
 * database does — runs on the connection of the transaction fn opens, so a statement prepared
 * once is not run outside the transaction it was called in.
 */
interface WriteScope {
  client: Client;
  held: CachedConnection | null;
}
const writeScope = new AsyncLocalStorage<WriteScope>();

export function inWriteScope<T>(client: Client, fn: () => Promise<T>): Promise<T> {
  return writeScope.run({ client, held: null }, fn);
}

/** The client whose transaction the caller is in, when a query prepared on its database would run in it (see inWriteScope). */
export function scopedClient(): Client | null {
  const scope = writeScope.getStore();
  return scope?.held ? scope.client : null;
}

/** SQLite's change counter for a file, read without waiting: it moves when any other connection commits. */
export interface ChangeCounter {
  read(): number;
  close(): void;
}

/**
 * `PRAGMA data_version` on a connection of its own, as a plain synchronous call (~8 µs): the front
 * server asks it at every request, so a page is current at the very next request after a commit by
 * any process, without the cost of a query through the client.
 */
export function openChangeCounter(file: string): ChangeCounter {
  const native = new Libsql(file, { timeout: 5000 } as never);
  native.exec("PRAGMA busy_timeout=5000");
  const statement = native.prepare("PRAGMA data_version").raw(true);
  return {
    read: () => Number((statement.get() as unknown[])[0]),
    close: () => native.open && native.close(),
  };
}

/**
 * A client's connections: one kept idle for single synchronous calls, one borrowed for each
 * transaction (given back rolled back if still open), at most four kept idle.
 */
class Pool {
  idle: CachedConnection[] = [];
  readonly borrowed = new Set<CachedConnection>();
  private opened = 0;
  closed = false;

  constructor(
    private readonly file: string,
    private readonly timeoutMs: number,
  ) {}

  check() {
    if (this.closed) throw new LibsqlError("The client is closed", "CLIENT_CLOSED");
  }

  private open() {
    return new CachedConnection(this.file, this.timeoutMs, this.opened++ === 0);
  }

  /** The write scope's transaction connection, or any connection for one synchronous call (it is back before anything else runs). */
  any(client: Client) {
    this.check();
    const scope = writeScope.getStore();
    if (scope?.held && scope.client === client) return scope.held;
    const c = this.idle.at(-1) ?? this.open();
    if (!this.idle.length) this.idle.push(c);
    return c;
  }

  borrow() {
    this.check();
    const c = this.idle.pop() ?? this.open();
    this.borrowed.add(c);
    return c;
  }

  giveBack(c: CachedConnection) {
    this.borrowed.delete(c);
    if (c.native.open && c.native.inTransaction) c.native.exec("ROLLBACK");
    if (this.closed || this.idle.length >= 4) c.close();
    else this.idle.push(c);
  }

  /** Runs statements one after another in one transaction on one connection. */
  inTransaction(mode: TransactionMode, stmts: InStatement[], c = this.borrow()): ResultSet[] {
    try {
      c.execute(BEGIN[mode]);
      const results = stmts.map((s) => c.execute(s));
      c.execute("COMMIT");
      return results;
    } finally {
      this.giveBack(c);
    }
  }

  close() {
    this.closed = true;
    for (const c of [...this.idle, ...this.borrowed]) c.close();
    this.idle = [];
    this.borrowed.clear();
  }

  reconnect() {
    for (const c of this.idle) c.close();
    this.idle = [];
    this.closed = false;
  }
}

/**
 * An interactive transaction on a connection of its own, held until commit or rollback. Opened in
 * the client's write scope (inWriteScope), it becomes the scope's connection meanwhile.
 */
function openTransaction(pool: Pool, client: Client, mode: TransactionMode): Transaction {
  const c = pool.borrow();
  try {
    c.execute(BEGIN[mode]);
  } catch (e) {
    pool.giveBack(c);
    throw e;
  }
  let held: CachedConnection | null = c;
  const scope = writeScope.getStore();
  const scoped = scope?.client === client && scope.held === null ? scope : null;
  if (scoped) scoped.held = c;
  const use = () => {
    if (!held?.native.inTransaction) throw new LibsqlError("The transaction is closed", "TRANSACTION_CLOSED");
    return held;
  };
  const settle = () => {
    if (scoped?.held === held) scoped.held = null;
    if (held) pool.giveBack(held);
    held = null;
  };
  return {
    async execute(stmt: InStatement) {
      return use().execute(stmt);
    },
    async batch(stmts: InStatement[]) {
      const conn = use();
      return stmts.map((s) => conn.execute(s));
    },
    async executeMultiple(sql: string) {
      use().native.exec(sql);
    },
    async commit() {
      try {
        use().execute("COMMIT");
      } finally {
        settle();
      }
    },
    async rollback() {
      if (held?.native.open && held.native.inTransaction) held.execute("ROLLBACK");
      settle();
    },
    close() {
      settle();
    },
    get closed() {
      return !held?.native.inTransaction;
    },
  };
}

/** A client for an embedded database file (never `:memory:`, where each connection is a new database). */
export function createFileClient(file: string, opts: { timeoutMs?: number } = {}): Client {
  const pool = new Pool(file, opts.timeoutMs ?? 5000);
  const client: Client = {
    protocol: "file",
    get closed() {
      return pool.closed;
    },
    async execute(stmt: InStatement | string, a?: InArgs) {
      return pool.any(client).execute(stmt, a);
    },
    async batch(stmts, mode = "deferred") {
      return pool.inTransaction(
        mode,
        stmts.map((s) => (Array.isArray(s) ? { sql: s[0], args: s[1] ?? [] } : s)),
      );
    },
    async migrate(stmts) {
      const c = pool.borrow();
      c.execute("PRAGMA foreign_keys=OFF");
      try {
        return pool.inTransaction("deferred", stmts, c);
      } finally {
        if (c.native.open) c.native.exec("PRAGMA foreign_keys=ON");
      }
    },
    async transaction(mode: TransactionMode = "write"): Promise<Transaction> {
      return openTransaction(pool, client, mode);
    },
    async executeMultiple(sql: string) {
      try {
        pool.any(client).native.exec(sql);
      } catch (e) {
        throw mapError(e);
      }
    },
    async sync() {
      throw new LibsqlError("sync is for embedded replicas; this is a plain database file", "SYNC_NOT_SUPPORTED");
    },
    close() {
      pool.close();
    },
    reconnect() {
      pool.reconnect();
    },
  };
  return client;
}

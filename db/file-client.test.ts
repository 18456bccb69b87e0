import { LibsqlError } from "@libsql/client";
import Libsql from "libsql";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFileClient } from "./file-client";

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kas-client-"));
  file = path.join(dir, "t.db");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the embedded database client", () => {
  it("gives rows the shape of @libsql/client: named values, values by index, a length, only names enumerable", async () => {
    const c = createFileClient(file);
    await c.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, amount INTEGER, note TEXT)");
    const ins = await c.execute({
      sql: "INSERT INTO t (name, amount, note) VALUES (?, ?, ?)",
      args: ["a", 1000, null],
    });
    expect(ins.rowsAffected).toBe(1);
    expect(ins.lastInsertRowid).toBe(1n);
    await c.execute({
      sql: "INSERT INTO t (name, amount) VALUES (:name, :amount)",
      args: { ":name": "b", amount: true },
    });
    const r = await c.execute("SELECT id, name, amount, note, name AS name FROM t ORDER BY id");
    expect(r.columns).toEqual(["id", "name", "amount", "note", "name"]);
    const [a, b] = r.rows;
    expect(Object.keys(a!)).toEqual(["id", "name", "amount", "note"]);
    expect({ ...a }).toEqual({ id: 1, name: "a", amount: 1000, note: null });
    expect([a![0], a![1], a![2], a![3], a!.length]).toEqual([1, "a", 1000, null, 5]);
    expect(Array.prototype.slice.call(b)).toEqual([2, "b", 1, null, "b"]);
    expect(JSON.stringify(a)).toBe('{"id":1,"name":"a","amount":1000,"note":null}');
    expect(typeof a!.amount).toBe("number");
    c.close();
  });

  it("refuses an integer a JavaScript number cannot hold, and undefined or NaN as an argument", async () => {
    const c = createFileClient(file);
    await c.execute("CREATE TABLE t (n INTEGER)");
    await c.execute({ sql: "INSERT INTO t VALUES (?)", args: [2n ** 60n] });
    await expect(c.execute("SELECT n FROM t")).rejects.toThrow(RangeError);
    await expect(c.execute({ sql: "INSERT INTO t VALUES (?)", args: [Number.NaN] })).rejects.toThrow(RangeError);
    await expect(c.execute({ sql: "INSERT INTO t VALUES (?)", args: [undefined as never] })).rejects.toThrow(TypeError);
    c.close();
  });

  it("reports SQLite errors as LibsqlError with the base and extended code, from a kept statement too", async () => {
    const c = createFileClient(file);
    await c.execute("CREATE TABLE t (k TEXT UNIQUE)");
    await c.execute({ sql: "INSERT INTO t VALUES (?)", args: ["x"] });
    for (let i = 0; i < 2; i++) {
      const e = await c.execute({ sql: "INSERT INTO t VALUES (?)", args: ["x"] }).catch((e) => e);
      expect(e).toBeInstanceOf(LibsqlError);
      expect(e.code).toBe("SQLITE_CONSTRAINT");
      expect(e.extendedCode).toBe("SQLITE_CONSTRAINT_UNIQUE");
    }
    c.close();
  });

  it("prepares a statement once per connection", async () => {
    const prepare = vi.spyOn(Libsql.prototype, "prepare");
    const c = createFileClient(file);
    await c.execute("CREATE TABLE t (n INTEGER)");
    prepare.mockClear();
    for (let i = 0; i < 5; i++) await c.execute({ sql: "INSERT INTO t VALUES (?)", args: [i] });
    for (let i = 0; i < 5; i++) await c.execute({ sql: "SELECT n FROM t WHERE n = ?", args: [i] });
    expect(prepare).toHaveBeenCalledTimes(2);
    expect((await c.execute("SELECT count(*) AS n FROM t")).rows[0]!.n).toBe(5);
    prepare.mockRestore();
    c.close();
  });

  it("keeps a transaction on its own connection: others read the last commit until it commits; a rollback leaves nothing", async () => {
    const c = createFileClient(file);
    await c.execute("CREATE TABLE t (n INTEGER)");
    const count = async () => Number((await c.execute("SELECT count(*) AS n FROM t")).rows[0]!.n);
    const tx = await c.transaction("write");
    await tx.execute({ sql: "INSERT INTO t VALUES (?)", args: [1] });
    expect((await tx.execute("SELECT count(*) AS n FROM t")).rows[0]!.n).toBe(1);
    expect(await count()).toBe(0);
    await tx.commit();
    expect(tx.closed).toBe(true);
    await expect(tx.execute("SELECT 1")).rejects.toThrow(/closed/);
    expect(await count()).toBe(1);
    const tx2 = await c.transaction("write");
    await tx2.execute({ sql: "INSERT INTO t VALUES (?)", args: [2] });
    await tx2.rollback();
    expect(await count()).toBe(1);
    c.close();
  });

  it("turns on WAL, synchronous=FULL, foreign keys and the busy timeout on every connection", async () => {
    const c = createFileClient(file, { timeoutMs: 4321 });
    await c.execute("CREATE TABLE p (id INTEGER PRIMARY KEY)");
    await c.execute("CREATE TABLE ch (p INTEGER REFERENCES p(id))");
    const first = await c.transaction("write"); // holds one connection, so the next call opens a second
    const second = await c.transaction("deferred");
    for (const tx of [first, second]) {
      expect((await tx.execute("PRAGMA foreign_keys")).rows[0]![0]).toBe(1);
      expect((await tx.execute("PRAGMA synchronous")).rows[0]![0]).toBe(2);
      expect((await tx.execute("PRAGMA journal_mode")).rows[0]![0]).toBe("wal");
      expect((await tx.execute("PRAGMA busy_timeout")).rows[0]![0]).toBe(4321);
    }
    await first.rollback();
    await expect(second.execute({ sql: "INSERT INTO ch VALUES (?)", args: [7] })).rejects.toThrow(/FOREIGN KEY/);
    await second.rollback();
    c.close();
  });

  it("runs a batch all or nothing", async () => {
    const c = createFileClient(file);
    await c.execute("CREATE TABLE t (n INTEGER CHECK (n > 0))");
    await expect(
      c.batch([
        { sql: "INSERT INTO t VALUES (?)", args: [1] },
        { sql: "INSERT INTO t VALUES (?)", args: [-1] },
      ]),
    ).rejects.toThrow(/CHECK/);
    expect((await c.execute("SELECT count(*) AS n FROM t")).rows[0]!.n).toBe(0);
    await c.batch([{ sql: "INSERT INTO t VALUES (?)", args: [1] }, ["INSERT INTO t VALUES (?)", [2]]]);
    expect((await c.execute("SELECT sum(n) AS s FROM t")).rows[0]!.s).toBe(3);
    c.close();
    await expect(c.execute("SELECT 1")).rejects.toThrow(/closed/);
  });
});

import { eq, sql } from "drizzle-orm";
import { integer, sqliteTable } from "drizzle-orm/sqlite-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Database, type DbOrTx, openDatabase, reusable } from "./client";

let dir: string;
let database: Database;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "kas-db-"));
  database = await openDatabase(`file:${path.join(dir, "t.db")}`);
  await database.client.execute("CREATE TABLE t (n INTEGER NOT NULL)");
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const t = sqliteTable("t", { n: integer("n").notNull() });
let builds = 0;
const insertN = reusable((db: DbOrTx) => {
  builds++;
  return { run: (n: number) => db.run(sql`INSERT INTO t (n) VALUES (${n})`) };
});
const count = async () => Number((await database.client.execute("SELECT count(*) AS n FROM t")).rows[0]!.n);

describe("a query built once per database (reusable)", () => {
  it("runs inside the caller's write: a refused write leaves nothing, and it is built once for all writes", async () => {
    builds = 0;
    await database.write(async (tx) => insertN(tx).run(1));
    await database.write(async (tx) => insertN(tx).run(2));
    await expect(
      database.write(async (tx) => {
        await insertN(tx).run(3);
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await count()).toBe(2);
    expect(builds).toBe(1);
  });

  it("is not seen by a reader outside the write until it commits", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const didInsert = new Promise<void>((r) => (inserted = r));
    const writing = database.write(async (tx) => {
      await insertN(tx).run(7);
      inserted();
      await held;
    });
    await didInsert;
    expect(await count()).toBe(0);
    release();
    await writing;
    expect(await count()).toBe(1);
  });

  it("outside a write, is built on what it is given, each time", async () => {
    builds = 0;
    await insertN(database.db).run(1);
    await insertN(database.db).run(2);
    expect(builds).toBe(2);
    expect(await count()).toBe(2);
  });

  it("a drizzle prepared query (placeholders) sees the write's own rows", async () => {
    const byN = reusable((db) =>
      db
        .select()
        .from(t)
        .where(eq(t.n, sql.placeholder("n")))
        .prepare(),
    );
    const seen = await database.write(async (tx) => {
      await tx.insert(t).values({ n: 42 });
      return byN(tx).all({ n: 42 });
    });
    expect(seen).toEqual([{ n: 42 }]);
  });
});

describe("group commit", () => {
  it("writes that wait together share one commit; a refused one rolls back only itself; each answers in order", async () => {
    const begin = vi.spyOn(database.client, "transaction");
    const order: number[] = [];
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((n) =>
        database.write(async (tx) => {
          await tx.run(sql`INSERT INTO t (n) VALUES (${n})`);
          order.push(n);
          if (n === 3) throw new Error("refused 3");
          return n * 10;
        }),
      ),
    );
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : String(r.reason)))).toEqual([
      10,
      20,
      "Error: refused 3",
      40,
      50,
    ]);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(begin).toHaveBeenCalledTimes(1);
    expect(
      (await database.client.execute("SELECT group_concat(n) AS s FROM (SELECT n FROM t ORDER BY n)")).rows[0]!.s,
    ).toBe("1,2,4,5");
    // A write alone is its own transaction, as before.
    await database.write(async (tx) => tx.run(sql`INSERT INTO t (n) VALUES (6)`));
    expect(begin).toHaveBeenCalledTimes(2);
  });

  it("a failed commit refuses every write that shared it, and nothing of them stays", async () => {
    await database.client.execute("CREATE TABLE p (id INTEGER PRIMARY KEY)");
    await database.client.execute("CREATE TABLE c (p INTEGER REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED)");
    const results = await Promise.allSettled([
      database.write(async (tx) => tx.run(sql`INSERT INTO t (n) VALUES (1)`)),
      database.write(async (tx) => tx.run(sql`INSERT INTO c (p) VALUES (99)`)), // fails only at COMMIT
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(await count()).toBe(0);
  });
});

import { createHash } from "node:crypto";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { groupFigures, groupPageModels } from "@/server/read/public-figures";
import { cachedRead, processWide, READ_MODEL_FORMAT, readModelsDir } from "./read-cache";
import { recordContributions } from "@/server/verbs/savings/record-contributions";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let group: Awaited<ReturnType<typeof seedGroup>>["group"];
beforeAll(async () => {
  t = await tempDatabase();
  ({ group } = await seedGroup(testContext(t.database), "ratu-damai", 5));
});
afterAll(() => t.cleanup());

/** What a restart loses: the process's memory. */
const restart = () => processWide("readCache", () => new Map()).clear();

describe("read models kept beside the database", () => {
  it("are read back after a restart instead of computed again, equal to a fresh computation", async () => {
    const compute = vi.fn(() => groupFigures(t.database.db, group, FIXED_NOW));
    const first = await cachedRead(t.database, group, "figures-test", compute, FIXED_NOW);
    restart();
    const again = await cachedRead(t.database, group, "figures-test", compute, FIXED_NOW);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(again).toEqual(JSON.parse(JSON.stringify(first)));
    expect(readdirSync(readModelsDir(t.database.url)!)).toContain(`${group.id}-figures-test.json`);
  });

  it("are computed again when the group changed, or on another day, or when the file is unreadable", async () => {
    const compute = vi.fn(async () => ({ n: compute.mock.calls.length }));
    await cachedRead(t.database, group, "count", compute, FIXED_NOW);
    await recordContributions(testContext(t.database), {
      groupSlug: "ratu-damai",
      date: "2026-11-28",
      idempotencyKey: key(),
      lines: [{ memberCode: "RA-001", amount: 1000 }],
    });
    restart();
    await cachedRead(t.database, group, "count", compute, FIXED_NOW);
    expect(compute).toHaveBeenCalledTimes(2);
    restart();
    await cachedRead(t.database, group, "count", compute, new Date("2026-11-30T02:00:00Z"));
    expect(compute).toHaveBeenCalledTimes(3);
    writeFileSync(path.join(readModelsDir(t.database.url)!, `${group.id}-count.json`), "{ not json");
    restart();
    expect(await cachedRead(t.database, group, "count", compute, new Date("2026-11-30T02:00:00Z"))).toEqual({ n: 4 });
  });

  it("never keeps the chain check on disk: a new process looks at the data itself", async () => {
    await groupPageModels(t.database, group, FIXED_NOW);
    const kept = readdirSync(readModelsDir(t.database.url)!);
    expect(kept).toContain(`${group.id}-figures.json`);
    expect(kept).toContain(`${group.id}-checkpoints.json`);
    expect(kept).not.toContain(`${group.id}-chain.json`);
  });

  it("keep nothing on disk for an in-memory or remote database", () => {
    expect(readModelsDir("file::memory:")).toBeNull();
    expect(readModelsDir("libsql://kas.turso.io")).toBeNull();
    expect(readModelsDir("file:data/kas-terbuka.db")).toBe(path.resolve("data/kas-terbuka.db.read-models"));
  });

  it("are of one format: a change of the figures' fields must come with a new READ_MODEL_FORMAT", async () => {
    // Models of another format are never read back. If this fails, bump READ_MODEL_FORMAT and the line below.
    const paths = (v: unknown, at = ""): string[] =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.entries(v).flatMap(([k, x]) => [`${at}${k}`, ...paths(x, `${at}${k}.`)])
        : [];
    const f = await groupFigures(t.database.db, group, FIXED_NOW);
    const shape = paths({ ...f, months: null, closedYears: null, costs: { ...f.costs, terms: null, recent: null } });
    const fields = createHash("sha256").update(shape.sort().join("\n")).digest("hex").slice(0, 12);
    expect({ format: READ_MODEL_FORMAT, fields }).toEqual({ format: 7, fields: "59add083359b" });
  });
});

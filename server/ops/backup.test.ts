import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { chainHead, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { backupTo, restoreFrom } from "./backup";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { verifyLedger } from "@/server/read/verify";

describe("backup and restore", () => {
  it("a backup taken while entries are being posted is consistent, verifies, and restores to its chain head", async () => {
    const t = await tempDatabase();
    try {
      const ctx = testContext(t.database);
      const { group } = await seedGroup(ctx, "ratu-damai", 5);
      const post = () =>
        recordContributions(ctx, {
          groupSlug: "ratu-damai",
          date: "2026-11-28",
          idempotencyKey: key(),
          lines: [{ memberCode: "RA-001", amount: 1000, kind: "voluntary" }],
        });
      for (let i = 0; i < 20; i++) await post();
      const before = await chainHead(t.database, group.id);
      const file = path.join(t.dir, "backup.db");
      // Posts keep coming while the snapshot is taken: the snapshot starts once five more are in.
      let snapshotTaken = false;
      const writing = (async () => {
        while (!snapshotTaken) {
          await post();
          await new Promise((r) => setImmediate(r)); // posts arrive over the network, between other work
        }
      })();
      while ((await chainHead(t.database, group.id)).seq < before.seq + 5) await new Promise((r) => setTimeout(r, 5));
      await backupTo(t.database, file);
      snapshotTaken = true;
      await writing;
      const last = await post(); // certainly after the snapshot
      const after = await chainHead(t.database, group.id);

      const snap = await openDatabase(`file:${file}`);
      const v = await verifyLedger(snap.db);
      const snapHead = await chainHead(snap, group.id);
      snap.close();
      expect(v.problems).toEqual([]);
      // It holds what was posted before it began, and not what came after it.
      expect(snapHead.seq).toBeGreaterThanOrEqual(before.seq + 5);
      expect(snapHead.seq).toBeLessThan(last.seq);
      expect(after.seq).toBe(last.seq);

      // Restore over a copy of the live file, then the restored database is exactly the snapshot.
      const live = path.join(t.dir, "live.db");
      await backupTo(t.database, live);
      const r = await restoreFrom(live, file);
      expect(r.entries).toBe(snapHead.seq);
      const restored = await openDatabase(`file:${live}`);
      expect(await chainHead(restored, group.id)).toEqual(snapHead);
      expect((await verifyLedger(restored.db)).problems).toEqual([]);
      restored.close();
    } finally {
      t.cleanup();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordCashCount } from "@/server/verbs/cash/cash-count";
import { loadGroup } from "@/server/shared/context";
import { listAudit } from "@/server/read/members";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { auditSentence } from "./audit";

let t: Awaited<ReturnType<typeof tempDatabase>>;
beforeAll(async () => {
  t = await tempDatabase();
  await seedGroup(testContext(t.database, "user:7:bendahara-rd"), "ratu-damai", 12);
});
afterAll(() => t.cleanup());

const plain = (s: string) => s.replace(/\u00a0/g, " ");

describe("the audit log as sentences", () => {
  it("says who did what, how much, which entry and when, in the group's time", async () => {
    const ctx = testContext(t.database, "user:7:bendahara-rd");
    const entry = await recordContributions(ctx, {
      groupSlug: "ratu-damai",
      date: "2026-11-29",
      idempotencyKey: key(),
      lines: Array.from({ length: 12 }, (_, i) => ({
        memberCode: `RA-${String(i + 1).padStart(3, "0")}`,
        amount: 1000,
      })),
    });
    await recordCashCount(ctx, {
      groupSlug: "ratu-damai",
      date: "2026-11-29",
      countedAmount: 11_000,
      idempotencyKey: key(),
    });
    const group = await loadGroup(t.database.db, "ratu-damai");
    const [count, collection, added] = await listAudit(ctx, { groupSlug: "ratu-damai", limit: 3 });
    // FIXED_NOW is 2026-11-29 02:00 UTC: 10.00 WITA.
    expect(plain(auditSentence(collection!, "id", group.timeZone))).toBe(
      `bendahara-rd mencatat setoran simpanan 12 anggota, Rp 12.000, no. ${entry.seq} · 29 Nov 2026 10.00 WITA`,
    );
    expect(plain(auditSentence(collection!, "en", group.timeZone))).toBe(
      `bendahara-rd recorded savings collected from 12 members, Rp 12,000, no. ${entry.seq} · 29 Nov 2026 10:00 WITA`,
    );
    expect(plain(auditSentence(count!, "id", group.timeZone))).toBe(
      "bendahara-rd menghitung kas: Rp 11.000 (buku Rp 12.000) · 29 Nov 2026 10.00 WITA",
    );
    expect(auditSentence(added!, "id", group.timeZone)).toMatch(/^bendahara-rd menambah anggota RA-012 · /);
    // Every action a group's log can hold reads as words, never as its code.
    for (const action of [
      "cash.countersign",
      "seal.countersign",
      "correction.countersign",
      "member.update",
      "member.leave",
      "member.leaveUndo",
      "member.resetCheckCode",
      "member.phone",
      "book.import",
      "year.close",
      "shu.rule",
      "lending.rule",
      "group.create",
      "referenceTerms.update",
      "bank.check",
    ])
      for (const locale of ["id", "en"] as const)
        expect(auditSentence({ ...count!, action, detail: "{}" }, locale, group.timeZone)).not.toContain(action);
    // A leave that paid her savings out says so.
    const leave = {
      ...count!,
      action: "member.leave",
      detail: '{"code":"RA-002","leftOn":"2026-11-29","paidOut":500000}',
    };
    expect(plain(auditSentence(leave, "id", group.timeZone))).toMatch(
      /^bendahara-rd mencatat RA-002 keluar \(29 Nov 2026\), simpanannya Rp 500\.000 dibayar · /,
    );
    expect(plain(auditSentence(leave, "en", group.timeZone))).toContain("her savings of Rp 500,000 paid out");
    // A supervisor's question names its record in words, never by its code (`cash_count:341`).
    for (const [target, id, en] of [
      ["cash_count:341", "hitungan kas/bank (no. 341)", "a cash or bank count (no. 341)"],
      ["correction:12", "koreksi (id 12)", "a correction (id 12)"],
      ["seal:2026-11", "segel Nov 2026", "the seal of Nov 2026"],
    ] as const) {
      const ask = { ...count!, action: "query.ask", detail: JSON.stringify({ target, queryReason: "tidak_cocok" }) };
      const answer = {
        ...count!,
        action: "query.answer",
        detail: JSON.stringify({ target, answer: "sudah_dijelaskan" }),
      };
      expect(plain(auditSentence(ask, "id", group.timeZone))).toContain(`menanyakan ${id} (tidak cocok)`);
      expect(plain(auditSentence(answer, "en", group.timeZone))).toContain(`question about ${en}:`);
      for (const row of [ask, answer])
        for (const locale of ["id", "en"] as const)
          expect(auditSentence(row, locale, group.timeZone)).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    }
  });
});

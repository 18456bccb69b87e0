import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { journalEntries } from "@/db/schema";
import { DomainError } from "@/server/domain/errors";
import { EXAMPLE_RULE } from "@/server/domain/shu";
import { chainHead, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { recordCashCount } from "@/server/verbs/cash/cash-count";
import { recordExpense, recordIncome } from "@/server/verbs/cash/cash-movement";
import { loadGroup, type ServiceContext } from "@/server/shared/context";
import { openHistoryBatch } from "@/server/verbs/loans/disburse-loan";
import { monthlyReport } from "@/server/read/monthly-report";
import { batchContributions, recordContributions } from "@/server/verbs/savings/record-contributions";
import { recordQueuedContributions } from "@/server/verbs/savings/record-queued";
import { countersignSeal } from "@/server/verbs/seals/countersign-seal";
import { createUser } from "@/server/verbs/users/create-user";
import { closeYear } from "@/server/verbs/year/close-year";
import { setShareOutRule } from "@/server/verbs/year/set-share-out-rule";

const G = "ratu-damai";
let t: Awaited<ReturnType<typeof tempDatabase>>;

/** The treasurer's context at a WITA wall-clock moment. */
const at = (local: string): ServiceContext => ({ ...testContext(t.database), now: () => new Date(`${local}+08:00`) });
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "written",
    (e: unknown) => (e instanceof DomainError ? `${e.code} ${e.field}` : Promise.reject(e)),
  );
const expense = (ctx: ServiceContext, date: string, amount = 10_000) =>
  recordExpense(ctx, { groupSlug: G, amount, date, category: "lainnya", idempotencyKey: key() });
const entryCount = async () => (await t.database.db.select({ n: count() }).from(journalEntries))[0]!.n;
const report = async (month: string, local: string) =>
  monthlyReport(t.database.db, await loadGroup(t.database.db, G), month, new Date(`${local}+08:00`));

async function pengawasCtx(local: string): Promise<ServiceContext> {
  const u = await createUser(testContext(t.database), {
    username: `pengawas-${key()}`,
    password: "sandi-panjang-sekali",
    role: "pengawas",
    groupSlugs: [G],
  });
  return { ...at(local), actor: `user:${u.id}:pengawas`, user: { id: u.id, role: "pengawas" } };
}

beforeEach(async () => {
  t = await tempDatabase();
  await seedGroup(at("2026-01-02T10:00:00"), G, 3);
  // January's money: savings from everyone on the 15th.
  await recordContributions(at("2026-01-15T18:00:00"), {
    groupSlug: G,
    date: "2026-01-15",
    idempotencyKey: key(),
    lines: ["RA-001", "RA-002", "RA-003"].map((memberCode) => ({ memberCode, amount: 100_000, kind: "voluntary" })),
  });
});
afterEach(() => t.cleanup());

describe("the report's pager", () => {
  it("links no month before the group's founding month nor after the current one (they have no report)", async () => {
    // seedGroup founds the group on 2024-01-01; the clock reads 15 February 2026.
    const now = "2026-02-15T12:00:00";
    expect(await report("2024-01", now)).toMatchObject({ previousMonth: null, nextMonth: "2024-02" });
    expect(await report("2026-01", now)).toMatchObject({ previousMonth: "2025-12", nextMonth: "2026-02" });
    expect(await report("2026-02", now)).toMatchObject({ previousMonth: "2026-01", nextMonth: null });
  });
});

describe("closing a month", () => {
  it("takes back-dated entries through the 5th, provisionally; refuses them after, writing nothing, and the report never changes", async () => {
    // 3 February: January is finished but not closed. Its report is provisional, with no final seal.
    const during = await report("2026-01", "2026-02-03T12:00:00");
    expect(during).toMatchObject({ provisional: true, seal: null, graceThrough: "2026-02-05" });
    expect(await codeOf(expense(at("2026-02-03T12:00:00"), "2026-01-20", 50_000))).toBe("written");
    expect(await codeOf(expense(at("2026-02-05T23:00:00"), "2026-01-31", 5_000))).toBe("written");
    expect((await report("2026-01", "2026-02-05T23:30:00")).closing.cash).toBe(300_000 - 55_000);
    const head = await chainHead(t.database, (await loadGroup(t.database.db, G)).id);

    // 6 February, 00:00 WITA: January is closed. Its seal is the head at the close; the report is final.
    const closed = await report("2026-01", "2026-02-06T09:00:00");
    expect(closed).toMatchObject({ provisional: false, seal: { seq: head.seq, hash: head.hash, closed: true } });
    const before = await entryCount();
    expect(await codeOf(expense(at("2026-02-06T00:00:00"), "2026-01-31"))).toBe("month_closed date");
    expect(await codeOf(expense(at("2026-07-01T09:00:00"), "2026-01-10"))).toBe("month_closed date");
    expect(await entryCount()).toBe(before);
    // Entries dated today go on as ever — and January's report and seal stay as printed.
    expect(await codeOf(expense(at("2026-02-06T09:00:00"), "2026-02-06"))).toBe("written");
    expect(await report("2026-01", "2026-02-06T09:00:00")).toEqual(closed);
    expect(await report("2026-01", "2026-03-10T09:00:00")).toEqual(closed);
  });

  it("the message tells the treasurer to date the entry today and name the month in the reason", async () => {
    const err = await expense(at("2026-02-10T09:00:00"), "2026-01-31").catch((e: DomainError) => e);
    expect(err).toBeInstanceOf(DomainError);
    const { errorMessage } = await import("@/server/i18n/errors");
    expect(errorMessage((err as DomainError).code, (err as DomainError).params ?? {}, "id")).toMatch(
      /tanggal hari ini.*Januari 2026/,
    );
    expect(errorMessage((err as DomainError).code, (err as DomainError).params ?? {}, "en")).toMatch(
      /today's date.*January 2026/,
    );
  });

  it("a countersignature closes the month at once, and its signed entry is the final seal", async () => {
    expect(await codeOf(expense(at("2026-02-02T09:00:00"), "2026-01-30"))).toBe("written");
    const signed = await countersignSeal(await pengawasCtx("2026-02-02T10:00:00"), { groupSlug: G, month: "2026-01" });
    const head = await chainHead(t.database, (await loadGroup(t.database.db, G)).id);
    expect({ seq: signed.seq, hash: signed.hash }).toEqual(head); // the head as it stood: the back-dated entry too
    const closed = await report("2026-01", "2026-02-02T10:30:00");
    expect(closed).toMatchObject({ provisional: false, seal: { seq: head.seq, countersigned: { matches: true } } });

    const before = await entryCount();
    // Still inside the grace period, but signed: refused, by the verb and by the batch writer alike.
    expect(await codeOf(expense(at("2026-02-02T10:05:00"), "2026-01-31"))).toBe("month_closed date");
    const group = await loadGroup(t.database.db, G);
    const batch = await openHistoryBatch(t.database.db, group);
    const { groupMembersByCode } = await import("@/server/shared/context");
    batchContributions(batch, at("2026-02-03T09:00:00"), await groupMembersByCode(t.database.db, group), {
      groupSlug: G,
      date: "2026-01-31",
      idempotencyKey: key(),
      lines: [{ memberCode: "RA-001", amount: 1000 }],
    });
    expect(await codeOf(t.database.write((tx) => batch.write(tx)))).toBe("month_closed date");
    expect(await entryCount()).toBe(before);
    expect(await report("2026-01", "2026-02-04T09:00:00")).toEqual(closed);
    // February is untouched by January's close.
    expect(await codeOf(expense(at("2026-02-02T10:10:00"), "2026-02-01"))).toBe("written");
  });

  it("a collection may not name a missed day in a closed month, nor a queued one slip past", async () => {
    const line = (days: string[]) => ({ memberCode: "RA-002", amount: 1000 * days.length, days });
    // Inside the grace period a missed day of January may be named; after it, not.
    expect(
      await codeOf(
        recordContributions(at("2026-02-03T09:00:00"), {
          groupSlug: G,
          date: "2026-02-03",
          idempotencyKey: key(),
          lines: [line(["2026-01-31", "2026-02-03"])],
        }),
      ),
    ).toBe("written");
    const before = await entryCount();
    const closedDay = {
      groupSlug: G,
      date: "2026-02-07",
      idempotencyKey: key(),
      lines: [{ memberCode: "RA-001", amount: 1000 }, line(["2026-01-30", "2026-02-07"])],
    };
    expect(await codeOf(recordContributions(at("2026-02-07T09:00:00"), closedDay))).toBe("month_closed lines.1.days");
    // The phone's offline queue goes through the same check: the day is refused on its own.
    const [queued] = await recordQueuedContributions(at("2026-02-07T09:00:00"), {
      groupSlug: G,
      days: [{ date: closedDay.date, idempotencyKey: key(), lines: closedDay.lines }],
    });
    expect(queued).toMatchObject({ ok: false, error: { code: "month_closed", field: "lines.1.days" } });
    expect(await entryCount()).toBe(before);
  });

  it("a missed day in a month the pengawas closed early is refused too, and the grace period is the group's", async () => {
    await countersignSeal(await pengawasCtx("2026-02-01T08:00:00"), { groupSlug: G, month: "2026-01" });
    expect(
      await codeOf(
        recordContributions(at("2026-02-02T09:00:00"), {
          groupSlug: G,
          date: "2026-02-02",
          idempotencyKey: key(),
          lines: [{ memberCode: "RA-003", amount: 2000, days: ["2026-01-31", "2026-02-02"] }],
        }),
      ),
    ).toBe("month_closed lines.0.days");
    // A group with no grace period closes a month at its last midnight.
    await t.database.db.run("UPDATE ksm_groups SET month_grace_days = 0");
    expect(await codeOf(expense(at("2026-03-01T00:30:00"), "2026-02-28"))).toBe("month_closed date");
  });

  it("the year's close, dated 31 December after December closed, leaves December's report as printed", async () => {
    await recordContributions(at("2025-12-10T18:00:00"), {
      groupSlug: G,
      date: "2025-12-10",
      idempotencyKey: key(),
      lines: ["RA-001", "RA-002"].map((memberCode) => ({ memberCode, amount: 50_000, kind: "voluntary" })),
    });
    await recordIncome(at("2025-12-20T18:00:00"), {
      groupSlug: G,
      amount: 10_000,
      date: "2025-12-20",
      category: "bunga_bank",
      idempotencyKey: key(),
    });
    const december = await report("2025-12", "2026-01-20T09:00:00");
    expect(december).toMatchObject({ provisional: false, closing: { surplus: 10_000 } });
    const treasurer = at("2026-01-20T09:00:00");
    await setShareOutRule(treasurer, { groupSlug: G, rule: EXAMPLE_RULE });
    const closed = await closeYear(treasurer, { groupSlug: G, year: 2025, idempotencyKey: key() });
    expect(closed.entry).toMatchObject({ kind: "year_close", businessDate: "2025-12-31" });
    expect(await report("2025-12", "2026-01-20T09:00:00")).toEqual(december);
    // The close opens January: its opening balances have the year's surplus shared out.
    expect((await report("2026-01", "2026-01-20T09:00:00")).opening.surplus).toBe(0);
  });

  it("a cash count dated in a closed month is refused too: the report lists its counts as printed", async () => {
    const count = (local: string, date: string) =>
      recordCashCount(at(local), { groupSlug: G, date, countedAmount: 300_000, idempotencyKey: key() });
    expect(await codeOf(count("2026-02-05T09:00:00", "2026-01-31"))).toBe("written");
    const closed = await report("2026-01", "2026-02-06T09:00:00");
    expect(closed.cashCounts).toHaveLength(1);
    expect(await codeOf(count("2026-02-06T09:00:00", "2026-01-30"))).toBe("month_closed date");
    expect(await report("2026-01", "2026-02-06T09:00:00")).toEqual(closed);
  });

  it("a collection may not name a missed day in a closed year, even while its December is in its grace period", async () => {
    await recordIncome(at("2025-12-20T18:00:00"), {
      groupSlug: G,
      amount: 10_000,
      date: "2025-12-20",
      category: "bunga_bank",
      idempotencyKey: key(),
    });
    const newYear = at("2026-01-02T09:00:00");
    await setShareOutRule(newYear, { groupSlug: G, rule: EXAMPLE_RULE });
    await closeYear(newYear, { groupSlug: G, year: 2025, idempotencyKey: key() });
    const before = await entryCount();
    expect(
      await codeOf(
        recordContributions(at("2026-01-02T10:00:00"), {
          groupSlug: G,
          date: "2026-01-02",
          idempotencyKey: key(),
          lines: [{ memberCode: "RA-001", amount: 3000, days: ["2025-12-31", "2026-01-01", "2026-01-02"] }],
        }),
      ),
    ).toBe("year_closed lines.0.days");
    expect(await entryCount()).toBe(before);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { supervisorQueries, supervisorQueryAnswers } from "@/db/schema";
import type { Role } from "@/server/domain/access";
import type { DomainError } from "@/server/domain/errors";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { recordCashCount } from "@/server/verbs/cash/cash-count";
import { loadGroup, type ServiceContext } from "@/server/shared/context";
import { countersignCashCount } from "@/server/verbs/cash/countersign-cash-count";
import { monthlyReport } from "@/server/read/monthly-report";
import { groupFigures } from "@/server/read/public-figures";
import { reverseEntry } from "@/server/verbs/corrections/reverse-entry";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { countersignSeal } from "@/server/verbs/seals/countersign-seal";
import { waitingForSignature } from "@/server/read/signing";
import { answerSupervisorQuery } from "@/server/verbs/queries/answer-query";
import { askSupervisorQuery } from "@/server/verbs/queries/ask-query";
import { queryList } from "@/server/read/supervisor-queries";
import { createUser } from "@/server/verbs/users/create-user";

let t: Awaited<ReturnType<typeof tempDatabase>>;
const G = "ratu-damai";
const codeOf = (p: Promise<unknown>) => p.then(() => null).catch((e: DomainError) => e.code);

async function userCtx(username: string, role: Role, at?: string): Promise<(at?: string) => ServiceContext> {
  const u = await createUser(testContext(t.database), {
    username,
    password: "sandi-panjang-sekali",
    role,
    groupSlugs: role === "admin" ? [] : [G],
  });
  const base = { ...testContext(t.database, `user:${u.id}:${username}`), user: { id: u.id, role } };
  return (when = at) => (when ? { ...base, now: () => new Date(when) } : base);
}

const count = (ctx: ServiceContext, countedAmount = 0, note: string | null = null) =>
  recordCashCount(ctx, { groupSlug: G, date: "2026-11-29", countedAmount, note, idempotencyKey: key() });

/** What the public sees of the group: its figures and November's report, as one text. */
async function publicText(month = "2026-11") {
  const group = await loadGroup(t.database.db, G);
  const [f, r] = await Promise.all([
    groupFigures(t.database.db, group, FIXED_NOW),
    monthlyReport(t.database.db, group, month, FIXED_NOW),
  ]);
  return { f, r, text: JSON.stringify([f, r]) };
}

let bendahara: (at?: string) => ServiceContext;
let pengawas: (at?: string) => ServiceContext;
let admin: (at?: string) => ServiceContext;

beforeEach(async () => {
  t = await tempDatabase();
  await seedGroup(testContext(t.database), G, 3);
  bendahara = await userCtx("bendahara-uji", "bendahara");
  pengawas = await userCtx("pengawas-uji", "pengawas");
  admin = await userCtx("admin-uji", "admin");
});
afterEach(() => t.cleanup());

describe("Tanyakan: the supervisor asks about a count", () => {
  it("marks the count publicly until the treasurer answers; the answer's note never goes public", async () => {
    const c = await count(bendahara());
    expect((await publicText()).f.lastCashCount?.queried).toBeNull();
    const q = await askSupervisorQuery(pengawas(), {
      groupSlug: G,
      subject: "cash_count",
      id: c.id,
      reason: "tidak_cocok",
    });

    const asked = await publicText();
    expect(asked.f.lastCashCount?.queried).toBe("tidak_cocok");
    expect(asked.r.cashCounts.find((x) => x.counted === 0)?.queried).toBe("tidak_cocok");
    expect((await queryList(bendahara(), { groupSlug: G }))[0]).toMatchObject({ id: q.id, open: true, answer: null });
    // Asked once: a second question while the first is open is refused.
    expect(
      await codeOf(
        askSupervisorQuery(admin(), { groupSlug: G, subject: "cash_count", id: c.id, reason: "bukti_kurang" }),
      ),
    ).toBe("already_queried");

    await answerSupervisorQuery(bendahara(), {
      groupSlug: G,
      queryId: q.id,
      answer: "sudah_dijelaskan",
      note: "Uang dipinjam sementara oleh ketua, rahasia",
    });
    const answered = await publicText();
    expect(answered.f.lastCashCount?.queried).toBeNull();
    expect(answered.r.cashCounts.find((x) => x.counted === 0)?.queried).toBeNull();
    expect(answered.text).not.toContain("rahasia");
    expect((await queryList(pengawas(), { groupSlug: G }))[0]).toMatchObject({
      open: false,
      answer: { answer: "sudah_dijelaskan", note: "Uang dipinjam sementara oleh ketua, rahasia" },
    });
    expect(
      await codeOf(answerSupervisorQuery(bendahara(), { groupSlug: G, queryId: q.id, answer: "sudah_diperbaiki" })),
    ).toBe("query_already_answered");
    const audits = await t.database.client.execute(
      "select action from audit_log where action like 'query.%' order by id",
    );
    expect(audits.rows.map((r) => r.action)).toEqual(["query.ask", "query.answer"]);
  });

  it("countersigning the count clears the public mark; a countersigned count cannot be asked about", async () => {
    const c = await count(bendahara());
    await askSupervisorQuery(pengawas(), { groupSlug: G, subject: "cash_count", id: c.id, reason: "perlu_penjelasan" });
    expect((await publicText()).f.lastCashCount?.queried).toBe("perlu_penjelasan");
    await countersignCashCount(pengawas(), { groupSlug: G, cashCountId: c.id });
    expect((await publicText()).f.lastCashCount?.queried).toBeNull();
    expect((await queryList(pengawas(), { groupSlug: G }))[0]).toMatchObject({ open: false, countersigned: true });
    expect(
      await codeOf(
        askSupervisorQuery(admin(), { groupSlug: G, subject: "cash_count", id: c.id, reason: "tidak_cocok" }),
      ),
    ).toBe("already_countersigned");
  });

  it("a bendahara cannot ask; nobody answers her own question", async () => {
    const c = await count(admin());
    expect(
      await codeOf(
        askSupervisorQuery(bendahara(), { groupSlug: G, subject: "cash_count", id: c.id, reason: "tidak_cocok" }),
      ),
    ).toBe("role_forbidden");
    const q = await askSupervisorQuery(pengawas(), {
      groupSlug: G,
      subject: "cash_count",
      id: c.id,
      reason: "tidak_cocok",
    });
    expect(
      await codeOf(answerSupervisorQuery(pengawas(), { groupSlug: G, queryId: q.id, answer: "sudah_dijelaskan" })),
    ).toBe("role_forbidden");
    const own = await count(bendahara(), 5);
    const asked = await askSupervisorQuery(admin(), {
      groupSlug: G,
      subject: "cash_count",
      id: own.id,
      reason: "bukti_kurang",
    });
    expect(
      await codeOf(answerSupervisorQuery(admin(), { groupSlug: G, queryId: asked.id, answer: "sudah_dijelaskan" })),
    ).toBe("own_query_answer");
    expect(
      await codeOf(answerSupervisorQuery(bendahara(), { groupSlug: G, queryId: asked.id, answer: "sudah_dijelaskan" })),
    ).toBeNull();
  });
});

describe("nobody asks about her own work", () => {
  it("not her own count, not a correction of her entry, not the seal of a month she wrote in", async () => {
    // October first: the seal covers what was written by the month's end.
    await recordContributions(admin("2026-10-15T02:00:00Z"), {
      groupSlug: G,
      date: "2026-10-15",
      idempotencyKey: key(),
      lines: [{ memberCode: "RA-002", amount: 1000 }],
    });
    expect(
      await codeOf(
        askSupervisorQuery(admin(), { groupSlug: G, subject: "seal", month: "2026-10", reason: "perlu_penjelasan" }),
      ),
    ).toBe("own_record_query");
    expect(
      await codeOf(
        askSupervisorQuery(pengawas(), { groupSlug: G, subject: "seal", month: "2026-10", reason: "perlu_penjelasan" }),
      ),
    ).toBeNull();
    expect((await publicText("2026-10")).r.sealQueried).toBe("perlu_penjelasan");
    await countersignSeal(pengawas(), { groupSlug: G, month: "2026-10" });
    expect((await publicText("2026-10")).r.sealQueried).toBeNull();
    const ownCount = await count(admin());
    expect(
      await codeOf(
        askSupervisorQuery(admin(), { groupSlug: G, subject: "cash_count", id: ownCount.id, reason: "tidak_cocok" }),
      ),
    ).toBe("own_record_query");

    const hers = await recordContributions(admin(), {
      groupSlug: G,
      date: "2026-11-29",
      idempotencyKey: key(),
      lines: [{ memberCode: "RA-001", amount: 1000 }],
    });
    const correction = await reverseEntry(bendahara(), {
      groupSlug: G,
      entryId: hers.id,
      reasonCode: "salah_jumlah",
      idempotencyKey: key(),
    });
    expect(
      await codeOf(
        askSupervisorQuery(admin(), { groupSlug: G, subject: "correction", id: correction.id, reason: "bukti_kurang" }),
      ),
    ).toBe("own_record_query");
    expect(
      await codeOf(
        askSupervisorQuery(pengawas(), {
          groupSlug: G,
          subject: "correction",
          id: correction.id,
          reason: "bukti_kurang",
        }),
      ),
    ).toBeNull();
    expect((await publicText()).r.correctionsQueried).toBe(1);
  });
});

describe("her list", () => {
  it("shows the treasurer's private note on a count far from the book, and the question's state", async () => {
    const far = await recordCashCount(bendahara(), {
      groupSlug: G,
      date: "2026-11-29",
      countedAmount: 200_000,
      note: "uang titipan arisan ikut dihitung",
      confirmed: true,
      idempotencyKey: key(),
    });
    const near = await recordCashCount(bendahara(), {
      groupSlug: G,
      date: "2026-11-29",
      account: "bank",
      countedAmount: 1000,
      note: "bunga bank",
      idempotencyKey: key(),
    });
    await askSupervisorQuery(pengawas(), { groupSlug: G, subject: "cash_count", id: far.id, reason: "tidak_cocok" });
    const items = (await waitingForSignature(pengawas(), { groupSlug: G })).items;
    expect(items.find((i) => i.kind === "cash_count" && i.id === far.id)).toMatchObject({
      large: true,
      note: "uang titipan arisan ikut dihitung",
      question: { reason: "tidak_cocok", open: true, answer: null },
    });
    expect(items.find((i) => i.kind === "cash_count" && i.id === near.id)).toMatchObject({
      large: false,
      note: null,
      question: null,
    });
    // Never public, large or not.
    expect((await publicText()).text).not.toContain("titipan");
  });
});

it("questions and answers are append-only: the database refuses to change or delete them", async () => {
  const c = await count(bendahara());
  const q = await askSupervisorQuery(pengawas(), {
    groupSlug: G,
    subject: "cash_count",
    id: c.id,
    reason: "tidak_cocok",
  });
  await answerSupervisorQuery(bendahara(), { groupSlug: G, queryId: q.id, answer: "sudah_diperbaiki", note: "x" });
  await expect(t.database.db.update(supervisorQueries).set({ reason: "bukti_kurang" })).rejects.toThrow();
  await expect(t.database.db.delete(supervisorQueries)).rejects.toThrow();
  await expect(t.database.db.update(supervisorQueryAnswers).set({ note: null })).rejects.toThrow();
  await expect(t.database.db.delete(supervisorQueryAnswers)).rejects.toThrow();
  expect((await queryList(pengawas(), { groupSlug: G }))[0]).toMatchObject({
    reason: "tidak_cocok",
    answer: { answer: "sudah_diperbaiki", note: "x" },
  });
});

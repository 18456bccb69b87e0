import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/server/domain/errors";
import { appRouter } from "@/server/api/root";
import { createCallerFactory } from "@/server/api/trpc";
import { PageVersions } from "@/server/cache/page-versions";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { createUser } from "@/server/verbs/users/create-user";
import type { UserRow } from "@/server/shared/users";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { startWriterThread, type ThreadWriter } from "./thread";
import { inProcessWriter, type Writer } from "./writer";

/**
 * The writer thread against the verbs called in process, on real databases: the same answer, the
 * same DomainError, each of many concurrent commands applied once, a refused one in a shared commit
 * costing the others nothing, and the front server's change signal moving with its commits.
 */
type Temp = Awaited<ReturnType<typeof tempDatabase>>;
let here: Temp;
let there: Temp;
let writer: ThreadWriter;

const DATE = "2026-11-28";
const line = (memberCode: string, amount = 1000) => ({ memberCode, amount, kind: "voluntary" as const });
const entries = async (t: Temp) =>
  Number((await t.database.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM journal_entries`))!.n);

beforeAll(async () => {
  here = await tempDatabase();
  there = await tempDatabase();
  for (const t of [here, there]) await seedGroup(testContext(t.database, "test:setup"), "ratu-damai", 5);
  writer = await startWriterThread({ url: there.database.url });
}, 60_000);

afterAll(async () => {
  await writer?.close();
  here?.cleanup();
  there?.cleanup();
});

describe("a command through the writer thread", () => {
  it("answers what the verb answers in process", async () => {
    const input = { groupSlug: "ratu-damai", date: DATE, idempotencyKey: "same-key-1", lines: [line("RA-001")] };
    const inProcess = await inProcessWriter.run(recordContributions, testContext(here.database), input);
    const threaded = await writer.run(recordContributions, testContext(there.database), input);
    // Each entry's detail salt is random (and the digest and hash follow it): all else is the same.
    const { detailSalt: _s1, detailDigest: _d1, hash: _h1, ...a } = inProcess;
    const { detailSalt: _s2, detailDigest: _d2, hash: _h2, ...b } = threaded;
    expect(b).toEqual(a);
    expect(threaded.amount).toBe(1000);
    expect(threaded.detailSalt).toMatch(/^[0-9a-f]{32}$/);
  });

  it("throws the same DomainError (class, kind, code, field, params)", async () => {
    const input = { groupSlug: "ratu-damai", date: DATE, idempotencyKey: key(), lines: [line("RD-999")] };
    const refusal = async (w: Writer, t: Temp) =>
      w.run(recordContributions, testContext(t.database), input).then(
        () => null,
        (e: unknown) => e,
      );
    const inProcess = await refusal(inProcessWriter, here);
    const threaded = await refusal(writer, there);
    expect(inProcess).toBeInstanceOf(DomainError);
    expect(threaded).toBeInstanceOf(DomainError);
    const shape = (e: DomainError) => ({
      kind: e.kind,
      code: e.code,
      field: e.field,
      params: e.params,
      msg: e.message,
    });
    expect(shape(threaded as DomainError)).toEqual(shape(inProcess as DomainError));
  });

  it("reaches the API's caller as the same error shape through the router", async () => {
    const user: UserRow = await createUser(testContext(there.database, "test:setup"), {
      username: `bendahara-${key()}`,
      password: "kata-sandi-panjang-123",
      role: "bendahara",
      groupSlugs: ["ratu-damai"],
    });
    const call = createCallerFactory(appRouter)({
      database: there.database,
      user,
      sameOrigin: true,
      now: () => FIXED_NOW,
      writer,
    });
    const input = { groupSlug: "ratu-damai", date: DATE, idempotencyKey: key(), lines: [line("RD-404")] };
    const e = await call.admin.contributions.record(input).then(
      () => null,
      (err: { cause?: unknown; message: string }) => err,
    );
    expect(e?.message).toBe("member_not_found");
    expect(e?.cause).toBeInstanceOf(DomainError);
    const ok = await call.admin.contributions.record({ ...input, idempotencyKey: key(), lines: [line("RA-002")] });
    expect(ok.amount).toBe(1000);
  });
});

describe("concurrent commands on the writer thread", () => {
  it("applies each idempotency key once, however many times and however concurrently it comes", async () => {
    const before = await entries(there);
    const keys = Array.from({ length: 6 }, () => key("dup"));
    const ctx = testContext(there.database);
    const sent = keys.flatMap((k, i) =>
      [0, 1, 2].map(() =>
        writer.run(recordContributions, ctx, {
          groupSlug: "ratu-damai",
          date: DATE,
          idempotencyKey: k,
          lines: [line(`RA-00${(i % 5) + 1}`, 1000 + i)],
        }),
      ),
    );
    const answers = await Promise.all(sent);
    expect(await entries(there)).toBe(before + keys.length);
    for (const [i] of keys.entries()) {
      const three = answers.slice(i * 3, i * 3 + 3);
      expect(new Set(three.map((a) => a.id)).size).toBe(1);
    }
  });

  it("answers a refused command alone: the others sharing its commit are written and answered", async () => {
    const before = await entries(there);
    const ctx = testContext(there.database);
    const codes = ["RA-001", "RA-002", "RD-999", "RA-003", "RA-004", "RA-005", "RD-998", "RA-001"];
    const outcomes = await Promise.allSettled(
      codes.map((c) =>
        writer.run(recordContributions, ctx, {
          groupSlug: "ratu-damai",
          date: DATE,
          idempotencyKey: key("grp"),
          lines: [line(c)],
        }),
      ),
    );
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(refused).toHaveLength(2);
    for (const e of refused) expect((e as DomainError).code).toBe("member_not_found");
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(6);
    expect(await entries(there)).toBe(before + 6);
  });

  it("moves the front server's change signal before the command is answered", async () => {
    const versions = PageVersions.open(there.database.url);
    try {
      const was = await versions.of({ of: "group", slug: "ratu-damai" }, FIXED_NOW);
      await writer.run(recordContributions, testContext(there.database), {
        groupSlug: "ratu-damai",
        date: DATE,
        idempotencyKey: key("sig"),
        lines: [line("RA-002")],
      });
      await new Promise((r) => setImmediate(r)); // the counter is read once per turn of the event loop
      expect(await versions.of({ of: "group", slug: "ratu-damai" }, FIXED_NOW)).not.toBe(was);
    } finally {
      versions.close();
    }
  });

  it("starts a new thread for the next command when the thread ends unasked; what it held is refused, not lost silently", async () => {
    const ctx = testContext(there.database);
    const post = (memberCode: string) =>
      writer.run(recordContributions, ctx, {
        groupSlug: "ratu-damai",
        date: DATE,
        idempotencyKey: key("end"),
        lines: [line(memberCode)],
      });
    const first = writer.thread;
    expect(first).not.toBeNull();
    const held = post("RA-003").then(
      () => "answered",
      (e: Error) => e.message,
    );
    await first!.terminate();
    // Cut off before or after its commit: refused either way (the client's retry with its key settles it), or answered.
    expect(await held).toMatch(/^(answered|writer thread exited.*)$/);
    const after = await post("RA-004");
    expect(after.amount).toBe(1000);
    expect(writer.thread).not.toBeNull();
    expect(writer.thread).not.toBe(first);
  });
});

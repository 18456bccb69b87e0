import { EXAMPLE_RULE } from "@/server/domain/shu";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/server/domain/dates";
import type { DomainError } from "@/server/domain/errors";
import { recordBankTransfer } from "@/server/verbs/cash/bank-transfer";
import { recordIncome } from "@/server/verbs/cash/cash-movement";
import { setShareOutRule } from "@/server/verbs/year/set-share-out-rule";
import { disburseLoan } from "@/server/verbs/loans/disburse-loan";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { changePassword } from "@/server/verbs/users/change-password";
import { createUser } from "@/server/verbs/users/create-user";
import { endSessions } from "@/server/verbs/users/end-sessions";
import { userOfSession } from "@/server/read/users";
import type { UserRow } from "@/server/shared/users";
import { chainHead, FIXED_NOW, key, seedGroup, tempDatabase, testContext, typedOn } from "@/server/testing/db";
import { appRouter } from "./root";
import { createCallerFactory } from "./trpc";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let treasurer: UserRow;
let groupId = 0;
/** A running loan and an entry of this group to act on (made in beforeAll, never a guessed id). */
let loanId = 0;
let entryId = 0;
const G = "ratu-damai";
/** Codes for members added by the tests: counted, never random, so that two adds never collide. */
let nextNewMember = 100;
const EMPTY = "kelompok-baru";
let supervisor: UserRow;
const caller = (user = treasurer) =>
  createCallerFactory(appRouter)({ database: t.database, user, sameOrigin: true, now: () => FIXED_NOW });
/** Verbs only a supervisor (or an admin) may call. */
const SUPERVISOR_VERBS = new Set(["year.setRule", "lending.setRule"]);

beforeAll(async () => {
  t = await tempDatabase();
  const ctx = testContext(t.database);
  groupId = (await seedGroup(ctx, G, 5)).group.id;
  await seedGroup(ctx, "compang-dalo", 5);
  await seedGroup(ctx, EMPTY, 0);
  treasurer = await createUser(ctx, {
    username: "bendahara",
    password: "kata-sandi-panjang",
    role: "bendahara",
    groupSlugs: [G, EMPTY],
  });
  supervisor = await createUser(ctx, {
    username: "pengawas",
    password: "kata-sandi-panjang",
    role: "pengawas",
    groupSlugs: [G],
  });
  await recordContributions(ctx, {
    groupSlug: G,
    date: "2026-11-01",
    idempotencyKey: key(),
    lines: [{ memberCode: "RA-001", amount: 500_000 }],
  });
  entryId = (
    await recordContributions(ctx, {
      groupSlug: G,
      date: "2026-11-01",
      idempotencyKey: key(),
      lines: [{ memberCode: "RA-005", amount: 1000 }],
    })
  ).id;
  // A year with entries that can be closed (2025), under a share-out rule.
  await recordIncome(typedOn(ctx, "2025-06-01"), {
    groupSlug: G,
    amount: 1000,
    date: "2025-06-01",
    category: "hibah",
    idempotencyKey: key(),
  });
  await setShareOutRule(ctx, { groupSlug: G, rule: EXAMPLE_RULE });
  await recordBankTransfer(ctx, {
    groupSlug: G,
    kind: "bank_deposit",
    amount: 100_000,
    date: "2026-11-02",
    idempotencyKey: key(),
  });
  loanId = (
    await disburseLoan(ctx, {
      groupSlug: G,
      memberCode: "RA-003",
      principal: 100_000,
      termMonths: 4,
      date: "2026-11-02",
      purpose: "kopi",
      idempotencyKey: key(),
    })
  ).loan.id;
});
afterAll(() => t.cleanup());

/** A valid input for every mutation; each field is then replaced by hostile values one at a time. */
const VALID: Record<string, () => Record<string, unknown>> = {
  "contributions.record": () => ({
    groupSlug: G,
    date: "2026-11-28",
    idempotencyKey: key(),
    lines: [{ memberCode: "RA-002", amount: 1000 }],
  }),
  "contributions.recordQueued": () => ({
    groupSlug: G,
    days: [{ date: "2026-11-27", idempotencyKey: key(), lines: [{ memberCode: "RA-002", amount: 1000 }] }],
  }),
  "savings.withdraw": () => ({
    groupSlug: G,
    memberCode: "RA-001",
    amount: 1000,
    date: "2026-11-28",
    idempotencyKey: key(),
  }),
  "loans.disburse": () => ({
    groupSlug: G,
    memberCode: "RA-002",
    principal: 10_000,
    termMonths: 2,
    date: "2026-11-28",
    purpose: "kopi",
    idempotencyKey: key(),
  }),
  "loans.repay": () => ({ groupSlug: G, loanId, amount: 1000, date: "2026-11-28", idempotencyKey: key() }),
  "loans.writeOff": () => ({
    groupSlug: G,
    loanId,
    date: "2026-11-28",
    note: "macet lama sekali",
    idempotencyKey: key(),
  }),
  "cash.expense": () => ({
    groupSlug: G,
    amount: 1000,
    date: "2026-11-28",
    category: "alat_tulis",
    note: "buku",
    via: "bank",
    idempotencyKey: key(),
  }),
  "cash.income": () => ({
    groupSlug: G,
    amount: 1000,
    date: "2026-11-28",
    category: "hibah",
    note: "dari desa",
    idempotencyKey: key(),
  }),
  "cash.count": () => ({
    groupSlug: G,
    date: "2026-11-28",
    countedAmount: 1000,
    note: "Lebih dari rapat",
    confirmed: true, // far from the book: confirmed (server/domain/plausibility.ts)
    idempotencyKey: key(),
  }),
  "cash.bankTransfer": () => ({
    groupSlug: G,
    kind: "bank_deposit",
    amount: 1000,
    date: "2026-11-28",
    idempotencyKey: key(),
  }),
  "book.preview": () => ({
    groupSlug: EMPTY, // a paper book moves into a group without entries
    files: { saldo: "pos,jumlah\n", anggota: "kode\n", pinjaman: "kode_anggota\n" },
  }),
  "year.setRule": () => ({ groupSlug: G, rule: { ...EXAMPLE_RULE } }),
  // The ceiling alone, as seeded: the other verbs' loans still go.
  "lending.setRule": () => ({ groupSlug: G, savingsMultiple: 0, maxPrincipal: 1_000_000_000 }),
  "year.close": () => ({ groupSlug: G, year: 2025, idempotencyKey: key() }),
  "entries.reverse": () => ({
    groupSlug: G,
    entryId,
    reasonCode: "salah_jumlah",
    note: "salah catat",
    idempotencyKey: key(),
  }),
  "members.update": () => ({ groupSlug: G, code: "RA-005", fullName: "Nama Baru" }),
  "members.leave": () => ({ groupSlug: G, code: "RA-004", leftOn: "2026-11-29", confirmed: true }),
  // After members.leave: she left today, so undoing it is valid once.
  "members.undoLeave": () => ({ groupSlug: G, code: "RA-004" }),
  "members.resetCheckCode": () => ({ groupSlug: G, code: "RA-003" }),
  "members.setPhone": () => ({ groupSlug: G, code: "RA-003", phone: "0812-3456-7890" }),
  "account.changePassword": () => ({ currentPassword: "kata-sandi-panjang", newPassword: "kata-sandi-baru-panjang" }),
  // Last: the codes it accepts become members, which the other members.* verbs must not find.
  "members.add": () => ({
    groupSlug: G,
    code: `RA-${String(nextNewMember++)}`,
    fullName: `Maria Baru ${nextNewMember}`, // a name like no other member's: no confirmation asked
    gender: "P",
    joinedOn: "2026-11-01",
  }),
};

/** Strings that are valid text (a key, a name, a note, a member code in the free format). */
const TEXT = [
  "numeric string",
  "date in the future",
  "date before founding",
  "date in another format",
  "impossible date",
  "other group's member",
];
/**
 * The hostile values a field may accept because they are valid there — and nothing else: any other
 * accepted value fails the test.
 */
const ACCEPTABLE: Record<string, string[]> = {
  idempotencyKey: TEXT, // any string of 8 to 100 characters
  note: [...TEXT, "missing", "null"], // optional private words
  fullName: TEXT,
  "members.add.code": TEXT,
  newPassword: ["date in the future", "date before founding", "date in another format", "impossible date"], // 10 characters
  amount: ["unknown id"], // Rp 987.654 is an amount like any other
  countedAmount: ["zero", "unknown id"], // an empty box counts as zero
  via: ["missing"], // cash unless the bank is named
  savingsMultiple: ["zero"], // 0: loans not tied to savings (the ceiling alone)
  maxPrincipal: ["unknown id"], // Rp 987.654 is a ceiling like any other
  "members.setPhone.phone": ["null"], // no number: removes hers
};

const HOSTILE: [string, unknown][] = [
  ["missing", undefined],
  ["null", null],
  ["wrong type (object)", { $gt: 0 }],
  ["wrong type (array)", [1, 2]],
  ["negative", -1000],
  ["zero", 0],
  ["fractional", 1000.5],
  ["huge", 1e15],
  ["not a number", Number.NaN],
  ["infinite", Number.POSITIVE_INFINITY],
  ["numeric string", "1000"],
  ["date in the future", "2027-01-01"],
  ["date before founding", "1999-01-01"],
  ["date in another format", "28/11/2026"],
  ["impossible date", "2026-02-30"],
  ["over-long string", "x".repeat(10_000)],
  ["control characters", "abc\u0000\u0007def"],
  ["bidirectional override", "Maria \u202egnp.exe"],
  ["other group's member", "CO-001"],
  ["unknown id", 987_654],
];

function call(name: string, input: Record<string, unknown>) {
  const [area, verb] = name.split(".") as [string, string];
  const admin = caller(SUPERVISOR_VERBS.has(name) ? supervisor : treasurer).admin as unknown as Record<
    string,
    Record<string, (i: unknown) => Promise<unknown>>
  >;
  return admin[area]![verb]!(input);
}

describe("hostile and broken input on every mutation", () => {
  let tried = 0;
  for (const [name, valid] of Object.entries(VALID)) {
    it(`${name}: every field × ${HOSTILE.length} hostile values is refused with the field named, or accepted whole; never a 500`, async () => {
      // The valid input itself is accepted: otherwise every refusal below would prove nothing.
      expect(
        await call(name, valid()).then(
          () => "OK",
          (e: unknown) => e,
        ),
        `${name} valid`,
      ).toBe("OK");
      for (const field of Object.keys(valid())) {
        for (const [label, value] of HOSTILE) {
          const input = valid();
          if (value === undefined) delete input[field];
          else input[field] = value;
          const before = await chainHead(t.database, groupId);
          const outcome = await call(name, input).then(
            () => "OK",
            (e: unknown) => e,
          );
          tried++;
          if (outcome === "OK") {
            expect(
              ACCEPTABLE[`${name}.${field}`] ?? ACCEPTABLE[field] ?? [],
              `${name}.${field} ← ${label} accepted`,
            ).toContain(label);
            continue;
          }
          expect(outcome, `${name}.${field} ← ${label}`).toBeInstanceOf(TRPCError);
          const err = outcome as TRPCError;
          expect(
            ["BAD_REQUEST", "NOT_FOUND", "CONFLICT", "FORBIDDEN"],
            `${name}.${field} ← ${label}: ${err.code} ${err.message}`,
          ).toContain(err.code);
          if (err.code === "BAD_REQUEST") {
            // The field is named: by the domain error, or by the validation issue's path.
            const cause = err.cause as (DomainError & { issues?: { path: PropertyKey[] }[] }) | undefined;
            const named = cause?.field ?? cause?.issues?.[0]?.path.map(String).join(".");
            expect(named, `${name}.${field} ← ${label}`).toBeTruthy();
          }
          expect(err.message).not.toMatch(/SQLITE|constraint|syntax/i);
          expect(await chainHead(t.database, groupId), `${name}.${field} ← ${label}`).toEqual(before);
        }
      }
    });
  }
  it("contributions.recordQueued: every field of a queued day × hostile values is refused for that day with the field named, or for the whole batch; never a 500", async () => {
    // Each day its own date: a member pays a day once, so a repeated date would be refused for that alone.
    let n = 0;
    // Each day sent on its own evening (a month closes soon after it ends): the clock follows the days.
    let evening = FIXED_NOW;
    const day = () => {
      const date = addDays("2026-01-01", n++); // 2025 is closed by the year.close case
      evening = new Date(`${date}T10:00:00Z`);
      return { date, idempotencyKey: key(), lines: [{ memberCode: "RA-002", amount: 1000 }] } as Record<
        string,
        unknown
      >;
    };
    const line = () => ({ memberCode: "RA-002", amount: 1000 }) as Record<string, unknown>;
    const cases: [string, () => Record<string, unknown>][] = [];
    for (const f of ["date", "idempotencyKey", "lines"])
      for (const [label, v] of HOSTILE)
        cases.push([
          `${f} ← ${label}`,
          () => {
            const d = day();
            if (v === undefined) delete d[f];
            else d[f] = v;
            return d;
          },
        ]);
    for (const f of ["memberCode", "amount"])
      for (const [label, v] of HOSTILE)
        cases.push([
          `lines.0.${f} ← ${label}`,
          () => {
            const l = line();
            if (v === undefined) delete l[f];
            else l[f] = v;
            return { ...day(), lines: [l] };
          },
        ]);
    for (const [label, make] of cases) {
      const before = await chainHead(t.database, groupId);
      const days = [make(), day()];
      const outcome = await createCallerFactory(appRouter)({
        database: t.database,
        user: treasurer,
        sameOrigin: true,
        now: () => evening,
      })
        .admin.contributions.recordQueued({ groupSlug: G, days } as never)
        .then(
          (r) => r,
          (e: unknown) => e,
        );
      tried++;
      if (outcome instanceof TRPCError) {
        expect(outcome.code, label).toBe("BAD_REQUEST");
        expect(await chainHead(t.database, groupId), label).toEqual(before);
        continue;
      }
      const [bad, good] = outcome as { ok: boolean; error?: { field: string | null } }[];
      expect(good!.ok, label).toBe(true); // the other day is never held back
      if (!bad!.ok) expect(bad!.error!.field, label).toBeTruthy();
      expect((await chainHead(t.database, groupId)).seq, label).toBe(before.seq + (bad!.ok ? 2 : 1));
    }
  });

  it("tried them all", () => expect(tried).toBeGreaterThan(700));
});

describe("sessions", () => {
  it("a disabled user, a session issued before a password change or sign-out, or an idle one is no session", async () => {
    const ctx = testContext(t.database);
    const u = await createUser(ctx, {
      username: "pengawas-sesi",
      password: "kata-sandi-panjang",
      role: "pengawas",
      groupSlugs: [G],
    });
    const issued = Date.now();
    expect((await userOfSession(t.database.db, { uid: u.id, issuedAtMs: issued }, issued + 1000))?.id).toBe(u.id);
    expect(await userOfSession(t.database.db, { uid: u.id, issuedAtMs: issued }, issued + 13 * 3600_000)).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    await changePassword({ database: t.database, actor: "test" }, u.id, "kata-sandi-baru-panjang");
    expect(await userOfSession(t.database.db, { uid: u.id, issuedAtMs: issued })).toBeNull();
    const reissued = Date.now() + 1;
    expect((await userOfSession(t.database.db, { uid: u.id, issuedAtMs: reissued }, reissued))?.id).toBe(u.id);
    await new Promise((r) => setTimeout(r, 5));
    await endSessions({ database: t.database, actor: "test" }, u.id);
    expect(await userOfSession(t.database.db, { uid: u.id, issuedAtMs: reissued })).toBeNull();
    await t.database.client.execute({
      sql: "UPDATE users SET disabled = 1, sessions_valid_after = 0 WHERE id = ?",
      args: [u.id],
    });
    expect(await userOfSession(t.database.db, { uid: u.id, issuedAtMs: Date.now() })).toBeNull();
    const disabled = { ...u, disabled: true };
    const code = await createCallerFactory(appRouter)({ database: t.database, user: disabled, sameOrigin: true })
      .admin.groups.mine()
      .then(
        () => "OK",
        (e: TRPCError) => e.code,
      );
    expect(code).toBe("UNAUTHORIZED");
  });
});

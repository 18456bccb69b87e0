import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "@/server/domain/access";
import type { DomainError } from "@/server/domain/errors";
import { key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import type { ServiceContext } from "@/server/shared/context";
import { reverseEntry } from "@/server/verbs/corrections/reverse-entry";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { countersignSeal } from "@/server/verbs/seals/countersign-seal";
import { countersignCorrection } from "@/server/verbs/corrections/countersign-correction";
import { waitingForSignature } from "@/server/read/signing";
import { createUser } from "@/server/verbs/users/create-user";

let t: Awaited<ReturnType<typeof tempDatabase>>;
const G = "ratu-damai";
const codeOf = (p: Promise<unknown>) => p.then(() => null).catch((e: DomainError) => e.code);

/** A signed-in user's context (2026-11-29 unless another instant is given). */
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

const collect = (ctx: ServiceContext, date: string, memberCode = "RA-001") =>
  recordContributions(ctx, { groupSlug: G, date, idempotencyKey: key(), lines: [{ memberCode, amount: 1000 }] });

beforeEach(async () => {
  t = await tempDatabase();
  await seedGroup(testContext(t.database), G, 3);
});
afterEach(() => t.cleanup());

describe("nobody countersigns her own work", () => {
  it("an admin may not countersign the correction of an entry she recorded; the pengawas may", async () => {
    const admin = await userCtx("admin-uji", "admin");
    const bendahara = await userCtx("bendahara-uji", "bendahara");
    const pengawas = await userCtx("pengawas-uji", "pengawas");
    const hers = await collect(admin(), "2026-11-29");
    const correction = await reverseEntry(bendahara(), {
      groupSlug: G,
      entryId: hers.id,
      reasonCode: "salah_jumlah",
      idempotencyKey: key(),
    });
    const listed = (await waitingForSignature(admin(), { groupSlug: G })).items.find(
      (i) => i.kind === "correction" && i.id === correction.id,
    );
    expect(listed).toMatchObject({ own: true, notYours: "reverses_own" });
    expect(await codeOf(countersignCorrection(admin(), { groupSlug: G, entryId: correction.id }))).toBe(
      "own_entry_correction_countersign",
    );
    const forPengawas = (await waitingForSignature(pengawas(), { groupSlug: G })).items.find(
      (i) => i.kind === "correction" && i.id === correction.id,
    );
    expect(forPengawas).toMatchObject({ own: false, notYours: null });
    expect(await codeOf(countersignCorrection(pengawas(), { groupSlug: G, entryId: correction.id }))).toBeNull();
  });

  it("an admin may not countersign the seal of a month in which she wrote entries; another month she may", async () => {
    const admin = await userCtx("admin-uji", "admin");
    const bendahara = await userCtx("bendahara-uji", "bendahara");
    const pengawas = await userCtx("pengawas-uji", "pengawas");
    await collect(bendahara("2026-09-10T02:00:00Z"), "2026-09-10");
    await collect(bendahara("2026-10-02T02:00:00Z"), "2026-10-02");
    await collect(admin("2026-10-15T02:00:00Z"), "2026-10-15", "RA-002"); // she writes in October
    await collect(bendahara("2026-11-28T02:00:00Z"), "2026-11-28");

    const seals = (await waitingForSignature(admin(), { groupSlug: G })).items.filter((i) => i.kind === "seal");
    expect(seals.find((i) => i.kind === "seal" && i.month === "2026-10")).toMatchObject({
      own: true,
      notYours: "wrote_in_month",
    });
    expect(seals.find((i) => i.kind === "seal" && i.month === "2026-09")).toMatchObject({ own: false });

    expect(await codeOf(countersignSeal(admin(), { groupSlug: G, month: "2026-10" }))).toBe(
      "own_month_seal_countersign",
    );
    expect(await codeOf(countersignSeal(admin(), { groupSlug: G, month: "2026-09" }))).toBeNull();
    expect(await codeOf(countersignSeal(pengawas(), { groupSlug: G, month: "2026-10" }))).toBeNull();
  });
});

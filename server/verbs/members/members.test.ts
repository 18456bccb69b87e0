import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { members } from "@/db/schema";
import type { DomainError } from "@/server/domain/errors";
import { FIXED_NOW, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import type { ServiceContext } from "@/server/shared/context";
import { addMember } from "@/server/verbs/members/add-member";
import { leaveMember } from "@/server/verbs/members/leave-member";
import { updateMember } from "@/server/verbs/members/update-member";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let ctx: ServiceContext;
const G = "ratu-damai";
const today = "2026-11-29"; // FIXED_NOW in the group's time zone
const codeOf = (p: Promise<unknown>) => p.then(() => null).catch((e: DomainError) => e.code);

beforeEach(async () => {
  t = await tempDatabase();
  ctx = testContext(t.database);
  await seedGroup(ctx, G, 2);
});
afterEach(() => t.cleanup());

describe("a member leaves", () => {
  it("on the day she joined, when she was added by mistake today", async () => {
    expect(FIXED_NOW.toISOString().startsWith("2026-11-29")).toBe(true);
    await addMember(ctx, { groupSlug: G, code: "RA-009", fullName: "Salah Tambah", gender: "P", joinedOn: today });
    expect(await leaveMember(ctx, { groupSlug: G, code: "RA-009", leftOn: today, confirmed: true })).toMatchObject({
      code: "RA-009",
      leftOn: today,
    });
    const [m] = await t.database.db.select().from(members).where(eq(members.code, "RA-009"));
    expect(m).toMatchObject({ joinedOn: today, leftOn: today });
  });

  it("never before the day she joined", async () => {
    await addMember(ctx, { groupSlug: G, code: "RA-009", fullName: "Salah Tambah", gender: "P", joinedOn: today });
    // She was not a member yet on that day.
    expect(
      await codeOf(leaveMember(ctx, { groupSlug: G, code: "RA-009", leftOn: "2026-11-28", confirmed: true })),
    ).toBe("member_not_active");
  });
});

describe("names that look the same", () => {
  const add = (code: string, fullName: string, confirmed?: boolean) =>
    addMember(ctx, { groupSlug: G, code, fullName, gender: "P", joinedOn: today, confirmed });
  const count = async () => (await t.database.db.select().from(members)).length;

  it("a second member whose name matches another's needs confirmation, said by the server", async () => {
    await add("RA-010", "Maria Goreti");
    const before = await count();
    const refused = await add("RA-011", "  MARIA   goreti").catch((e: DomainError) => e);
    expect(refused).toMatchObject({
      kind: "conflict",
      code: "name_duplicate_unconfirmed",
      field: "fullName",
      params: { code: "RA-010", name: "Maria Goreti" },
    });
    expect(await count()).toBe(before); // nothing written
    expect(await add("RA-011", "  MARIA   goreti", true)).toMatchObject({ code: "RA-011" });
    const [m] = await t.database.db.select().from(members).where(eq(members.code, "RA-011"));
    expect(m!.fullName).toBe("MARIA goreti"); // spaces collapsed, as typed otherwise
  });

  it("a name with an invisible character is refused, so two names cannot differ unseen", async () => {
    await add("RA-010", "Maria Goreti");
    for (const hidden of ["Maria\u200b Goreti", "Maria Goreti\u{E0020}", "Maria\tGoreti", "Maria\nGoreti"])
      expect(await codeOf(add("RA-011", hidden)), JSON.stringify(hidden)).toBe("name_invisible_chars");
  });

  it("renaming a member to another's name needs confirmation too; her own name in other letters does not", async () => {
    await add("RA-010", "Maria Goreti");
    expect(await codeOf(updateMember(ctx, { groupSlug: G, code: "RA-010", fullName: "MARIA GORETI" }))).toBeNull();
    expect(await codeOf(updateMember(ctx, { groupSlug: G, code: "RA-001", fullName: "maria goreti" }))).toBe(
      "name_duplicate_unconfirmed",
    );
    expect(
      await codeOf(updateMember(ctx, { groupSlug: G, code: "RA-001", fullName: "maria goreti", confirmed: true })),
    ).toBeNull();
  });
});

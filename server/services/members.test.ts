import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { members } from "@/db/schema";
import type { DomainError } from "@/server/domain/errors";
import { FIXED_NOW, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import type { ServiceContext } from "./context";
import { addMember, leaveMember } from "./groups";

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
    expect(await leaveMember(ctx, { groupSlug: G, code: "RA-009", leftOn: today })).toEqual({
      code: "RA-009",
      leftOn: today,
    });
    const [m] = await t.database.db.select().from(members).where(eq(members.code, "RA-009"));
    expect(m).toMatchObject({ joinedOn: today, leftOn: today });
  });

  it("never before the day she joined", async () => {
    await addMember(ctx, { groupSlug: G, code: "RA-009", fullName: "Salah Tambah", gender: "P", joinedOn: today });
    // She was not a member yet on that day.
    expect(await codeOf(leaveMember(ctx, { groupSlug: G, code: "RA-009", leftOn: "2026-11-28" }))).toBe(
      "member_not_active",
    );
  });
});

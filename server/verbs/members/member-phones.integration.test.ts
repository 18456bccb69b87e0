/**
 * Members' phone numbers: set, changed and removed by the treasurer, normalised to 62…, refused
 * whole when not a phone number; kept masked in the register and the audit log; whole only in the
 * WhatsApp-link answers for those who write on the books (receipts, the reminders' list).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberPhones } from "@/db/schema";
import type { DomainError } from "@/server/domain/errors";
import { key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import type { ServiceContext } from "@/server/shared/context";
import { addMember } from "@/server/verbs/members/add-member";
import { memberPhoneList } from "@/server/read/member-phones";
import { setMemberPhone } from "@/server/verbs/members/set-member-phone";
import { memberBalances } from "@/server/read/members";
import { entryReceipts } from "@/server/read/receipts";
import { recordContributions } from "@/server/verbs/savings/record-contributions";
import { createUser } from "@/server/verbs/users/create-user";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let ctx: ServiceContext;
let supervisor: ServiceContext;
let treasurer: ServiceContext;
const G = "ratu-damai";
const codeOf = (p: Promise<unknown>) => p.then(() => null).catch((e: DomainError) => e.code);
const phones = async () => t.database.db.select().from(memberPhones);
const audits = async () => t.database.db.select().from(auditLog).where(eq(auditLog.action, "member.phone"));

beforeAll(async () => {
  t = await tempDatabase();
  ctx = testContext(t.database);
  await seedGroup(ctx, G, 3);
  await seedGroup(ctx, "compang-dalo", 2);
  for (const [username, role] of [
    ["pengawas-rd", "pengawas"],
    ["bendahara-rd", "bendahara"],
  ] as const) {
    const u = await createUser(ctx, { username, password: "kata-sandi-panjang", role, groupSlugs: [G] });
    const c = { ...ctx, actor: `user:${u.id}:${username}`, user: { id: u.id, role } };
    if (role === "pengawas") supervisor = c;
    else treasurer = c;
  }
});
afterAll(() => t.cleanup());

describe("a member's phone number", () => {
  it("is kept in one form, whatever way it was typed, and shown masked in the register", async () => {
    expect(await setMemberPhone(treasurer, { groupSlug: G, code: "RA-001", phone: "0812-3456-7890" })).toEqual({
      code: "RA-001",
      phoneMasked: "62812****7890",
    });
    await setMemberPhone(treasurer, { groupSlug: G, code: "RA-002", phone: "+62 813 3940 1122" });
    expect((await phones()).map((p) => p.phone).sort()).toEqual(["6281234567890", "6281339401122"]);
    const list = await memberBalances(treasurer, { groupSlug: G });
    expect(list.map((m) => [m.code, m.phoneMasked])).toEqual([
      ["RA-001", "62812****7890"],
      ["RA-002", "62813****1122"],
      ["RA-003", null],
    ]);
    // The register (which the pengawas reads too) never carries a whole number.
    expect(JSON.stringify(list)).not.toMatch(/6281234567890|6281339401122/);
  });

  it("bad input is refused as phone_invalid and writes nothing", async () => {
    const before = { phones: await phones(), audits: (await audits()).length };
    for (const phone of ["0812-3456-789x", "+61 412 345 678", "12345"])
      expect(await codeOf(setMemberPhone(treasurer, { groupSlug: G, code: "RA-001", phone }))).toBe("phone_invalid");
    expect(await phones()).toEqual(before.phones);
    expect((await audits()).length).toBe(before.audits);
    // A new member with a bad number is not added either.
    expect(
      await codeOf(
        addMember(ctx, {
          groupSlug: G,
          code: "RA-050",
          fullName: "Anggota Nomor Salah",
          gender: "P",
          joinedOn: "2026-11-29",
          phone: "0812",
        }),
      ),
    ).toBe("phone_invalid");
    expect((await memberBalances(ctx, { groupSlug: G })).map((m) => m.code)).not.toContain("RA-050");
  });

  it("is given with a new member, changed, and removed; every change audited with the number masked", async () => {
    await addMember(ctx, {
      groupSlug: G,
      code: "RA-051",
      fullName: "Anggota Dengan Nomor",
      gender: "P",
      joinedOn: "2026-11-29",
      phone: "0852 1111 2222",
    });
    await setMemberPhone(treasurer, { groupSlug: G, code: "RA-051", phone: "0852 3333 4444" });
    expect(await setMemberPhone(treasurer, { groupSlug: G, code: "RA-051", phone: " " })).toEqual({
      code: "RA-051",
      phoneMasked: null,
    });
    expect((await phones()).map((p) => p.phone)).not.toContain("6285233334444");
    const rows = (await audits()).filter((a) => a.detail?.includes("RA-051"));
    expect(rows.map((a) => JSON.parse(a.detail!))).toEqual([
      { code: "RA-051", phone: "62852****2222" },
      { code: "RA-051", phone: "62852****4444" },
      { code: "RA-051", phone: null },
    ]);
    const log = JSON.stringify(await t.database.db.select().from(auditLog));
    expect(log).not.toMatch(/6281234567890|6285211112222|6285233334444|0852 ?3333/);
  });

  it("another group's member is not found, and nothing is written", async () => {
    const before = await phones();
    expect(await codeOf(setMemberPhone(treasurer, { groupSlug: G, code: "CO-001", phone: "0812-1111-2222" }))).toBe(
      "member_not_found",
    );
    expect(await codeOf(setMemberPhone(treasurer, { groupSlug: "compang-dalo", code: "CO-001", phone: null }))).toBe(
      "group_forbidden",
    );
    expect(await phones()).toEqual(before);
  });

  it("the whole number goes to those who send receipts and reminders, never to the pengawas", async () => {
    const entry = await recordContributions(ctx, {
      groupSlug: G,
      date: "2026-11-29",
      idempotencyKey: key(),
      lines: [
        { memberCode: "RA-001", amount: 1000 },
        { memberCode: "RA-003", amount: 1000 },
      ],
    });
    const receipts = await entryReceipts(treasurer, { groupSlug: G, entryId: entry.id });
    expect(receipts.map((r) => [r.memberCode, r.phone])).toEqual([
      ["RA-001", "6281234567890"],
      ["RA-003", null],
    ]);
    const hers = await entryReceipts(supervisor, { groupSlug: G, entryId: entry.id });
    expect(hers.map((r) => r.phone)).toEqual([null, null]);
    expect(await memberPhoneList(treasurer, { groupSlug: G })).toEqual([
      { code: "RA-001", phone: "6281234567890" },
      { code: "RA-002", phone: "6281339401122" },
    ]);
    expect(await codeOf(memberPhoneList(supervisor, { groupSlug: G }))).toBe("role_forbidden");
    expect(await codeOf(setMemberPhone(supervisor, { groupSlug: G, code: "RA-001", phone: null }))).toBe(
      "role_forbidden",
    );
  });
});

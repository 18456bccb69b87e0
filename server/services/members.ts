import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import {
  accountBalances,
  auditLog,
  cashCounts,
  cashCountSignatures,
  journalEntries,
  memberPhones,
  members,
  postings,
} from "@/db/schema";
import { SAVINGS_ACCOUNTS, type SavingsAccount } from "@/server/domain/ledger";
import { conflict, DomainError, invalid, notFound } from "@/server/domain/errors";
import {
  loadGroupFor,
  nowOf,
  signerOf,
  type GroupRow,
  type MemberRow,
  type ServiceContext,
  memberByCode,
} from "./context";
import { cleanName } from "@/server/domain/text";
import { maskPhone } from "@/server/domain/phone";
import { assertNameConfirmed, hashCheckCode, newCheckCode } from "./groups";
import { type GroupInput, type OnGroup, zId, zMemberCode, zPage, zText } from "./fields";
import { audit, ledgerWrite } from "@/server/ledger/write";

/**
 * Treasurers see names: this is their register, never a public page. A phone number only masked
 * (62812****7890): the whole number leaves the server only to build a WhatsApp link (memberPhoneList).
 */
export async function listMembers(db: DbOrTx, group: GroupRow) {
  const rows = await db
    .select({ member: members, phone: memberPhones.phone })
    .from(members)
    .leftJoin(memberPhones, eq(memberPhones.memberId, members.id))
    .where(eq(members.groupId, group.id))
    .orderBy(asc(members.code));
  return rows.map(({ member: { checkCodeHash: _omit, ...m }, phone }) => ({
    ...m,
    phoneMasked: phone ? maskPhone(phone) : null,
  }));
}

export const ZUpdateMemberSchema = z.object({
  code: zMemberCode,
  fullName: zText(100).optional(),
  gender: z.enum(["P", "L"]).optional(),
  /** She confirms that a member whose name looks the same is someone else. */
  confirmed: z.boolean().optional(),
});

export async function updateMember(
  ctx: ServiceContext,
  input: OnGroup<typeof ZUpdateMemberSchema>,
): Promise<Omit<MemberRow, "checkCodeHash">> {
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "write");
    const m = await memberByCode(tx, group, input.code, "code");
    if (!m) throw notFound("member_not_found", "code");
    const set: Partial<MemberRow> = {};
    if (input.fullName !== undefined) {
      set.fullName = cleanName(input.fullName, "fullName");
      await assertNameConfirmed(tx, group, set.fullName, input.confirmed === true, m.id);
    }
    if (input.gender !== undefined) {
      if (input.gender !== "P" && input.gender !== "L") throw invalid("gender_invalid", "gender");
      set.gender = input.gender;
    }
    if (Object.keys(set).length === 0) throw invalid("nothing_to_update", "fullName");
    const [u] = await tx.update(members).set(set).where(eq(members.id, m.id)).returning();
    await audit(tx, ctx, {
      action: "member.update",
      groupId: group.id,
      detail: { code: input.code, fields: Object.keys(set) },
    });
    const { checkCodeHash: _omit, ...rest } = u!;
    return rest;
  });
}

/** A new kode cek, returned once to print in the member's passbook; only its hash is kept. */
export const ZResetCheckCodeSchema = z.object({ code: zMemberCode });

export async function resetCheckCode(
  ctx: ServiceContext,
  input: OnGroup<typeof ZResetCheckCodeSchema>,
): Promise<{ code: string; checkCode: string }> {
  const checkCode = newCheckCode();
  const h = await hashCheckCode(checkCode);
  await ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "write");
    const m = await memberByCode(tx, group, input.code, "code");
    if (!m) throw notFound("member_not_found", "code");
    await tx.update(members).set({ checkCodeHash: h }).where(eq(members.id, m.id));
    await audit(tx, ctx, { action: "member.resetCheckCode", groupId: group.id, detail: { code: input.code } });
  });
  return { code: input.code, checkCode };
}

/** Each member with her savings by account, from the balance rollup in one read. */
export async function memberBalances(ctx: ServiceContext, input: GroupInput) {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "read");
  const [list, rows] = await Promise.all([
    listMembers(db, group),
    db
      .select({
        memberId: accountBalances.memberId,
        account: accountBalances.account,
        balance: accountBalances.balance,
      })
      .from(accountBalances)
      .where(and(eq(accountBalances.groupId, group.id), inArray(accountBalances.account, [...SAVINGS_ACCOUNTS]))),
  ]);
  const savings = new Map<number, Record<SavingsAccount, number>>();
  for (const r of rows) {
    const s = savings.get(r.memberId) ?? { savings_share: 0, savings_mandatory: 0, savings_voluntary: 0 };
    s[r.account as SavingsAccount] = -r.balance;
    savings.set(r.memberId, s);
  }
  return list.map((m) => ({
    ...m,
    savings: savings.get(m.id) ?? { savings_share: 0, savings_mandatory: 0, savings_voluntary: 0 },
  }));
}

/** A supervisor countersigns a cash count (once). */
export const ZCountersignCashCountSchema = z.object({ cashCountId: zId });

export async function countersignCashCount(ctx: ServiceContext, input: OnGroup<typeof ZCountersignCashCountSchema>) {
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "countersign");
    const [c] = await tx
      .select()
      .from(cashCounts)
      .where(and(eq(cashCounts.id, input.cashCountId), eq(cashCounts.groupId, group.id)));
    if (!c) throw notFound("cash_count_not_found", "cashCountId");
    // A countersignature is a second person's: nobody signs her own count, an admin included.
    if (c.recordedBy.startsWith(`user:${signerOf(ctx)}:`))
      throw new DomainError("forbidden", "own_record_countersign", "cashCountId");
    const [signed] = await tx.select().from(cashCountSignatures).where(eq(cashCountSignatures.cashCountId, c.id));
    if (signed) throw conflict("already_countersigned", "cashCountId");
    const at = nowOf(ctx).toISOString();
    const [s] = await tx
      .insert(cashCountSignatures)
      .values({ cashCountId: c.id, userId: signerOf(ctx), at })
      .returning();
    await audit(tx, ctx, { at, action: "cash.countersign", groupId: group.id, detail: { cashCountId: c.id } });
    return s!;
  });
}

/** The group's audit rows, newest first, with the entry each one wrote (number, kind, amount, members). */
export const ZListAuditSchema = zPage;

export async function listAudit(ctx: ServiceContext, input: GroupInput & { beforeId?: number; limit: number }) {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "read");
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actor,
      action: auditLog.action,
      detail: auditLog.detail,
      entry: {
        seq: journalEntries.seq,
        kind: journalEntries.kind,
        amount: journalEntries.amount,
        members: sql<number>`(select count(distinct ${postings.memberId}) from ${postings} where ${postings.entryId} = ${journalEntries.id})`,
      },
    })
    .from(auditLog)
    .leftJoin(journalEntries, eq(journalEntries.id, auditLog.entryId))
    .where(and(eq(auditLog.groupId, group.id), input.beforeId ? lt(auditLog.id, input.beforeId) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(input.limit);
}

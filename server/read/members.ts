import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accountBalances, auditLog, journalEntries, memberPhones, members, postings } from "@/db/schema";
import { SAVINGS_ACCOUNTS, type SavingsAccount } from "@/server/domain/ledger";
import { loadGroupFor, type GroupRow, type ServiceContext } from "@/server/shared/context";
import { maskPhone } from "@/server/domain/phone";
import { type GroupInput, zPage } from "@/server/shared/fields";

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

/**
 * Receipts for the members an entry touched (kuitansi): for the treasurer to hand or send to each
 * member right after a save. Private: they carry member-linked amounts, so only signed-in users of
 * the group read them (admin router), never a public page.
 */
import { and, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { dailyPayments, journalEntries, members, postings } from "@/db/schema";
import type { BusinessDate } from "@/server/domain/dates";
import { notFound } from "@/server/domain/errors";
import { type Account, type EntryKind, type Posting, SAVINGS_ACCOUNTS } from "@/server/domain/ledger";
import { balancesAfter, type Receipt, receiptLines } from "@/server/domain/receipt";
import { mayDo } from "@/server/domain/access";
import { loadGroupFor, type ServiceContext } from "@/server/shared/context";
import { phonesOf } from "@/server/read/member-phones";
import { type OnGroup, zId } from "@/server/shared/fields";

export const ZEntryReceiptsSchema = z.object({ entryId: zId });

/**
 * A receipt with where to send it: the member's phone number (628…) when she has one, for the
 * WhatsApp link to her — given only to those who write on the group's books (who send receipts).
 */
export type ReceiptToSend = Receipt & { phone: string | null };

export async function entryReceipts(
  ctx: ServiceContext,
  input: OnGroup<typeof ZEntryReceiptsSchema>,
): Promise<ReceiptToSend[]> {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "read");
  const [entry] = await db
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.groupId, group.id), eq(journalEntries.id, input.entryId)));
  if (!entry) throw notFound("entry_not_found", "entryId");
  const own = await db
    .select({
      account: postings.account,
      memberId: postings.memberId,
      loanId: postings.loanId,
      amount: postings.amount,
    })
    .from(postings)
    .where(and(eq(postings.entryId, entry.id), isNotNull(postings.memberId)));
  const memberIds = [...new Set(own.map((p) => p.memberId!))];
  if (memberIds.length === 0) return [];
  const sends = !ctx.user || mayDo(ctx.user.role, "write");
  const [codes, days, sums, phones] = await Promise.all([
    db
      .select({ id: members.id, code: members.code })
      .from(members)
      .where(and(eq(members.groupId, group.id), inArray(members.id, memberIds))),
    db
      .select({ memberId: dailyPayments.memberId, days: sql<number>`count(*)` })
      .from(dailyPayments)
      .where(eq(dailyPayments.entryId, entry.id))
      .groupBy(dailyPayments.memberId),
    // Her balances as they stood right after this entry (later entries left out).
    db
      .select({ memberId: postings.memberId, account: postings.account, sum: sql<number>`sum(${postings.amount})` })
      .from(postings)
      .innerJoin(journalEntries, eq(journalEntries.id, postings.entryId))
      .where(
        and(
          eq(postings.groupId, group.id),
          inArray(postings.memberId, memberIds),
          lte(journalEntries.seq, entry.seq),
          inArray(postings.account, [...SAVINGS_ACCOUNTS, "loans_receivable"]),
        ),
      )
      .groupBy(postings.memberId, postings.account),
    sends ? phonesOf(db, group, memberIds) : new Map<number, string>(),
  ]);
  const codeOf = new Map(codes.map((c) => [c.id, c.code]));
  const daysOf = new Map(days.map((d) => [d.memberId, Number(d.days)]));
  return memberIds
    .map((memberId) => ({
      group: { slug: group.slug, name: group.name, isDemo: group.isDemo },
      memberCode: codeOf.get(memberId)!,
      seq: entry.seq,
      date: entry.businessDate as BusinessDate,
      kind: entry.kind as EntryKind,
      hash: entry.hash,
      lines: receiptLines(own as Posting[], memberId),
      days: daysOf.get(memberId) ?? 0,
      ...balancesAfter(
        sums.filter((s) => s.memberId === memberId).map((s) => ({ account: s.account as Account, sum: Number(s.sum) })),
      ),
      phone: phones.get(memberId) ?? null,
    }))
    .sort((a, b) => (a.memberCode < b.memberCode ? -1 : 1));
}

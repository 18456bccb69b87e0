/**
 * The supervisor asks ("Tanyakan") instead of countersigning; the treasurer answers. A question is
 * open — marked on the treasurer's overview and, publicly, "dipertanyakan pengawas" — until it is
 * answered or its record is countersigned (server/domain/supervisor-queries.ts). Rows are append-only
 * and audited; only codes go public, the answer's note stays private.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import {
  cashCounts,
  cashCountSignatures,
  correctionSignatures,
  journalEntries,
  sealSignatures,
  supervisorQueries,
  supervisorQueryAnswers,
} from "@/db/schema";
import { conflict, DomainError, invalid, notFound } from "@/server/domain/errors";
import {
  isOpenQuery,
  QUERY_ANSWERS,
  QUERY_REASONS,
  QUERY_SUBJECTS,
  type QueryAnswer,
  type QueryReason,
  type QuerySubject,
  type QueryTarget,
  targetKey,
} from "@/server/domain/supervisor-queries";
import { cleanText } from "@/server/domain/text";
import { type GroupRow, loadGroupFor, nowOf, type ServiceContext, signerOf } from "./context";
import { type GroupInput, type OnGroup, zId, zMonth, zText } from "./fields";
import { isOwn, monthsOfOwnWork } from "./own-work";
import { monthCheckpoint } from "./seals";
import { audit, ledgerWrite } from "@/server/ledger/write";

export const ZAskSupervisorQuerySchema = z.object({
  subject: z.enum(QUERY_SUBJECTS),
  /** A cash count's or a correction's id (not for a seal). */
  id: zId.optional(),
  /** A seal's month (only for a seal). */
  month: zMonth.optional(),
  reason: z.enum(QUERY_REASONS),
});

const targetOf = (input: { subject: QuerySubject; id?: number; month?: string }): QueryTarget => {
  if (input.subject === "seal") {
    if (!input.month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month)) throw invalid("date_invalid", "month");
    return { subject: "seal", month: input.month };
  }
  if (!input.id) throw invalid("entry_id_invalid", "id");
  return { subject: input.subject, id: input.id };
};

/** Whether the record exists in the group, whose work it is, and whether it is countersigned. */
async function recordOf(
  tx: DbOrTx,
  group: GroupRow,
  target: QueryTarget,
  userId: number,
  now: Date,
): Promise<{ own: boolean; countersigned: boolean }> {
  if (target.subject === "cash_count") {
    const [c] = await tx
      .select({ recordedBy: cashCounts.recordedBy, signed: cashCountSignatures.id })
      .from(cashCounts)
      .leftJoin(cashCountSignatures, eq(cashCountSignatures.cashCountId, cashCounts.id))
      .where(and(eq(cashCounts.groupId, group.id), eq(cashCounts.id, target.id)));
    if (!c) throw notFound("cash_count_not_found", "id");
    return { own: isOwn(c.recordedBy, userId), countersigned: c.signed !== null };
  }
  if (target.subject === "correction") {
    const [e] = await tx
      .select({
        recordedBy: journalEntries.recordedBy,
        reverses: journalEntries.reversesEntryId,
        signed: correctionSignatures.id,
      })
      .from(journalEntries)
      .leftJoin(correctionSignatures, eq(correctionSignatures.entryId, journalEntries.id))
      .where(
        and(
          eq(journalEntries.groupId, group.id),
          eq(journalEntries.id, target.id),
          eq(journalEntries.kind, "correction"),
        ),
      );
    if (!e) throw notFound("entry_not_found", "id");
    const [original] = e.reverses
      ? await tx
          .select({ recordedBy: journalEntries.recordedBy })
          .from(journalEntries)
          .where(eq(journalEntries.id, e.reverses))
      : [];
    return {
      own: isOwn(e.recordedBy, userId) || (original !== undefined && isOwn(original.recordedBy, userId)),
      countersigned: e.signed !== null,
    };
  }
  const c = await monthCheckpoint(tx, group, target.month, now);
  if (!c?.finished) throw notFound("month_has_no_entries", "month");
  const own = (await monthsOfOwnWork(tx, group, userId, target.month)).has(target.month);
  return { own, countersigned: c.countersigned !== null && c.countersigned !== undefined };
}

/** The supervisor (or an admin) asks about a record that is not her own work and not yet countersigned. */
export async function askSupervisorQuery(ctx: ServiceContext, input: OnGroup<typeof ZAskSupervisorQuerySchema>) {
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "countersign");
    const target = targetOf(input);
    const now = nowOf(ctx);
    const userId = signerOf(ctx);
    const record = await recordOf(tx, group, target, userId, now);
    // Nobody asks about her own work: the question would be hers to answer.
    if (record.own) throw new DomainError("forbidden", "own_record_query", target.subject === "seal" ? "month" : "id");
    if (record.countersigned) throw conflict("already_countersigned", target.subject === "seal" ? "month" : "id");
    const open = (await openQueries(tx, group)).get(targetKey(target));
    if (open) throw conflict("already_queried", target.subject === "seal" ? "month" : "id");
    const at = now.toISOString();
    const [q] = await tx
      .insert(supervisorQueries)
      .values({
        groupId: group.id,
        subject: target.subject,
        target: target.subject === "seal" ? target.month : String(target.id),
        reason: input.reason,
        userId,
        at,
      })
      .returning();
    await audit(tx, ctx, {
      at,
      action: "query.ask",
      groupId: group.id,
      entryId: target.subject === "correction" ? target.id : null,
      detail: { queryId: q!.id, target: targetKey(target), queryReason: input.reason },
    });
    return q!;
  });
}

export const ZAnswerSupervisorQuerySchema = z.object({
  queryId: zId,
  answer: z.enum(QUERY_ANSWERS),
  /** Private: shown to the supervisor, never on a public page. */
  note: zText(500).nullish(),
});

/** The treasurer (or an admin) answers an open question; never one she asked herself. */
export async function answerSupervisorQuery(ctx: ServiceContext, input: OnGroup<typeof ZAnswerSupervisorQuerySchema>) {
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "write");
    const [q] = await tx
      .select()
      .from(supervisorQueries)
      .where(and(eq(supervisorQueries.groupId, group.id), eq(supervisorQueries.id, input.queryId)));
    if (!q) throw notFound("query_not_found", "queryId");
    if (q.userId === signerOf(ctx)) throw new DomainError("forbidden", "own_query_answer", "queryId");
    const [had] = await tx
      .select({ id: supervisorQueryAnswers.id })
      .from(supervisorQueryAnswers)
      .where(eq(supervisorQueryAnswers.queryId, q.id));
    if (had) throw conflict("query_already_answered", "queryId");
    const note = cleanText(input.note, "note", { required: false, max: 500 });
    const at = nowOf(ctx).toISOString();
    const [a] = await tx
      .insert(supervisorQueryAnswers)
      .values({ groupId: group.id, queryId: q.id, answer: input.answer, note, userId: signerOf(ctx), at })
      .returning();
    await audit(tx, ctx, {
      at,
      action: "query.answer",
      groupId: group.id,
      detail: { queryId: q.id, target: `${q.subject}:${q.target}`, answer: input.answer },
    });
    return a!;
  });
}

export interface SupervisorQuery {
  id: number;
  subject: QuerySubject;
  target: string;
  reason: QueryReason;
  at: string;
  askedBy: number;
  answer: { answer: QueryAnswer; note: string | null; at: string } | null;
  countersigned: boolean;
  open: boolean;
}

/** Every question of the group (newest first), with its answer and whether its record is countersigned. */
export async function groupQueries(db: DbOrTx, group: Pick<GroupRow, "id">): Promise<SupervisorQuery[]> {
  const rows = await db
    .select()
    .from(supervisorQueries)
    .leftJoin(supervisorQueryAnswers, eq(supervisorQueryAnswers.queryId, supervisorQueries.id))
    .where(eq(supervisorQueries.groupId, group.id))
    .orderBy(desc(supervisorQueries.id));
  if (rows.length === 0) return [];
  const ids = (s: QuerySubject) =>
    rows.filter((r) => r.supervisor_queries.subject === s).map((r) => Number(r.supervisor_queries.target));
  const months = rows.filter((r) => r.supervisor_queries.subject === "seal").map((r) => r.supervisor_queries.target);
  const [counts, corrections, seals] = await Promise.all([
    ids("cash_count").length
      ? db
          .select({ id: cashCountSignatures.cashCountId })
          .from(cashCountSignatures)
          .where(inArray(cashCountSignatures.cashCountId, ids("cash_count")))
      : [],
    ids("correction").length
      ? db
          .select({ id: correctionSignatures.entryId })
          .from(correctionSignatures)
          .where(
            and(eq(correctionSignatures.groupId, group.id), inArray(correctionSignatures.entryId, ids("correction"))),
          )
      : [],
    months.length
      ? db
          .select({ month: sealSignatures.month })
          .from(sealSignatures)
          .where(and(eq(sealSignatures.groupId, group.id), inArray(sealSignatures.month, months)))
      : [],
  ]);
  const signed = new Set([
    ...counts.map((c) => `cash_count:${c.id}`),
    ...corrections.map((c) => `correction:${c.id}`),
    ...seals.map((s) => `seal:${s.month}`),
  ]);
  return rows.map(({ supervisor_queries: q, supervisor_query_answers: a }) => {
    const countersigned = signed.has(`${q.subject}:${q.target}`);
    return {
      id: q.id,
      subject: q.subject,
      target: q.target,
      reason: q.reason,
      at: q.at,
      askedBy: q.userId,
      answer: a ? { answer: a.answer, note: a.note, at: a.at } : null,
      countersigned,
      open: isOpenQuery({ answered: a !== null, countersigned }),
    };
  });
}

/** The open questions of the group by record (targetKey): what the public pages mark. */
export async function openQueries(db: DbOrTx, group: Pick<GroupRow, "id">): Promise<Map<string, SupervisorQuery>> {
  const open = (await groupQueries(db, group)).filter((q) => q.open);
  return new Map(open.map((q) => [`${q.subject}:${q.target}`, q]));
}

/** What a question is about, in the words a screen needs: the count's date and money, the correction's number. */
export type QueryAbout = { date: string | null; account: "cash" | "bank" | null; seq: number | null };

/** The questions for the treasurer's overview and the supervisor's list (private: carries the notes). */
export async function queryList(
  ctx: ServiceContext,
  input: GroupInput,
): Promise<(SupervisorQuery & { about: QueryAbout })[]> {
  const db = ctx.database.db;
  const group = await loadGroupFor(db, ctx, input.groupSlug, "read");
  const qs = await groupQueries(db, group);
  const ids = (s: QuerySubject) => qs.filter((q) => q.subject === s).map((q) => Number(q.target));
  const [counts, entries] = await Promise.all([
    ids("cash_count").length
      ? db
          .select({ id: cashCounts.id, date: cashCounts.businessDate, account: cashCounts.account })
          .from(cashCounts)
          .where(and(eq(cashCounts.groupId, group.id), inArray(cashCounts.id, ids("cash_count"))))
      : [],
    ids("correction").length
      ? db
          .select({ id: journalEntries.id, date: journalEntries.businessDate, seq: journalEntries.seq })
          .from(journalEntries)
          .where(and(eq(journalEntries.groupId, group.id), inArray(journalEntries.id, ids("correction"))))
      : [],
  ]);
  return qs.map((q) => {
    const c = q.subject === "cash_count" ? counts.find((x) => x.id === Number(q.target)) : undefined;
    const e = q.subject === "correction" ? entries.find((x) => x.id === Number(q.target)) : undefined;
    return {
      ...q,
      about: { date: c?.date ?? e?.date ?? null, account: c?.account ?? null, seq: e?.seq ?? null },
    };
  });
}

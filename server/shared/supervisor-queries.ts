/** The supervisor's questions on a group: asking checks the open ones, the pages and the monthly report list them. */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  cashCountSignatures,
  correctionSignatures,
  sealSignatures,
  supervisorQueries,
  supervisorQueryAnswers,
} from "@/db/schema";
import { isOpenQuery, type QueryAnswer, type QueryReason, type QuerySubject } from "@/server/domain/supervisor-queries";
import type { GroupRow } from "@/server/shared/context";

/** The open questions of the group by record (targetKey): what the public pages mark. */
export async function openQueries(db: DbOrTx, group: Pick<GroupRow, "id">): Promise<Map<string, SupervisorQuery>> {
  const open = (await groupQueries(db, group)).filter((q) => q.open);
  return new Map(open.map((q) => [`${q.subject}:${q.target}`, q]));
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

import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { supervisorQueries, supervisorQueryAnswers } from "@/db/schema";
import { conflict, DomainError, notFound } from "@/server/domain/errors";
import { QUERY_ANSWERS } from "@/server/domain/supervisor-queries";
import { cleanText } from "@/server/domain/text";
import { loadGroupFor, nowOf, type ServiceContext, signerOf } from "@/server/shared/context";
import { type OnGroup, zId, zText } from "@/server/shared/fields";
import { audit, ledgerWrite } from "@/server/ledger/write";

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

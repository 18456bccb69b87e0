import { z } from "zod";
import { DomainError, invalid } from "@/server/domain/errors";
import type { RefusedLine } from "@/server/ledger/daily-payments";
import { groupMembersByCode, loadGroupFor, type ServiceContext } from "@/server/shared/context";
import type { OnGroup } from "@/server/shared/fields";
import { ledgerWrite } from "@/server/ledger/write";
import {
  MAX_DAYS_PER_LINE,
  MAX_LINES,
  type RecordContributionsInput,
  contributionEntry,
} from "@/server/verbs/savings/record-contributions";

export const MAX_QUEUED_DAYS = 50;
export type QueuedResult =
  | { idempotencyKey: string; ok: true; id: number; seq: number; amount: number; refused: RefusedLine[] }
  | {
      idempotencyKey: string;
      ok: false;
      error: { code: string; field: string | null; params?: Record<string, string | number> };
    };

/**
 * Days kept on the phone while offline: only their shape is checked here; everything else per day
 * by the domain, so one bad day is refused alone and never blocks the queue.
 */
export const ZRecordQueuedSchema = z.object({
  days: z
    .array(
      z.object({
        date: z.string().max(32),
        idempotencyKey: z.string().max(100),
        lines: z
          .array(
            z.object({
              memberCode: z.string().max(32),
              amount: z.number(),
              kind: z.string().max(32).optional(),
              days: z.array(z.string().max(32)).max(MAX_DAYS_PER_LINE).optional(),
            }),
          )
          .max(MAX_LINES),
      }),
    )
    .min(1)
    .max(MAX_QUEUED_DAYS),
});

/**
 * Collection days a treasurer's phone kept while there was no signal, sent together when it is
 * back: each day is its own entry with its own key, recorded or refused on its own (a refused
 * day writes nothing and does not stop the others), all in one transaction and one disk flush.
 * A day already recorded (same key, same content) answers with its entry, so resending is safe.
 */
export async function recordQueuedContributions(
  ctx: ServiceContext,
  input: OnGroup<typeof ZRecordQueuedSchema>,
): Promise<QueuedResult[]> {
  if (!Array.isArray(input.days) || input.days.length === 0) throw invalid("lines_empty", "days");
  if (input.days.length > MAX_QUEUED_DAYS) throw invalid("lines_too_many", "days", { max: MAX_QUEUED_DAYS });
  return ledgerWrite(ctx, async (tx) => {
    // Read once for the whole batch (nothing in it changes the group or its members).
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "write"); // an unknown group refuses the whole batch
    const byCode = await groupMembersByCode(tx, group);
    const results: QueuedResult[] = [];
    for (const day of input.days) {
      const idempotencyKey = String(day?.idempotencyKey ?? "");
      try {
        const e = await tx.transaction((sp) =>
          contributionEntry(
            sp,
            ctx,
            { ...(day as RecordContributionsInput), groupSlug: input.groupSlug },
            { group, byCode },
          ),
        );
        results.push({ idempotencyKey, ok: true, id: e.id, seq: e.seq, amount: e.amount, refused: e.refused });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        results.push({
          idempotencyKey,
          ok: false,
          error: { code: err.code, field: err.field ?? null, params: err.params },
        });
      }
    }
    return results;
  });
}

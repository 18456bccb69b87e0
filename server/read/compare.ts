import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import {
  compareLenders,
  DEFAULT_REFERENCE_TERMS,
  ijonSensitivity,
  type CompareInput,
  type ReferenceTerms,
} from "@/server/domain/finance/compare";
import type { LenderQuote } from "@/server/domain/finance/lenders";
import { loanSchedule } from "@/server/domain/loans";
import { parseCompareQuery, type Query } from "@/server/domain/finance/params";
import { loadGroup, loadGroupFor, todayIn, type GroupRow, type ServiceContext } from "@/server/shared/context";
import { type OnGroup, zDate, zRupiah } from "@/server/shared/fields";
import { referenceTermsOf } from "@/server/shared/reference-terms";

export interface Comparison {
  input: CompareInput;
  lenders: LenderQuote[];
  sensitivity: ReturnType<typeof ijonSensitivity>;
  terms: ReferenceTerms;
  group: Pick<GroupRow, "slug" | "name"> | null;
}

/** The calculator: amount, months and optional overrides; `kelompok=slug` starts from that group's policy and terms. */
export async function compareFromQuery(db: DbOrTx, q: Query): Promise<Comparison> {
  const slug = typeof q.kelompok === "string" && q.kelompok ? q.kelompok : null;
  return compareFor(db, slug ? await loadGroup(db, slug) : null, q);
}

/** The comparison from a group's own policy and reference terms (or the defaults without a group). */
async function compareFor(db: DbOrTx, group: GroupRow | null, q: Query): Promise<Comparison> {
  const terms = group ? await referenceTermsOf(db, group) : DEFAULT_REFERENCE_TERMS;
  const input = parseCompareQuery(q, {
    amount: 1_000_000,
    months: 4,
    ksm: group
      ? { rateBpsPerMonth: group.loanRateBpsPerMonth, method: group.loanMethod }
      : { rateBpsPerMonth: 200, method: "flat" },
    terms,
  });
  return {
    input,
    lenders: compareLenders(input),
    sensitivity: ijonSensitivity(input.amount),
    terms,
    group: group && { slug: group.slug, name: group.name },
  };
}

export const ZCompareLoanSchema = z.object({
  principal: zRupiah,
  termMonths: z.number().int().min(1).max(60),
  /** The day it would be paid out (today if not given): the schedule's due dates follow it. */
  date: zDate.optional(),
});

/**
 * The loan form's preview before the final tap: the schedule under the group's policy, and what
 * the same money costs here and from KUR, the rentenir and the pengijon (the group's terms).
 */
export async function compareLoan(ctx: ServiceContext, input: OnGroup<typeof ZCompareLoanSchema>) {
  const group = await loadGroupFor(ctx.database.db, ctx, input.groupSlug, "read");
  const schedule = loanSchedule({
    principal: input.principal,
    termMonths: input.termMonths,
    rateBpsPerMonth: group.loanRateBpsPerMonth,
    method: group.loanMethod,
    disbursedOn: input.date ?? todayIn(ctx, group),
  });
  const c = await compareFor(ctx.database.db, group, {
    amount: String(input.principal),
    months: String(input.termMonths),
  });
  return {
    schedule,
    lenders: c.lenders.map((l) => ({ key: l.key, costRp: l.costRp, eirPct: l.eirPct })),
    terms: c.terms,
  };
}

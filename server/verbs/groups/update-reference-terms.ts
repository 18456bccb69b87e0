import { z } from "zod";
import { referenceTerms } from "@/db/schema";
import type { Source } from "@/server/domain/finance/compare";
import { invalid } from "@/server/domain/errors";
import { isValidDate } from "@/server/domain/dates";
import { loadGroupFor, nowOf, type ServiceContext } from "@/server/shared/context";
import { cleanText } from "@/server/domain/text";
import { type OnGroup, zDate, zText } from "@/server/shared/fields";
import { audit, ledgerWrite } from "@/server/ledger/write";

export const ZUpdateReferenceTermsSchema = z.object({
  ijonRatioPct: z.number().int(),
  rentenirRateBpsPerMonth: z.number().int(),
  rentenirMethod: z.enum(["flat", "interestOnly"]),
  rentenirPeriod: z.enum(["month", "week", "day"]),
  kurAnnualRateBps: z.number().int(),
  sources: z.record(
    z.enum(["ijon", "rentenir", "kur"]),
    z
      .array(z.object({ title: zText(300), url: zText(500), checkedOn: zDate }))
      .min(1)
      .max(5),
  ),
});

export type UpdateReferenceTermsInput = OnGroup<typeof ZUpdateReferenceTermsSchema>;

const inRange = (v: unknown, field: string, min: number, max: number) => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
    throw invalid("param_out_of_range", field, { min, max });
  return v;
};

/** An admin sets local figures; every term must say where it comes from. Audited. */
export async function updateReferenceTerms(
  ctx: ServiceContext,
  input: UpdateReferenceTermsInput,
): Promise<{ ok: true }> {
  const values = {
    ijonRatioPct: inRange(input.ijonRatioPct, "ijonRatioPct", 100, 1000),
    rentenirRateBpsPerMonth: inRange(input.rentenirRateBpsPerMonth, "rentenirRateBpsPerMonth", 0, 10_000),
    rentenirMethod: input.rentenirMethod,
    rentenirPeriod: input.rentenirPeriod,
    kurAnnualRateBps: inRange(input.kurAnnualRateBps, "kurAnnualRateBps", 0, 3000),
  };
  if (!["flat", "interestOnly"].includes(values.rentenirMethod))
    throw invalid("param_not_allowed", "rentenirMethod", { allowed: "flat, interestOnly" });
  if (!["month", "week", "day"].includes(values.rentenirPeriod))
    throw invalid("param_not_allowed", "rentenirPeriod", { allowed: "month, week, day" });
  const sources: Record<string, Source[]> = {};
  for (const k of ["ijon", "rentenir", "kur"] as const) {
    const list = input.sources?.[k];
    if (!Array.isArray(list) || list.length === 0 || list.length > 5) throw invalid("text_required", `sources.${k}`);
    sources[k] = list.map((s, i) => {
      const url = cleanText(s.url, `sources.${k}.${i}.url`, { required: true, max: 500 })!;
      if (!/^https?:\/\/[^\s]+$/.test(url)) throw invalid("text_invalid", `sources.${k}.${i}.url`);
      if (!isValidDate(s.checkedOn)) throw invalid("date_invalid", `sources.${k}.${i}.checkedOn`);
      return {
        title: cleanText(s.title, `sources.${k}.${i}.title`, { required: true, min: 3, max: 300 })!,
        url,
        checkedOn: s.checkedOn,
      };
    });
  }
  await ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "admin");
    const at = nowOf(ctx).toISOString();
    const row = { groupId: group.id, ...values, sources: JSON.stringify(sources), updatedAt: at, updatedBy: ctx.actor };
    await tx.insert(referenceTerms).values(row).onConflictDoUpdate({ target: referenceTerms.groupId, set: row });
    await audit(tx, ctx, { at, action: "referenceTerms.update", groupId: group.id, detail: { ...values, sources } });
  });
  return { ok: true };
}

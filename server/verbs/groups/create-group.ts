import { DEFAULT_LARGE_OUTFLOW_RP } from "@/server/domain/plausibility";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { ksmGroups } from "@/db/schema";
import { DEFAULT_TIME_ZONE, isValidDate } from "@/server/domain/dates";
import { conflict, invalid } from "@/server/domain/errors";
import { LOAN_METHODS } from "@/server/domain/loans";
import type { GroupRow, ServiceContext } from "@/server/shared/context";
import { cleanText } from "@/server/domain/text";
import { DEFAULT_MONTH_GRACE_DAYS, MAX_MONTH_GRACE_DAYS } from "@/server/domain/month-close";
import { audit, ledgerWrite } from "@/server/ledger/write";

/** A whole number in [min, max], or the field refused (the group's settings). */
export const intIn = (v: unknown, field: string, min: number, max: number): number => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
    throw invalid("number_out_of_range", field, { min, max });
  return v;
};

/** A new group (scripts/group-add.ts and the seeds; no API route creates one). */
export const ZCreateGroupSchema = z.object({
  slug: z.string(),
  name: z.string(),
  village: z.string(),
  kecamatan: z.string(),
  kabupaten: z.string(),
  provinsi: z.string(),
  foundedOn: z.string(),
  timeZone: z.string().optional(),
  dailyContribution: z.number().optional(),
  loanRateBpsPerMonth: z.number().optional(),
  loanMethod: z.enum(LOAN_METHODS).optional(),
  loanMaxTermMonths: z.number().optional(),
  lateFineAmount: z.number().optional(),
  lateFineGraceDays: z.number().optional(),
  /** Days of the next month in which a finished month still takes back-dated entries (default 5). */
  monthGraceDays: z.number().optional(),
  /** One expense or savings withdrawal above this needs the treasurer's confirmation (default Rp 1.000.000). */
  largeOutflowThreshold: z.number().optional(),
  isDemo: z.boolean().optional(),
});
export type CreateGroupInput = z.infer<typeof ZCreateGroupSchema>;

export async function createGroup(ctx: ServiceContext, input: CreateGroupInput): Promise<GroupRow> {
  if (typeof input.slug !== "string" || !/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(input.slug))
    throw invalid("slug_invalid", "slug");
  if (!isValidDate(input.foundedOn)) throw invalid("date_invalid", "foundedOn");
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    throw invalid("time_zone_invalid", "timeZone");
  }
  const method = input.loanMethod ?? "flat";
  if (!LOAN_METHODS.includes(method)) throw invalid("method_invalid", "loanMethod");
  const values = {
    slug: input.slug,
    name: cleanText(input.name, "name", { required: true, min: 3, max: 100 })!,
    village: cleanText(input.village, "village", { required: true, max: 100 })!,
    kecamatan: cleanText(input.kecamatan, "kecamatan", { required: true, max: 100 })!,
    kabupaten: cleanText(input.kabupaten, "kabupaten", { required: true, max: 100 })!,
    provinsi: cleanText(input.provinsi, "provinsi", { required: true, max: 100 })!,
    foundedOn: input.foundedOn,
    timeZone,
    dailyContribution: intIn(input.dailyContribution ?? 1000, "dailyContribution", 1, 1_000_000),
    loanRateBpsPerMonth: intIn(input.loanRateBpsPerMonth ?? 200, "loanRateBpsPerMonth", 0, 1000),
    loanMethod: method,
    loanMaxTermMonths: intIn(input.loanMaxTermMonths ?? 12, "loanMaxTermMonths", 1, 60),
    lateFineAmount: intIn(input.lateFineAmount ?? 5000, "lateFineAmount", 0, 1_000_000),
    lateFineGraceDays: intIn(input.lateFineGraceDays ?? 7, "lateFineGraceDays", 0, 90),
    monthGraceDays: intIn(input.monthGraceDays ?? DEFAULT_MONTH_GRACE_DAYS, "monthGraceDays", 0, MAX_MONTH_GRACE_DAYS),
    largeOutflowThreshold: intIn(
      input.largeOutflowThreshold ?? DEFAULT_LARGE_OUTFLOW_RP,
      "largeOutflowThreshold",
      0,
      1_000_000_000,
    ),
    isDemo: input.isDemo ?? false,
  };
  return ledgerWrite(ctx, async (tx) => {
    const [existing] = await tx.select({ id: ksmGroups.id }).from(ksmGroups).where(eq(ksmGroups.slug, values.slug));
    if (existing) throw conflict("slug_taken", "slug");
    const [g] = await tx.insert(ksmGroups).values(values).returning();
    await audit(tx, ctx, { action: "group.create", groupId: g!.id, detail: { slug: g!.slug } });
    return g!;
  });
}

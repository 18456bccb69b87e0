/** The reference lenders' terms in force: the comparison reads them, updateReferenceTerms replaces them. */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { referenceTerms } from "@/db/schema";
import { DEFAULT_REFERENCE_TERMS, type ReferenceTerms, type Source } from "@/server/domain/finance/compare";
import type { GroupRow } from "@/server/shared/context";

/** The group's reference terms, or the defaults (with their sources) when it has set none. */
export async function referenceTermsOf(db: DbOrTx, group: GroupRow): Promise<ReferenceTerms & { isDefault: boolean }> {
  const [row] = await db.select().from(referenceTerms).where(eq(referenceTerms.groupId, group.id));
  if (!row) return { ...DEFAULT_REFERENCE_TERMS, isDefault: true };
  const sources = JSON.parse(row.sources) as Record<"ijon" | "rentenir" | "kur", Source[]>;
  return {
    ijon: { ratioPct: row.ijonRatioPct, sources: sources.ijon },
    rentenir: {
      rateBpsPerMonth: row.rentenirRateBpsPerMonth,
      method: row.rentenirMethod,
      period: row.rentenirPeriod,
      sources: sources.rentenir,
    },
    kur: { annualRateBps: row.kurAnnualRateBps, sources: sources.kur },
    isDefault: false,
  };
}

/** A month's postings: the monthly report shows them, the year's close sums them. */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { monthPostings } from "@/db/schema";
import type { MonthPostingRow } from "@/server/domain/indicators";

/** A group's month_postings rollup: every month's postings summed by kind and account. */
export function monthPostingRows(db: DbOrTx, groupId: number): Promise<MonthPostingRow[]> {
  return db
    .select({
      month: monthPostings.month,
      kind: monthPostings.kind,
      account: monthPostings.account,
      amount: monthPostings.amount,
    })
    .from(monthPostings)
    .where(eq(monthPostings.groupId, groupId));
}

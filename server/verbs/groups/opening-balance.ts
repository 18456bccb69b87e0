import { z } from "zod";
import { invalid } from "@/server/domain/errors";
import { openingBalancePostings, SAVINGS_ACCOUNTS } from "@/server/domain/ledger";
import { appendEntry, idempotentWrite, type EntryRow } from "@/server/ledger/writer";
import { loadActiveMember, nowOf, todayIn, type ServiceContext } from "@/server/shared/context";
import type { OnGroup } from "@/server/shared/fields";
import { assertBusinessDate } from "@/server/domain/dates";
import { intIn } from "@/server/verbs/groups/create-group";

/** The balances a group's book starts from (the seeds and the paper-book import's cut-over; no API route). */
export const ZOpeningBalanceSchema = z.object({
  date: z.string(),
  cash: z.number(),
  socialFund: z.number(),
  savings: z.array(z.object({ memberCode: z.string(), account: z.enum(SAVINGS_ACCOUNTS), amount: z.number() })),
  idempotencyKey: z.string(),
});
export type OpeningBalanceInput = OnGroup<typeof ZOpeningBalanceSchema>;

/** Saldo awal: moving a group's paper books into the ledger. */
export async function recordOpeningBalance(ctx: ServiceContext, input: OpeningBalanceInput): Promise<EntryRow> {
  return idempotentWrite(ctx, "entries.openingBalance", input, async (tx, { group, key, requestHash }) => {
    const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: group.foundedOn });
    const nonNeg = (v: unknown, field: string) => intIn(v, field, 0, 1_000_000_000);
    const savings = [];
    for (const [i, s] of input.savings.entries()) {
      if (!SAVINGS_ACCOUNTS.includes(s.account)) throw invalid("account_invalid", `savings.${i}.account`);
      const m = await loadActiveMember(tx, group, s.memberCode, date, `savings.${i}.memberCode`);
      savings.push({ memberId: m.id, account: s.account, amount: nonNeg(s.amount, `savings.${i}.amount`) });
    }
    const postings = openingBalancePostings({
      cash: nonNeg(input.cash, "cash"),
      socialFund: nonNeg(input.socialFund, "socialFund"),
      savings,
    });
    if (postings.length < 2) throw invalid("opening_balance_empty", "cash");
    return appendEntry(tx, {
      group,
      kind: "opening_balance",
      date,
      postings,
      idempotencyKey: key,
      requestHash,
      actor: ctx.actor,
      now: nowOf(ctx),
    });
  });
}

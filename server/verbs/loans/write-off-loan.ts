import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { accountBalances } from "@/db/schema";
import { assertBusinessDate } from "@/server/domain/dates";
import { conflict, invalid } from "@/server/domain/errors";
import { writeOffPostings } from "@/server/domain/ledger";
import { appendEntry, idempotentWrite, type EntryRow } from "@/server/ledger/writer";
import { todayIn, type ServiceContext } from "@/server/shared/context";
import { cleanText } from "@/server/domain/text";
import { type OnGroup, zDate, zId, zIdempotencyKey, zText } from "@/server/shared/fields";
import { loadLoan, loanView } from "@/server/shared/loans";
import { loanEntry } from "@/server/shared/loans";

export const ZWriteOffLoanSchema = z.object({
  loanId: zId,
  date: zDate,
  /** Private: why the loan is written off (committed through the detail digest, never published). */
  note: zText(500),
  idempotencyKey: zIdempotencyKey,
});

export type WriteOffLoanInput = OnGroup<typeof ZWriteOffLoanSchema>;

/**
 * Hapus buku: the outstanding principal moves to the write-off loss. Why is a private note; the
 * public entry carries no reason and no purpose (in a group of 27, either can name the borrower).
 */
export async function writeOffLoan(ctx: ServiceContext, input: WriteOffLoanInput): Promise<EntryRow> {
  return idempotentWrite(ctx, "loans.writeOff", input, async (tx, { group, key, requestHash }) => {
    const loan = await loadLoan(tx, group, input.loanId);
    const note = cleanText(input.note, "note", { required: true, min: 5, max: 500 });
    const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: loan.disbursedOn });
    const view = await loanView(tx, group, loan, date);
    if (view.status === "dihapus") throw conflict("loan_already_written_off", "loanId");
    if (view.status === "dibatalkan" || view.state.principalOutstanding === 0)
      throw invalid("loan_nothing_to_write_off", "loanId");
    const [bal] = await tx
      .select({ balance: accountBalances.balance })
      .from(accountBalances)
      .where(
        and(
          eq(accountBalances.groupId, group.id),
          eq(accountBalances.account, "loans_receivable"),
          eq(accountBalances.loanId, loan.id),
        ),
      );
    return appendEntry(
      tx,
      loanEntry(
        ctx,
        group,
        loan,
        { key, requestHash },
        {
          kind: "write_off",
          date,
          postings: writeOffPostings(loan.memberId, loan.id, bal?.balance ?? view.state.principalOutstanding),
          note,
        },
      ),
    );
  });
}

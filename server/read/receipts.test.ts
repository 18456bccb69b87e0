import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainError } from "@/server/domain/errors";
import { receiptText } from "@/server/i18n/receipt";
import { key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { recordExpense, recordIncome } from "@/server/verbs/cash/cash-movement";
import { disburseLoan } from "@/server/verbs/loans/disburse-loan";
import { repayLoan } from "@/server/verbs/loans/repay-loan";
import { entryReceipts } from "@/server/read/receipts";
import { recordContributions } from "@/server/verbs/savings/record-contributions";

let t: Awaited<ReturnType<typeof tempDatabase>>;
const ctx = () => testContext(t.database);
const G = "ratu-damai";
/** Amounts carry a no-break space ("Rp 1.000"); the tests read them as plain text. */
const text = (...args: Parameters<typeof receiptText>) => receiptText(...args).replace(/\u00a0/g, " ");
const receiptsOf = (entryId: number) => entryReceipts(ctx(), { groupSlug: G, entryId });

beforeAll(async () => {
  t = await tempDatabase();
  await seedGroup(ctx(), G, 3); // RA-001 … RA-003
  await seedGroup(ctx(), "compang-dalo", 1);
  await recordIncome(ctx(), {
    groupSlug: G,
    amount: 1_000_000,
    date: "2026-11-01",
    category: "hibah",
    idempotencyKey: key(),
  });
});
afterAll(() => t.cleanup());

describe("a member's receipt", () => {
  it("carries her lines, her days and her balance after the entry — and nothing of another member", async () => {
    const day = await recordContributions(ctx(), {
      groupSlug: G,
      date: "2026-11-27",
      idempotencyKey: key(),
      lines: [
        { memberCode: "RA-001", amount: 3000, days: ["2026-11-25", "2026-11-26", "2026-11-27"] },
        { memberCode: "RA-002", amount: 20_000, kind: "voluntary" },
        { memberCode: "RA-003", amount: 1000 },
      ],
    });
    const receipts = await receiptsOf(day.id);
    expect(receipts.map((r) => r.memberCode)).toEqual(["RA-001", "RA-002", "RA-003"]);
    const [a, b, c] = receipts;
    expect(a).toMatchObject({ seq: day.seq, hash: day.hash, days: 3, savingsAfter: 3000, loanOwedAfter: 0 });
    expect(a!.lines).toEqual([{ item: "savings_mandatory", paid: 3000 }]);
    expect(b!.lines).toEqual([{ item: "savings_voluntary", paid: 20_000 }]);
    expect(c).toMatchObject({ days: 1, savingsAfter: 1000 });
    const mine = text(b!, "id", "https://kas.example");
    expect(mine).toContain("RA-002");
    expect(mine).toContain("Rp 20.000");
    expect(mine).toContain(`No. ${day.seq}`);
    expect(mine).toContain(day.hash.slice(0, 16));
    expect(mine).toContain("https://kas.example/anggota?kelompok=ratu-damai&kode=RA-002");
    for (const other of ["RA-001", "RA-003", "Rp 3.000", "Rp 1.000"]) expect(mine).not.toContain(other);
    expect(text(a!, "en", "https://kas.example")).toContain("Mandatory savings: Rp 3,000 paid (3 days)");

    // A later entry leaves an earlier receipt as it was.
    await recordContributions(ctx(), {
      groupSlug: G,
      date: "2026-11-28",
      idempotencyKey: key(),
      lines: [{ memberCode: "RA-001", amount: 1000 }],
    });
    expect((await receiptsOf(day.id))[0]).toMatchObject({ savingsAfter: 3000 });
  });

  it("says what she received on a loan and what she still owes after a repayment", async () => {
    const { entry: out } = await disburseLoan(ctx(), {
      groupSlug: G,
      memberCode: "RA-002",
      principal: 500_000,
      termMonths: 5,
      date: "2026-11-28",
      purpose: "kopi",
      idempotencyKey: key(),
    });
    const [got] = await receiptsOf(out.id);
    expect(got).toMatchObject({ memberCode: "RA-002", loanOwedAfter: 500_000, savingsAfter: 20_000 });
    expect(got!.lines).toEqual([{ item: "loan_received", paid: -500_000 }]);
    expect(text(got!, "id", "")).toContain("Pinjaman: Rp 500.000 diterima");

    const { loan } = await repayLoanFor(out.loanId!, 110_000);
    const [back] = await receiptsOf(loan.id);
    expect(back!.lines).toEqual(
      expect.arrayContaining([
        { item: "loan_principal", paid: 100_000 },
        { item: "service_charge", paid: 10_000 },
      ]),
    );
    expect(back!.loanOwedAfter).toBe(400_000);
  });

  it("an entry that touches no member has none; another group's entry is not found", async () => {
    const cost = await recordExpense(ctx(), {
      groupSlug: G,
      amount: 5000,
      date: "2026-11-28",
      category: "alat_tulis",
      idempotencyKey: key(),
    });
    expect(await receiptsOf(cost.id)).toEqual([]);
    const elsewhere = await recordContributions(ctx(), {
      groupSlug: "compang-dalo",
      date: "2026-11-28",
      idempotencyKey: key(),
      lines: [{ memberCode: "CO-001", amount: 1000 }],
    });
    expect(await receiptsOf(elsewhere.id).catch((e: DomainError) => e.code)).toBe("entry_not_found");
  });
});

async function repayLoanFor(loanId: number, amount: number) {
  const r = await repayLoan(ctx(), { groupSlug: G, loanId, amount, date: "2026-11-29", idempotencyKey: key() });
  return { loan: r.entry };
}

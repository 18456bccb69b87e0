import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { CHAIN_VERSIONS, type ChainVersion, verifyChain } from "@/server/domain/chain";
import type { Account } from "@/server/domain/ledger";
import { key, seedGroup, tempDatabase, testContext, typedOn } from "@/server/testing/db";
import { loadGroup, type ServiceContext } from "@/server/shared/context";
import { disburseLoan } from "@/server/verbs/loans/disburse-loan";
import { repayLoan } from "@/server/verbs/loans/repay-loan";
import { ledgerJsonChunks } from "@/server/read/open-data";
import { recordContributions } from "@/server/verbs/savings/record-contributions";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let database: Database;
let ctx: ServiceContext;
const G = "ratu-damai";

beforeEach(async () => {
  t = await tempDatabase();
  database = t.database;
  ctx = testContext(database);
  await seedGroup(ctx, G, 5);
});
afterEach(() => t.cleanup());

type PublicRow = Record<string, unknown> & { seq: number; kind: string; postings: Record<string, number> };

async function publishedLedger(): Promise<PublicRow[]> {
  let text = "";
  for await (const chunk of ledgerJsonChunks(database.db, await loadGroup(database.db, G))) text += chunk;
  return (JSON.parse(text) as { entries: PublicRow[] }).entries;
}

/** Two loans, each repaid: one on time, one late with a fine. */
async function twoLoans() {
  await recordContributions(typedOn(ctx, "2026-08-01"), {
    groupSlug: G,
    date: "2026-08-01",
    idempotencyKey: key(),
    lines: ["RA-001", "RA-002", "RA-003", "RA-004", "RA-005"].map((memberCode) => ({ memberCode, amount: 300_000 })),
  });
  const lend = (memberCode: string, purpose: "kopi" | "biaya_sekolah") =>
    disburseLoan(typedOn(ctx, "2026-08-02"), {
      groupSlug: G,
      memberCode,
      principal: 200_000,
      termMonths: 2,
      date: "2026-08-02",
      purpose,
      idempotencyKey: key(),
    });
  const [kopi, school] = [await lend("RA-001", "kopi"), await lend("RA-002", "biaya_sekolah")];
  const repay = (loanId: number, date: string, amount: number) =>
    repayLoan(typedOn(ctx, date), { groupSlug: G, loanId, amount, date, idempotencyKey: key() });
  await repay(school.loan.id, "2026-09-02", 104_000);
  const late = await repay(kopi.loan.id, "2026-09-25", 109_000); // due 2 September: past the 7 days' grace
  expect(late.allocation.fine).toBeGreaterThan(0);
  return { kopi, school };
}

describe("what the public ledger shows of one loan's path", () => {
  it("ties no repayment or fine to its loan: no loan number, no member, no purpose", async () => {
    await twoLoans();
    const rows = await publishedLedger();
    const loanRows = rows.filter((r) => r.kind === "loan_disbursement" || r.kind === "loan_repayment");
    expect(loanRows.map((r) => r.kind)).toEqual([
      "loan_disbursement",
      "loan_disbursement",
      "loan_repayment",
      "loan_repayment",
    ]);
    for (const r of loanRows) {
      expect(r.purpose).toBeNull();
      expect(Object.keys(r).filter((k) => /loan|member/i.test(k))).toEqual([]);
    }
    // The late repayment shows a fine was paid that day (the postings are sealed), not on which loan.
    expect(loanRows.filter((r) => (r.postings.income_fine ?? 0) < 0)).toHaveLength(1);
    // Apart from its day and its money, one loan's entry reads exactly as another's: nothing to follow.
    const fieldsBesideDayAndMoney = (r: PublicRow) => {
      const { seq, date, amountRp, postings, recordedAt, detailDigest, prevHash, hash, ...rest } = r;
      return rest;
    };
    for (const kind of ["loan_disbursement", "loan_repayment"]) {
      const same = loanRows.filter((r) => r.kind === kind).map(fieldsBesideDayAndMoney);
      expect(same[1]).toEqual(same[0]);
    }
  });

  it("still lets anyone recompute every hash from what is published", async () => {
    await twoLoans();
    const rows = await publishedLedger();
    const chained = rows.map((r) => ({
      chainVersion: Number(
        Object.entries(CHAIN_VERSIONS).find(([, v]) => v === r.canonicalVersion)![0],
      ) as ChainVersion,
      groupSlug: G,
      seq: r.seq,
      date: r.date as string,
      kind: r.kind,
      amount: r.amountRp as number,
      purpose: r.purpose as string | null,
      category: r.category as string | null,
      reversesSeq: r.reversesSeq as number | null,
      reason: r.reason as string | null,
      recordedAt: r.recordedAt as string,
      postings: Object.entries(r.postings).map(([account, amount]) => ({ account: account as Account, amount })),
      detailDigest: r.detailDigest as string,
      prevHash: r.prevHash as string,
      hash: r.hash as string,
    }));
    expect(chained.length).toBeGreaterThan(4);
    expect(verifyChain(chained)).toBeNull();
  });
});

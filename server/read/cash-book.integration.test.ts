import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DomainError } from "@/server/domain/errors";
import { FIXED_NOW, key, seedGroup, tempDatabase, testContext, typedOn } from "@/server/testing/db";
import { cashOnBooks } from "@/server/shared/cash";
import { recordBankTransfer } from "@/server/verbs/cash/bank-transfer";
import { recordExpense } from "@/server/verbs/cash/cash-movement";
import { cashBookMonthModels, cashBookMonthOf } from "@/server/read/cash-book";
import { loadGroup, type ServiceContext } from "@/server/shared/context";
import { reverseEntry } from "@/server/verbs/corrections/reverse-entry";
import { recordContributions } from "@/server/verbs/savings/record-contributions";

const G = "ratu-damai";
let t: Awaited<ReturnType<typeof tempDatabase>>;
let ctx: ServiceContext;
const on = (date: string) => typedOn(ctx, date);

beforeEach(async () => {
  t = await tempDatabase();
  ctx = testContext(t.database);
  await seedGroup(ctx, G, 3);
  const collect = (date: string, amount: number) =>
    recordContributions(on(date), {
      groupSlug: G,
      date,
      idempotencyKey: key(),
      lines: ["RA-001", "RA-002", "RA-003"].map((memberCode) => ({ memberCode, amount, kind: "voluntary" as const })),
    });
  await collect("2026-09-10", 200_000);
  await recordBankTransfer(on("2026-09-20"), {
    groupSlug: G,
    kind: "bank_deposit",
    amount: 400_000,
    date: "2026-09-20",
    idempotencyKey: key(),
  });
  await collect("2026-10-05", 50_000);
  const wrong = await recordExpense(on("2026-10-12"), {
    groupSlug: G,
    amount: 70_000,
    date: "2026-10-12",
    category: "lainnya",
    idempotencyKey: key(),
  });
  await reverseEntry(on("2026-10-13"), {
    groupSlug: G,
    entryId: wrong.id,
    reasonCode: "salah_jumlah",
    idempotencyKey: key(),
  });
  await collect("2026-11-02", 10_000);
});
afterEach(() => t.cleanup());

const book = async (month: string) =>
  (await cashBookMonthModels(t.database, await loadGroup(t.database.db, G), month, FIXED_NOW)).book;

describe("the public cash book, month by month", () => {
  it("opens each month where the last one closed, and the current month closes on the books' cash and bank", async () => {
    const [sep, oct, nov] = [await book("2026-09"), await book("2026-10"), await book("2026-11")];
    expect(sep.opening).toEqual({ cash: 0, bank: 0 });
    expect(sep.closing).toEqual({ cash: 200_000, bank: 400_000 });
    expect(sep.lines.at(-1)).toMatchObject({ in: { cash: 0, bank: 400_000 }, out: { cash: 400_000, bank: 0 } });
    expect(oct.opening).toEqual(sep.closing);
    // The expense and its correction: out and back in, the balance where it was.
    expect(oct.totalOut.cash).toBe(70_000);
    expect(oct.totalIn.cash).toBe(150_000 + 70_000);
    expect(nov.opening).toEqual(oct.closing);
    const groupId = (await loadGroup(t.database.db, G)).id;
    expect(nov.closing).toEqual({
      cash: await cashOnBooks(t.database.db, groupId, "2026-11-29"),
      bank: await cashOnBooks(t.database.db, groupId, "2026-11-29", "bank"),
    });
  });

  it("shows the month asked, the month of an entry asked by number, else the current month; nothing outside the book", async () => {
    const group = await loadGroup(t.database.db, G);
    const month = (q: { bulan?: string; no?: string }) =>
      cashBookMonthOf(t.database.db, group, q, FIXED_NOW).catch((e: DomainError) => e.code);
    expect(await month({})).toBe("2026-11");
    expect(await month({ bulan: "2026-09" })).toBe("2026-09");
    expect(await month({ no: String((await book("2026-10")).lines[0]!.seq) })).toBe("2026-10");
    expect(await month({ bulan: "2026-12" })).toBe("month_out_of_range");
    expect(await month({ bulan: "2023-12" })).toBe("month_out_of_range");
    expect(await month({ bulan: "2026-13" })).toBe("date_invalid");
    expect(await month({ no: "999" })).toBe("month_out_of_range");
    expect(await month({ no: "1e3" })).toBe("month_out_of_range");
  });
});

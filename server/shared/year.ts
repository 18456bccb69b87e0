/**
 * Tutup buku: the group's share-out rule, the year's SHU and each member's part (preview), and the
 * one closing entry that posts exactly that (close). After a close, no entry may be dated in the year.
 */
import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accountBalances, journalEntries, members, postings, shareOutRules, yearClosings } from "@/db/schema";
import { conflict, invalid, notFound } from "@/server/domain/errors";
import { SAVINGS_ACCOUNTS, type YearTotals } from "@/server/domain/ledger";
import { type MemberBasis, type ShareOut, type ShareOutRule, shareOut, shuOf, type ShuPool } from "@/server/domain/shu";
import { monthFlows, par30, yearIndicators, yearMonthEnds, type YearIndicators } from "@/server/domain/indicators";
import { groupLoanViews } from "@/server/shared/loans";
import { monthPostingRows } from "@/server/shared/month-postings";
import { loadGroupFor, todayIn, type GroupRow, type ServiceContext } from "@/server/shared/context";
import type { GroupInput } from "@/server/shared/fields";

export type ShareOutRuleRow = typeof shareOutRules.$inferSelect;
export type YearClosingRow = typeof yearClosings.$inferSelect;

export const ruleOfRow = (r: ShareOutRuleRow): ShareOutRule => ({
  cadangan: r.cadangan,
  jasa_modal: r.jasaModal,
  jasa_pinjaman: r.jasaPinjaman,
  pengurus: r.pengurus,
  pendidikan: r.pendidikan,
  sosial: r.sosial,
  memberPayout: r.memberPayout,
});

/** The rule in force: the newest row, or null when the group has none yet. */
export async function shareOutRuleOf(db: DbOrTx, group: Pick<GroupRow, "id">): Promise<ShareOutRuleRow | null> {
  const [r] = await db
    .select()
    .from(shareOutRules)
    .where(eq(shareOutRules.groupId, group.id))
    .orderBy(desc(shareOutRules.id))
    .limit(1);
  return r ?? null;
}

/**
 * The year the close tab opens on: the oldest year not yet closed (the only one that may be closed
 * next), or null when the group has nothing written yet.
 */
export async function oldestOpenYear(ctx: ServiceContext, input: GroupInput): Promise<{ year: number | null }> {
  const db = ctx.database.db;
  return { year: await nextYearToClose(db, await loadGroupFor(db, ctx, input.groupSlug, "read")) };
}

/** The rule in force as the treasurer screen shows it, or null. */
export async function shareOutRuleFor(ctx: ServiceContext, input: GroupInput) {
  const r = await shareOutRuleOf(ctx.database.db, await loadGroupFor(ctx.database.db, ctx, input.groupSlug, "read"));
  return r && { ...ruleOfRow(r), isExample: r.isExample, setAt: r.setAt };
}

/**
 * A year's indicators from the books as they stand once it is closed (its closing entry included):
 * computed when the year closes and kept with it, so every page and file shows the same figures.
 */
export async function computeYearIndicators(
  db: DbOrTx,
  group: GroupRow,
  year: number,
  y: { shu: number; writtenOff: number },
): Promise<YearIndicators> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const [monthRows, memberRows, loanViews] = await Promise.all([
    monthPostingRows(db, group.id),
    db
      .select({ joinedOn: members.joinedOn, leftOn: members.leftOn })
      .from(members)
      .where(eq(members.groupId, group.id)),
    groupLoanViews(db, group, end, { asItStood: true }),
  ]);
  const activeOn = (d: string, m: { joinedOn: string; leftOn: string | null }) =>
    m.joinedOn <= d && (m.leftOn === null || m.leftOn > d);
  const atStart = memberRows.filter((m) => activeOn(start, m));
  const running = loanViews.filter((v) => v.status === "berjalan" || v.status === "menunggak");
  return yearIndicators({
    shu: y.shu,
    monthEnds: yearMonthEnds(monthFlows(monthRows), year),
    writtenOff: y.writtenOff,
    par30: par30(
      running.map((v) => ({ principalOutstanding: v.state.principalOutstanding, daysPastDue: v.state.daysPastDue })),
    ),
    openLoans: running.length,
    activeAtStart: atStart.length,
    stayed: atStart.filter((m) => activeOn(end, m)).length,
    activeAtEnd: memberRows.filter((m) => activeOn(end, m)).length,
  });
}

/** The first year that may be closed now: the one after the last closed, or the year of the first entry. */
export async function nextYearToClose(db: DbOrTx, group: GroupRow): Promise<number | null> {
  if (group.closedThrough) return Number(group.closedThrough.slice(0, 4)) + 1;
  const [first] = await db
    .select({ d: journalEntries.businessDate })
    .from(journalEntries)
    .where(eq(journalEntries.groupId, group.id))
    .orderBy(asc(journalEntries.businessDate))
    .limit(1);
  return first ? Number(first.d.slice(0, 4)) : null;
}

async function assertClosable(db: DbOrTx, ctx: ServiceContext, group: GroupRow, year: unknown): Promise<number> {
  if (typeof year !== "number" || !Number.isInteger(year) || year < 2000 || year > 2200)
    throw invalid("year_invalid", "year");
  const [done] = await db
    .select({ id: yearClosings.id })
    .from(yearClosings)
    .where(and(eq(yearClosings.groupId, group.id), eq(yearClosings.year, year)));
  if (done) throw conflict("year_already_closed", "year", { year });
  if (yearBounds(year).to >= todayIn(ctx, group)) throw invalid("year_not_over", "year", { year });
  const next = await nextYearToClose(db, group);
  if (next === null) throw invalid("year_nothing_to_close", "year", { year });
  if (year !== next) throw invalid("year_close_order", "year", { year, expected: next });
  return year;
}

async function computeYear(
  db: DbOrTx,
  group: GroupRow,
  year: number,
): Promise<{ y: YearTotals; basis: MemberBasis[]; active: Map<number, boolean> }> {
  const { from, to } = yearBounds(year);
  const inYear = and(eq(postings.groupId, group.id), gte(postings.businessDate, from), lte(postings.businessDate, to));
  const accounts = await db
    .select({ account: postings.account, s: sql<number>`sum(${postings.amount})` })
    .from(postings)
    .where(
      and(
        inYear,
        inArray(postings.account, [
          "income_service_charge",
          "income_fine",
          "income_other",
          "expense",
          "write_off_loss",
        ]),
      ),
    )
    .groupBy(postings.account);
  const by = Object.fromEntries(accounts.map((a) => [a.account, Number(a.s)]));
  const y: YearTotals = {
    // Income has credit balances: its natural amount is 0 − the sum (never −0).
    income_service_charge: 0 - (by.income_service_charge ?? 0),
    income_fine: 0 - (by.income_fine ?? 0),
    income_other: 0 - (by.income_other ?? 0),
    expense: by.expense ?? 0,
    write_off_loss: by.write_off_loss ?? 0,
  };
  const memberRows = await db.select().from(members).where(eq(members.groupId, group.id));
  // Savings at the end of the year before — what she holds now less what moved since (a year or so:
  // far fewer rows than all before it) — then each month's change: her balance at each month's end.
  const [kept, since, monthly, charges] = await Promise.all([
    db
      .select({ memberId: accountBalances.memberId, s: sql<number>`sum(${accountBalances.balance})` })
      .from(accountBalances)
      .where(and(eq(accountBalances.groupId, group.id), inArray(accountBalances.account, [...SAVINGS_ACCOUNTS])))
      .groupBy(accountBalances.memberId),
    db
      .select({ memberId: postings.memberId, s: sql<number>`sum(${postings.amount})` })
      .from(postings)
      .where(
        and(
          eq(postings.groupId, group.id),
          gte(postings.businessDate, from),
          inArray(postings.account, [...SAVINGS_ACCOUNTS]),
        ),
      )
      .groupBy(postings.memberId),
    db
      .select({
        memberId: postings.memberId,
        month: sql<number>`cast(substr(${postings.businessDate}, 6, 2) as integer)`,
        s: sql<number>`sum(${postings.amount})`,
      })
      .from(postings)
      .where(and(inYear, inArray(postings.account, [...SAVINGS_ACCOUNTS])))
      .groupBy(postings.memberId, sql`2`),
    db
      .select({ memberId: postings.memberId, s: sql<number>`sum(${postings.amount})` })
      .from(postings)
      .where(and(inYear, eq(postings.account, "income_service_charge")))
      .groupBy(postings.memberId),
  ]);
  const open = new Map<number | null, number>(kept.map((r) => [r.memberId, -Number(r.s)]));
  for (const r of since) open.set(r.memberId, (open.get(r.memberId) ?? 0) + Number(r.s));
  const charge = new Map(charges.map((r) => [r.memberId, -Number(r.s)]));
  const basis: MemberBasis[] = memberRows.map((m) => {
    let balance = open.get(m.id) ?? 0;
    let monthEnds = 0;
    for (let month = 1; month <= 12; month++) {
      balance -= Number(monthly.find((r) => r.memberId === m.id && Number(r.month) === month)?.s ?? 0);
      monthEnds += balance;
    }
    return {
      memberId: m.id,
      code: m.code,
      savingsMonthEnds: monthEnds,
      serviceChargePaid: Math.max(0, charge.get(m.id) ?? 0),
    };
  });
  // A member who has left by the year's end is paid her part in cash.
  const active = new Map(memberRows.map((m) => [m.id, m.leftOn === null || m.leftOn > to]));
  return { y, basis, active };
}

export function previewOf(
  year: number,
  y: YearTotals,
  s: ShareOut,
  rule: ShareOutRuleRow,
  basis: MemberBasis[],
  active: Map<number, boolean>,
): YearPreview {
  const r = ruleOfRow(rule);
  const basisOf = new Map(basis.map((b) => [b.memberId, b]));
  return {
    year,
    totals: {
      serviceCharge: y.income_service_charge,
      fines: y.income_fine,
      otherIncome: y.income_other,
      expenses: y.expense,
      writtenOff: y.write_off_loss,
    },
    shu: s.shu,
    rule: { ...r, id: rule.id, isExample: rule.isExample },
    pools: s.pools,
    members: s.members.map((m) => ({
      code: m.code,
      averageSavings: Math.round(basisOf.get(m.memberId)!.savingsMonthEnds / 12),
      serviceChargePaid: basisOf.get(m.memberId)!.serviceChargePaid,
      jasaModal: m.jasaModal,
      jasaPinjaman: m.jasaPinjaman,
      total: m.total,
      payout: active.get(m.memberId) ? r.memberPayout : "cash",
    })),
  };
}

export async function prepare(db: DbOrTx, ctx: ServiceContext, group: GroupRow, year: unknown) {
  const y0 = await assertClosable(db, ctx, group, year);
  const rule = await shareOutRuleOf(db, group);
  if (!rule) throw invalid("shu_rule_missing", "groupSlug");
  const { y, basis, active } = await computeYear(db, group, y0);
  const s = shareOut(
    shuOf({
      serviceCharge: y.income_service_charge,
      fines: y.income_fine,
      otherIncome: y.income_other,
      expenses: y.expense,
      writtenOff: y.write_off_loss,
    }),
    ruleOfRow(rule),
    basis,
  );
  return { year: y0, rule, y, s, basis, active };
}

export interface YearPreview {
  year: number;
  totals: { serviceCharge: number; fines: number; otherIncome: number; expenses: number; writtenOff: number };
  shu: number;
  rule: ShareOutRule & { id: number; isExample: boolean };
  pools: Record<ShuPool, number>;
  /** Each member's part, by member code, with the basis used (never a name). */
  members: {
    code: string;
    averageSavings: number;
    serviceChargePaid: number;
    jasaModal: number;
    jasaPinjaman: number;
    total: number;
    payout: "savings" | "cash";
  }[];
}

/** A closed year exactly as it was posted (for a replayed close). */
export async function closedYearPreview(db: DbOrTx, group: GroupRow, year: number): Promise<YearPreview> {
  const [c] = await db
    .select({ detail: yearClosings.detail })
    .from(yearClosings)
    .where(and(eq(yearClosings.groupId, group.id), eq(yearClosings.year, year)));
  if (!c) throw notFound("year_not_closed", "year");
  return JSON.parse(c.detail) as YearPreview;
}

export const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

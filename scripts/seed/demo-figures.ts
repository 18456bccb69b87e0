/**
 * The demo's yearly figures, read back from the seeded ledger with the portal's own functions (the
 * year's indicators as a closed year keeps them, loan views, the group's public figures): what
 * demo-targets.integration.test.ts holds to the targets written in demo-history.ts, and what a
 * reviewer reads (the test prints the table beside a figure that misses its target).
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journalEntries, ksmGroups, loans, members, postings, shareOutRules, yearClosings } from "@/db/schema";
import { perMemberYear } from "@/server/domain/figures";
import { SAVINGS_ACCOUNTS } from "@/server/domain/ledger";
import { loanSchedule } from "@/server/domain/loans";
import { lendingRuleOf } from "@/server/shared/lending-rule";
import { groupFigures } from "@/server/read/public-figures";
import { computeYearIndicators } from "@/server/shared/year";

export interface DemoYear {
  year: number;
  membersAtStart: number;
  membersAtEnd: number;
  /** Members active at the start and still at the end ÷ members at the start (unsuppressed: the seed's own check). */
  retention: number | null;
  joined: number;
  left: number;
  loans: number;
  medianLoan: number | null;
  largestLoan: number;
  par30: number | null;
  utilisation: number | null;
  returnOnSavings: number | null;
  writeOffs: number;
  withdrawalsJuly: number;
  withdrawalsOther: number;
  shuInCash: boolean;
  /** The most the box held at the end of a day, and on how many days it held more than Rp 5 juta. */
  cashMax: number;
  cashMaxOn: string;
  daysCashAbove5m: number;
  days: number;
  /** Members with a loan open at the year's end ÷ members active then. */
  borrowing: number | null;
}

export interface DemoGroupFigures {
  slug: string;
  years: DemoYear[];
  loans: number;
  loansWithin500kTo5m: number;
  /** Loans above the ceiling in force (3× her savings at the day's end, at most the rule's maximum). */
  /** Loans that took what the borrower owed in total (her open loans' principal + this one) above the rule. */
  aboveCeiling: { loanId: number; on: string; principal: number; owed: number; savings: number }[];
  /** Loans paid out to a member who had an installment of another loan due and unpaid that day. */
  lentWhileLate: { loanId: number; on: string; memberId: number }[];
  ruleMaxPrincipal: number;
  ruleMultiple: number;
  /** No lending rule set: the default one stands. */
  ruleIsDefault: boolean;
  /** The most loans a member had open at once. */
  mostOpenLoans: number;
  /** Entries by local hour of day (WITA). */
  byHour: Record<number, number>;
  bankHours: number[];
  collectionHours: number[];
  costAvoidedPerMemberYear: number;
  activeMembers: number;
}

const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : Math.round((s[s.length / 2 - 1]! + s[s.length / 2]!) / 2);
};

export async function demoFigures(db: DbOrTx, slug: string, now: Date): Promise<DemoGroupFigures> {
  const [group] = await db.select().from(ksmGroups).where(eq(ksmGroups.slug, slug));
  if (!group) throw new Error(`no group ${slug}`);
  const [memberRows, loanRows, entryRows, closings, cashRows, loanPostings, rule] = await Promise.all([
    db.select().from(members).where(eq(members.groupId, group.id)),
    db.select().from(loans).where(eq(loans.groupId, group.id)),
    db
      .select({
        kind: journalEntries.kind,
        date: journalEntries.businessDate,
        at: journalEntries.recordedAt,
        id: journalEntries.id,
      })
      .from(journalEntries)
      .where(eq(journalEntries.groupId, group.id)),
    db.select().from(yearClosings).where(eq(yearClosings.groupId, group.id)).orderBy(asc(yearClosings.year)),
    db
      .select({ date: postings.businessDate, amount: sql<number>`sum(${postings.amount})`.mapWith(Number) })
      .from(postings)
      .where(and(eq(postings.groupId, group.id), eq(postings.account, "cash")))
      .groupBy(postings.businessDate)
      .orderBy(asc(postings.businessDate)),
    db
      .select({ loanId: postings.loanId, date: postings.businessDate, amount: postings.amount })
      .from(postings)
      .where(and(eq(postings.groupId, group.id), eq(postings.account, "loans_receivable")))
      .orderBy(asc(postings.businessDate), asc(postings.id)),
    lendingRuleOf(db, group),
  ]);
  const activeOn = (d: string, m: { joinedOn: string; leftOn: string | null }) =>
    m.joinedOn <= d && (m.leftOn === null || m.leftOn > d);

  // The box at each day's end.
  const cashByDay = new Map<string, number>();
  let box = 0;
  for (const c of cashRows) {
    box += c.amount;
    cashByDay.set(c.date, box);
  }

  // Each loan's life: from its disbursement to the day nothing of its principal is owed.
  const closedOn = new Map<number, string>();
  const owed = new Map<number, number>();
  for (const p of loanPostings) {
    const left = (owed.get(p.loanId!) ?? 0) + p.amount;
    owed.set(p.loanId!, left);
    if (left === 0) closedOn.set(p.loanId!, p.date);
  }
  /** A loan's principal still owed at the end of a day (its postings through that day). */
  const outstandingOn = (loanId: number, date: string) =>
    loanPostings.filter((p) => p.loanId === loanId && p.date <= date).reduce((t, p) => t + p.amount, 0);
  let mostOpenLoans = 0;
  const aboveCeiling: DemoGroupFigures["aboveCeiling"] = [];
  const lentWhileLate: DemoGroupFigures["lentWhileLate"] = [];
  for (const l of loanRows) {
    const open = loanRows.filter(
      (o) =>
        o.memberId === l.memberId && o.disbursedOn <= l.disbursedOn && (closedOn.get(o.id) ?? "9999") > l.disbursedOn,
    );
    mostOpenLoans = Math.max(mostOpenLoans, open.length);
    // Her other loans open that day (paid out before this one): what she owed, and whether she was late on one.
    let owedBefore = 0;
    for (const o of open) {
      if (o.id === l.id || (o.disbursedOn === l.disbursedOn && o.id > l.id)) continue;
      const left = outstandingOn(o.id, l.disbursedOn);
      owedBefore += Math.max(0, left);
      const due = loanSchedule({ ...o, method: o.method })
        .filter((i) => i.dueOn <= l.disbursedOn)
        .reduce((t, i) => t + i.principal, 0);
      if (left > 0 && o.principal - left < due)
        lentWhileLate.push({ loanId: l.id, on: l.disbursedOn, memberId: l.memberId });
    }
    const [s] = await db
      .select({ v: sql<number>`coalesce(-sum(${postings.amount}), 0)`.mapWith(Number) })
      .from(postings)
      .where(
        and(
          eq(postings.memberId, l.memberId),
          inArray(postings.account, [...SAVINGS_ACCOUNTS]),
          lte(postings.businessDate, l.disbursedOn),
        ),
      );
    if (l.principal + owedBefore > Math.min(rule.maxPrincipal, rule.savingsMultiple * s!.v))
      aboveCeiling.push({ loanId: l.id, on: l.disbursedOn, principal: l.principal, owed: owedBefore, savings: s!.v });
  }

  const byHour: Record<number, number> = {};
  const hourOf = (iso: string) =>
    Number(new Date(iso).toLocaleString("en-GB", { timeZone: "Asia/Makassar", hour: "2-digit", hourCycle: "h23" }));
  const bankHours = new Set<number>();
  const collectionHours = new Set<number>();
  for (const e of entryRows) {
    const h = hourOf(e.at);
    byHour[h] = (byHour[h] ?? 0) + 1;
    if (e.kind === "bank_deposit" || e.kind === "bank_withdrawal") bankHours.add(h);
    if (e.kind === "contribution") collectionHours.add(h);
  }

  const years: DemoYear[] = [];
  for (const c of closings) {
    const start = `${c.year}-01-01`;
    const end = `${c.year}-12-31`;
    const inYear = (d: string) => d >= start && d <= end;
    const ind = await computeYearIndicators(db, group, c.year, { shu: c.shu, writtenOff: c.writtenOff });
    const atStart = memberRows.filter((m) => activeOn(start, m));
    const yearLoans = loanRows.filter((l) => inYear(l.disbursedOn)).map((l) => l.principal);
    const withdrawals = entryRows.filter((e) => e.kind === "savings_withdrawal" && inYear(e.date));
    const [closeRule] = await db
      .select({ memberPayout: shareOutRules.memberPayout })
      .from(shareOutRules)
      .where(eq(shareOutRules.id, c.ruleId));
    let cashMax = 0;
    let cashMaxOn = "";
    let above = 0;
    let days = 0;
    let last = [...cashByDay].filter(([d]) => d < start).at(-1)?.[1] ?? 0;
    for (let d = new Date(`${start}T00:00:00Z`); d <= new Date(`${end}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
      const k = d.toISOString().slice(0, 10);
      if (k < group.foundedOn) continue;
      last = cashByDay.get(k) ?? last;
      days++;
      if (last > cashMax) [cashMax, cashMaxOn] = [last, k];
      if (last > 5_000_000) above++;
    }
    years.push({
      year: c.year,
      membersAtStart: atStart.length,
      membersAtEnd: memberRows.filter((m) => activeOn(end, m)).length,
      retention: atStart.length ? atStart.filter((m) => activeOn(end, m)).length / atStart.length : null,
      joined: memberRows.filter((m) => inYear(m.joinedOn) && m.joinedOn > group.foundedOn).length,
      left: memberRows.filter((m) => m.leftOn !== null && m.leftOn > start && m.leftOn <= `${c.year + 1}-01-01`).length,
      loans: yearLoans.length,
      medianLoan: median(yearLoans),
      largestLoan: Math.max(0, ...yearLoans),
      par30: ind.par30,
      utilisation: ind.utilisation,
      returnOnSavings: ind.returnOnSavings,
      writeOffs: entryRows.filter((e) => e.kind === "write_off" && inYear(e.date)).length,
      withdrawalsJuly: withdrawals.filter((e) => e.date.slice(5, 7) === "07").length,
      withdrawalsOther: withdrawals.filter((e) => e.date.slice(5, 7) !== "07").length,
      shuInCash: closeRule?.memberPayout === "cash",
      cashMax,
      cashMaxOn,
      daysCashAbove5m: above,
      days,
      borrowing: (() => {
        const active = memberRows.filter((m) => activeOn(end, m));
        const owing = new Set(
          loanRows.filter((l) => l.disbursedOn <= end && (closedOn.get(l.id) ?? "9999") > end).map((l) => l.memberId),
        );
        return active.length ? active.filter((m) => owing.has(m.id)).length / active.length : null;
      })(),
    });
  }
  const figures = await groupFigures(db, group, now);
  return {
    slug,
    years,
    loans: loanRows.length,
    loansWithin500kTo5m: loanRows.filter((l) => l.principal >= 500_000 && l.principal <= 5_000_000).length,
    aboveCeiling,
    lentWhileLate,
    ruleMaxPrincipal: rule.maxPrincipal,
    ruleMultiple: rule.savingsMultiple,
    ruleIsDefault: rule.isDefault,
    mostOpenLoans,
    byHour,
    bankHours: [...bankHours].sort((a, b) => a - b),
    collectionHours: [...collectionHours].sort((a, b) => a - b),
    costAvoidedPerMemberYear: perMemberYear(figures.costs.avoided.atLeast, figures.costs.avoided.memberDays) ?? 0,
    activeMembers: figures.members.active,
  };
}

const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)}%`);
const rp = (x: number | null) => (x === null ? "–" : x.toLocaleString("id-ID"));

/** The figures as a table (the report's and the reviewer's). */
export function demoFiguresTable(f: DemoGroupFigures): string {
  const rows = f.years.map((y) =>
    [
      y.year,
      `${y.membersAtStart}→${y.membersAtEnd} (+${y.joined}/−${y.left})`,
      pct(y.retention),
      y.loans,
      rp(y.medianLoan),
      rp(y.largestLoan),
      pct(y.par30),
      pct(y.utilisation),
      pct(y.returnOnSavings),
      y.writeOffs,
      `${y.withdrawalsJuly}/${y.withdrawalsOther}`,
      y.shuInCash ? "cash" : "savings",
      `${rp(y.cashMax)} ${y.cashMaxOn.slice(5)}`,
      y.daysCashAbove5m,
      pct(y.borrowing),
    ].join(" | "),
  );
  return [
    `${f.slug}: ${f.loans} loans, ${f.loansWithin500kTo5m} of Rp 500.000–5 juta, ${f.aboveCeiling.length} above the ceiling ${JSON.stringify(f.aboveCeiling)} (${f.ruleMultiple}× savings, at most Rp ${rp(f.ruleMaxPrincipal)}), at most ${f.mostOpenLoans} open per member, ${f.lentWhileLate.length} lent while late ${JSON.stringify(f.lentWhileLate)}; cost avoided Rp ${rp(f.costAvoidedPerMemberYear)} per member per year; bank hours ${f.bankHours.join(",")}; collection hours ${f.collectionHours.join(",")}`,
    "year | members | retention | loans | median | largest | PAR30 | utilisation | ROS | write-offs | withdrawals Jul/other | SHU | cash max | days > 5 juta | borrowing",
    ...rows,
  ].join("\n");
}

/**
 * The demo ledger: KSM Ratu Damai (Desa Golo Meni) and KSM Compang Dalo (Desa Mokel), Kampung
 * Mukun, from 2016 to today, written through the same services a treasurer uses. Every name
 * is invented and every figure generated; each group is flagged `isDemo` and every page says so.
 */
import { eq } from "drizzle-orm";
import { type Database, inOneTransaction } from "@/db/client";
import { ksmGroups } from "@/db/schema";
import { addDays, addMonths, daysBetween, localDate, monthOf, type BusinessDate } from "@/server/domain/dates";
import { DEMO_GROUPS, demoCheckCode } from "@/server/domain/demo";
import { DomainError } from "@/server/domain/errors";
import { type LoanEntryFacts, type LoanPurpose, viewLoan } from "@/server/domain/loans";
import { EXAMPLE_RULE } from "@/server/domain/shu";
import { cashOnBooks, recordBankTransfer, recordCashCount, recordExpense, recordIncome } from "@/server/services/cash";
import { closeYear, setShareOutRule } from "@/server/services/year-close";
import { savingsByMember, setLendingRule } from "@/server/services/lending-rule";
import { groupMembersByCode, type MemberRow, type ServiceContext } from "@/server/services/context";
import { EntryBatch } from "@/server/services/entry-batch";
import { reverseEntry } from "@/server/services/corrections";
import { addMember, createGroup } from "@/server/services/groups";
import { leaveMember } from "@/server/services/leave";
import { createUser } from "@/server/services/users";
import {
  batchDisbursement,
  batchRepayment,
  disburseLoan,
  loanView,
  repayLoan,
  writeOffLoan,
  type LoanRow,
} from "@/server/services/loans";
import { batchContributions, recordContributions, type ContributionLineInput } from "@/server/services/savings";
import { seededRandom, type Random } from "./random";

const GIVEN_F = [
  "Maria",
  "Yuliana",
  "Theresia",
  "Agustina",
  "Margareta",
  "Veronika",
  "Kristina",
  "Elisabet",
  "Fransiska",
  "Anastasia",
  "Natalia",
  "Rosalia",
  "Bernadeta",
  "Yasinta",
];
const GIVEN_M = [
  "Yohanes",
  "Fransiskus",
  "Petrus",
  "Antonius",
  "Paulus",
  "Yosef",
  "Stefanus",
  "Agustinus",
  "Kornelis",
  "Dominikus",
  "Siprianus",
  "Lukas",
];
const FAMILY = [
  "Jehaut",
  "Ngampus",
  "Dalang",
  "Janggur",
  "Nggarang",
  "Lambut",
  "Hamun",
  "Kurniadi",
  "Sadu",
  "Ndaong",
  "Jelamu",
  "Gasam",
  "Mbeling",
  "Tanggur",
];

interface DemoMember {
  code: string;
  joinedOn: BusinessDate;
  leftOn: BusinessDate | null;
  lastPaid: BusinessDate;
  reliability: number;
}

/**
 * The demo's lending rule, labelled as an example: its loans follow the fund (up to Rp 30 juta), not
 * the borrower's savings, so the default 3× savings would refuse most of them.
 */
const DEMO_LENDING_RULE = { savingsMultiple: 100, maxPrincipal: 30_000_000 };

const keyOf = (slug: string, what: string) => `demo-${slug}-${what}`;

/** Loan seasons: paceklik before the coffee harvest, school fees in July, candlenut in autumn. */
function loanPurposeFor(month: number, r: Random): { purpose: LoanPurpose; crop?: string } | null {
  if (month >= 1 && month <= 4 && r.chance(0.7)) return { purpose: "kopi", crop: "kopi" };
  if ((month === 6 || month === 7) && r.chance(0.6)) return { purpose: "biaya_sekolah" };
  if (month >= 8 && month <= 10 && r.chance(0.5)) return { purpose: "kemiri", crop: "kemiri" };
  if (r.chance(0.5)) return { purpose: r.pick(["usaha_kecil", "ternak", "kesehatan", "rumah"] as const) };
  return null;
}

/** Demo sign-ins (demo data only; the demo command prints them). */
export const DEMO_USERS = [
  { username: "admin-demo", password: "demo-admin-kas-terbuka", role: "admin" as const, groupSlugs: [] as string[] },
  {
    username: "bendahara-rd",
    password: "demo-bendahara-ratu-damai",
    role: "bendahara" as const,
    groupSlugs: ["ratu-damai"],
  },
  {
    username: "bendahara-cd",
    password: "demo-bendahara-compang-dalo",
    role: "bendahara" as const,
    groupSlugs: ["compang-dalo"],
  },
  {
    username: "pengawas-rd",
    password: "demo-pengawas-ratu-damai",
    role: "pengawas" as const,
    groupSlugs: ["ratu-damai"],
  },
];

export async function seedDemoUsers(database: Database): Promise<void> {
  const { users } = await import("@/db/schema");
  for (const u of DEMO_USERS) {
    const [exists] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, u.username));
    if (!exists) await createUser({ database, actor: "demo:seed" }, u);
  }
}

/** What the seed reports as it goes: the group, the business day reached, entries so far, days done of all. */
export interface SeedProgress {
  group: string;
  day: BusinessDate;
  entries: number;
  daysDone: number;
  daysTotal: number;
}

/**
 * Writes the demo history through the same verbs a treasurer uses (same rules, same hash chain) —
 * the daily collections and the repayments built by those verbs' own functions and written in
 * batches (EntryBatch) — one year per write transaction: one disk flush a year instead of one an
 * entry. No entry is recorded later than the moment the seed runs (`now`).
 */
export async function seedDemo(
  database: Database,
  opts: {
    today?: BusinessDate;
    now?: Date;
    /**
     * Collections and repayments go through the verbs' own builders into an EntryBatch written
     * before any other verb runs and at each month's end (the default); false writes every entry
     * through the verbs one by one — the same rows, compared in a test.
     */
    batched?: boolean;
    log?: (s: string) => void;
    progress?: (p: SeedProgress) => void;
  } = {},
): Promise<void> {
  const log = opts.log ?? (() => {});
  const realNow = opts.now ?? new Date();
  const today = opts.today ?? localDate(realNow, "Asia/Makassar");
  // History up to yesterday: today's collection is left for whoever tries the treasurer screen.
  const daysOf = (g: { foundedOn: BusinessDate }) => daysBetween(g.foundedOn, today);
  const daysTotal = DEMO_GROUPS.reduce((t, g) => t + daysOf(g), 0);
  let daysBefore = 0;
  for (const spec of DEMO_GROUPS) {
    const [exists] = await database.db
      .select({ id: ksmGroups.id })
      .from(ksmGroups)
      .where(eq(ksmGroups.slug, spec.slug));
    if (exists) {
      log(`${spec.name}: already seeded`);
      daysBefore += daysOf(spec);
      continue;
    }
    const r = seededRandom(spec.seed);
    let day: BusinessDate = spec.foundedOn;
    // The clock a treasurer would have had: 18:00 WITA on the business day, never later than now.
    const ctx: ServiceContext = {
      database,
      actor: `demo:bendahara-${spec.slug}`,
      now: () => {
        const evening = new Date(`${day}T10:00:00.000Z`);
        return evening > realNow ? realNow : evening;
      },
    };
    await createGroup(ctx, {
      slug: spec.slug,
      name: spec.name,
      village: spec.village,
      kecamatan: "Kota Komba",
      kabupaten: "Manggarai Timur",
      provinsi: "Nusa Tenggara Timur",
      foundedOn: spec.foundedOn,
      loanRateBpsPerMonth: 200,
      loanMethod: "flat",
      loanMaxTermMonths: 10,
      lateFineAmount: 5000,
      lateFineGraceDays: 7,
      isDemo: true,
    });
    // The demo's AD/ART: an example rule, labelled as one wherever it shows.
    await setShareOutRule(ctx, { groupSlug: spec.slug, rule: EXAMPLE_RULE, isExample: true });
    // And an example lending rule wide enough for the demo's loans (which follow the fund, not savings).
    await setLendingRule(ctx, { groupSlug: spec.slug, ...DEMO_LENDING_RULE, isExample: true });
    const batched = opts.batched ?? true;
    let batch = await EntryBatch.open(database.db, await loadGroupRow(database, spec.slug));
    let byCode: Map<string, MemberRow> | null = null;
    /** Writes the batch so far: before any verb (which reads what is written) and at each month's end. */
    const flush = async () => {
      if (batch.size) await ctx.database.write((tx) => batch.write(tx));
    };
    // Each loan's standing entries as written (the seed is their only writer), for its view on any day.
    const loanEntries = new Map<number, LoanEntryFacts[]>();
    const viewOf = async (loan: LoanRow, date: BusinessDate) =>
      batched
        ? viewLoan(loan, loanEntries.get(loan.id) ?? [], date)
        : loanView(ctx.database.db, batch.group, loan, date);
    const members: DemoMember[] = [];
    const join = async (date: BusinessDate) => {
      await flush();
      byCode = null;
      const n = members.length + 1;
      const code = `${spec.prefix}-${String(n).padStart(3, "0")}`;
      const female = r.chance(0.6);
      const fullName = `${r.pick(female ? GIVEN_F : GIVEN_M)} ${r.pick(FAMILY)}`;
      await addMember(ctx, {
        groupSlug: spec.slug,
        code,
        fullName,
        gender: female ? "P" : "L",
        joinedOn: date,
        checkCode: demoCheckCode(code),
        // Names are drawn at random: two may be the same, as in a real village, where the treasurer confirms it.
        confirmed: true,
      });
      members.push({
        code,
        joinedOn: date,
        leftOn: null,
        lastPaid: addDays(date, -1),
        reliability: 0.75 + r.next() * 0.23,
      });
      return code;
    };
    for (let i = 0; i < 22; i++) await join(spec.foundedOn);

    const openLoans: LoanRow[] = [];
    const nextCheck = new Map<number, BusinessDate>();
    const newlyJoined = new Set(members.map((m) => m.code));
    let entries = 0;
    let corrections = 0;
    let writtenOff = false;
    const reportProgress = () =>
      opts.progress?.({
        group: spec.name,
        day: addDays(day, -1),
        entries,
        daysDone: daysBefore + daysBetween(spec.foundedOn, day),
        daysTotal,
      });
    /** A year in one write transaction (one disk flush), its progress told month by month. */
    const seedYear = async (batched: Database) => {
      ctx.database = batched;
      const thisYear = day.slice(0, 4);
      while (day < today && day.startsWith(thisYear)) {
        const thisMonth = monthOf(day);
        for (; day < today && monthOf(day) === thisMonth; day = addDays(day, 1)) await seedDay(batched);
        await flush();
        reportProgress();
      }
    };
    const seedDay = async (database: Database) => {
      const verbs = flush; // what a verb reads must be written first
      const date = day;
      const month = Number(date.slice(5, 7));
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      // New Year's Day: the treasurer closes last year's books and the SHU is shared out.
      if (date.endsWith("-01-01") && date > spec.foundedOn) {
        await verbs();
        await closeYear(ctx, {
          groupSlug: spec.slug,
          year: Number(date.slice(0, 4)) - 1,
          idempotencyKey: keyOf(spec.slug, `shu-${date}`),
        });
        batch = await EntryBatch.open(database.db, await loadGroupRow(database, spec.slug)); // the year it closed is now refused
        entries++;
      }
      // New members now and then; two leave over the years.
      if (members.length < 27 && r.chance(0.0015)) newlyJoined.add(await join(date));
      if (r.chance(0.0006)) {
        const leaving = members.find((m) => !m.leftOn && !newlyJoined.has(m.code) && m.joinedOn < addDays(date, -400));
        if (leaving && members.filter((m) => m.leftOn).length < 2 && !openLoans.length)
          leaving.leftOn = addDays(date, 1);
        if (leaving?.leftOn) {
          await verbs();
          // She takes her savings with her: paid out in the same act (leaving with savings is refused).
          await leaveMember(ctx, {
            groupSlug: spec.slug,
            code: leaving.code,
            leftOn: leaving.leftOn,
            confirmed: true,
            payOut: true,
            idempotencyKey: keyOf(spec.slug, `leave-${leaving.code}`),
          });
          byCode = null;
        }
      }
      // Collection: Monday to Saturday. A member who missed days pays them when she comes.
      if (weekday !== 0) {
        const lines: ContributionLineInput[] = [];
        for (const m of members) {
          if (m.joinedOn > date || (m.leftOn && m.leftOn <= date)) continue;
          if (newlyJoined.has(m.code)) {
            lines.push({ memberCode: m.code, amount: 50_000, kind: "share" });
            newlyJoined.delete(m.code);
          }
          if (r.chance(m.reliability)) {
            // She makes up at most three missed days: some days are simply lost (compliance < 100%) —
            // and none in a closed year (on New Year's Day, after the close, only today is paid).
            const closed = batch.group.closedThrough;
            const sinceClose = closed ? daysBetween(closed, date) : 3;
            const owedDays = Math.max(1, Math.min(3, daysBetween(m.lastPaid, date), sinceClose));
            // The days she pays for are named: today and the missed days before it.
            const days = Array.from({ length: owedDays }, (_, k) => addDays(date, k - owedDays + 1));
            lines.push({ memberCode: m.code, amount: 1000 * owedDays, kind: "daily", days });
            m.lastPaid = date;
            if (date.endsWith(`-0${String(weekday)}`) && r.chance(0.08))
              lines.push({ memberCode: m.code, amount: r.pick([5000, 10_000, 20_000]), kind: "voluntary" });
          }
          if (date.slice(8) <= "06" && date.slice(8) >= "01" && weekday === 6)
            lines.push({ memberCode: m.code, amount: 2000, kind: "social_fund" });
        }
        // Now and then the treasurer types 10.000 for one member's 1.000 and corrects it the same day.
        const typoAt = r.chance(0.004) && corrections < 6 ? lines.findIndex((l) => l.kind === "daily") : -1;
        const typoLine = typoAt >= 0 ? lines.splice(typoAt, 1)[0]! : null;
        if (lines.length) {
          const input = { groupSlug: spec.slug, date, idempotencyKey: keyOf(spec.slug, `c-${date}`), lines };
          if (!batched) await recordContributions(ctx, input);
          else {
            byCode ??= await groupMembersByCode(database.db, batch.group);
            batchContributions(batch, ctx, byCode, input);
          }
          entries++;
        }
        if (typoLine) {
          await verbs();
          const m = typoLine;
          const typo = await recordContributions(ctx, {
            groupSlug: spec.slug,
            date,
            idempotencyKey: keyOf(spec.slug, `typo-${date}`),
            lines: [{ memberCode: m.memberCode, amount: 10_000, days: m.days }],
          });
          await reverseEntry(ctx, {
            groupSlug: spec.slug,
            entryId: typo.id,
            reasonCode: "salah_jumlah",
            note: "Salah ketik: Rp 10.000 seharusnya Rp 1.000",
            idempotencyKey: keyOf(spec.slug, `fix-${date}`),
          });
          await recordContributions(ctx, {
            groupSlug: spec.slug,
            date,
            idempotencyKey: keyOf(spec.slug, `retype-${date}`),
            lines: [{ memberCode: m.memberCode, amount: m.amount, days: m.days }],
          });
          corrections++;
          entries += 3;
        }
      }
      // Repayments due today (most on time, some late, a few early).
      for (const loan of [...openLoans]) {
        if ((nextCheck.get(loan.id) ?? "") > date) continue;
        const view = await viewOf(loan, date);
        if (view.status === "lunas" || view.status === "dihapus") {
          openLoans.splice(openLoans.indexOf(loan), 1);
          continue;
        }
        const next = view.state.installments.find((i) => i.paidOn === null);
        if (!next) continue;
        const lateness = (loan.id * 7919) % 100; // a stable habit per borrower
        const stopsPaying = lateness >= 97 && !writtenOff;
        const delay = lateness < 75 ? 0 : lateness < 93 ? 12 + (loan.id % 25) : 45;
        nextCheck.set(loan.id, stopsPaying ? addDays(date, 30) : addDays(next.dueOn, delay));
        if (stopsPaying && date >= addMonths(loan.disbursedOn, loan.termMonths + 6)) {
          await verbs();
          await writeOffLoan(ctx, {
            groupSlug: spec.slug,
            loanId: loan.id,
            date,
            note: "Anggota merantau ke Malaysia dan tidak dapat dihubungi; disetujui rapat anggota",
            idempotencyKey: keyOf(spec.slug, `wo-${loan.id}`),
          });
          writtenOff = true;
          openLoans.splice(openLoans.indexOf(loan), 1);
          entries++;
          continue;
        }
        if (stopsPaying) continue; // the borrower who stopped paying
        if (addDays(next.dueOn, delay) !== date && !(addDays(next.dueOn, delay) < date && weekday === 6)) continue;
        const due =
          next.principal -
          next.principalPaid +
          next.serviceCharge -
          next.serviceChargePaid +
          view.state.finesAccrued -
          view.state.finesPaid;
        const amount = Math.min(view.state.totalOwed, due);
        const input = {
          groupSlug: spec.slug,
          loanId: loan.id,
          amount,
          date,
          idempotencyKey: keyOf(spec.slug, `r-${loan.id}-${date}`),
        };
        if (batched) batchRepayment(batch, ctx, loan, loanEntries.get(loan.id) ?? [], input);
        else await repayLoan(ctx, input);
        loanEntries.get(loan.id)?.push({ kind: "loan_repayment", businessDate: date, amount });
        entries++;
      }
      // Loans on the monthly meeting (first Saturday), within what the cash allows.
      if (weekday === 6 && Number(date.slice(8)) <= 7) {
        await verbs();
        const groupId = batch.group.id;
        let cash = await cashOnBooks(database.db, groupId, date);
        let bank = await cashOnBooks(database.db, groupId, date, "bank");
        let savings: Map<number, number> | null = null;
        const wanting = r.int(5, 9);
        for (let i = 0; i < wanting; i++) {
          const p = loanPurposeFor(month, r);
          if (!p) continue;
          // Loans grow with the fund: 10–22% of the money not lent out, at most Rp 30 juta, in Rp 100.000 steps;
          // paid from the cash box when it holds enough, otherwise from the bank.
          const fund = cash + bank;
          const principal = Math.min(30_000_000, Math.floor((fund * (0.1 + r.next() * 0.12)) / 100_000) * 100_000);
          const via = principal <= cash ? ("cash" as const) : ("bank" as const);
          const borrower = r.pick(members.filter((m) => m.joinedOn <= addDays(date, -90) && !m.leftOn));
          if (principal < 300_000 || !borrower) continue;
          try {
            const input = {
              groupSlug: spec.slug,
              memberCode: borrower.code,
              principal,
              termMonths: p.purpose === "kopi" ? r.int(4, 6) : r.int(3, 10),
              date,
              purpose: p.purpose,
              crop: p.crop,
              via,
              // The demo's treasurer lends to a member behind on another loan knowingly (she confirms it).
              confirmed: true,
              idempotencyKey: keyOf(spec.slug, `l-${date}-${i}`),
            };
            byCode ??= await groupMembersByCode(database.db, batch.group);
            // Loans change no savings: read once the meeting's verbs are written, they hold for its loans.
            savings ??= await savingsByMember(database.db, batch.group);
            const loan = batched
              ? batchDisbursement(batch, ctx, byCode, input, savings.get(byCode.get(borrower.code)?.id ?? 0) ?? 0)
              : (await disburseLoan(ctx, input)).loan;
            openLoans.push(loan);
            loanEntries.set(loan.id, [{ kind: "loan_disbursement", businessDate: date, amount: principal }]);
            if (via === "cash") cash -= principal;
            else bank -= principal;
            entries++;
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
          }
        }
        await verbs();
        // Meeting costs, and the month's cash count.
        await recordExpense(ctx, {
          groupSlug: spec.slug,
          amount: r.int(2, 6) * 10_000,
          date,
          category: "konsumsi",
          note: "Konsumsi rapat anggota",
          idempotencyKey: keyOf(spec.slug, `x-${date}`),
        }).catch(ignoreRefusal);
        if (r.chance(0.25))
          await recordExpense(ctx, {
            groupSlug: spec.slug,
            amount: r.int(1, 5) * 5_000,
            date,
            category: "alat_tulis",
            idempotencyKey: keyOf(spec.slug, `s-${date}`),
          }).catch(ignoreRefusal);
        // The box keeps what the coming weeks need; the rest goes to the group's bank account.
        const inBox = await cashOnBooks(database.db, groupId, date);
        if (inBox > 3_000_000) {
          await recordBankTransfer(ctx, {
            groupSlug: spec.slug,
            kind: "bank_deposit",
            amount: Math.floor((inBox - 1_500_000) / 100_000) * 100_000,
            date,
            idempotencyKey: keyOf(spec.slug, `bank-${date}`),
          });
          entries++;
        }
        if (month % 3 === 0 && bank > 0)
          await recordIncome(ctx, {
            groupSlug: spec.slug,
            amount: r.int(5, 40) * 1_000,
            date,
            category: "bunga_bank",
            via: "bank",
            idempotencyKey: keyOf(spec.slug, `i-${date}`),
          });
        if (month % 3 === 0 && bank > 0)
          await recordCashCount(ctx, {
            groupSlug: spec.slug,
            date,
            account: "bank",
            countedAmount: await cashOnBooks(database.db, groupId, date, "bank"),
            idempotencyKey: keyOf(spec.slug, `bank-check-${date}`),
          });
        const book = await cashOnBooks(database.db, groupId, date);
        await recordCashCount(ctx, {
          groupSlug: spec.slug,
          date,
          countedAmount: book - (r.chance(0.1) ? r.pick([500, 1000, 2000]) : 0),
          idempotencyKey: keyOf(spec.slug, `count-${date}`),
        });
        entries += 2;
      }
    };
    while (day < today) await inOneTransaction(database, seedYear);
    ctx.database = database;
    daysBefore += daysOf(spec);
    log(`${spec.name}: ${members.length} members, ~${entries} entries, ${corrections} corrections`);
  }
  await seedDemoUsers(database);
}

function ignoreRefusal(e: unknown) {
  if (!(e instanceof DomainError)) throw e;
}

async function loadGroupRow(database: Database, slug: string) {
  const [g] = await database.db.select().from(ksmGroups).where(eq(ksmGroups.slug, slug));
  return g!;
}

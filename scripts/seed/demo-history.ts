/**
 * The demo ledger: KSM Ratu Damai (Desa Golo Meni) and KSM Compang Dalo (Desa Mokel), Kampung
 * Mukun, from 2016 to today, written through the same services a treasurer uses. Every name
 * is invented and every figure generated; each group is flagged `isDemo` and every page says so.
 *
 * What a savings-group practitioner should find believable (issue #27; /work's domain notes, "What a
 * believable group looks like"). Each target is checked over the seeded ledger, with the project's
 * own domain functions, by demo-targets.integration.test.ts (figures per group per closed year):
 * - Loans sized to households: most (≥ 75 %) between Rp 500.000 and Rp 5 juta; none above the
 *   group's lending ceiling — the default rule, 3× her savings and at most Rp 10 juta, stands — on
 *   what she owes in total (the principal left on her open loans plus the new loan).
 * - At most two open loans per member; no new loan to a member behind on another (nor to one who
 *   left unpaid an installment due at that very meeting).
 * - Not everyone owes at once: at each year's end 50–85 % of the members have a loan open (new borrowers
 *   come more slowly while many owe).
 * - The pengawas countersigns each month's seal, cash count and bank check (checked every month)
 *   a few days after the meeting: all of them in Compang Dalo (its verdict "Aman"), all but the last
 *   one or two in Ratu Damai ("Perlu diperiksa": the supervisor's e2e specs sign those).
 * - Members withdraw savings: school fees in July, adat ceremonies, weddings and funerals the year round.
 * - The SHU is paid out in cash in some years (even years from 2018 in Ratu Damai, odd ones from 2019
 *   in Compang Dalo), credited to savings in the others.
 * - Members leave (their savings paid out) and others join: retention 85–95 % a year.
 * - Arrears come and go: PAR30 at each year's end between 1 % and 10 %; an occasional write-off
 *   (one to three in ten years per group). One bad year per group at most (a failed harvest, a slow
 *   start), in which PAR30 may reach 15 % or the return on savings fall to 5 % — no more than one.
 * - Loan-fund utilisation (loans ÷ loans + cash + bank) at each year's end between 50 % and 85 %.
 * - Return on savings (the year's SHU ÷ average member savings) between 10 % and 40 % a year.
 * - Cash in the box rarely above Rp 5 juta — only the nights after a meeting, before the treasurer's
 *   next trip to the bank (Mondays and Thursdays, and the morning of a payout): on at most 20 days a
 *   year, never above Rp 15 juta. The rest is in the bank.
 * - Entries at the times of day they happen (WITA): the bank in the morning (08.30–11.00), the
 *   collection, repayments and the monthly meeting in the evening (17.00–21.00), the year's close
 *   on New Year's morning (the close verb refuses a year not yet over, `year_not_over`, so not on
 *   the evening of the 31st). Deterministic: a seeded generator, the same ledger every time.
 * - The cost avoided ("paling sedikit": crop loans only, against the cheaper of pengijon and rentenir)
 *   lands between Rp 150.000 and Rp 1 juta per member per year of membership (about Rp 400.000: a
 *   member borrows about twice a year, Rp 1–2 juta each time, a third of it for coffee or candlenut).
 * - What the e2e specs use stays: the first eight members of each group never leave (RD-001 …), each
 *   group has loans open today, Ratu Damai a borrower more than 30 days late, the box more than Rp 1 juta.
 * The founding year (2016) is shown but not held to the yearly targets.
 */
import { eq } from "drizzle-orm";
import { type Database, inOneTransaction } from "@/db/client";
import { ksmGroups } from "@/db/schema";
import { addDays, addMonths, daysBetween, localDate, monthOf, type BusinessDate } from "@/server/domain/dates";
import { DEMO_GROUPS, demoCheckCode } from "@/server/domain/demo";
import { SAVINGS_ACCOUNTS } from "@/server/domain/ledger";
import { DomainError } from "@/server/domain/errors";
import { type InstallmentState, type LoanEntryFacts, type LoanPurpose, viewLoan } from "@/server/domain/loans";
import { EXAMPLE_RULE } from "@/server/domain/shu";
import { cashOnBooks } from "@/server/shared/cash";
import { recordBankTransfer } from "@/server/verbs/cash/bank-transfer";
import { recordCashCount } from "@/server/verbs/cash/cash-count";
import { recordExpense, recordIncome } from "@/server/verbs/cash/cash-movement";
import { countersignCashCount } from "@/server/verbs/cash/countersign-cash-count";
import { countersignSeal } from "@/server/verbs/seals/countersign-seal";
import { closeYear } from "@/server/verbs/year/close-year";
import { setShareOutRule } from "@/server/verbs/year/set-share-out-rule";
import { previewYear } from "@/server/read/year-close";
import { savingsByMember } from "@/server/read/lending-rule";
import { groupMembersByCode, type MemberRow, type ServiceContext } from "@/server/shared/context";
import { ledgerWrite } from "@/server/ledger/write";
import { reverseEntry } from "@/server/verbs/corrections/reverse-entry";
import { addMember } from "@/server/verbs/members/add-member";
import { createGroup } from "@/server/verbs/groups/create-group";
import { leaveMember } from "@/server/verbs/members/leave-member";
import { createUser } from "@/server/verbs/users/create-user";
import { batchDisbursement, openHistoryBatch, disburseLoan } from "@/server/verbs/loans/disburse-loan";
import { batchRepayment, repayLoan } from "@/server/verbs/loans/repay-loan";
import { writeOffLoan } from "@/server/verbs/loans/write-off-loan";
import { loanView, type LoanRow, type LoanView } from "@/server/shared/loans";
import {
  batchContributions,
  recordContributions,
  type ContributionLineInput,
} from "@/server/verbs/savings/record-contributions";
import { withdrawSavings } from "@/server/verbs/savings/withdraw-savings";
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
  /** Has children at school: takes savings out for the fees in July. */
  schoolChildren: boolean;
}

/** The first members of each group (RD-001 …, CD-001 …) never leave: the tests and the passbook hint name them. */
const STAYING = 8;
/** Members a group keeps at most. */
const MAX_MEMBERS = 30;
/** The loan fund a group aims to keep lent out (loans ÷ loans + cash + bank). */
const TARGET_UTILISATION = 0.7;
/** What the box keeps after a trip to the bank, and above which the treasurer takes the rest there. */
const BOX_KEEPS = 1_200_000;
const BOX_BANKS_ABOVE = 3_000_000;

/**
 * A repayment habit, per loan: on time (at the monthly meeting), a little late (fined), behind for
 * months — nothing paid until the `upTo`th installment is long due, then all of it with the fines —
 * or never again.
 */
type Habit =
  | { is: "on_time" }
  | { is: "late" }
  | { is: "behind"; upTo: number; until?: BusinessDate }
  | { is: "catch_up" }
  | { is: "stops" };

const keyOf = (slug: string, what: string) => `demo-${slug}-${what}`;
const down = (amount: number, step: number) => Math.floor(amount / step) * step;

/** Loan seasons: paceklik before the coffee harvest, school fees in July, candlenut in autumn. */
function loanPurposeFor(month: number, r: Random): { purpose: LoanPurpose; crop?: string } {
  if (month >= 1 && month <= 4 && r.chance(0.6)) return { purpose: "kopi", crop: "kopi" };
  if ((month === 6 || month === 7) && r.chance(0.6)) return { purpose: "biaya_sekolah" };
  if (month >= 8 && month <= 10 && r.chance(0.4)) return { purpose: "kemiri", crop: "kemiri" };
  return { purpose: r.pick(["usaha_kecil", "ternak", "kesehatan", "rumah", "usaha_kecil", "ternak"] as const) };
}

/** What a household asks for: a pig, fertiliser, the fees, carrying the coffee to harvest (Rp 100.000 steps). */
const ASKS: Record<LoanPurpose, [number, number]> = {
  kopi: [500_000, 3_000_000],
  kemiri: [500_000, 2_500_000],
  biaya_sekolah: [500_000, 2_500_000],
  usaha_kecil: [700_000, 4_000_000],
  ternak: [1_000_000, 5_000_000],
  kesehatan: [300_000, 2_000_000],
  rumah: [1_500_000, 6_000_000],
  pertanian_lain: [500_000, 2_500_000],
  lainnya: [300_000, 2_000_000],
};

/** Lean months, school months, planting (fertiliser, November) and Christmas bring more members to ask. */
const ASKING_BY_MONTH = [0, 0.3, 0.3, 0.25, 0.2, 0.15, 0.3, 0.3, 0.2, 0.2, 0.15, 0.25, 0.35];

/** Whose SHU is paid in cash at the year's end (the other years it is credited to savings). */
const shuInCash = (slug: string, year: number) =>
  slug === "ratu-damai" ? year >= 2018 && year % 2 === 0 : year >= 2019 && year % 2 === 1;

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
  {
    username: "pengawas-cd",
    password: "demo-pengawas-compang-dalo",
    role: "pengawas" as const,
    groupSlugs: ["compang-dalo"],
  },
];

/** Creates the demo sign-ins not there yet (of one group's only, with `slug`); returns their ids by username. */
export async function seedDemoUsers(database: Database, slug?: string): Promise<Map<string, number>> {
  const { users } = await import("@/db/schema");
  const ids = new Map<string, number>();
  for (const u of DEMO_USERS) {
    if (slug !== undefined && (u.groupSlugs.length !== 1 || u.groupSlugs[0] !== slug)) continue;
    const [exists] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, u.username));
    ids.set(u.username, exists?.id ?? (await createUser({ database, actor: "demo:seed" }, u)).id);
  }
  return ids;
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
    // The clock a treasurer would have had (WITA), minutes into the business day; never later than now.
    let minute = 9 * 60;
    const ctx: ServiceContext = {
      database,
      actor: `demo:bendahara-${spec.slug}`,
      now: () => {
        const at = new Date(Date.parse(`${day}T00:00:00.000+08:00`) + minute * 60_000);
        return at > realNow ? realNow : at;
      },
    };
    /** The clock moves to `from` plus up to `spread` minutes, never back. */
    const at = (from: number, spread = 0) => {
      minute = Math.max(minute + 1, from + r.int(0, spread));
    };
    /** A few minutes later: the next entry of the same sitting. */
    const later = (most = 4) => {
      minute += r.int(1, most);
    };
    await createGroup(ctx, {
      slug: spec.slug,
      name: spec.name,
      village: spec.village,
      kecamatan: "Kota Komba",
      kabupaten: "Manggarai Timur",
      provinsi: "Nusa Tenggara Timur",
      foundedOn: spec.foundedOn,
      loanRateBpsPerMonth: 150,
      loanMethod: "flat",
      loanMaxTermMonths: 10,
      lateFineAmount: 5000,
      lateFineGraceDays: 7,
      isDemo: true,
    });
    // The demo's AD/ART: an example rule, labelled as one wherever it shows. Its lending rule is
    // the default one (3× savings, at most Rp 10 juta): the demo's loans are sized to households.
    const cashRule = { ...EXAMPLE_RULE, memberPayout: "cash" as const };
    await setShareOutRule(ctx, { groupSlug: spec.slug, rule: EXAMPLE_RULE, isExample: true });
    // The group's pengawas countersigns, a few days after each meeting (no earlier than the 6th, when
    // last month's grace days are over): last month's seal and the meeting's cash count and bank
    // check. In Compang Dalo she has signed everything; in Ratu Damai the last month or two still
    // wait for her (what the supervisor's e2e specs sign): one group shows "Aman", the other
    // "Perlu diperiksa".
    const users = await seedDemoUsers(database, spec.slug);
    const pengawas = DEMO_USERS.find((u) => u.role === "pengawas" && u.groupSlugs.includes(spec.slug));
    const pengawasId = pengawas ? users.get(pengawas.username) : undefined;
    const signsLatest = spec.slug !== "ratu-damai";
    const recentSeals = monthOf(addMonths(`${monthOf(today)}-01`, -2));
    const recentCounts = addDays(today, -35);
    /** What she signs on `on`: this month's meeting's counts, last month's seal. */
    let toSign: { on: BusinessDate; counts: { id: number; date: BusinessDate }[]; month: string } | null = null;
    const countersign = async (date: BusinessDate) => {
      if (!toSign || toSign.on !== date || pengawasId === undefined) return;
      await flush();
      const signerAt = new Date(Date.parse(`${date}T16:00:00.000+08:00`) + (date.charCodeAt(9) % 40) * 60_000);
      const signer: ServiceContext = {
        database: ctx.database,
        actor: `demo:pengawas-${spec.slug}`,
        user: { id: pengawasId, role: "pengawas" },
        now: () => (signerAt > realNow ? realNow : signerAt),
      };
      if (signsLatest || toSign.month < recentSeals)
        await countersignSeal(signer, { groupSlug: spec.slug, month: toSign.month }).catch(ignoreRefusal);
      for (const c of toSign.counts)
        if (signsLatest || c.date <= recentCounts)
          await countersignCashCount(signer, { groupSlug: spec.slug, cashCountId: c.id });
      toSign = null;
    };
    const batched = opts.batched ?? true;
    let batch = await openHistoryBatch(database.db, await loadGroupRow(database, spec.slug));
    let byCode: Map<string, MemberRow> | null = null;
    /** Writes the batch so far: before any verb (which reads what is written) and at each month's end. */
    const flush = async () => {
      if (batch.size) await ledgerWrite(ctx, (tx) => batch.write(tx));
    };
    // Each loan's standing entries as written (the seed is their only writer), for its view on any day.
    const loanEntries = new Map<number, LoanEntryFacts[]>();
    const viewOf = async (loan: LoanRow, date: BusinessDate) =>
      batched
        ? viewLoan(loan, loanEntries.get(loan.id) ?? [], date)
        : loanView(ctx.database.db, batch.group, loan, date);
    const members: DemoMember[] = [];
    const newlyJoined = new Set<string>();
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
        schoolChildren: r.chance(0.5),
      });
      newlyJoined.add(code);
      return code;
    };
    for (let i = 0; i < 22; i++) await join(spec.foundedOn);
    const active = (date: BusinessDate) => members.filter((m) => m.joinedOn <= date && !m.leftOn);

    const openLoans: LoanRow[] = [];
    const habits = new Map<number, Habit>();
    const nextCheck = new Map<number, BusinessDate>();
    /** The days this year on which a member leaves, and on which one joins (drawn each New Year). */
    let leaving: BusinessDate[] = [];
    let joining: BusinessDate[] = [];
    let lastStop = "";
    let entries = 0;
    let corrections = 0;
    const planYear = (from: BusinessDate) => {
      const year = from.slice(0, 4);
      const left = daysBetween(from, `${year}-12-20`);
      if (left < 60) return;
      // 5–13 % of the members leave in a year (at least one), and about as many join, a few more while the group is small.
      const n = active(from).length;
      const leavers = Math.max(n >= 15 ? 2 : 1, Math.round(n * (0.06 + r.next() * 0.07)));
      const joiners = Math.max(0, Math.min(MAX_MEMBERS - n + leavers, leavers + r.int(0, 2)));
      const someDay = () => addDays(from, r.int(10, left));
      leaving = Array.from({ length: leavers }, someDay).sort();
      joining = Array.from({ length: joiners }, someDay).sort();
    };
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
    /** Cash (or bank) at the end of a day: what is written and what waits in the batch (a flush a day would cost more). */
    const cashOf = async (date: BusinessDate, account: "cash" | "bank" = "cash") =>
      (await cashOnBooks(ctx.database.db, batch.group.id, date, account)) + batch.pendingMovement([account], date);
    const bankTrip = async (kind: "bank_deposit" | "bank_withdrawal", amount: number, date: BusinessDate) => {
      at(8 * 60 + 30, 150);
      await flush();
      await recordBankTransfer(ctx, {
        groupSlug: spec.slug,
        kind,
        amount,
        date,
        idempotencyKey: keyOf(spec.slug, `${kind === "bank_deposit" ? "bank" : "tarik"}-${date}`),
      });
      entries++;
    };
    /** Money for today's payouts: what the box lacks (keeping a little), fetched from the bank in the morning. */
    const fetchFromBank = async (need: number, date: BusinessDate, dated = date) => {
      const [cash, bank] = [await cashOf(dated), await cashOf(dated, "bank")];
      const short = Math.ceil((need + 300_000 - cash) / 100_000) * 100_000;
      if (short <= 0 || bank <= 0) return cash;
      await bankTrip("bank_withdrawal", Math.min(short, bank), dated);
      return cash + Math.min(short, bank);
    };

    /** The day a borrower behind pays what she owes through her `upTo`th installment. */
    const catchUpDay = (loan: LoanRow, view: LoanView, h: { upTo: number; until?: BusinessDate }) =>
      h.until ??
      addDays((view.state.installments[h.upTo - 1] ?? view.state.installments.at(-1)!).dueOn, 10 + (loan.id % 20));
    /**
     * At the November meeting a borrower or two whose harvest failed fall behind into the new year
     * when no one would be more than 30 days late on 31 December; at December's, those behind catch
     * up while more than 8 % of what is lent would be: the year ends with PAR30 between 1 % and 10 %.
     */
    const steerYearEndArrears = async (date: BusinessDate, month: number) => {
      const yearEnd = `${date.slice(0, 4)}-12-31`;
      const rows: { loan: LoanRow; out: number; next: InstallmentState; habit: Habit; late: boolean }[] = [];
      for (const loan of openLoans) {
        const view = await viewOf(loan, date);
        const next = view.state.installments.find((i) => i.paidOn === null);
        if (view.status === "lunas" || view.status === "dihapus" || !next) continue;
        const habit = habits.get(loan.id) ?? { is: "on_time" };
        const unpaidThrough =
          (habit.is === "stops" && addMonths(loan.disbursedOn, loan.termMonths + 6) > yearEnd) ||
          (habit.is === "behind" && next.n <= habit.upTo && catchUpDay(loan, view, habit) > yearEnd);
        rows.push({
          loan,
          out: view.state.principalOutstanding,
          next,
          habit,
          late: unpaidThrough && next.dueOn < addDays(yearEnd, -30),
        });
      }
      const total = rows.reduce((t, x) => t + x.out, 0);
      let late = rows.reduce((t, x) => t + (x.late ? x.out : 0), 0);
      if (month === 11) {
        for (const x of rows.filter((y) => y.late && y.habit.is === "behind").sort((a, b) => b.out - a.out)) {
          if (late <= 0.07 * total) break;
          habits.set(x.loan.id, { is: "catch_up" });
          late -= x.out;
        }
        for (const x of rows.filter((y) => !y.late && y.habit.is !== "stops").sort((a, b) => a.out - b.out)) {
          if (late >= 0.02 * total) break;
          if (x.next.dueOn > addDays(yearEnd, -31) || late + x.out > 0.07 * total) continue;
          const until = addDays(yearEnd, 10 + (x.loan.id % 30));
          habits.set(x.loan.id, { is: "behind", upTo: x.loan.termMonths, until });
          late += x.out;
        }
      }
      if (month === 12)
        for (const x of rows.filter((y) => y.late && y.habit.is === "behind").sort((a, b) => b.out - a.out)) {
          if (late <= 0.09 * total || late - x.out < 0.015 * total) break;
          habits.set(x.loan.id, { is: "catch_up" });
          late -= x.out;
        }
    };
    /**
     * As the history ends (the meeting five to ten weeks before today) a borrower falls behind and
     * is more than 30 days late today: the treasurer's screens always have one to show.
     */
    let behindAtEnd = false;
    const behindAsHistoryEnds = async (date: BusinessDate) => {
      let pick: { loan: LoanRow; out: number } | null = null;
      for (const loan of openLoans) {
        const view = await viewOf(loan, date);
        const next = view.state.installments.find((i) => i.paidOn === null);
        const habit = habits.get(loan.id)?.is ?? "on_time";
        if (!next || (habit !== "on_time" && habit !== "late") || next.dueOn > addDays(date, 7)) continue;
        if (!pick || view.state.principalOutstanding < pick.out) pick = { loan, out: view.state.principalOutstanding };
      }
      if (!pick) return;
      habits.set(pick.loan.id, {
        is: "behind",
        upTo: pick.loan.termMonths,
        until: addDays(today, 20 + (pick.loan.id % 20)),
      });
      behindAtEnd = true;
    };
    const seedDay = async (database: Database) => {
      const verbs = flush; // what a verb reads must be written first
      const date = day;
      const month = Number(date.slice(5, 7));
      const dom = Number(date.slice(8));
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      minute = 0;
      if (date === spec.foundedOn) planYear(date);
      // New Year's morning: the treasurer closes last year's books and the SHU is shared out —
      // in cash some years (the bank withdrawal for it dated the 31st, the day of the meeting).
      if (date.endsWith("-01-01") && date > spec.foundedOn) {
        await verbs();
        const year = Number(date.slice(0, 4)) - 1;
        at(8 * 60 + 30, 60);
        if (shuInCash(spec.slug, year))
          await setShareOutRule(ctx, { groupSlug: spec.slug, rule: cashRule, isExample: true });
        const preview = await previewYear(ctx, { groupSlug: spec.slug, year });
        const inCash = preview.members.filter((m) => m.payout === "cash").reduce((t, m) => t + m.total, 0);
        await fetchFromBank(inCash, date, `${year}-12-31`);
        later();
        await closeYear(ctx, { groupSlug: spec.slug, year, idempotencyKey: keyOf(spec.slug, `shu-${date}`) });
        if (shuInCash(spec.slug, year))
          await setShareOutRule(ctx, { groupSlug: spec.slug, rule: EXAMPLE_RULE, isExample: true });
        batch = await openHistoryBatch(database.db, await loadGroupRow(database, spec.slug)); // the year it closed is now refused
        entries++;
        planYear(date);
      }
      const meeting = weekday === 6 && dom <= 7;
      const collecting = weekday !== 0;
      await countersign(date);

      // The morning: who needs money today, and the trip to the bank for it (or with the box's surplus).
      let savings: Map<number, number> | null = null;
      const daySavings = new Map<number, number>();
      /**
       * Her savings this morning — what is written and what waits in the batch, read before anything of
       * the day — kept for the day: her ceiling at the evening's meeting, what she may take out.
       */
      const savingsOf = async (code: string) => {
        byCode ??= await groupMembersByCode(database.db, batch.group);
        const id = byCode.get(code)?.id ?? 0;
        let kept = daySavings.get(id);
        if (kept === undefined) {
          savings ??= await savingsByMember(database.db, batch.group);
          kept = (savings.get(id) ?? 0) - batch.pendingMovement(SAVINGS_ACCOUNTS, date, id);
          daySavings.set(id, kept);
        }
        return kept;
      };
      const memberIdOf = (code: string) => byCode?.get(code)?.id ?? 0;
      const withLoan = new Set(openLoans.map((l) => l.memberId));
      const payouts: { code: string; amount: number; why: "sekolah" | "adat" }[] = [];
      let leaver: DemoMember | null = null;
      /** The principal each member owes on her open loans this morning (the ceiling holds on the total). */
      const owes = new Map<number, number>();
      let asks: { m: DemoMember; principal: number; purpose: LoanPurpose; crop?: string; termMonths: number }[] = [];
      if (collecting && leaving[0] && leaving[0] <= date) {
        byCode ??= await groupMembersByCode(database.db, batch.group);
        const can = active(date).filter(
          (m) =>
            Number(m.code.slice(3)) > STAYING &&
            m.joinedOn < addDays(date, -300) &&
            !withLoan.has(memberIdOf(m.code)) &&
            !newlyJoined.has(m.code),
        );
        if (can.length) {
          leaver = r.pick(can);
          leaving.shift();
        }
      }
      if (collecting && !meeting) {
        // School fees in the second week of July; for an adat ceremony, a wedding or a funeral, the
        // money is taken out at the Saturday collection before it.
        const fees = month === 7 && dom >= 8 && dom <= 14 && weekday === 6;
        for (const m of active(date)) {
          if (m === leaver || newlyJoined.has(m.code)) continue;
          const wants = fees ? m.schoolChildren && r.chance(0.6) : weekday === 6 && r.chance(0.0035);
          if (!wants) continue;
          const has = await savingsOf(m.code);
          const amount = down(has * (0.25 + r.next() * 0.35), 50_000);
          if (amount >= 100_000) payouts.push({ code: m.code, amount, why: fees ? "sekolah" : "adat" });
        }
      }
      if (meeting) {
        // Loans on the monthly meeting: members not behind on a loan, with fewer than two, ask for
        // what the household needs, within her ceiling (3× savings) and the money the group holds.
        byCode ??= await groupMembersByCode(database.db, batch.group);
        let lent = 0;
        const behind = new Set<number>();
        for (const loan of openLoans) {
          const v = await viewOf(loan, date);
          if (v.status === "lunas" || v.status === "dihapus") continue;
          lent += v.state.principalOutstanding;
          owes.set(loan.memberId, (owes.get(loan.memberId) ?? 0) + v.state.principalOutstanding);
          if (v.state.daysPastDue > 0) behind.add(loan.memberId);
        }
        const held = (await cashOf(date)) + (await cashOf(date, "bank"));
        const fund = lent + held;
        const push = fund > 0 ? Math.min(4, Math.max(0.15, 1 + (TARGET_UTILISATION - lent / fund) * 8)) : 1;
        // Not everyone owes at once (about two in three members): fewer new borrowers while more owe, more while fewer do.
        const owing =
          active(date).filter((m) => owes.has(memberIdOf(m.code))).length / Math.max(1, active(date).length);
        const newBorrowers = Math.min(2, Math.max(0.25, 1 + (0.68 - owing) * 5));
        // The group keeps a fifth of its fund at hand, for withdrawals and members who leave.
        let room = held - Math.max(800_000, Math.round(fund * 0.18));
        for (const m of active(addDays(date, -90))) {
          const id = memberIdOf(m.code);
          const running = openLoans.filter((l) => l.memberId === id).length;
          if (
            m === leaver ||
            behind.has(id) ||
            running >= 2 ||
            !r.chance(ASKING_BY_MONTH[month]! * push * (running ? 0.6 : newBorrowers))
          )
            continue;
          const p = loanPurposeFor(month, r);
          const [lo, hi] = ASKS[p.purpose];
          const has = await savingsOf(m.code);
          // A household with savings behind it asks for more (a cow, a roof, a kiosk's stock).
          const wish = r.chance(Math.min(0.8, 0.4 * push))
            ? down(has * (1.5 + r.next() * 1.5), 100_000)
            : lo + down(r.next() * (hi - lo), 100_000);
          // The ceiling holds on what she owes in total: 3× her savings (at most Rp 10 juta) less her open loans.
          const ceiling = Math.min(10_000_000, 3 * has) - (owes.get(id) ?? 0);
          const principal = down(Math.min(wish, ceiling, room), 100_000);
          if (principal < 300_000) continue;
          room -= principal;
          const termMonths = p.purpose === "kopi" ? r.int(4, 6) : principal <= 1_000_000 ? r.int(3, 5) : r.int(5, 10);
          asks.push({ m, principal, termMonths, ...p });
        }
      }
      const paying = payouts.reduce((t, p) => t + p.amount, 0);
      const leaverSavings = leaver ? await savingsOf(leaver.code) : 0;
      if (paying + leaverSavings > 0) {
        // What the box then holds is what goes out today; whatever it cannot pay waits (and is not asked again).
        let box = (await fetchFromBank(paying + leaverSavings + 100_000, date)) - 50_000;
        if (leaver && leaverSavings + 50_000 > box) leaver = null;
        else box -= leaverSavings + 50_000;
        const paid = payouts.filter((p) => {
          if (p.amount > box) return false;
          box -= p.amount;
          return true;
        });
        payouts.splice(0, payouts.length, ...paid);
      }
      if (weekday === 1 || weekday === 4) {
        // Mondays the treasurer takes what the box does not need to the bank, Thursdays when it holds much.
        const box = (await cashOf(addDays(date, -1))) - paying - leaverSavings;
        if (box > (weekday === 1 ? BOX_BANKS_ABOVE : 2 * BOX_BANKS_ABOVE))
          await bankTrip("bank_deposit", down(box - BOX_KEEPS, 100_000), date);
      }

      // A new member now and then (her share paid with her first collection).
      if (collecting && joining[0] && joining[0] <= date) {
        joining.shift();
        if (active(date).length < MAX_MEMBERS) {
          at(16 * 60 + 30, 30);
          await join(date);
        }
      }

      // The evening: the collection, Monday to Saturday. A member who missed days pays them when she comes.
      at(17 * 60 + 30, 120);
      if (collecting) {
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
          if (meeting) lines.push({ memberCode: m.code, amount: 2000, kind: "social_fund" });
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
          later();
          const typo = await recordContributions(ctx, {
            groupSlug: spec.slug,
            date,
            idempotencyKey: keyOf(spec.slug, `typo-${date}`),
            lines: [{ memberCode: m.memberCode, amount: 10_000, days: m.days }],
          });
          later();
          await reverseEntry(ctx, {
            groupSlug: spec.slug,
            entryId: typo.id,
            reasonCode: "salah_jumlah",
            note: "Salah ketik: Rp 10.000 seharusnya Rp 1.000",
            idempotencyKey: keyOf(spec.slug, `fix-${date}`),
          });
          later();
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
      // Savings taken out (school fees, ceremonies), and a member who leaves with hers.
      for (const p of payouts) {
        await verbs();
        later();
        await withdrawSavings(ctx, {
          groupSlug: spec.slug,
          memberCode: p.code,
          amount: p.amount,
          date,
          note: p.why === "sekolah" ? "Uang sekolah anak" : "Keperluan adat keluarga",
          confirmed: true,
          idempotencyKey: keyOf(spec.slug, `w-${p.code}-${date}`),
        });
        entries++;
      }
      if (leaver) {
        await verbs();
        later();
        leaver.leftOn = addDays(date, 1);
        // She takes her savings with her: paid out in the same act (leaving with savings is refused).
        await leaveMember(ctx, {
          groupSlug: spec.slug,
          code: leaver.code,
          leftOn: leaver.leftOn,
          confirmed: true,
          payOut: true,
          idempotencyKey: keyOf(spec.slug, `leave-${leaver.code}`),
        });
        byCode = null;
        entries++;
      }
      if (meeting && (month === 11 || month === 12)) await steerYearEndArrears(date, month);
      if (
        spec.slug === "ratu-damai" &&
        meeting &&
        !behindAtEnd &&
        date >= addDays(today, -70) &&
        date <= addDays(today, -31)
      )
        await behindAsHistoryEnds(date);
      // Repayments: on time at the monthly meeting (what falls due within the week), the late ones on
      // their own day or the Saturday after, the ones behind for months all at once.
      for (const loan of [...openLoans]) {
        if ((nextCheck.get(loan.id) ?? "") > date && !meeting) continue;
        const view = await viewOf(loan, date);
        if (view.status === "lunas" || view.status === "dihapus") {
          openLoans.splice(openLoans.indexOf(loan), 1);
          continue;
        }
        const unpaid = view.state.installments.filter((i) => i.paidOn === null);
        const next = unpaid[0];
        if (!next) continue;
        const habit = habits.get(loan.id) ?? { is: "on_time" };
        if (habit.is === "stops") {
          nextCheck.set(loan.id, addDays(date, 30));
          if (date < addMonths(loan.disbursedOn, loan.termMonths + 6)) continue;
          await verbs();
          later();
          await writeOffLoan(ctx, {
            groupSlug: spec.slug,
            loanId: loan.id,
            date,
            note: "Usaha gagal dan anggota tidak sanggup membayar; disetujui rapat anggota",
            idempotencyKey: keyOf(spec.slug, `wo-${loan.id}`),
          });
          openLoans.splice(openLoans.indexOf(loan), 1);
          entries++;
          continue;
        }
        let paying = [next];
        let payDay: BusinessDate;
        if (habit.is === "behind" && next.n <= habit.upTo) {
          payDay = catchUpDay(loan, view, habit);
          paying = unpaid.filter((i) => i.n <= habit.upTo && i.dueOn <= date);
        } else if (habit.is === "catch_up") {
          payDay = date;
          paying = unpaid.filter((i) => i.dueOn <= date);
        } else if (habit.is === "late") payDay = addDays(next.dueOn, 8 + (loan.id % 13));
        else payDay = meeting && next.dueOn <= addDays(date, 7) ? date : addDays(next.dueOn, 6);
        nextCheck.set(loan.id, payDay);
        if (payDay !== date && !(payDay < date && weekday === 6)) continue;
        if ((habit.is === "behind" && next.n <= habit.upTo) || habit.is === "catch_up")
          habits.set(loan.id, { is: "late" });
        const due =
          paying.reduce((t, i) => t + i.principal - i.principalPaid + i.serviceCharge - i.serviceChargePaid, 0) +
          view.state.finesAccrued -
          view.state.finesPaid;
        const amount = Math.min(view.state.totalOwed, due);
        if (amount <= 0) continue;
        const input = {
          groupSlug: spec.slug,
          loanId: loan.id,
          amount,
          date,
          idempotencyKey: keyOf(spec.slug, `r-${loan.id}-${date}`),
        };
        later(2);
        if (batched) batchRepayment(batch, ctx, loan, loanEntries.get(loan.id) ?? [], input);
        else await repayLoan(ctx, input);
        loanEntries.get(loan.id)?.push({ kind: "loan_repayment", businessDate: date, amount });
        entries++;
      }
      if (!meeting) return;
      // The monthly meeting (first Saturday): the loans asked for this morning, from the box while it
      // holds enough (the day's repayments came in at the meeting), else drawn from the bank.
      const groupId = batch.group.id;
      let box = await cashOf(date);
      let inBank = await cashOf(date, "bank");
      const behindNow = openLoans.filter((l) => habits.get(l.id)?.is === "behind").length;
      for (const [i, a] of asks.entries()) {
        // Asked this morning; lent only if she is still on time tonight (a borrower who did not pay
        // what fell due at this meeting, or who is to fall behind, gets nothing new) and within her limit.
        const id = memberIdOf(a.m.code);
        let owed = 0;
        let late = false;
        for (const loan of openLoans.filter((l) => l.memberId === id)) {
          const v = await viewOf(loan, date);
          if (v.status === "lunas" || v.status === "dihapus") continue;
          owed += v.state.principalOutstanding;
          const habit = habits.get(loan.id)?.is;
          if (
            habit === "behind" ||
            habit === "stops" ||
            v.state.installments.some((x) => x.paidOn === null && x.dueOn <= date)
          )
            late = true;
        }
        if (late || a.principal > Math.min(10_000_000, 3 * (await savingsOf(a.m.code))) - owed) continue;
        const via = a.principal <= box - 300_000 ? ("cash" as const) : ("bank" as const);
        if (via === "bank" && a.principal > inBank) continue;
        if (via === "cash") box -= a.principal;
        else inBank -= a.principal;
        const input = {
          groupSlug: spec.slug,
          memberCode: a.m.code,
          principal: a.principal,
          termMonths: a.termMonths,
          date,
          purpose: a.purpose,
          crop: a.crop,
          via,
          idempotencyKey: keyOf(spec.slug, `l-${date}-${i}`),
        };
        later(6);
        byCode ??= await groupMembersByCode(database.db, batch.group);
        const loan = batched
          ? batchDisbursement(batch, ctx, byCode, input, await savingsOf(a.m.code), owed)
          : (await disburseLoan(ctx, input)).loan;
        openLoans.push(loan);
        // Habits: one or two behind at any time (arrears come and go), one who stops every few years.
        const year = date.slice(0, 4);
        const stops =
          lastStop < String(Number(year) - 3) &&
          date > addMonths(spec.foundedOn, 18) &&
          a.principal <= 2_000_000 &&
          r.chance(0.04);
        const habit: Habit = stops
          ? { is: "stops" }
          : (i === 0 && behindNow === 0) || r.chance(0.04)
            ? { is: "behind", upTo: Math.min(a.termMonths, r.int(2, 4)) }
            : r.chance(0.2)
              ? { is: "late" }
              : { is: "on_time" };
        if (stops) lastStop = year;
        habits.set(loan.id, habit);
        loanEntries.set(loan.id, [{ kind: "loan_disbursement", businessDate: date, amount: a.principal }]);
        entries++;
      }
      asks = [];
      await verbs();
      // Meeting costs, and the month's cash count.
      later();
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
      const bank = await cashOnBooks(database.db, groupId, date, "bank");
      later();
      if (month % 3 === 0 && bank > 0)
        await recordIncome(ctx, {
          groupSlug: spec.slug,
          amount: Math.max(1000, down(bank * 0.005, 1000)),
          date,
          category: "bunga_bank",
          via: "bank",
          idempotencyKey: keyOf(spec.slug, `i-${date}`),
        });
      // The bank statement checked at every meeting (the pengawas's monthly check), the box counted.
      const counts: { id: number; date: BusinessDate }[] = [];
      if (bank > 0) {
        const check = await recordCashCount(ctx, {
          groupSlug: spec.slug,
          date,
          account: "bank",
          countedAmount: await cashOnBooks(database.db, groupId, date, "bank"),
          idempotencyKey: keyOf(spec.slug, `bank-check-${date}`),
        });
        counts.push({ id: check.id, date });
      }
      later(10);
      const book = await cashOnBooks(database.db, groupId, date);
      const count = await recordCashCount(ctx, {
        groupSlug: spec.slug,
        date,
        countedAmount: book - (r.chance(0.1) ? r.pick([500, 1000, 2000]) : 0),
        idempotencyKey: keyOf(spec.slug, `count-${date}`),
      });
      counts.push({ id: count.id, date });
      const sixth = `${monthOf(date)}-06`;
      const on = addDays(date, 2) > sixth ? addDays(date, 2) : sixth;
      toSign = { on, counts, month: monthOf(addMonths(`${monthOf(date)}-01`, -1)) };
      entries += 2;
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

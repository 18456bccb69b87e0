/**
 * Loans: schedules in whole rupiah, allocation of repayments, arrears and status.
 * Pure functions; the ledger records what happened, these say what is owed.
 */
import { addDays, addMonths, daysBetween, type BusinessDate } from "./dates";
import { invalid } from "./errors";
import type { RepaymentAllocation } from "./ledger";
import { mulDivRound } from "./money";

export const LOAN_METHODS = ["flat", "declining", "annuity"] as const;
export type LoanMethod = (typeof LOAN_METHODS)[number];

export interface LoanTerms {
  principal: number;
  termMonths: number;
  /** Service charge (jasa) per month in basis points: 200 = 2% a month. */
  rateBpsPerMonth: number;
  method: LoanMethod;
  disbursedOn: BusinessDate;
  /** Late fine: a fixed amount for each installment still unpaid `lateFineGraceDays` after it fell due. */
  lateFineAmount: number;
  lateFineGraceDays: number;
}

export interface Installment {
  n: number;
  dueOn: BusinessDate;
  principal: number;
  serviceCharge: number;
}

/**
 * A loan moved in from the paper book: by `importedOn` (the cut-over date) `paidInstallments`
 * of its installments were paid and `principalOutstanding` of its principal was still owed.
 */
export interface ImportedPosition {
  importedOn: BusinessDate | null;
  importedPaidInstallments: number | null;
  importedPrincipalOutstanding: number | null;
}

type ScheduleTerms = Pick<LoanTerms, "principal" | "termMonths" | "rateBpsPerMonth" | "method" | "disbursedOn"> &
  Partial<ImportedPosition>;

/**
 * flat: jasa = rate × original principal each month.
 * declining: equal principal; jasa = rate × balance before the installment.
 * annuity: equal installments A = P·r / (1 − (1+r)^−n), rounded to the rupiah; jasa = rate × balance.
 * Principal shares are whole rupiah; the rounding remainder goes to the last installment, so they
 * always sum exactly to the principal.
 *
 * A loan imported from the paper book keeps its first `importedPaidInstallments` installments as
 * they were scheduled; the rest are the same method applied to the principal still owed at the
 * cut-over over the months left (flat jasa stays on the original principal), so they sum exactly
 * to that principal whatever the paper book's rounding was.
 */
export function loanSchedule(t: ScheduleTerms): Installment[] {
  const { principal: P, termMonths: n, rateBpsPerMonth: bps } = t;
  if (!Number.isSafeInteger(P) || P <= 0) throw invalid("amount_not_positive", "principal");
  if (!Number.isInteger(n) || n < 1 || n > 120) throw invalid("term_invalid", "termMonths");
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) throw invalid("rate_invalid", "rateBpsPerMonth");
  const original = amortise(t.method, P, n, bps, P, 1);
  const paid = t.importedPaidInstallments;
  if (paid == null) return original.map((i) => ({ ...i, dueOn: addMonths(t.disbursedOn, i.n) }));
  const rest = t.importedPrincipalOutstanding ?? 0;
  const continued = rest > 0 && paid < n ? amortise(t.method, rest, n - paid, bps, P, paid + 1) : [];
  return [...original.slice(0, paid), ...continued].map((i) => ({ ...i, dueOn: addMonths(t.disbursedOn, i.n) }));
}

/** `balance` over `months` installments numbered from `firstN`; flat jasa is charged on `flatBase`. */
function amortise(
  method: LoanMethod,
  balance: number,
  months: number,
  bps: number,
  flatBase: number,
  firstN: number,
): Omit<Installment, "dueOn">[] {
  const out: Omit<Installment, "dueOn">[] = [];
  const equalPrincipal = Math.floor(balance / months);
  let annuity = 0;
  if (method === "annuity") {
    const r = bps / 10_000;
    // The float only chooses the whole-rupiah installment; all money below is integer arithmetic.
    annuity = r === 0 ? Math.ceil(balance / months) : Math.round((balance * r) / (1 - (1 + r) ** -months));
  }
  for (let k = 1; k <= months; k++) {
    const last = k === months;
    let serviceCharge: number;
    let principal: number;
    if (method === "flat") {
      serviceCharge = mulDivRound(flatBase, bps, 10_000);
      principal = last ? balance : equalPrincipal;
    } else if (method === "declining") {
      serviceCharge = mulDivRound(balance, bps, 10_000);
      principal = last ? balance : equalPrincipal;
    } else {
      serviceCharge = mulDivRound(balance, bps, 10_000);
      principal = last ? balance : Math.min(balance, Math.max(0, annuity - serviceCharge));
    }
    balance -= principal;
    out.push({ n: firstN + k - 1, principal, serviceCharge });
  }
  return out;
}

export interface Repayment {
  date: BusinessDate;
  amount: number;
}

export interface InstallmentState extends Installment {
  principalPaid: number;
  serviceChargePaid: number;
  /** Date it was fully paid, or null. */
  paidOn: BusinessDate | null;
  fined: boolean;
}

export interface LoanState {
  installments: InstallmentState[];
  finesAccrued: number;
  finesPaid: number;
  principalOutstanding: number;
  serviceChargeOutstanding: number;
  /** What the member must pay to close the loan today: fines + remaining jasa + principal. */
  totalOwed: number;
  daysPastDue: number;
  allocations: RepaymentAllocation[];
}

/**
 * Replays repayments in date order. Each repayment goes to unpaid fines first, then the
 * installments in order, each installment's jasa before its principal. A fine accrues once for
 * each installment still unpaid when its grace period ends. A repayment larger than what is
 * owed at its date is refused.
 */
export function loanState(
  terms: LoanTerms & Partial<ImportedPosition>,
  repayments: readonly Repayment[],
  asOf: BusinessDate,
  schedule: readonly Installment[] = loanSchedule(terms),
): LoanState {
  // Installments paid before a paper-book loan moved in are settled on the cut-over date.
  const paidBefore = terms.importedPaidInstallments ?? 0;
  const installments: InstallmentState[] = schedule.map((i) =>
    i.n <= paidBefore
      ? {
          ...i,
          principalPaid: i.principal,
          serviceChargePaid: i.serviceCharge,
          paidOn: terms.importedOn ?? terms.disbursedOn,
          fined: false,
        }
      : { ...i, principalPaid: 0, serviceChargePaid: 0, paidOn: null, fined: false },
  );
  // Fines for lateness before the cut-over were the paper book's to charge, not the portal's.
  const finesFrom = terms.importedOn ?? null;
  let finesAccrued = 0;
  let finesPaid = 0;
  const graceEnds = installments.map((i) => addDays(i.dueOn, terms.lateFineGraceDays));
  const accrueUntil = (date: BusinessDate) => {
    // An installment is fined when its grace period has passed (strictly before `date`) unpaid.
    for (const [k, i] of installments.entries()) {
      const graceEnded = graceEnds[k]!;
      if (!i.fined && i.paidOn === null && graceEnded < date && (finesFrom === null || graceEnded >= finesFrom)) {
        i.fined = true;
        finesAccrued += terms.lateFineAmount;
      }
    }
  };
  const allocations: RepaymentAllocation[] = [];
  const sorted = [...repayments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const r of sorted) {
    accrueUntil(r.date);
    const owed =
      finesAccrued -
      finesPaid +
      installments.reduce((t, i) => t + i.principal - i.principalPaid + i.serviceCharge - i.serviceChargePaid, 0);
    if (r.amount > owed) throw invalid("repayment_exceeds_owed", "amount", { owed });
    let left = r.amount;
    const a: RepaymentAllocation = { fine: 0, serviceCharge: 0, principal: 0 };
    const fine = Math.min(left, finesAccrued - finesPaid);
    finesPaid += fine;
    a.fine = fine;
    left -= fine;
    for (const i of installments) {
      if (left === 0) break;
      const sc = Math.min(left, i.serviceCharge - i.serviceChargePaid);
      i.serviceChargePaid += sc;
      a.serviceCharge += sc;
      left -= sc;
      const p = Math.min(left, i.principal - i.principalPaid);
      i.principalPaid += p;
      a.principal += p;
      left -= p;
      if (i.paidOn === null && i.principalPaid === i.principal && i.serviceChargePaid === i.serviceCharge)
        i.paidOn = r.date;
    }
    allocations.push(a);
  }
  accrueUntil(asOf);
  const principalOutstanding = installments.reduce((t, i) => t + i.principal - i.principalPaid, 0);
  const serviceChargeOutstanding = installments.reduce((t, i) => t + i.serviceCharge - i.serviceChargePaid, 0);
  const firstUnpaid = installments.find((i) => i.paidOn === null);
  const daysPastDue = firstUnpaid && firstUnpaid.dueOn < asOf ? daysBetween(firstUnpaid.dueOn, asOf) : 0;
  return {
    installments,
    finesAccrued,
    finesPaid,
    principalOutstanding,
    serviceChargeOutstanding,
    totalOwed: finesAccrued - finesPaid + principalOutstanding + serviceChargeOutstanding,
    daysPastDue,
    allocations,
  };
}

export const LOAN_STATUSES = ["berjalan", "menunggak", "lunas", "dihapus", "dibatalkan"] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

export function loanStatus(
  s: Pick<LoanState, "totalOwed" | "principalOutstanding" | "daysPastDue">,
  flags: { writtenOff: boolean; cancelled: boolean },
): LoanStatus {
  if (flags.cancelled) return "dibatalkan";
  if (flags.writtenOff) return "dihapus";
  if (s.principalOutstanding === 0 && s.totalOwed === 0) return "lunas";
  return s.daysPastDue > 0 ? "menunggak" : "berjalan";
}

/** A loan as it stands: its schedule, what is paid and owed at a date, and its status. */
export interface LoanView<L extends LoanTerms = LoanTerms> {
  loan: L;
  schedule: Installment[];
  state: LoanState;
  status: LoanStatus;
}

/** What a loan's view needs of each of its standing entries (corrections and reversed entries left out). */
export interface LoanEntryFacts {
  kind: string;
  businessDate: BusinessDate;
  amount: number;
}

/**
 * A loan's view from its terms and its standing entries. A loan moved in from the paper book has
 * no disbursement entry (the opening entry carries it); any other loan without one was cancelled.
 */
export function viewLoan<L extends LoanTerms & ImportedPosition>(
  loan: L,
  entries: readonly LoanEntryFacts[],
  asOf: BusinessDate,
): LoanView<L> {
  const repayments = entries
    .filter((e) => e.kind === "loan_repayment")
    .map((e) => ({ date: e.businessDate, amount: e.amount }));
  const cancelled = loan.importedOn === null && !entries.some((e) => e.kind === "loan_disbursement");
  const writtenOff = entries.some((e) => e.kind === "write_off");
  const schedule = scheduleOf(loan);
  const state = loanState(loan, repayments, asOf, schedule);
  return { loan, schedule, state, status: loanStatus(state, { writtenOff, cancelled }) };
}

const schedules = new WeakMap<object, { terms: string; schedule: readonly Installment[] }>();

/**
 * A loan row's schedule, made once while its terms stay the same (a loan is viewed on every
 * repayment and every page); frozen, since every view of the loan shares it.
 */
function scheduleOf(loan: LoanTerms & Partial<ImportedPosition>): Installment[] {
  const terms = `${loan.principal}|${loan.termMonths}|${loan.rateBpsPerMonth}|${loan.method}|${loan.disbursedOn}|${loan.importedPaidInstallments}|${loan.importedPrincipalOutstanding}`;
  const kept = schedules.get(loan);
  if (kept?.terms === terms) return kept.schedule as Installment[];
  const schedule = Object.freeze(loanSchedule(loan).map((i) => Object.freeze(i)));
  schedules.set(loan, { terms, schedule });
  return schedule as Installment[];
}

/** Kolektibilitas by days past due (as Indonesian cooperatives grade loans). */
export function collectability(daysPastDue: number): "lancar" | "kurang_lancar" | "diragukan" | "macet" {
  if (daysPastDue <= 30) return "lancar";
  if (daysPastDue <= 90) return "kurang_lancar";
  if (daysPastDue <= 180) return "diragukan";
  return "macet";
}

export const LOAN_PURPOSES = [
  "kopi",
  "kemiri",
  "pertanian_lain",
  "ternak",
  "usaha_kecil",
  "biaya_sekolah",
  "kesehatan",
  "rumah",
  "lainnya",
] as const;
export type LoanPurpose = (typeof LOAN_PURPOSES)[number];

/** What a loan asks of its borrower on a date: what is late, what falls due next, what settles it. */
export interface LoanDue {
  /** The next installment not yet late (due on or after the date), what is left of it, or null when none is left. */
  installment: { n: number; dueOn: BusinessDate; amount: number } | null;
  /** The unpaid jasa and principal of installments whose due date has passed. */
  arrears: number;
  /** Late fines charged and not yet paid. */
  fines: number;
  /** What is owed now: fines and arrears, and the installment too when it falls due on the date itself. */
  dueNow: number;
  /** What pays the loan off completely on the date (fines + all jasa and principal left). */
  settle: number;
  daysPastDue: number;
}

/**
 * What is due on a loan at `asOf`, from its state at that date (loanState replays its repayments):
 * a repayment goes to fines, then the oldest installment's jasa and principal, so paying `dueNow`
 * brings the loan up to date and paying `settle` closes it.
 */
export function loanDue(state: LoanState, asOf: BusinessDate): LoanDue {
  const left = (i: InstallmentState) => i.principal - i.principalPaid + i.serviceCharge - i.serviceChargePaid;
  let arrears = 0;
  let installment: LoanDue["installment"] = null;
  for (const i of state.installments) {
    const rest = left(i);
    if (rest === 0) continue;
    if (i.dueOn < asOf) arrears += rest;
    else if (!installment) installment = { n: i.n, dueOn: i.dueOn, amount: rest };
  }
  const fines = state.finesAccrued - state.finesPaid;
  const today = installment && installment.dueOn === asOf ? installment.amount : 0;
  return {
    installment,
    arrears,
    fines,
    dueNow: fines + arrears + today,
    settle: state.totalOwed,
    daysPastDue: state.daysPastDue,
  };
}

/**
 * The double-entry core: accounts, kinds of entry and the postings each kind makes.
 * Sign convention: a posting's amount is positive for a debit and negative for a credit,
 * so every entry's postings sum to zero. Assets (cash, loans receivable) and costs have
 * debit balances; member savings, the social fund, income and surplus have credit balances.
 */
import { invalid } from "./errors";

export const ACCOUNTS = [
  "cash", // kas
  "bank", // rekening bank kelompok
  "loans_receivable", // piutang pinjaman
  "savings_share", // simpanan pokok
  "savings_mandatory", // simpanan wajib (iuran harian)
  "savings_voluntary", // simpanan sukarela
  "social_fund", // dana sosial
  "income_service_charge", // pendapatan jasa pinjaman
  "income_fine", // pendapatan denda
  "income_other", // pendapatan lain
  "expense", // biaya
  "write_off_loss", // kerugian hapus buku
  "retained_surplus", // surplus/ekuitas (saldo awal, rugi tahun yang ditutup)
  "reserve_fund", // dana cadangan (bagian SHU yang ditahan)
  "fund_board", // dana pengurus (bagian SHU)
  "fund_education", // dana pendidikan (bagian SHU)
] as const;
export type Account = (typeof ACCOUNTS)[number];

export const DEBIT_NORMAL: ReadonlySet<Account> = new Set([
  "cash",
  "bank",
  "loans_receivable",
  "expense",
  "write_off_loss",
]);
/** Where the group's money is: the box at the treasurer's and the group's bank account. */
export const MONEY_ACCOUNTS = ["cash", "bank"] as const;
export type MoneyAccount = (typeof MONEY_ACCOUNTS)[number];
/** Cash unless the bank is named; anything else is refused. */
export function moneyAccount(via: unknown): MoneyAccount {
  if (via === undefined || via === null) return "cash";
  if (!(MONEY_ACCOUNTS as readonly unknown[]).includes(via)) throw invalid("money_account_invalid", "via");
  return via as MoneyAccount;
}
/** What an expense or other income is for: codes from fixed lists, never typed words (they go public). */
export const EXPENSE_CATEGORIES = [
  "alat_tulis",
  "transportasi",
  "rapat",
  "pelatihan",
  "konsumsi",
  "administrasi_bank",
  "sosial",
  "lainnya",
] as const;
export const INCOME_CATEGORIES = ["bunga_bank", "hibah", "sumbangan", "lainnya"] as const;

export const SAVINGS_ACCOUNTS = ["savings_share", "savings_mandatory", "savings_voluntary"] as const;
export type SavingsAccount = (typeof SAVINGS_ACCOUNTS)[number];

/** A member's savings of every kind together (simpanan pokok + wajib + sukarela). */
export const savingsTotal = (s: Readonly<Record<SavingsAccount, number>>): number =>
  SAVINGS_ACCOUNTS.reduce((t, a) => t + s[a], 0);

/** Balance in the account's natural direction (cash as a positive amount, savings as a positive amount). */
export function naturalBalance(account: Account, signedSum: number): number {
  return DEBIT_NORMAL.has(account) ? signedSum : -signedSum;
}

export const ENTRY_KINDS = [
  "contribution", // setoran: iuran harian, simpanan pokok/sukarela, dana sosial
  "savings_withdrawal", // penarikan simpanan
  "loan_disbursement", // pencairan pinjaman
  "loan_repayment", // angsuran: pokok + jasa + denda
  "expense", // biaya
  "other_income", // pendapatan lain
  "opening_balance", // saldo awal
  "write_off", // hapus buku
  "correction", // koreksi / pembalikan
  "bank_deposit", // setor ke bank: kas → bank
  "bank_withdrawal", // tarik dari bank: bank → kas
  "year_close", // tutup buku tahunan: SHU dibagi
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** What a member pays in at a collection, per line. */
/**
 * Why a correction was made, from a fixed list: the public sees only the code (labelled in each
 * language). Whatever the treasurer adds in her own words is a private note, committed through
 * the salted detail digest and never published. A write-off publishes no reason at all.
 */
export const CORRECTION_REASONS = [
  "salah_jumlah",
  "salah_anggota",
  "salah_tanggal",
  "salah_jenis",
  "tercatat_dua_kali",
  "lainnya",
] as const;
export type CorrectionReason = (typeof CORRECTION_REASONS)[number];

export const CONTRIBUTION_LINE_KINDS = ["daily", "share", "voluntary", "social_fund"] as const;
export type ContributionLineKind = (typeof CONTRIBUTION_LINE_KINDS)[number];
export const LINE_KIND_ACCOUNT: Record<ContributionLineKind, Account> = {
  daily: "savings_mandatory",
  share: "savings_share",
  voluntary: "savings_voluntary",
  social_fund: "social_fund",
};

/** Accounts whose natural balance may never go below zero, per the key they are kept by. */
export const NON_NEGATIVE: ReadonlySet<Account> = new Set([
  "cash",
  "bank",
  "loans_receivable",
  "savings_share",
  "savings_mandatory",
  "savings_voluntary",
  "social_fund",
]);

export interface Posting {
  account: Account;
  amount: number; // signed rupiah: + debit, − credit
  memberId?: number | null;
  loanId?: number | null;
}

export function assertBalanced(postings: readonly Posting[]): void {
  let total = 0;
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amount) || p.amount === 0)
      throw new Error(`posting amount must be a non-zero integer: ${p.amount}`);
    total += p.amount;
  }
  if (total !== 0) throw new Error(`postings do not balance: ${total}`);
  if (postings.length < 2) throw new Error("an entry needs at least two postings");
}

/** The entry's amount as shown publicly: the sum of its debits. */
export function entryAmount(postings: readonly Posting[]): number {
  let d = 0;
  for (const p of postings) if (p.amount > 0) d += p.amount;
  return d;
}

export function contributionPostings(
  lines: readonly { memberId: number; amount: number; kind: ContributionLineKind }[],
  money: MoneyAccount = "cash",
): Posting[] {
  if (lines.length === 0) throw invalid("lines_empty", "lines");
  const postings: Posting[] = [];
  let total = 0;
  for (const l of lines) {
    total += l.amount;
    postings.push({ account: LINE_KIND_ACCOUNT[l.kind], amount: -l.amount, memberId: l.memberId });
  }
  return [{ account: money, amount: total }, ...postings];
}

/** A withdrawal is drawn from voluntary savings first, then mandatory, then the share. */
export function withdrawalPostings(
  memberId: number,
  amount: number,
  savings: Readonly<Record<SavingsAccount, number>>,
  money: MoneyAccount = "cash",
): Posting[] {
  const total = savings.savings_voluntary + savings.savings_mandatory + savings.savings_share;
  if (amount > total) throw invalid("withdrawal_exceeds_savings", "amount", { available: total });
  const postings: Posting[] = [{ account: money, amount: -amount }];
  let left = amount;
  for (const account of ["savings_voluntary", "savings_mandatory", "savings_share"] as const) {
    const take = Math.min(left, savings[account]);
    if (take > 0) postings.push({ account, amount: take, memberId });
    left -= take;
  }
  return postings;
}

export function disbursementPostings(
  memberId: number,
  loanId: number,
  principal: number,
  money: MoneyAccount = "cash",
): Posting[] {
  return [
    { account: "loans_receivable", amount: principal, memberId, loanId },
    { account: money, amount: -principal },
  ];
}

export interface RepaymentAllocation {
  fine: number;
  serviceCharge: number;
  principal: number;
}

export function repaymentPostings(
  memberId: number,
  loanId: number,
  a: RepaymentAllocation,
  money: MoneyAccount = "cash",
): Posting[] {
  const postings: Posting[] = [{ account: money, amount: a.fine + a.serviceCharge + a.principal }];
  if (a.principal) postings.push({ account: "loans_receivable", amount: -a.principal, memberId, loanId });
  if (a.serviceCharge) postings.push({ account: "income_service_charge", amount: -a.serviceCharge, memberId, loanId });
  if (a.fine) postings.push({ account: "income_fine", amount: -a.fine, memberId, loanId });
  return postings;
}

export function writeOffPostings(memberId: number, loanId: number, outstanding: number): Posting[] {
  return [
    { account: "write_off_loss", amount: outstanding, memberId, loanId },
    { account: "loans_receivable", amount: -outstanding, memberId, loanId },
  ];
}

export function expensePostings(amount: number, money: MoneyAccount = "cash"): Posting[] {
  return [
    { account: "expense", amount },
    { account: money, amount: -amount },
  ];
}

export function otherIncomePostings(amount: number, money: MoneyAccount = "cash"): Posting[] {
  return [
    { account: money, amount },
    { account: "income_other", amount: -amount },
  ];
}

/** Setor ke bank (cash into the bank account) or tarik dari bank (back into cash). */
export function bankTransferPostings(kind: "bank_deposit" | "bank_withdrawal", amount: number): Posting[] {
  const [from, to] = kind === "bank_deposit" ? (["cash", "bank"] as const) : (["bank", "cash"] as const);
  return [
    { account: to, amount },
    { account: from, amount: -amount },
  ];
}

/**
 * Moving off paper books: cash, bank, the social fund, each member's savings and each running
 * loan's principal still owed; the difference is the surplus the group has kept (or, negative,
 * what the books are short).
 */
export function openingBalancePostings(o: {
  cash: number;
  bank?: number;
  socialFund: number;
  savings: readonly { memberId: number; account: SavingsAccount; amount: number }[];
  loans?: readonly { memberId: number; loanId: number; outstanding: number }[];
}): Posting[] {
  const postings: Posting[] = [];
  if (o.cash) postings.push({ account: "cash", amount: o.cash });
  if (o.bank) postings.push({ account: "bank", amount: o.bank });
  for (const l of o.loans ?? [])
    if (l.outstanding)
      postings.push({ account: "loans_receivable", amount: l.outstanding, memberId: l.memberId, loanId: l.loanId });
  if (o.socialFund) postings.push({ account: "social_fund", amount: -o.socialFund });
  for (const s of o.savings)
    if (s.amount) postings.push({ account: s.account, amount: -s.amount, memberId: s.memberId });
  const rest = -postings.reduce((t, p) => t + p.amount, 0);
  if (rest) postings.push({ account: "retained_surplus", amount: rest });
  return postings;
}

/** The year's total on each income and cost account, as the year's postings left them (natural sign). */
export interface YearTotals {
  income_service_charge: number;
  income_fine: number;
  income_other: number;
  expense: number;
  write_off_loss: number;
}

/**
 * Tutup buku: the year's income and cost accounts are emptied into its SHU, and the SHU goes where
 * the rule sends it — the reserve, the board's and education funds, the social fund, and each
 * member's part into her voluntary savings (or out of the cash box when paid in cash). A year
 * without a surplus carries its loss into retained surplus.
 */
export function yearClosePostings(
  y: YearTotals,
  pools: { cadangan: number; pengurus: number; pendidikan: number; sosial: number },
  members: readonly { memberId: number; amount: number; payout: "savings" | "cash" }[],
): Posting[] {
  const postings: Posting[] = [];
  const add = (account: Account, amount: number, memberId?: number) => {
    if (amount !== 0) postings.push({ account, amount, memberId: memberId ?? null });
  };
  add("income_service_charge", y.income_service_charge);
  add("income_fine", y.income_fine);
  add("income_other", y.income_other);
  add("expense", -y.expense);
  add("write_off_loss", -y.write_off_loss);
  const shu = y.income_service_charge + y.income_fine + y.income_other - y.expense - y.write_off_loss;
  if (shu <= 0) {
    add("retained_surplus", -shu);
    return postings;
  }
  add("reserve_fund", -pools.cadangan);
  add("fund_board", -pools.pengurus);
  add("fund_education", -pools.pendidikan);
  add("social_fund", -pools.sosial);
  for (const m of members) {
    // Her part is always credited to her, so her passbook shows it; paid in cash, it leaves again at once.
    add("savings_voluntary", -m.amount, m.memberId);
    if (m.payout === "cash") {
      add("savings_voluntary", m.amount, m.memberId);
      add("cash", -m.amount);
    }
  }
  return postings;
}

/** A correction exactly reverses an earlier entry: every posting negated. */
export function reversalPostings(original: readonly Posting[]): Posting[] {
  return original.map((p) => ({ ...p, amount: -p.amount }));
}

/** Key of a kept balance: per account, per member or per loan where the posting names one. */
export function balanceKey(p: Pick<Posting, "account" | "memberId" | "loanId">): string {
  return `${p.account}|${p.memberId ?? 0}|${p.loanId ?? 0}`;
}

/** One kept balance an entry moves: member and loan 0 when none, as `account_balances` keys them. */
export type BalanceMove = [account: Account, memberId: number, loanId: number, amount: number];

/**
 * What one entry adds to the kept rollups: the change of each balance it moves, and of each
 * account's total (for the month's flows). The one rule that the ledger writer and the scale seed
 * apply and `npm run verify` recomputes from the postings.
 */
export function entryRollup(postings: readonly Posting[]): { balances: BalanceMove[]; accounts: [Account, number][] } {
  const balances = new Map<string, BalanceMove>();
  const accounts = new Map<Account, number>();
  for (const p of postings) {
    const k = balanceKey(p);
    const b = balances.get(k) ?? [p.account, p.memberId ?? 0, p.loanId ?? 0, 0];
    b[3] += p.amount;
    balances.set(k, b);
    accounts.set(p.account, (accounts.get(p.account) ?? 0) + p.amount);
  }
  return { balances: [...balances.values()], accounts: [...accounts] };
}

/** Sum postings into balances by key (signed, debit positive). */
export function applyPostings(balances: Map<string, number>, postings: readonly Posting[]): Map<string, number> {
  for (const p of postings) {
    const k = balanceKey(p);
    const v = (balances.get(k) ?? 0) + p.amount;
    if (v === 0) balances.delete(k);
    else balances.set(k, v);
  }
  return balances;
}

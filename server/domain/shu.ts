/**
 * Closing the year: SHU (sisa hasil usaha) and how the group's rule (AD/ART) divides it.
 * Pure and exact: every part is whole rupiah, and the parts always sum to what they divide
 * (largest remainder, ties to the earlier key), computed in BigInt so no product overflows.
 */
import { invalid } from "./errors";

/** The pools a share-out rule may use, in the order they are shown. */
export const SHU_POOLS = [
  "cadangan", // dana cadangan: kept by the group (reserve)
  "jasa_modal", // to members by their savings
  "jasa_pinjaman", // to members by the service charge they paid
  "pengurus", // the board
  "pendidikan", // training and education
  "sosial", // the social fund
] as const;
export type ShuPool = (typeof SHU_POOLS)[number];
export type ShareOutRule = Record<ShuPool, number> & {
  /** Members' parts go to their voluntary savings, or are paid out in cash at the meeting. */
  memberPayout: "savings" | "cash";
};

/** An example rule (the demo's): a quarter kept as reserve, 60 % to members by savings and by service charge paid. */
export const EXAMPLE_RULE: ShareOutRule = {
  cadangan: 2500,
  jasa_modal: 3500,
  jasa_pinjaman: 2500,
  pengurus: 500,
  pendidikan: 500,
  sosial: 500,
  memberPayout: "savings",
};

/** Percentages in basis points (1 % = 100), each whole and ≥ 0, summing to exactly 100 %. */
export function assertShareOutRule(r: unknown): ShareOutRule {
  const o = (r ?? {}) as Record<string, unknown>;
  let total = 0;
  for (const p of SHU_POOLS) {
    const v = o[p];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 10_000)
      throw invalid("shu_rule_invalid", `rule.${p}`);
    total += v;
  }
  if (total !== 10_000) throw invalid("shu_rule_not_100", "cadangan", { total: total / 100 });
  if (o.memberPayout !== "savings" && o.memberPayout !== "cash") throw invalid("shu_rule_invalid", "memberPayout");
  return Object.fromEntries([...SHU_POOLS.map((p) => [p, o[p]]), ["memberPayout", o.memberPayout]]) as ShareOutRule;
}

/**
 * Divides `total` in proportion to `weights` (non-negative integers), in whole units that sum to
 * `total` exactly: each gets the floor of its share, and the units left go one each to the largest
 * remainders (ties to the earlier key). All weights zero: nothing is divided (every part 0).
 */
export function largestRemainder<K>(total: number, weights: readonly (readonly [K, number])[]): Map<K, number> {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`cannot divide ${total}`);
  const W = weights.reduce((t, [, w]) => t + BigInt(w), 0n);
  const out = new Map<K, number>(weights.map(([k]) => [k, 0]));
  if (W === 0n || total === 0) return out;
  const T = BigInt(total);
  const rems: { k: K; i: number; rem: bigint }[] = [];
  let given = 0n;
  weights.forEach(([k, w], i) => {
    if (w < 0 || !Number.isSafeInteger(w)) throw new RangeError(`bad weight ${w}`);
    const n = T * BigInt(w);
    const q = n / W;
    out.set(k, Number(q));
    given += q;
    rems.push({ k, i, rem: n % W });
  });
  rems.sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (let left = T - given, j = 0; left > 0n; left--, j++) {
    const r = rems[j]!;
    out.set(r.k, out.get(r.k)! + 1);
  }
  return out;
}

export interface YearResult {
  serviceCharge: number;
  fines: number;
  otherIncome: number;
  expenses: number;
  writtenOff: number;
}

/** SHU = the year's income (jasa, denda, pendapatan lain) − its expenses − its write-offs. */
export const shuOf = (y: YearResult): number => y.serviceCharge + y.fines + y.otherIncome - y.expenses - y.writtenOff;

export interface MemberBasis {
  memberId: number;
  code: string;
  /** Sum of her savings at each month's end of the year (÷ 12 is her average balance). */
  savingsMonthEnds: number;
  /** Service charge she paid in the year. */
  serviceChargePaid: number;
}

export interface ShareOut {
  shu: number;
  pools: Record<ShuPool, number>;
  members: { memberId: number; code: string; jasaModal: number; jasaPinjaman: number; total: number }[];
}

/**
 * Divides a positive SHU into the rule's pools, then the two members' pools by each member's
 * basis. A members' pool with no basis at all (no savings, or no loans that year) is kept in the
 * reserve rather than lost. A year without a surplus divides nothing.
 */
export function shareOut(shu: number, rule: ShareOutRule, basis: readonly MemberBasis[]): ShareOut {
  const zeroPools = Object.fromEntries(SHU_POOLS.map((p) => [p, 0])) as Record<ShuPool, number>;
  if (shu <= 0) return { shu, pools: zeroPools, members: [] };
  const pools = Object.fromEntries(
    largestRemainder(
      shu,
      SHU_POOLS.map((p) => [p, rule[p]] as const),
    ),
  ) as Record<ShuPool, number>;
  const sorted = [...basis].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const bySavings = sorted.map((m) => [m.memberId, m.savingsMonthEnds] as const);
  const byCharge = sorted.map((m) => [m.memberId, m.serviceChargePaid] as const);
  if (bySavings.every(([, w]) => w === 0)) {
    pools.cadangan += pools.jasa_modal;
    pools.jasa_modal = 0;
  }
  if (byCharge.every(([, w]) => w === 0)) {
    pools.cadangan += pools.jasa_pinjaman;
    pools.jasa_pinjaman = 0;
  }
  const modal = largestRemainder(pools.jasa_modal, bySavings);
  const pinjaman = largestRemainder(pools.jasa_pinjaman, byCharge);
  const members = sorted
    .map((m) => {
      const jasaModal = modal.get(m.memberId) ?? 0;
      const jasaPinjaman = pinjaman.get(m.memberId) ?? 0;
      return { memberId: m.memberId, code: m.code, jasaModal, jasaPinjaman, total: jasaModal + jasaPinjaman };
    })
    .filter((m) => m.total > 0);
  return { shu, pools, members };
}

/**
 * Open data (CC BY 4.0): stable, documented field names, no personal data. The ledger files
 * carry everything needed to recompute every balance and every hash (see /data).
 */
import type { Database, DbOrTx } from "@/db/client";
import type { GroupRow } from "@/server/shared/context";
import { allPublicEntries, type GroupFigures, vouchedGroupFigures } from "@/server/read/public-figures";
import { CHAIN_VERSIONS, CURRENT_CHAIN_VERSION } from "@/server/domain/chain";
import { localDate } from "@/server/domain/dates";
import { CSV_COLUMNS, csvRow, LICENSE, publicLedgerRow } from "@/server/domain/open-ledger";
import { MIN_CELL } from "@/server/domain/indicators";
import type { FlaggedGroup } from "@/server/domain/portal";
import { bothLanguages } from "@/server/i18n/errors";

/** A group whose book failed the chain check, as groups.json lists it: named, no figures. */
export function flaggedHeadline(g: FlaggedGroup) {
  return {
    slug: g.group.slug,
    name: g.group.name,
    village: g.group.village,
    isDemo: g.group.isDemo,
    error: "chain_check_failed" as const,
    message: bothLanguages("chain_check_failed"),
    firstProblemSeq: g.problemSeq,
    checkedAt: g.wholeCheckedAt,
  };
}

export function groupHeadline(f: GroupFigures) {
  return {
    slug: f.group.slug,
    name: f.group.name,
    village: f.group.village,
    kecamatan: f.group.kecamatan,
    kabupaten: f.group.kabupaten,
    provinsi: f.group.provinsi,
    foundedOn: f.group.foundedOn,
    isDemo: f.group.isDemo,
    asOf: f.today,
    membersActive: f.members.active,
    membersWomen: f.members.women.value,
    membersMen: f.members.men.value,
    cashRp: f.balances.cash,
    bankRp: f.balances.bank,
    loansOutstandingRp: f.balances.loansOutstanding,
    memberSavingsRp: f.balances.memberSavings,
    socialFundRp: f.balances.socialFund,
    reserveFundRp: f.balances.reserve,
    otherFundsRp: f.balances.otherFunds,
    surplusRp: f.balances.surplus,
    savingsCollectedRp: f.totals.contributions,
    loansDisbursedRp: f.totals.disbursed,
    contributionCompliance: f.compliance.ratio,
    par30: f.loans.par30,
    repaymentRate: f.loans.repaymentRate,
    retentionPerYear: f.indicators.retentionPerYear,
    costAvoidedAtLeastRp: f.costs.avoided.atLeast,
    costAvoidedIfOthersRentenirRp: f.costs.avoided.ifOthersRentenir,
    memberDays: f.costs.avoided.memberDays,
    lastSeq: f.head.lastSeq,
    lastHash: f.head.lastHash,
  };
}

export function groupDetail(f: GroupFigures) {
  return {
    license: LICENSE,
    ...groupHeadline(f),
    loanPolicy: {
      serviceChargeBpsPerMonth: f.group.loanRateBpsPerMonth,
      method: f.group.loanMethod,
      maxTermMonths: f.group.loanMaxTermMonths,
      lateFineRp: f.group.lateFineAmount,
      lateFineGraceDays: f.group.lateFineGraceDays,
    },
    dailyContributionRp: f.group.dailyContribution,
    /** The SHU share-out rule in force, in basis points of the year's SHU (100 = 1 %). */
    shareOutRule: f.shareOutRule,
    /** Every closed year: its SHU and how it was divided by pool (never by member). */
    closedYears: f.closedYears.map((y) => ({
      year: y.year,
      shuRp: y.shu,
      poolsRp: y.pools,
      membersPaid: y.membersPaid,
      indicators: y.indicators,
      report: `/kelompok/${f.group.slug}/tahun/${y.year}`,
    })),
    loans: {
      count: f.loans.count,
      active: f.loans.active.value,
      byStatus: Object.fromEntries(Object.entries(f.loans.byStatus).map(([k, n]) => [k, n.value])),
      byPurpose: f.loans.byPurpose.map((p) => ({
        purpose: p.purpose,
        count: p.count.value,
        principalRp: p.principal.value,
      })),
    },
    loanCosts: {
      loans: f.costs.loans,
      totalsRp: f.costs.totals,
      referenceTerms: f.costs.terms,
      method:
        "costs of the same principal and term: ksm = scheduled service charge; kur = annuity; rentenir and ijon per referenceTerms (see /metodologi)",
    },
    lastCashCount: f.lastCashCount && {
      date: f.lastCashCount.businessDate,
      countedRp: f.lastCashCount.countedAmount,
      bookRp: f.lastCashCount.bookAmount,
      differenceRp: f.lastCashCount.difference,
      /** "salah_ketik" or "dihitung_ulang" when this count replaced one recorded the same day ("diganti"). */
      replacedBecause: f.lastCashCount.replaceReason,
      /** "tidak_cocok", "perlu_penjelasan" or "bukti_kurang" while the supervisor's question is open ("dipertanyakan pengawas"). */
      queriedBySupervisor: f.lastCashCount.queried,
    },
    months: f.months.map((m) => ({
      month: m.month,
      savingsCollectedRp: m.contributions,
      dailyContributionsRp: m.dailyContributions,
      socialFundInRp: m.socialFundIn,
      withdrawalsRp: m.withdrawals,
      loansDisbursedRp: m.disbursed,
      principalRepaidRp: m.principalRepaid,
      serviceChargeRp: m.serviceCharge,
      finesRp: m.fines,
      expensesRp: m.expenses,
      otherIncomeRp: m.otherIncome,
      writtenOffRp: m.writtenOff,
      closingBalancesRp: m.closing,
    })),
    notes: `null = hidden: drawn from fewer than ${MIN_CELL} members or loans, or hidden with one so that it cannot be computed from the total and the other figures. Amounts in whole rupiah.`,
  };
}

export async function groupDetailOf(database: Database, group: GroupRow) {
  return groupDetail(await vouchedGroupFigures(database, group));
}

/**
 * The whole public ledger. `asOf` (the group's date when it was written) and `foundedOn` travel with
 * it, so the verifier can check that no entry is dated after the one or before the other.
 */
export async function* ledgerJsonChunks(db: DbOrTx, group: GroupRow, now = new Date()): AsyncGenerator<string> {
  const head = {
    license: LICENSE,
    group: group.slug,
    isDemo: group.isDemo,
    canonicalVersion: CHAIN_VERSIONS[CURRENT_CHAIN_VERSION],
    asOf: localDate(now, group.timeZone),
    foundedOn: group.foundedOn,
  };
  yield `${JSON.stringify(head).slice(0, -1)},"entries":[`;
  let separator = "";
  for await (const chunk of allPublicEntries(db, group)) {
    if (!chunk.length) continue;
    yield separator + chunk.map((e) => JSON.stringify(publicLedgerRow(e))).join(",");
    separator = ",";
  }
  yield "]}\n";
}

export async function* ledgerCsvChunks(db: DbOrTx, group: GroupRow): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(",")}\n`;
  for await (const chunk of allPublicEntries(db, group))
    yield `${chunk.map((e) => csvRow(e, group.isDemo)).join("\n")}\n`;
}

export function streamOf(gen: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await gen.next();
      if (done) controller.close();
      else controller.enqueue(enc.encode(value));
    },
  });
}

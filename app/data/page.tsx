import { getDatabase } from "@/db/client";
import { CSV_COLUMNS, LICENSE } from "@/server/domain/open-ledger";
import { listGroups } from "@/server/read/public-figures";
import { pageOf } from "@/server/domain/portal";
import { Pager } from "../_components/Pager";
import { ACCOUNTS } from "@/server/domain/ledger";
import { ACCOUNT_MEANINGS } from "@/server/i18n/glossary";
import { getMessages, titled } from "@/server/i18n/locale";
import { DATA_FIELDS, DATA_PAGE, DATA_RULES_CHECKED, DATA_RULES_NOT_CHECKED } from "@/server/i18n/pages";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("openData");

/** Groups' files listed per page (a thousand groups would be a long page on a phone; groups.json has them all). */
const GROUPS_PER_PAGE = 25;

export default async function DataPage({ searchParams }: { searchParams: Promise<{ hal?: string }> }) {
  const { locale, t } = await getMessages();
  const x = DATA_PAGE[locale];
  const { db } = await getDatabase();
  const groups = await listGroups(db);
  const shown = pageOf(groups, (await searchParams).hal, GROUPS_PER_PAGE);
  return (
    <>
      <h1>{x.title}</h1>
      <p>{x.intro}</p>
      {groups.some((g) => g.isDemo) && <p className="warn">{x.demo}</p>}
      <h2>{x.licence}</h2>
      <p>
        <a href={LICENSE.url} rel="license">
          {LICENSE.name}
        </a>{" "}
        — {x.licenceText}
      </p>
      <h2 id="berkas">{x.files}</h2>
      <ul>
        <li>
          <a href="/api/open/groups.json">
            <code>/api/open/groups.json</code>
          </a>
        </li>
        {shown.items.map((g) => (
          <li key={g.slug}>
            {g.name}: <a href={`/api/open/groups/${g.slug}.json`}>{g.slug}.json</a> ·{" "}
            <a href={`/api/open/groups/${g.slug}/ledger.json`}>ledger.json</a> ·{" "}
            <a href={`/api/open/groups/${g.slug}/ledger.csv`}>ledger.csv</a> ·{" "}
            <a href={`/api/open/groups/${g.slug}/checkpoints.json`}>checkpoints.json</a>
          </li>
        ))}
        <li>
          <a href="/api/open/compare?amount=1000000&amp;months=4">
            <code>/api/open/compare?amount=1000000&amp;months=4</code>
          </a>
        </li>
      </ul>
      <Pager page={shown.page} pages={shown.pages} href={(n) => `/data?hal=${n}#berkas`} t={t} />
      <h2>{x.schema}</h2>
      <p>
        <code>groups.json</code>:{" "}
        <code>
          license, groups[] — slug, name, village, kecamatan, kabupaten, provinsi, foundedOn, isDemo, asOf,
          membersActive, membersWomen, membersMen, cashRp, bankRp, loansOutstandingRp, memberSavingsRp, socialFundRp,
          reserveFundRp, otherFundsRp, surplusRp, savingsCollectedRp, loansDisbursedRp, contributionCompliance, par30,
          repaymentRate, retentionPerYear, costAvoidedAtLeastRp, costAvoidedIfOthersRentenirRp, memberDays
        </code>{" "}
        ({x.memberDays}),{" "}
        <code>
          lastSeq, lastHash; failedChainCheck[] — slug, name, village, isDemo, error (chain_check_failed), message,
          firstProblemSeq, checkedAt
        </code>
        . <code>null</code> = {t.suppressed} ({t.suppressedNote})
      </p>
      <p>
        <code>[slug].json</code>: {x.plusAbove}{" "}
        <code>
          loanPolicy, dailyContributionRp, loans (byStatus, byPurpose), loanCosts, lastCashCount, months[] — month,
          savingsCollectedRp, dailyContributionsRp, socialFundInRp, withdrawalsRp, loansDisbursedRp, principalRepaidRp,
          serviceChargeRp, finesRp, expensesRp, otherIncomeRp, writtenOffRp, closingBalancesRp, shareOutRule
        </code>{" "}
        ({x.shareOutRule}
        <code>, memberPayout, isExample</code>),{" "}
        <code>
          closedYears[] — year, shuRp, poolsRp, membersPaid, indicators (returnOnSavings, returnOnAssets, utilisation,
          par30, retention, retentionHidden, averageSavingsPerMember, writeOffRatio), report; HTTP 409 {"{"}error:
          chain_check_failed, message, firstProblemSeq{"}"}
        </code>
        .
      </p>
      <p>
        <code>ledger.json</code> (<code>asOf, foundedOn, entries[]</code>) / <code>ledger.csv</code> (
        <code>{CSV_COLUMNS.join(", ")}</code>; {x.postingsAs} <code>account:amount;…</code>):
      </p>
      <div className="table-wrap" tabIndex={0}>
        <table className="fields">
          <tbody>
            {DATA_FIELDS.map((f) => (
              <tr key={f.name}>
                <th scope="row">
                  <code>{f.name}</code>
                </th>
                <td>{f.type[locale]}</td>
                <td>{f.what[locale]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 id="akun">{x.accountsTitle}</h3>
      <p>{x.accountsIntro}</p>
      <div className="table-wrap" tabIndex={0}>
        <table className="fields">
          <thead>
            <tr>
              <th scope="col">{x.account}</th>
              <th scope="col">{x.accountName}</th>
              <th scope="col">{x.accountMeaning}</th>
            </tr>
          </thead>
          <tbody>
            {ACCOUNTS.map((a) => (
              <tr key={a}>
                <th scope="row">
                  <code>{a}</code>
                </th>
                <td>{t.accounts[a]}</td>
                <td>{ACCOUNT_MEANINGS[a][locale]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{x.smallCellsTitle}</h2>
      <p>{x.derivable}</p>
      <p>{x.notDerivable}</p>
      <h3 id="jejak-pinjaman">{x.loanPathTitle}</h3>
      <p>{x.loanPath}</p>
      <p>
        <a href="/verifikasi">{x.seals}</a>
      </p>
      <h2>{x.verify}</h2>
      <p>{x.verifyText}</p>
      <p>{x.canonical}</p>
      <pre style={{ whiteSpace: "pre-wrap", fontSize: ".8rem" }}>
        [canonicalVersion, group, seq, date, kind, amountRp, purpose, category, reversesSeq, reason, recordedAt,
        postings, detailDigest, prevHash]
      </pre>
      <p>{x.postingsRule}</p>
      <p>{x.digestRule}</p>
      <p>{x.script}</p>
      <pre style={{ whiteSpace: "pre-wrap", fontSize: ".8rem" }}>
        node scripts/verify-open-data.mjs https://…/api/open/groups/ratu-damai/ledger.json{"\n"}
        node scripts/verify-open-data.mjs ledger.json --group ratu-damai.json --checkpoints kept-checkpoints.json
      </pre>
      <h2 id="aturan">{x.rulesTitle}</h2>
      <p>{x.rulesChecked}</p>
      <ul>
        {Object.entries(DATA_RULES_CHECKED).map(([code, text]) => (
          <li key={code}>{text[locale]}</li>
        ))}
      </ul>
      <p>{x.rulesNotChecked}</p>
      <ul>
        {DATA_RULES_NOT_CHECKED.map((text) => (
          <li key={text.en}>{text[locale]}</li>
        ))}
      </ul>
    </>
  );
}

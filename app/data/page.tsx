import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { CSV_COLUMNS, LICENSE } from "@/server/services/open-data";
import { listGroups } from "@/server/services/public-figures";
import { pageOf } from "@/server/domain/portal";
import { Pager } from "../_components/Pager";
import { getMessages } from "@/server/i18n/locale";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Data terbuka" };

const T = {
  id: {
    title: "Data terbuka",
    intro:
      "Semua angka kelompok dapat diunduh dan diperiksa sendiri. Tidak ada nama anggota, nomor telepon atau jumlah per anggota di dalamnya.",
    licence: "Lisensi",
    licenceText: "Boleh dipakai, dibagikan dan diolah untuk apa saja, dengan menyebut sumber: “Kas Terbuka”.",
    files: "Berkas",
    schema: "Isi setiap berkas",
    verify: "Memeriksa rantai hash sendiri",
    verifyText:
      "Setiap catatan membawa hash SHA-256 atas bentuk bakunya ditambah hash catatan sebelumnya. Bila satu angka di masa lalu diubah, semua hash sesudahnya tidak cocok lagi.",
    canonical:
      "Bentuk baku (kas-terbuka/v2; catatan lama v1): byte UTF-8 dari JSON.stringify larik berikut, tanpa spasi, null untuk yang kosong. Di v2, reason hanya kode dari daftar tetap, dan hapus buku tidak membawa alasan maupun tujuan:",
    smallCellsTitle: "Angka kecil (kurang dari 5)",
    derivable:
      "Dapat dihitung siapa saja dari ledger.json, jadi ditampilkan apa adanya di semua berkas dan halaman: jumlah catatan setiap jenis per hari dan per bulan (hari setoran, pinjaman dicairkan, hapus buku, koreksi, pengeluaran) dengan jumlah rupiahnya, dan pinjaman per tujuan.",
    notDerivable:
      "Tidak dapat dihitung dari ledger.json, jadi ditampilkan “< 5” (null di JSON) bila dari kurang dari 5 anggota atau pinjaman: anggota perempuan dan laki-laki, anggota yang sedang meminjam, pinjaman berjalan, menunggak dan lunas, dan rata-rata simpanan per anggota.",
    seals: "Segel akhir bulan (checkpoints.json) — simpan salinannya di luar server, lihat /verifikasi.",
    postingsRule:
      "postings = [[akun, jumlah], …] dijumlah per akun, jumlah nol dibuang, diurutkan menurut nama akun. prevHash catatan no. 1 = 64 angka nol.",
    digestRule:
      "detailDigest mengikat data pribadi (anggota, pinjaman, catatan bendahara) tanpa membukanya: SHA-256 dengan garam acak per catatan, diperiksa server dengan npm run verify.",
    script: "Skrip tanpa dependensi di repositori (Node 18+):",
    demo: "Data di situs ini adalah DATA CONTOH (demo); setiap berkas membawa isDemo.",
  },
  en: {
    title: "Open data",
    intro:
      "Every group figure can be downloaded and checked. No member names, phone numbers or per-member amounts are in any file.",
    licence: "Licence",
    licenceText: "Use, share and adapt for any purpose, crediting “Kas Terbuka”.",
    files: "Files",
    schema: "What each file holds",
    verify: "Checking the hash chain yourself",
    verifyText:
      "Every entry carries a SHA-256 hash over its canonical form plus the previous entry's hash. Change one past figure and every later hash stops matching.",
    canonical:
      "Canonical form (kas-terbuka/v2; older entries v1): the UTF-8 bytes of JSON.stringify of this array, no spaces, null where empty. In v2 a reason is only a code from the fixed list, and a write-off carries no reason and no purpose:",
    smallCellsTitle: "Small numbers (fewer than 5)",
    derivable:
      "Anyone can count these from ledger.json, so every file and page shows them as they are: entries of each kind per day and per month (collection days, loans disbursed, write-offs, corrections, expenses) with their amounts, and loans by purpose.",
    notDerivable:
      "Not derivable from ledger.json, so shown as “< 5” (null in JSON) when drawn from fewer than 5 members or loans: women and men members, members with a loan, loans running, in arrears and repaid, and average savings per member.",
    seals: "Month-end seals (checkpoints.json) — keep a copy away from the server, see /verifikasi.",
    postingsRule:
      "postings = [[account, amount], …] summed per account, zero sums dropped, sorted by account name. prevHash of entry no. 1 = 64 zeros.",
    digestRule:
      "detailDigest binds the private detail (member, loan, treasurer's note) without revealing it: SHA-256 with a random per-entry salt, checked by the server's npm run verify.",
    script: "A dependency-free script in the repository (Node 18+):",
    demo: "The data on this site is DEMO DATA; every file carries isDemo.",
  },
};

/** The ledger's fields: name (as in the file), type, meaning — in the page's language. */
const FIELDS: { name: string; type: { id: string; en: string }; what: { id: string; en: string } }[] = [
  {
    name: "seq",
    type: { id: "bilangan bulat", en: "integer" },
    what: { id: "1, 2, 3 … per kelompok, tanpa lompatan", en: "1, 2, 3 … per group, no gaps" },
  },
  {
    name: "date",
    type: { id: "TTTT-BB-HH", en: "YYYY-MM-DD" },
    what: { id: "tanggal usaha, waktu setempat kelompok (WITA)", en: "business date, group's local time (WITA)" },
  },
  {
    name: "kind",
    type: { id: "kode", en: "code" },
    what: {
      id: "jenis catatan: contribution (setoran) | savings_withdrawal (penarikan) | loan_disbursement (pinjaman keluar) | loan_repayment (angsuran) | expense (pengeluaran) | other_income (pendapatan lain) | opening_balance (saldo awal) | write_off (hapus buku) | correction (koreksi) | bank_deposit (setor ke bank) | bank_withdrawal (tarik dari bank) | year_close (tutup buku tahunan, SHU)",
      en: "contribution | savings_withdrawal | loan_disbursement | loan_repayment | expense | other_income | opening_balance | write_off | correction | bank_deposit | bank_withdrawal | year_close",
    },
  },
  {
    name: "amountRp",
    type: { id: "bilangan bulat", en: "integer" },
    what: { id: "jumlah debit catatan, rupiah bulat", en: "sum of the entry's debits, whole rupiah" },
  },
  {
    name: "purpose",
    type: { id: "kode atau null", en: "code or null" },
    what: {
      id: "tujuan pinjaman (kopi, kemiri, biaya_sekolah, …)",
      en: "loan purpose (kopi, kemiri, biaya_sekolah, …)",
    },
  },
  {
    name: "category",
    type: { id: "kode atau null", en: "code or null" },
    what: { id: "jenis pengeluaran atau pendapatan", en: "expense or income category" },
  },
  {
    name: "reversesSeq",
    type: { id: "bilangan bulat atau null", en: "integer or null" },
    what: { id: "untuk koreksi: catatan yang dibalik", en: "for a correction: the entry it reverses" },
  },
  {
    name: "reversedBySeq",
    type: { id: "bilangan bulat atau null", en: "integer or null" },
    what: {
      id: "koreksi yang membalik catatan ini (tidak di-hash)",
      en: "the correction that reversed this entry (not hashed)",
    },
  },
  {
    name: "reason",
    type: { id: "kode atau null", en: "code or null" },
    what: {
      id: "alasan koreksi, dari daftar tetap: salah_jumlah | salah_anggota | salah_tanggal | salah_jenis | tercatat_dua_kali | lainnya (tidak pernah kata-kata yang diketik orang; hapus buku tanpa alasan)",
      en: "a correction's reason code: salah_jumlah | salah_anggota | salah_tanggal | salah_jenis | tercatat_dua_kali | lainnya (never words a person typed; a write-off has none)",
    },
  },
  {
    name: "canonicalVersion",
    type: { id: "teks", en: "text" },
    what: {
      id: "kas-terbuka/v2 (v1: catatan sebelum kode alasan); unsur pertama larik yang di-hash",
      en: "kas-terbuka/v2 (v1: entries from before reason codes); the first element of the hashed array",
    },
  },
  {
    name: "recordedAt",
    type: { id: "ISO 8601 UTC", en: "ISO 8601 UTC" },
    what: { id: "kapan dicatat", en: "when it was recorded" },
  },
  {
    name: "postings",
    type: { id: "{akun: bilangan bulat}", en: "{account: integer}" },
    what: {
      id: "debit +, kredit −; jumlahnya nol. Akun: cash (kas), loans_receivable (piutang pinjaman), savings_share, savings_mandatory, savings_voluntary (simpanan), social_fund (dana sosial), income_service_charge, income_fine, income_other (pendapatan), expense (beban), write_off_loss (kerugian hapus buku), retained_surplus (sisa hasil)",
      en: "debit +, credit −; sums to zero. Accounts: cash, loans_receivable, savings_share, savings_mandatory, savings_voluntary, social_fund, income_service_charge, income_fine, income_other, expense, write_off_loss, retained_surplus",
    },
  },
  {
    name: "detailDigest",
    type: { id: "heksadesimal", en: "hex" },
    what: { id: "pengikat data pribadi (tanpa membukanya)", en: "commitment to the private detail" },
  },
  {
    name: "prevHash",
    type: { id: "heksadesimal", en: "hex" },
    what: { id: "hash catatan no. seq − 1", en: "hash of entry seq − 1" },
  },
  {
    name: "hash",
    type: { id: "heksadesimal", en: "hex" },
    what: { id: "SHA-256 dari bentuk baku", en: "SHA-256 of the canonical form" },
  },
];

/** Groups' files listed per page (a thousand groups would be a long page on a phone; groups.json has them all). */
const GROUPS_PER_PAGE = 25;

export default async function DataPage({ searchParams }: { searchParams: Promise<{ hal?: string }> }) {
  const { locale, t } = await getMessages();
  const x = T[locale];
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
          repaymentRate, costAvoidedAtLeastRp, costAvoidedIfAllIjonRp, lastSeq, lastHash
        </code>
        . <code>null</code> = &lt; 5 ({t.suppressedNote})
      </p>
      <p>
        <code>[slug].json</code>: {locale === "id" ? "semua di atas, ditambah" : "all of the above, plus"}{" "}
        <code>
          loanPolicy, dailyContributionRp, loans (byStatus, byPurpose), loanCosts, lastCashCount, months[] — month,
          savingsCollectedRp, dailyContributionsRp, socialFundInRp, withdrawalsRp, loansDisbursedRp, principalRepaidRp,
          serviceChargeRp, finesRp, expensesRp, otherIncomeRp, writtenOffRp, closingBalancesRp, shareOutRule (basis
          points of the SHU per pool, memberPayout, isExample), closedYears[] — year, shuRp, poolsRp, membersPaid,
          indicators (returnOnSavings, returnOnAssets, utilisation, par30, retention, averageSavingsPerMember,
          writeOffRatio), report
        </code>
        .
      </p>
      <p>
        <code>ledger.json</code> (<code>entries[]</code>) / <code>ledger.csv</code> (
        <code>{CSV_COLUMNS.join(", ")}</code>; {locale === "id" ? "postings sebagai" : "postings as"}{" "}
        <code>account:amount;…</code>):
      </p>
      <div className="table-wrap" tabIndex={0}>
        <table className="fields">
          <tbody>
            {FIELDS.map((f) => (
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
      <h2>{x.smallCellsTitle}</h2>
      <p>{x.derivable}</p>
      <p>{x.notDerivable}</p>
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
        node scripts/verify-open-data.mjs https://…/api/open/groups/ratu-damai/ledger.json
      </pre>
    </>
  );
}

/**
 * One name per concept, defined once: every indicator a public page names, with its name, what it
 * means and its formula, Indonesian first. The pages take their labels from here (server/i18n/
 * messages.ts reads the names), /metodologi prints the table, and glossary.integration.test.ts
 * fails when a page names an indicator that is not in it.
 */
import type { Account } from "@/server/domain/ledger";
import { formatRupiah } from "@/server/domain/money";
import { HEALTHY_REPAYMENT_RATE, HIGH_PAR30, MAX_CHECK_AGE_DAYS, SHORTAGE_TOLERANCE } from "@/server/domain/safety";

type Locale = "id" | "en";
export interface Term {
  name: string;
  /** What it means, in plain words. */
  def: string;
  /** How it is computed from the ledger (as server/domain computes it). */
  formula: string;
}

export const GLOSSARY = {
  groups: {
    id: {
      name: "Kelompok",
      def: "KSM yang bukunya terbuka di portal ini.",
      formula:
        "Jumlah kelompok yang buku kasnya lolos pemeriksaan rantai hash (yang tidak lolos disebut terpisah, tidak ikut dijumlahkan).",
    },
    en: {
      name: "Groups",
      def: "The KSM groups whose books are open on this portal.",
      formula:
        "Count of groups whose cash book passed the hash-chain check (those that failed are named apart, never added in).",
    },
  },
  active_members: {
    id: {
      name: "Anggota aktif",
      def: "Anggota yang sudah masuk dan belum keluar.",
      formula: "Jumlah anggota aktif hari ini.",
    },
    en: {
      name: "Active members",
      def: "Members who have joined and not left.",
      formula: "Count of active members today.",
    },
  },
  women: {
    id: {
      name: "Perempuan",
      def: "Anggota aktif perempuan.",
      formula: "Jumlah anggota aktif perempuan (tersembunyi bila 1–4).",
    },
    en: {
      name: "Women",
      def: "Active members who are women.",
      formula: "Count of active women members (hidden when 1–4).",
    },
  },
  men: {
    id: {
      name: "Laki-laki",
      def: "Anggota aktif laki-laki.",
      formula: "Jumlah anggota aktif laki-laki (tersembunyi bila 1–4).",
    },
    en: { name: "Men", def: "Active members who are men.", formula: "Count of active men members (hidden when 1–4)." },
  },
  savings_paid_in: {
    id: {
      name: "Simpanan disetor",
      def: "Uang yang disetor anggota sebagai simpanan (iuran harian, simpanan pokok dan sukarela) — hanya uang yang masuk: penarikan tidak dikurangi dan bagian SHU tidak ditambahkan. Bukan saldo simpanan.",
      formula: "Jumlah setoran simpanan sejak kelompok berdiri (atau dalam bulan itu).",
    },
    en: {
      name: "Savings paid in",
      def: "Money members paid in as savings (daily contributions, share and voluntary savings) — money in only: withdrawals are not taken off and SHU parts are not added. Not the savings balance.",
      formula: "Sum of savings deposits since the group was founded (or in that month).",
    },
  },
  savings_balance: {
    id: {
      name: "Saldo simpanan",
      def: "Simpanan yang dimiliki anggota sekarang: yang disetor, ditambah bagian SHU yang masuk simpanan, dikurangi yang ditarik.",
      formula: "Simpanan pokok + simpanan wajib + simpanan sukarela, saldo hari ini.",
    },
    en: {
      name: "Savings balance",
      def: "The savings members hold now: what they paid in, plus SHU parts credited to savings, less what they withdrew.",
      formula: "Share + mandatory + voluntary savings, balance today.",
    },
  },
  savings_balance_per_member: {
    id: {
      name: "Saldo simpanan per anggota",
      def: "Rata-rata saldo simpanan seorang anggota aktif.",
      formula: "Saldo simpanan ÷ anggota aktif (tidak ditampilkan bila kurang dari 5 anggota).",
    },
    en: {
      name: "Savings balance per member",
      def: "The average savings balance of an active member.",
      formula: "Savings balance ÷ active members (not shown under 5 members).",
    },
  },
  loans_disbursed: {
    id: {
      name: "Pinjaman disalurkan",
      def: "Pokok pinjaman yang dicairkan kepada anggota.",
      formula: "Jumlah pokok pencairan sejak kelompok berdiri (atau dalam bulan itu), tanpa yang dibatalkan.",
    },
    en: {
      name: "Loans disbursed",
      def: "Loan principal paid out to members.",
      formula: "Sum of principal disbursed since the group was founded (or in that month), cancelled loans excluded.",
    },
  },
  repayments_in: {
    id: {
      name: "Angsuran masuk",
      def: "Uang yang dibayar peminjam dalam bulan itu.",
      formula: "Pokok + jasa + denda yang dibayar dalam bulan itu.",
    },
    en: {
      name: "Repayments in",
      def: "Money borrowers paid in that month.",
      formula: "Principal + service charge + fines paid in that month.",
    },
  },
  loans_outstanding: {
    id: {
      name: "Pinjaman beredar",
      def: "Pokok pinjaman yang masih di tangan anggota.",
      formula: "Pokok dicairkan − pokok diangsur − pokok dihapus buku, hari ini.",
    },
    en: {
      name: "Loans outstanding",
      def: "Loan principal still with members.",
      formula: "Principal disbursed − principal repaid − principal written off, today.",
    },
  },
  cost_avoided: {
    id: {
      name: "Biaya yang dihindari anggota",
      def: "Berapa yang tidak perlu dibayar anggota kepada pengijon atau rentenir karena meminjam di KSM. Angka utama “paling sedikit” hanya menghitung pinjaman tanaman (kopi, kemiri, pertanian lain), masing-masing dibanding yang lebih murah dari pengijon dan rentenir; angka kedua, “sampai”, menghitung juga pinjaman lain seolah-olah dari rentenir.",
      formula:
        "Paling sedikit = Σ atas pinjaman tanaman (kopi, kemiri, pertanian lain) dari (yang lebih murah dari biaya pengijon dan rentenir − jasa KSM); pinjaman untuk tujuan lain dihitung nol. Sampai = paling sedikit + Σ atas pinjaman lain dari (biaya rentenir − jasa KSM). Tidak pernah KUR. Atas semua pinjaman yang tidak dibatalkan. Per anggota per tahun = paling sedikit × 365 ÷ hari keanggotaan (setiap anggota dari masuk sampai hari ini atau sampai keluar), dibulatkan ke bawah.",
    },
    en: {
      name: "Cost avoided by members",
      def: "What members did not have to pay a pengijon or a money lender because they borrowed from the KSM. The headline “at least” counts crop loans only (coffee, candlenut, other farming), each against the cheaper of the pengijon and the money lender; the second figure, “up to”, adds the other loans as if from a money lender.",
      formula:
        "At least = Σ over crop loans (coffee, candlenut, other farming) of (the cheaper of the pengijon's and the money lender's cost − KSM service charge); a loan for any other purpose counts zero. Up to = at least + Σ over the other loans of (money lender's cost − KSM service charge). Never KUR. Over every loan not cancelled. Per member per year = at least × 365 ÷ days of membership (each member from joining to today or to leaving), rounded down.",
    },
  },
  compliance: {
    id: {
      name: "Kepatuhan iuran",
      def: "Seberapa banyak iuran harian yang wajib sudah dibayar.",
      formula: `Hari yang sudah dibayar ÷ hari yang wajib dibayar (${formatRupiah(1000, "id")} per hari per anggota).`,
    },
    en: {
      name: "Contribution compliance",
      def: "How much of the daily contribution owed has been paid.",
      formula: `Days paid ÷ days owed (${formatRupiah(1000, "en")} a day per member).`,
    },
  },
  repayment_rate: {
    id: {
      name: "Tingkat pengembalian",
      def: "Bagian dari angsuran pokok yang jatuh tempo setahun terakhir yang sudah dibayar.",
      formula:
        "Pokok yang dibayar ÷ pokok yang jatuh tempo, 12 bulan terakhir (tersembunyi bila pinjaman aktif kurang dari 5).",
    },
    en: {
      name: "Repayment rate",
      def: "The share of principal due in the last year that has been paid.",
      formula: "Principal collected ÷ principal due, last 12 months (hidden when fewer than 5 loans are open).",
    },
  },
  par30: {
    id: {
      name: "PAR30",
      def: "Bagian uang yang dipinjamkan yang terlambat lebih dari 30 hari (portfolio at risk).",
      formula:
        "Sisa pokok pinjaman yang menunggak lebih dari 30 hari ÷ pinjaman beredar (tersembunyi bila pinjaman aktif kurang dari 5).",
    },
    en: {
      name: "PAR30",
      def: "The share of the money lent out that is more than 30 days late (portfolio at risk).",
      formula:
        "Outstanding principal of loans more than 30 days late ÷ loans outstanding (hidden when fewer than 5 loans are open).",
    },
  },
  members_with_loan: {
    id: {
      name: "Anggota yang sedang meminjam",
      def: "Bagian anggota aktif yang punya pinjaman berjalan.",
      formula: "Anggota dengan pinjaman berjalan ÷ anggota aktif.",
    },
    en: {
      name: "Members with a loan",
      def: "The share of active members with a loan running.",
      formula: "Members with a loan outstanding ÷ active members.",
    },
  },
  utilisation: {
    id: {
      name: "Pemanfaatan dana pinjaman",
      def: "Bagian uang kelompok yang sedang dipinjam anggota, bukan diam di kas atau bank.",
      formula: "Pinjaman beredar ÷ (pinjaman beredar + kas + bank).",
    },
    en: {
      name: "Loan-fund utilisation",
      def: "The share of the group's money lent to members rather than idle in the cash box or the bank.",
      formula: "Loans outstanding ÷ (loans outstanding + cash + bank).",
    },
  },
  shu: {
    id: {
      name: "SHU (sisa hasil usaha)",
      def: "Hasil bersih satu tahun buku, yang dibagi menurut aturan kelompok.",
      formula: "Jasa pinjaman + denda + pendapatan lain − biaya − pinjaman dihapus buku, 1 Januari–31 Desember.",
    },
    en: {
      name: "SHU (the year's surplus)",
      def: "A book year's net result, shared out by the group's rule.",
      formula: "Service charge + fines + other income − costs − loans written off, 1 January–31 December.",
    },
  },
  return_on_savings: {
    id: {
      name: "Hasil atas simpanan",
      def: "Berapa persen saldo simpanan menghasilkan dalam satu tahun buku yang ditutup (tahun terakhir yang ditutup).",
      formula: "SHU tahun itu ÷ rata-rata saldo simpanan (12 saldo akhir bulan).",
    },
    en: {
      name: "Return on savings",
      def: "What the savings balance earned in one closed book year, as a percentage (the latest closed year).",
      formula: "The year's SHU ÷ average savings balance (12 month-end balances).",
    },
  },
  return_on_assets: {
    id: {
      name: "Hasil atas aset",
      def: "Berapa persen seluruh uang kelompok menghasilkan dalam satu tahun buku yang ditutup.",
      formula: "SHU tahun itu ÷ rata-rata (kas + bank + pinjaman beredar), 12 saldo akhir bulan.",
    },
    en: {
      name: "Return on assets",
      def: "What all the group's money earned in one closed book year, as a percentage.",
      formula: "The year's SHU ÷ average (cash + bank + loans outstanding), 12 month-end balances.",
    },
  },
  retention: {
    id: {
      name: "Anggota yang bertahan",
      def: "Bagian anggota awal tahun yang masih aktif di akhir tahun.",
      formula: "Anggota aktif 1 Januari yang masih aktif 31 Desember ÷ anggota aktif 1 Januari.",
    },
    en: {
      name: "Member retention",
      def: "The share of members at the start of the year still active at its end.",
      formula: "Members active on 1 January still active on 31 December ÷ members active on 1 January.",
    },
  },
  retention_per_year: {
    id: {
      name: "Anggota bertahan per tahun, sejak berdiri",
      def: "Sejak kelompok berdiri: bagian anggota yang tetap menjadi anggota dalam satu tahun, dihitung dari semua anggota yang pernah keluar. Disembunyikan bila yang keluar baru 1–4 orang.",
      formula: "1 − anggota yang pernah keluar ÷ (hari keanggotaan semua anggota ÷ 365).",
    },
    en: {
      name: "Member retention per year, since founding",
      def: "Since the group was founded: the share of members who stay a member through a year, from everyone who ever left. Hidden while 1–4 have left.",
      formula: "1 − members who ever left ÷ (all members' days of membership ÷ 365).",
    },
  },
  dropout: {
    id: {
      name: "Anggota keluar tahun ini",
      def: "Bagian anggota awal tahun yang sudah keluar tahun ini.",
      formula: "Anggota yang keluar tahun ini ÷ anggota pada awal tahun.",
    },
    en: {
      name: "Drop-out this year",
      def: "The share of members at the start of the year who have left this year.",
      formula: "Members who left this year ÷ members at the start of the year.",
    },
  },
  write_off_ratio: {
    id: {
      name: "Rasio hapus buku",
      def: "Bagian uang yang dipinjamkan yang dihapus buku dalam satu tahun.",
      formula: "Pokok dihapus buku tahun itu ÷ rata-rata pinjaman beredar (12 saldo akhir bulan).",
    },
    en: {
      name: "Write-off ratio",
      def: "The share of the money lent out that was written off in a year.",
      formula: "Principal written off in the year ÷ average loans outstanding (12 month-end balances).",
    },
  },
  group_money: {
    id: {
      name: "Uang kelompok",
      def: "Semua uang milik kelompok di mana pun ia berada: tunai di kotak kas, di rekening bank, dan yang sedang dipinjam anggota.",
      formula: "Kas + bank + pinjaman beredar, hari ini.",
    },
    en: {
      name: "Group money",
      def: "All the group's money wherever it is: cash in the box, in the bank account, and lent out to members.",
      formula: "Cash + bank + loans outstanding, today.",
    },
  },
  surplus: {
    id: {
      name: "Surplus",
      def: "Hasil kelompok yang belum dibagi: pendapatan tahun buku yang masih berjalan dikurangi biaya dan hapus buku, ditambah yang dibawa dari sebelumnya. Dibagi sebagai SHU saat tahun ditutup.",
      formula:
        "Jasa pinjaman + denda + pendapatan lain − biaya − pinjaman dihapus buku (tahun berjalan) + surplus awal (saldo pembukaan, rugi tahun yang ditutup).",
    },
    en: {
      name: "Surplus",
      def: "The group's result not yet shared out: the open book year's income less costs and write-offs, plus what was carried in. Shared out as SHU when the year is closed.",
      formula:
        "Service charge + fines + other income − costs − loans written off (open year) + opening surplus (opening balance, losses of closed years).",
    },
  },
  loan_berjalan: {
    id: {
      name: "Berjalan",
      def: "Pinjaman yang belum lunas dan tidak ada angsurannya yang terlambat.",
      formula: "Masih ada yang harus dibayar, dan setiap angsuran yang jatuh tempo sebelum hari ini sudah dibayar.",
    },
    en: {
      name: "Current",
      def: "A loan not yet repaid with no installment late.",
      formula: "Something is still owed, and every installment due before today is paid.",
    },
  },
  loan_menunggak: {
    id: {
      name: "Menunggak",
      def: "Pinjaman dengan angsuran yang terlambat, walau hanya satu hari. Berbeda dengan PAR30: PAR30 hanya memuat pinjaman yang terlambat lebih dari 30 hari, dan mengukur sisa pokoknya, bukan jumlah pinjaman.",
      formula: "Ada angsuran yang jatuh tempo sebelum hari ini dan belum dibayar penuh (terlambat 1 hari atau lebih).",
    },
    en: {
      name: "In arrears",
      def: "A loan with an installment late, even by one day. Unlike PAR30, which holds only loans more than 30 days late and measures their outstanding principal, not the number of loans.",
      formula: "An installment due before today is not fully paid (1 day late or more).",
    },
  },
  loan_lunas: {
    id: {
      name: "Lunas",
      def: "Pinjaman yang sudah dibayar habis: pokok, jasa dan denda.",
      formula: "Sisa pokok = 0 dan tidak ada lagi yang harus dibayar.",
    },
    en: {
      name: "Repaid",
      def: "A loan paid off in full: principal, service charge and fines.",
      formula: "Principal outstanding = 0 and nothing left to pay.",
    },
  },
  loan_dihapus: {
    id: {
      name: "Dihapus buku",
      def: "Pinjaman yang dinyatakan tidak tertagih lagi: sisa pokoknya dicatat sebagai kerugian.",
      formula: "Ada catatan hapus buku untuk pinjaman itu.",
    },
    en: {
      name: "Written off",
      def: "A loan declared no longer collectable: its remaining principal is booked as a loss.",
      formula: "A write-off entry exists for the loan.",
    },
  },
  loan_dibatalkan: {
    id: {
      name: "Dibatalkan",
      def: "Pencairan yang dibalik dengan catatan koreksi (misalnya salah catat): tidak dihitung sebagai pinjaman.",
      formula: "Catatan pencairannya dibalik oleh koreksi.",
    },
    en: {
      name: "Cancelled",
      def: "A disbursement reversed by a correction entry (a mistake, say): not counted as a loan.",
      formula: "Its disbursement entry is reversed by a correction.",
    },
  },
} satisfies Record<string, Record<Locale, Term>>;

export type TermKey = keyof typeof GLOSSARY;

/** The name of an indicator in a language: the one way a page names it. */
export const term = (key: TermKey, locale: Locale): string => GLOSSARY[key][locale].name;

/** The glossary on /metodologi and the safety rule beside it. */
export const GLOSSARY_PAGE = {
  id: {
    title: "Daftar istilah",
    intro:
      "Setiap angka di portal ini memakai satu nama, didefinisikan sekali di sini. Angka tahunan (hasil atas simpanan, hasil atas aset, anggota yang bertahan, rasio hapus buku) selalu dari tahun buku terakhir yang ditutup.",
    name: "Nama",
    def: "Artinya",
    formula: "Rumus",
    safetyTitle: "Apakah uang kelompok aman? — cara putusan dibuat",
    safety: [
      `Bermasalah bila: rantai hash buku kas tidak cocok (buku diubah di luar portal); hitung kas atau pencocokan bank terakhir KURANG dari buku lebih dari ${formatRupiah(SHORTAGE_TOLERANCE, "id")}; atau PAR30 lebih dari ${Math.round(HIGH_PAR30 * 100)}%.`,
      `Perlu diperiksa bila tidak ada yang bermasalah, tetapi: kas (atau bank) belum pernah dihitung, hitungan terakhir lebih dari ${MAX_CHECK_AGE_DAYS} hari yang lalu, belum ditandatangani pengawas, lebih dari buku lebih dari ${formatRupiah(SHORTAGE_TOLERANCE, "id")}, atau dipertanyakan pengawas; angsuran yang dibayar kurang dari ${Math.round(HEALTHY_REPAYMENT_RATE * 100)}% dari yang jatuh tempo setahun terakhir; bulan yang seharusnya sudah ditutup belum bersegel, segelnya belum ditandatangani atau dipertanyakan; atau ada pertanyaan pengawas lain yang belum dijawab.`,
      "Aman bila tidak ada satu pun di atas. Bila rantai hash tidak cocok, tidak ada hal lain yang diberi ✓: semuanya dibaca dari buku yang tidak bisa dipercaya lagi.",
      `Tanda tangan yang belum ada bukan kekurangan uang: ia meminta dilihat (!), tidak berkata uang hilang (✗). Selisih sampai ${formatRupiah(SHORTAGE_TOLERANCE, "id")} (uang receh, salah hitung kecil) tetap ditampilkan, tetapi tidak mengubah putusan.`,
    ],
  },
  en: {
    title: "Glossary",
    intro:
      "Every figure on this portal has one name, defined once here. Yearly figures (return on savings, return on assets, member retention, write-off ratio) are always those of the latest closed book year.",
    name: "Name",
    def: "Meaning",
    formula: "Formula",
    safetyTitle: "Is the group's money safe? — how the verdict is decided",
    safety: [
      `Problem when: the books' hash chain does not match (the books were changed outside the portal); the last cash count or bank check is SHORT of the book by more than ${formatRupiah(SHORTAGE_TOLERANCE, "en")}; or PAR30 is above ${Math.round(HIGH_PAR30 * 100)}%.`,
      `Needs checking when nothing is a problem but: the cash (or bank) was never counted, the last count is more than ${MAX_CHECK_AGE_DAYS} days old, not countersigned by the supervisor, over the book by more than ${formatRupiah(SHORTAGE_TOLERANCE, "en")}, or queried by the supervisor; less than ${Math.round(HEALTHY_REPAYMENT_RATE * 100)}% of the installments due in the last year were paid; the month that should be closed has no seal, or its seal is not countersigned or is queried; or another question of the supervisor is open.`,
      "Safe when none of the above holds. When the hash chain does not match, nothing else is marked ✓: it was all read from books that can no longer be trusted.",
      `A missing signature is not a shortage: it asks for a look (!), it does not say money is missing (✗). A difference up to ${formatRupiah(SHORTAGE_TOLERANCE, "en")} (coins, a small miscount) is shown but does not change the verdict.`,
    ],
  },
};

/** What each ledger account holds (listed on /data): typed by the account list, so a new account must be described here. */
export const ACCOUNT_MEANINGS: Record<Account, { id: string; en: string }> = {
  cash: { id: "uang tunai di kotak kas bendahara", en: "cash in the treasurer's box" },
  bank: { id: "uang di rekening bank kelompok", en: "money in the group's bank account" },
  loans_receivable: { id: "pokok pinjaman yang masih di tangan anggota", en: "loan principal still with members" },
  savings_share: { id: "simpanan pokok anggota (sekali saat masuk)", en: "members' share savings (once, on joining)" },
  savings_mandatory: {
    id: "simpanan wajib: iuran harian anggota",
    en: "mandatory savings: members' daily contributions",
  },
  savings_voluntary: {
    id: "simpanan sukarela, termasuk bagian SHU yang dimasukkan ke simpanan",
    en: "voluntary savings, including SHU parts credited to savings",
  },
  social_fund: { id: "dana sosial (untuk duka, sakit, bencana)", en: "social fund (for deaths, illness, disasters)" },
  income_service_charge: {
    id: "pendapatan jasa pinjaman tahun berjalan",
    en: "the open year's loan service charge income",
  },
  income_fine: { id: "pendapatan denda keterlambatan tahun berjalan", en: "the open year's late-payment fine income" },
  income_other: {
    id: "pendapatan lain tahun berjalan (bunga bank, hibah, sumbangan)",
    en: "the open year's other income (bank interest, grants, donations)",
  },
  expense: {
    id: "biaya tahun berjalan (alat tulis, transportasi, rapat, …)",
    en: "the open year's costs (stationery, transport, meetings, …)",
  },
  write_off_loss: {
    id: "pokok pinjaman yang dihapus buku tahun berjalan",
    en: "loan principal written off in the open year",
  },
  retained_surplus: {
    id: "surplus: saldo awal kelompok dan rugi tahun yang ditutup",
    en: "surplus: the group's opening balance and the losses of closed years",
  },
  reserve_fund: {
    id: "dana cadangan: bagian SHU yang ditahan kelompok",
    en: "reserve fund: the part of the SHU the group keeps",
  },
  fund_board: { id: "dana pengurus: bagian SHU untuk pengurus", en: "board fund: the part of the SHU for the board" },
  fund_education: {
    id: "dana pendidikan: bagian SHU untuk pelatihan anggota",
    en: "education fund: the part of the SHU for members' training",
  },
};

/**
 * The long texts of /data and /metodologi, Indonesian first: kept here with every other string
 * a user sees (server/i18n), not in the pages.
 */
import type { RuleCode } from "@/server/domain/book-rules";
import { formatRupiah } from "@/server/domain/money";

export const DATA_PAGE = {
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
      "Dapat dihitung siapa saja dari ledger.json, jadi ditampilkan apa adanya di semua berkas, halaman dan laporan: catatan setiap jenis per hari dan per bulan (setoran, penarikan, pinjaman dicairkan, angsuran dengan jasa dan dendanya, hapus buku, koreksi, pengeluaran) dan jumlah rupiahnya — juga penarikan atau denda satu bulan dari kurang dari 5 anggota — serta SHU tahun yang ditutup dan pos-posnya (catatan tutup buku dan aturan pembagian terbuka). Setiap catatan harus terbuka agar rantai hash dapat diperiksa; menyembunyikan jumlahnya di halaman tidak akan menyembunyikan apa pun. Yang melindungi anggota: tidak ada catatan yang menyebut anggota atau pinjaman. Jumlah anggota aktif dan pinjaman aktif, lunas, dihapus dan dibatalkan juga ditampilkan apa adanya (dengan satu pinjaman, sisa pokok sudah menunjukkan bahwa pinjaman itu aktif).",
    notDerivable:
      "Disembunyikan (“tersembunyi”, null di JSON) bila dari 1 sampai 4 anggota atau pinjaman: anggota perempuan dan laki-laki, anggota yang sedang meminjam, pinjaman berjalan dan menunggak, pinjaman dan pokoknya per tujuan, rata-rata simpanan per anggota; PAR30 dan tingkat pengembalian bila pinjaman aktif kurang dari 5. Bila angka tersembunyi dapat dihitung dari jumlahnya dikurangi angka lain yang tampil, satu angka lagi dari rincian yang sama ikut disembunyikan (yang terkecil berikutnya, atau jumlahnya), dan angka nol di rincian itu juga. Semua angka tersembunyi tampil sama, jadi tidak terlihat mana yang kecil.",
    loanPathTitle: "Jejak satu pinjaman di ledger",
    loanPath:
      "Pencairan tampil dengan tanggal dan jumlahnya; setiap angsuran dengan tanggal, jumlah dan pembagiannya (pokok, jasa, denda: postings ikut di-hash, jadi harus terbuka). Tidak ada nomor pinjaman, anggota atau tujuan yang menghubungkan angsuran atau denda dengan pencairannya: tujuan pinjaman hanya diterbitkan sebagai jumlah per tujuan (di atas). Jadi tetangga yang tahu siapa meminjam dapat melihat bahwa pada suatu hari ada denda dibayar, tetapi tidak ada kolom yang menyebut pinjaman siapa. Batasnya: bila hanya satu pinjaman berjalan, semua angsuran saat itu milik pinjaman itu; bila sedikit pinjaman berjalan, jumlah uangnya (pokok angsuran yang membagi habis satu pencairan) dapat menebak pasangannya. Ledger tidak dapat menyembunyikan itu tanpa membuang catatan yang diperlukan untuk memeriksa rantai. Catatan pinjaman lama, yang ditulis sebelum aturan ini, dapat membawa tujuannya (mengubahnya akan merusak segel); catatan pinjaman yang baru tidak membawanya.",
    seals:
      "Segel setiap bulan saat ditutup (checkpoints.json; closed: false = bulan belum ditutup, segelnya masih bergerak) — simpan salinannya di luar server, lihat /verifikasi.",
    postingsRule:
      "postings = [[akun, jumlah], …] dijumlah per akun, jumlah nol dibuang, diurutkan menurut nama akun. prevHash catatan no. 1 = 64 angka nol.",
    digestRule:
      "detailDigest mengikat data pribadi (anggota, pinjaman, catatan bendahara) tanpa membukanya: SHA-256 dengan garam acak per catatan, diperiksa server dengan npm run verify.",
    script:
      "Skrip tanpa dependensi di repositori (Node 18+). Dengan alamat URL, skrip juga mengambil angka kelompok ([slug].json) dan checkpoints.json di sebelahnya; dengan berkas, sebutkan angka kelompok dengan --group (tanpa itu angka tidak dibandingkan, dan skrip mengatakannya). --checkpoints dan --expect menolak berkas tanpa segel dan segel yang lebih pendek dari 12 digit yang tercetak.",
    rulesTitle: "Aturan buku yang diperiksa skrip",
    rulesChecked: "Selain rantai hash, skrip memeriksa pada setiap catatan:",
    rulesNotChecked:
      "Yang tidak dapat diperiksa dari data terbuka (hanya server dengan npm run verify, atau segel yang disimpan di luar server):",
    demo: "Data di situs ini adalah DATA CONTOH (demo); setiap berkas membawa isDemo.",
    plusAbove: "semua di atas, ditambah",
    accountsTitle: "Akun di ledger",
    accountsIntro:
      "Setiap akun yang dapat muncul di postings ledger.json dan ledger.csv. Harta (kas, bank, piutang pinjaman) dan beban (biaya, kerugian hapus buku) bertambah dengan debit (+); simpanan, dana, pendapatan dan surplus bertambah dengan kredit (−).",
    account: "Akun",
    accountName: "Nama",
    accountMeaning: "Isinya",
    postingsAs: "postings sebagai",
    memberDays:
      "costAvoidedAtLeastRp: biaya yang dihindari, paling sedikit (pinjaman tanaman saja); costAvoidedIfOthersRentenirRp: sampai (pinjaman lain juga dari rentenir); retentionPerYear: anggota bertahan per tahun sejak berdiri, null bila disembunyikan; memberDays: hari keanggotaan, untuk biaya yang dihindari per anggota per tahun: costAvoidedAtLeastRp × 365 ÷ memberDays, dibulatkan ke bawah",
    shareOutRule: "basis poin SHU untuk setiap pos",
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
      "Anyone can count these from ledger.json, so every file, page and report shows them as they are: entries of each kind per day and per month (collections, withdrawals, loans disbursed, repayments with their service charge and fines, write-offs, corrections, expenses) with their amounts — a month's withdrawals or fines from fewer than 5 members too — and each closed year's SHU and its pools (the year-close entry and the share-out rule are public). Every entry must be public for the hash chain to be checked; hiding its sum on a page would hide nothing. What protects members is that no entry names a member or a loan. Active members, and loans open, repaid, written off and cancelled, are shown as they are too (with one loan, its outstanding principal already says it is open).",
    notDerivable:
      "Hidden (“hidden”, null in JSON) when drawn from 1 to 4 members or loans: women and men members, members with a loan, loans running and in arrears, loans and their principal by purpose, average savings per member; PAR30 and the repayment rate when fewer than 5 loans are open. When a hidden figure could be computed as its total less the other figures shown, a second figure of the same breakdown is hidden too (the next-smallest, or the total), and so are its zeros. Every hidden figure reads the same, so which one is small does not show.",
    loanPathTitle: "One loan's path in the ledger",
    loanPath:
      "A disbursement shows its date and amount; each repayment its date, amount and split (principal, service charge, fine: the postings are hashed, so they must be public). No loan number, member or purpose ties a repayment or a fine to its disbursement: a loan's purpose is published only as counts by purpose (above). So neighbours who know who borrowed can see that a fine was paid on a day, but no field says on whose loan. The limits: with one loan running, every repayment is that loan's; with few running, the money itself (an installment's principal that divides a disbursement evenly) can suggest the match. The ledger cannot hide that without dropping entries the chain check needs. Older loan entries, written before this rule, may carry their purpose (changing them would break the seal); new loan entries carry none.",
    seals:
      "Each month's seal at its close (checkpoints.json; closed: false = a month not yet closed, its seal still moves) — keep a copy away from the server, see /verifikasi.",
    postingsRule:
      "postings = [[account, amount], …] summed per account, zero sums dropped, sorted by account name. prevHash of entry no. 1 = 64 zeros.",
    digestRule:
      "detailDigest binds the private detail (member, loan, treasurer's note) without revealing it: SHA-256 with a random per-entry salt, checked by the server's npm run verify.",
    script:
      "A dependency-free script in the repository (Node 18+). Given a URL it also fetches the group's figures ([slug].json) and checkpoints.json next to it; given a file, name the figures with --group (without it the figures are not compared, and it says so). --checkpoints and --expect refuse a file with no seal and a seal shorter than the 12 printed digits.",
    rulesTitle: "Rules of the book the script checks",
    rulesChecked: "Beyond the hash chain, the script checks on every entry:",
    rulesNotChecked:
      "What cannot be checked from the open data (only by the server's npm run verify, or by seals kept away from the server):",
    demo: "The data on this site is DEMO DATA; every file carries isDemo.",
    plusAbove: "all of the above, plus",
    accountsTitle: "Accounts in the ledger",
    accountsIntro:
      "Every account that can appear in the postings of ledger.json and ledger.csv. Assets (cash, bank, loans receivable) and costs (expenses, write-off loss) grow with a debit (+); savings, funds, income and surplus grow with a credit (−).",
    account: "Account",
    accountName: "Name",
    accountMeaning: "What it holds",
    postingsAs: "postings as",
    memberDays:
      "costAvoidedAtLeastRp: cost avoided, at least (crop loans only); costAvoidedIfOthersRentenirRp: up to (the other loans from a money lender too); retentionPerYear: member retention per year since founding, null when hidden; memberDays: days of membership, for the cost avoided per member per year: costAvoidedAtLeastRp × 365 ÷ memberDays, rounded down",
    shareOutRule: "basis points of the SHU per pool",
  },
};

/** Every rule scripts/verify-open-data.mjs checks (typed by its codes: a new rule must be described here). */
export const DATA_RULES_CHECKED: Record<RuleCode, { id: string; en: string }> = {
  date_valid: {
    id: "tanggalnya tanggal kalender yang sah (bukan 30 Februari)",
    en: "its date is a real calendar date (not 30 February)",
  },
  date_after_as_of: {
    id: "tidak bertanggal setelah asOf buku (tanggal kelompok saat berkas dibuat)",
    en: "not dated after the ledger's asOf (the group's date when the file was made)",
  },
  date_after_recorded: {
    id: "tidak bertanggal setelah hari ia dicatat (recordedAt)",
    en: "not dated after the day it was recorded (recordedAt)",
  },
  date_before_founding: {
    id: "tidak bertanggal sebelum kelompok berdiri (foundedOn)",
    en: "not dated before the group was founded (foundedOn)",
  },
  month_closed: {
    id: "tidak bertanggal di bulan yang sudah ditutup bila dicatat setelah penutupannya (checkpoints.json, closed)",
    en: "not dated in a closed month when recorded after its close (checkpoints.json, closed)",
  },
  year_closed: {
    id: "tidak bertanggal di tahun yang sudah ditutup bila dicatat setelah catatan tutup bukunya",
    en: "not dated in a closed year when recorded after its closing entry",
  },
  postings_balance: { id: "posting-nya berjumlah nol", en: "its postings sum to zero" },
  amount_debits: { id: "amountRp sama dengan sisi debitnya", en: "amountRp equals its debit side" },
  below_zero: {
    id: "kas dan bank — juga total simpanan, dana sosial dan pinjaman — tidak pernah di bawah nol di akhir hari mana pun",
    en: "cash and bank — and the totals of savings, social fund and loans — never below zero at the end of any day",
  },
  published: {
    id: "setiap saldo, setiap bulan (arus dan saldo akhir) dan setiap tahun yang ditutup (SHU dan porsinya) di [slug].json sama dengan hitungan ulang dari catatan",
    en: "every balance, every month (flows and closing balances) and every closed year (SHU and pools) in [slug].json equals the recount from the entries",
  },
};

/** What the public cannot check, and why (listed on /data). */
export const DATA_RULES_NOT_CHECKED: { id: string; en: string }[] = [
  {
    id: "simpanan tiap anggota dan sisa tiap pinjaman tidak pernah di bawah nol — ledger hanya membawa total per akun, bukan per anggota atau pinjaman",
    en: "each member's savings and each loan's balance never below zero — the ledger carries totals per account, not per member or loan",
  },
  {
    id: "siapa anggota atau pinjaman sebuah catatan, dan catatan bendahara — terikat oleh detailDigest bergaram, diperiksa server",
    en: "which member or loan an entry concerns, and the treasurer's note — bound by the salted detailDigest, checked by the server",
  },
  {
    id: "satu hari iuran seorang anggota dibayar sekali saja — hari yang dibayar tidak terbuka",
    en: "a member pays a given day once — the days paid are not published",
  },
  {
    id: "jadwal, jasa dan denda setiap pinjaman sesuai syaratnya, dan angka yang dihitung dari anggota atau pinjaman (jumlah anggota, kepatuhan setoran, PAR30, tingkat pengembalian, biaya yang dihindari)",
    en: "each loan's schedule, service charge and fines against its terms, and figures drawn from members or loans (member counts, contribution compliance, PAR30, repayment rate, costs avoided)",
  },
  {
    id: "saldo buku pada hitung kas terakhir — catatan mundur tanggal yang sah dapat mengubah saldo hari itu sesudahnya",
    en: "the book balance at the last cash count — a lawful back-dated entry may change that day's balance afterwards",
  },
  {
    id: "tahun yang ditutup tanpa catatan tutup buku (tanpa pendapatan dan biaya): saat penutupannya tidak ada di ledger.json",
    en: "a year closed without a closing entry (no income and no costs): the moment of its close is not in ledger.json",
  },
  {
    id: "bahwa tidak ada yang ditulis ulang, dipotong, atau dicatat mundur di bulan yang sudah ditutup lalu segelnya diganti — hanya segel yang disimpan di luar server (--checkpoints, --expect) yang membuktikannya; checkpoints.json yang diambil bersama ledger.json berasal dari server yang sama",
    en: "that nothing was rewritten, cut, or back-dated into a closed month with its seal replaced — only seals kept away from the server (--checkpoints, --expect) prove that; a checkpoints.json fetched with ledger.json comes from the same server",
  },
];

/** The ledger's fields: name (as in the file), type, meaning — in the page's language. */
export const DATA_FIELDS: { name: string; type: { id: string; en: string }; what: { id: string; en: string } }[] = [
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
      id: "tujuan pinjaman (kopi, kemiri, biaya_sekolah, …) pada catatan pinjaman lama; catatan pinjaman baru tidak membawanya (lihat “Jejak satu pinjaman”)",
      en: "loan purpose (kopi, kemiri, biaya_sekolah, …) on older loan entries; new loan entries carry none (see “One loan's path”)",
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
      id: "debit +, kredit −; jumlahnya nol. Setiap akun dijelaskan di bawah (“Akun di ledger”).",
      en: "debit +, credit −; sums to zero. Every account is explained below (“Accounts in the ledger”).",
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

/** SHU and the yearly indicators: each formula as computed (server/domain/shu.ts, indicators.ts). */
export const METHOD_SHU = {
  id: {
    title: "Tutup buku tahunan: SHU dan indikator",
    parts: [
      [
        "SHU",
        "SHU (sisa hasil usaha) setahun = jasa pinjaman + denda + pendapatan lain − biaya − pinjaman yang dihapus buku, dari catatan bertanggal 1 Januari–31 Desember. Koreksi dicatat pada tanggal koreksi, jadi masuk tahun yang masih terbuka.",
      ],
      [
        "Pembagian",
        "Menurut aturan kelompok (AD/ART, lihat di bawah): SHU dibagi ke setiap pos dengan persen aturannya; jasa modal dibagi ke anggota menurut rata-rata simpanannya (saldo akhir 12 bulan ÷ 12), jasa pinjaman menurut jasa yang ia bayar tahun itu. Semua bagian rupiah bulat dan jumlahnya tepat sama dengan SHU (sisa terbesar). Pos anggota tanpa dasar (tidak ada pinjaman tahun itu) masuk dana cadangan. Tahun yang rugi tidak dibagi; ruginya mengurangi surplus.",
      ],
      [
        "Indikator",
        "Hasil atas simpanan, hasil atas aset, pemanfaatan dana pinjaman, PAR30, anggota yang bertahan, saldo simpanan per anggota dan rasio hapus buku: rumusnya di Daftar istilah di atas. Pemanfaatan, PAR30 dan saldo simpanan per anggota diambil pada 31 Desember; hasil dan rasio atas seluruh tahun. Rata-rata = rata-rata 12 saldo akhir bulan (seperti SAVIX/SEEP). Indikator dihitung sekali, saat buku tahun itu ditutup, dan tidak berubah sesudahnya (koreksi kemudian masuk tahun yang masih terbuka).",
      ],
    ],
    rules: "Aturan pembagian SHU tiap kelompok",
    example: "contoh aturan (data demo)",
    none: "belum dicatat",
  },
  en: {
    title: "Closing the year: SHU and indicators",
    parts: [
      [
        "SHU",
        "A year's SHU (sisa hasil usaha, its surplus) = loan service charge + fines + other income − expenses − loans written off, from entries dated 1 January–31 December. Corrections are dated when made, so they fall in the open year.",
      ],
      [
        "Share-out",
        "By the group's rule (AD/ART, below): the SHU is divided into each pool by its percentage; the return on savings is divided among members by their average savings (12 month-end balances ÷ 12), the return on loans by the service charge each paid that year. Every part is whole rupiah and they sum exactly to the SHU (largest remainder). A members' pool without a basis (no loans that year) goes to the reserve. A year with a loss is not shared out; the loss reduces the surplus.",
      ],
      [
        "Indicators",
        "Return on savings, return on assets, loan-fund utilisation, PAR30, member retention, savings balance per member and write-off ratio: their formulas are in the Glossary above. Utilisation, PAR30 and savings balance per member are taken on 31 December; returns and ratios over the whole year. Averages are of the 12 month-end balances (SAVIX/SEEP usage). The indicators are computed once, when the year is closed, and do not change afterwards (a later correction falls in the open year).",
      ],
    ],
    rules: "Each group's SHU share-out rule",
    example: "an example rule (demo data)",
    none: "not recorded yet",
  },
};

/** How a loan's cost is computed (server/domain/finance). */
export const METHOD_PAGE = {
  id: {
    title: "Metodologi: bagaimana biaya pinjaman dihitung",
    parts: [
      [
        "Biaya dalam rupiah",
        "Biaya = semua yang dibayar peminjam − uang yang ia terima. Dihitung dengan bilangan bulat rupiah, tanpa pembulatan desimal.",
      ],
      [
        "Bunga efektif (metode MFTransparency)",
        `Cari bunga per periode i yang membuat nilai sekarang dari uang yang diterima sama dengan nilai sekarang dari semua pembayaran (IRR arus kas peminjam). Dengan n periode setahun: APR = i × n, bunga efektif setahun (EIR) = (1 + i)ⁿ − 1. Semua biaya wajib ikut dihitung (biaya administrasi, simpanan yang ditahan sebagai syarat pinjaman). Simpanan sukarela atau iuran harian ${formatRupiah(1000, "id")} tidak dihitung.`,
      ],
      [
        "KSM",
        "Tetap (flat): jasa = tarif × pokok awal setiap bulan. Menurun: jasa = tarif × sisa pokok. Anuitas: cicilan tetap A = P·r / (1 − (1 + r)⁻ⁿ). Pembulatan ke rupiah bulat; sisa pembulatan pokok masuk cicilan terakhir.",
      ],
      [
        "Pengijon",
        'Uang muka A sekarang, panen senilai V diserahkan m bulan kemudian. i = (V/A)^(1/m) − 1 per bulan; EIR = (V/A)^(12/m) − 1. Bawaan: A = 50% dari V (V/A = 2), seperti "separuh harga pasar". Biaya = V − A, sama berapa pun lamanya; bunga efektifnya makin tinggi bila panen makin dekat.',
      ],
      [
        "Rentenir",
        'Bunga per bulan dari pokok awal selama m bulan; dibayar dengan cicilan rata (bulanan, mingguan atau harian seperti "bank harian") atau bunga saja dengan pokok di akhir. Bawaan: 10% per bulan, flat.',
      ],
      ["KUR", "Bunga per tahun efektif (menurun), cicilan tetap bulanan. Bawaan: 6% per tahun (0,5% per bulan)."],
      [
        "Biaya yang dihindari",
        "Angka utama “paling sedikit” hanya menghitung pinjaman yang alternatifnya disebut kajian lapangan di desa ini (menjual panen lebih dulu ke pengijon): pinjaman tanaman (kopi, kemiri, pertanian lain) yang tidak dibatalkan, masing-masing biaya yang lebih murah dari pengijon (P × (V/A − 1)) dan rentenir, dikurangi jasa pinjaman KSM menurut jadwalnya — dengan anggapan peminjam tanpa KSM akan menjual panen lebih dulu atau meminjam dari rentenir; itu anggapan, bukan catatan transaksi. Pinjaman untuk tujuan lain (ternak, usaha kecil, sekolah, kesehatan, rumah, lainnya) dihitung nol: pengijon hanya membeli panen, dan tidak ada catatan bahwa peminjamnya akan ke rentenir dan bukan ke keluarga atau koperasi. Tidak pernah KUR, yang tidak terjangkau warga desa ini. Angka kedua, “sampai”, menambahkan pinjaman lain itu seolah-olah dari rentenir. Per anggota per tahun: paling sedikit × 365 ÷ hari keanggotaan semua anggota, dibulatkan ke bawah. Keduanya ditampilkan per kelompok dan untuk semua kelompok, selalu dengan asumsi yang dipakai.",
      ],
      [
        "Yang diasumsikan",
        "Angka pengijon, rentenir dan KUR adalah rujukan dari berita dan peraturan (lihat sumber), bukan catatan transaksi nyata; setiap kelompok dapat memasukkan angka setempat. Tanggal usaha memakai waktu setempat (WITA).",
      ],
    ],
  },
  en: {
    title: "Methodology: how loan costs are computed",
    parts: [
      ["Cost in rupiah", "Cost = everything the borrower pays − the money she receives, computed in whole rupiah."],
      [
        "Effective rate (MFTransparency's method)",
        `Find the periodic rate i at which the present value of what the borrower receives equals the present value of what she pays (the IRR of her cash flows). With n periods a year: APR = i × n, effective annual rate (EIR) = (1 + i)ⁿ − 1. Every mandatory charge counts (fees, savings held back as a condition of the loan); voluntary savings and the ${formatRupiah(1000, "en")} a day do not.`,
      ],
      [
        "KSM",
        "Flat: charge = rate × original principal each month. Declining: rate × balance. Annuity: equal installments A = P·r / (1 − (1 + r)⁻ⁿ). Whole rupiah; the principal's rounding remainder goes to the last installment.",
      ],
      [
        "Pengijon",
        'Advance A now, crop worth V delivered m months later. i = (V/A)^(1/m) − 1 a month; EIR = (V/A)^(12/m) − 1. Default: A = 50% of V (V/A = 2), "half the market price". The cost V − A does not depend on the term; the effective rate is higher the nearer the harvest.',
      ],
      [
        "Money lender (rentenir)",
        'A rate per month on the original principal for m months, repaid in equal installments (monthly, weekly or daily, as the "bank harian" do) or interest only with the principal at the end. Default: 10% a month, flat.',
      ],
      [
        "KUR",
        "An annual rate on the declining balance, equal monthly installments. Default: 6% a year (0.5% a month).",
      ],
      [
        "Cost avoided",
        "The headline “at least” counts only the loans whose alternative the field study in these villages names (selling the harvest early to a pengijon): crop loans (coffee, candlenut, other farming) not cancelled, each the cheaper of the pengijon's cost (P × (V/A − 1)) and the money lender's, minus the KSM's scheduled service charge — assuming a borrower without the KSM would have sold her crop early or borrowed from a money lender; an assumption, not a record of transactions. Loans for anything else (livestock, small business, school, health, house, other) count zero: a pengijon only buys harvests, and nothing records that their borrower would have gone to a money lender rather than to family or a credit union. Never KUR, which these villagers could not get. The second figure, “up to”, adds those other loans as if from a money lender. Per member per year: at least × 365 ÷ all members' days of membership, rounded down. Both are summed per group and across groups, always shown with their assumptions.",
      ],
      [
        "What is assumed",
        "The pengijon, money-lender and KUR figures are references from news reports and regulation (see the sources), not actual transactions; each group can enter local figures. Business dates are in local time (WITA).",
      ],
    ],
  },
};

/** The lending rule and the checks on a new loan (server/domain/lending.ts), on /metodologi and the group page. */
export const METHOD_LENDING = {
  id: {
    title: "Batas pinjaman",
    text: `Setiap kelompok punya aturan pinjaman (AD/ART) di samping aturan pembagian SHU: utang seorang anggota — seluruh sisa pokok pinjamannya ditambah pinjaman baru — paling banyak sekian kali simpanannya (simpanan pokok + wajib + sukarela), dan tidak pernah lebih dari batas tertinggi kelompok — yang lebih kecil yang berlaku. Selama kelompok belum menetapkan sendiri, berlaku aturan bawaan: 3× simpanan, paling banyak ${formatRupiah(10000000, "id")}. Aturan ditetapkan pengawas atau admin; setiap perubahan dicatat sebagai aturan baru, tidak pernah menimpa yang lama. Pinjaman di atas batas ditolak, juga pinjaman yang lebih besar dari uang yang ada di kas (atau bank). Pinjaman baru untuk anggota yang menunggak lebih dari 30 hari pada pinjaman lain hanya dicatat setelah bendahara menyatakan tahu.`,
    rules: "Aturan pinjaman tiap kelompok",
    line: (multiple: number, max: string) =>
      multiple === 0
        ? `paling banyak ${max}`
        : `utang peminjam paling banyak ${multiple}× simpanannya, dan tidak lebih dari ${max}`,
    byDefault: "aturan bawaan",
    example: "contoh aturan (data demo)",
  },
  en: {
    title: "Loan limits",
    text: `Each group keeps a lending rule (AD/ART) beside its SHU share-out rule: what a member owes — the principal left on all her loans plus the new one — is at most so many times her savings (share + mandatory + voluntary), and never more than the group's ceiling — whichever is lower. Until a group sets its own, the default applies: 3× savings, at most ${formatRupiah(10000000, "en")}. The supervisor or an admin sets the rule; each change is recorded as a new rule, never over the old one. A loan above the limit is refused, and so is a loan larger than the money in the cash box (or the bank). A new loan to a member more than 30 days late on another loan is recorded only once the treasurer says she knows.`,
    rules: "Each group's lending rule",
    line: (multiple: number, max: string) =>
      multiple === 0
        ? `at most ${max}`
        : `a borrower owes at most ${multiple}× her savings, and never more than ${max}`,
    byDefault: "the default rule",
    example: "an example rule (demo data)",
  },
};

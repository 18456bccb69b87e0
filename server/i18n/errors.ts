import type { ErrorCode } from "@/server/domain/error-codes";
import { RP } from "@/server/domain/money";
import { formatDate, formatMonth } from "./format";
import type { Locale } from "./messages";

/** A business day as people write it ("8 Des 2026"); anything else as it came. */
const dayOf = (day: unknown, locale: Locale) =>
  typeof day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(day, locale) : String(day);

type Params = Record<string, string | number>;
type Msg = (p: Params) => string;

/** What each domain error code (server/domain/error-codes.ts) says to a person, Indonesian first. */
const MESSAGES = {
  amount_not_number: { id: () => "Jumlah harus berupa angka.", en: () => "The amount must be a number." },
  amount_not_whole: { id: () => "Jumlah harus rupiah bulat, tanpa sen.", en: () => "The amount must be whole rupiah." },
  amount_not_positive: { id: () => "Jumlah harus lebih dari nol.", en: () => "The amount must be more than zero." },
  amount_too_large: {
    id: (p) => `Jumlah terlalu besar (paling banyak ${RP}${fmt(p.max)}).`,
    en: (p) => `The amount is too large (at most ${RP}${fmt(p.max, ",")}).`,
  },
  amount_invalid: { id: () => "Jumlah tidak sah.", en: () => "The amount is not valid." },
  amount_out_of_range: {
    id: (p) => `Jumlah harus antara ${RP}${fmt(p.min)} dan ${RP}${fmt(p.max)}.`,
    en: (p) => `The amount must be between ${RP}${fmt(p.min, ",")} and ${RP}${fmt(p.max, ",")}.`,
  },
  date_invalid: {
    id: () => "Tanggal tidak sah (format TTTT-BB-HH).",
    en: () => "The date is not valid (format YYYY-MM-DD).",
  },
  date_in_future: { id: () => "Tanggal tidak boleh di masa depan.", en: () => "The date cannot be in the future." },
  date_before_founding: {
    id: (p) => `Tanggal sebelum kelompok berdiri (${p.foundedOn}).`,
    en: (p) => `The date is before the group was founded (${p.foundedOn}).`,
  },
  date_before_last_repayment: {
    id: (p) => `Tanggal sebelum angsuran terakhir (${p.last}).`,
    en: (p) => `The date is before the last repayment (${p.last}).`,
  },
  date_before_last_entry: {
    id: (p) => `Riwayat yang ditulis sekaligus harus sesudah catatan terakhir (${p.last}).`,
    en: (p) => `History written in one go must come after the last entry (${p.last}).`,
  },
  date_before_joining: {
    id: () => "Tanggal keluar tidak boleh sebelum tanggal masuk.",
    en: () => "The leaving date cannot be before joining.",
  },
  member_not_found: { id: () => "Anggota tidak ditemukan di kelompok ini.", en: () => "No such member in this group." },
  member_not_active: {
    id: () => "Anggota tidak aktif pada tanggal itu.",
    en: () => "The member was not active on that date.",
  },
  // Leaving the group (server/domain/membership.ts).
  leave_unconfirmed: {
    id: () => "Keluar dari kelompok perlu dikonfirmasi dulu.",
    en: () => "Leaving the group needs to be confirmed first.",
  },
  member_has_loan: {
    id: (p) => `Anggota ini masih punya ${p.count} pinjaman berjalan: lunasi atau hapus bukukan dulu, baru keluar.`,
    en: (p) => `This member still has ${p.count} running loan(s): settle or write them off before she leaves.`,
  },
  member_has_savings: {
    id: (p) => `Simpanan anggota ini ${RP}${fmt(p.savings)} belum dibayar: bayarkan dulu (bisa sekaligus saat keluar).`,
    en: (p) =>
      `This member's savings of ${RP}${fmt(p.savings, ",")} are not paid out: pay them first (or as she leaves).`,
  },
  nothing_to_pay_out: {
    id: () => "Anggota ini tidak punya simpanan untuk dibayarkan.",
    en: () => "This member has no savings to pay out.",
  },
  member_not_left: { id: () => "Anggota ini tidak tercatat keluar.", en: () => "This member is not recorded as left." },
  leave_undo_too_late: {
    id: (p) => `Keluar hanya bisa dibatalkan pada hari yang sama dicatat (${p.on}).`,
    en: (p) => `A leave can be undone only on the day it was recorded (${p.on}).`,
  },
  member_code_invalid: { id: () => "Kode anggota tidak sah.", en: () => "The member code is not valid." },
  member_code_taken: { id: () => "Kode anggota sudah dipakai.", en: () => "That member code is already used." },
  slug_taken: {
    id: () => "Alamat kelompok (slug) itu sudah dipakai kelompok lain.",
    en: () => "That group address (slug) is already taken.",
  },
  slug_invalid: {
    id: () => "Alamat kelompok (slug) hanya huruf kecil, angka dan tanda -.",
    en: () => "A group address (slug) is lower-case letters, digits and -.",
  },
  group_not_found: { id: () => "Kelompok tidak ditemukan.", en: () => "Group not found." },
  // #24 follow-up: a book that failed the portal's own check of its chain
  chain_check_failed: {
    id: () =>
      "Buku kas kelompok ini tidak lolos pemeriksaan: ada catatan yang isinya tidak cocok lagi dengan segelnya. Angkanya tidak diterbitkan sampai diperiksa.",
    en: () =>
      "This group's cash book failed its check: an entry no longer matches its seal. Its figures are not published until it is examined.",
  },
  figures_loading: {
    id: () => "Tunggu sebentar: angka kas dan bank sedang dimuat. Coba lagi.",
    en: () => "One moment: the cash and bank figures are still loading. Try again.",
  },
  insufficient_cash: {
    id: (p) => `Kas tidak cukup (tersedia ${RP}${fmt(p.available ?? 0)}).`,
    en: (p) => `Not enough cash (${RP}${fmt(p.available ?? 0, ",")} available).`,
  },
  import_header: {
    id: (p) =>
      `Baris judul tidak sesuai: terbaca dipisah ${sepName(p.separator, "id")} sebagai "${p.found}"; harus: ${p.expected} (pemisah koma atau titik koma).`,
    en: (p) =>
      `The header row is wrong: read as separated by ${sepName(p.separator, "en")} as "${p.found}"; it must be: ${p.expected} (comma or semicolon separated).`,
  },
  import_sheet_header: {
    id: (p) => `Baris judul lembar tidak sesuai: terbaca "${p.found}"; harus: ${p.expected}.`,
    en: (p) => `The sheet's header row is wrong: read "${p.found}"; it must be: ${p.expected}.`,
  },
  import_row_cells: {
    id: (p) =>
      `Baris ini punya ${p.cells} kolom, judulnya ${p.columns}: tanda pemisah di dalam isi? Beri tanda kutip ("1,5") atau simpan dengan titik koma.`,
    en: (p) =>
      `This row has ${p.cells} cells, its header ${p.columns}: a separator inside a value? Quote it ("1,5") or save with semicolons.`,
  },
  import_sheet_missing: {
    id: (p) => `Lembar "${p.value}" tidak ada di buku kerja (harus ada lembar saldo, anggota dan pinjaman).`,
    en: (p) => `The workbook has no "${p.value}" sheet (it needs the sheets saldo, anggota and pinjaman).`,
  },
  import_workbook_unreadable: {
    id: () =>
      "Berkas .xlsx tidak dapat dibaca (atau isinya lebih dari 20 MB); simpan ulang sebagai Buku Kerja Excel (.xlsx) atau sebagai tiga berkas CSV.",
    en: () =>
      "The .xlsx file cannot be read (or unpacks to more than 20 MB); save it again as an Excel Workbook (.xlsx) or as three CSV files.",
  },
  import_duplicate: { id: (p) => `"${p.value}" tertulis dua kali.`, en: (p) => `"${p.value}" is written twice.` },
  import_pos_unknown: {
    id: (p) => `Pos "${p.value}" tidak dikenal (tanggal_peralihan, kas, bank, dana_sosial).`,
    en: (p) => `Unknown item "${p.value}" (tanggal_peralihan, kas, bank, dana_sosial).`,
  },
  import_pos_missing: { id: (p) => `Baris "${p.value}" tidak ada.`, en: (p) => `The "${p.value}" row is missing.` },
  import_amount_invalid: {
    id: (p) => `"${p.value}" bukan jumlah rupiah bulat (tulis 1.250.000 atau 1250000).`,
    en: (p) => `"${p.value}" is not a whole rupiah amount (write 1.250.000 or 1250000).`,
  },
  import_amount_negative: {
    id: (p) => `Jumlah tidak boleh negatif ("${p.value}").`,
    en: (p) => `The amount cannot be negative ("${p.value}").`,
  },
  import_amount_zero: {
    id: () => "Pokok pinjaman harus lebih dari nol.",
    en: () => "The principal must be more than zero.",
  },
  import_date_invalid: {
    id: (p) => `"${p.value}" bukan tanggal (tulis HH/BB/TTTT atau TTTT-BB-HH, misalnya 05/10/2026).`,
    en: (p) => `"${p.value}" is not a date (write DD/MM/YYYY or YYYY-MM-DD, e.g. 05/10/2026).`,
  },
  import_cut_over_future: {
    id: (p) => `Tanggal peralihan ${p.value} belum tiba.`,
    en: (p) => `The cut-over date ${p.value} is still to come.`,
  },
  import_after_cut_over: {
    id: (p) => `Tanggal ${p.value} sesudah tanggal peralihan (${p.cutOver}).`,
    en: (p) => `The date ${p.value} is after the cut-over date (${p.cutOver}).`,
  },
  import_before_founding: {
    id: (p) => `Tanggal ${p.value} sebelum kelompok berdiri (${p.foundedOn}).`,
    en: (p) => `The date ${p.value} is before the group was founded (${p.foundedOn}).`,
  },
  import_member_code_invalid: {
    id: (p) => `Kode anggota "${p.value}" tidak sah (huruf besar, angka dan tanda -, 2–20 tanda).`,
    en: (p) => `Member code "${p.value}" is not valid (capitals, digits and -, 2–20 characters).`,
  },
  import_member_code_duplicate: {
    id: (p) => `Kode anggota ${p.value} tertulis dua kali.`,
    en: (p) => `Member code ${p.value} is written twice.`,
  },
  import_member_code_taken: {
    id: (p) => `Kode anggota ${p.value} sudah terdaftar di kelompok ini.`,
    en: (p) => `Member code ${p.value} is already registered in this group.`,
  },
  import_member_unknown: {
    id: (p) => `Kode anggota ${p.value} tidak ada di anggota.csv.`,
    en: (p) => `Member code ${p.value} is not in anggota.csv.`,
  },
  import_name_invalid: {
    id: () => "Nama harus 2–100 huruf, tanpa tanda kendali.",
    en: () => "The name must be 2–100 characters, without control characters.",
  },
  import_gender_invalid: {
    id: (p) => `Jenis kelamin "${p.value}" harus P atau L.`,
    en: (p) => `Sex "${p.value}" must be P or L.`,
  },
  import_outstanding_above_principal: {
    id: () => "Sisa pokok lebih besar dari pokok awal.",
    en: () => "The principal still owed is more than the original principal.",
  },
  import_loan_repaid: {
    id: () => "Sisa pokok nol: pinjaman yang sudah lunas tidak perlu dipindahkan.",
    en: () => "Nothing is owed: a repaid loan is not moved in.",
  },
  import_rate_invalid: {
    id: (p) => `Jasa "${p.value}" harus persen per bulan, misalnya 2 atau 1,5 (paling tinggi 10).`,
    en: (p) => `Rate "${p.value}" must be percent a month, e.g. 2 or 1.5 (at most 10).`,
  },
  import_method_unknown: {
    id: (p) => `Metode "${p.value}" tidak dikenal (flat, menurun atau anuitas).`,
    en: (p) => `Unknown method "${p.value}" (flat, menurun or anuitas).`,
  },
  import_number_invalid: {
    id: (p) => `"${p.value}" harus bilangan bulat ${p.min}–${p.max}.`,
    en: (p) => `"${p.value}" must be a whole number ${p.min}–${p.max}.`,
  },
  import_paid_beyond_term: {
    id: (p) => `Angsuran terbayar (${p.paid}) harus kurang dari lama pinjaman (${p.term} bulan).`,
    en: (p) => `Installments paid (${p.paid}) must be fewer than the term (${p.term} months).`,
  },
  import_purpose_unknown: {
    id: (p) => `Tujuan "${p.value}" bukan tujuan pinjaman kelompok.`,
    en: (p) => `"${p.value}" is not one of the group's loan purposes.`,
  },
  import_loan_before_joining: {
    id: (p) => `Pinjaman cair ${p.value}, sebelum anggota masuk (${p.joinedOn}).`,
    en: (p) => `The loan was paid out on ${p.value}, before the member joined (${p.joinedOn}).`,
  },
  import_group_has_entries: {
    id: () => "Kelompok ini sudah punya catatan; buku kertas hanya dipindahkan ke kelompok yang masih kosong.",
    en: () => "This group already has entries; a paper book only moves into an empty group.",
  },
  import_files_missing: {
    id: () => "Pilih ketiga berkas: saldo.csv, anggota.csv dan pinjaman.csv.",
    en: () => "Choose all three files: saldo.csv, anggota.csv and pinjaman.csv.",
  },
  import_not_valid: {
    id: (p) => `Buku kertas belum bisa dipindahkan: ${p.count} masalah.`,
    en: (p) => `The paper book cannot be moved in yet: ${p.count} problems.`,
  },
  opening_with_loans_not_reversible: {
    id: () => "Saldo awal yang membawa pinjaman tidak dapat dibalik; koreksi per pinjaman.",
    en: () => "An opening balance that carries loans cannot be reversed; correct each loan instead.",
  },
  year_closed: {
    id: (p) => `Buku tahun ${p.year} sudah ditutup (SHU dibagi); catat koreksinya dengan tanggal tahun berjalan.`,
    en: (p) => `The ${p.year} books are closed (SHU shared out); record the correction with a date in the open year.`,
  },
  year_invalid: { id: () => "Tahun tidak sah.", en: () => "The year is not valid." },
  year_already_closed: {
    id: (p) => `Buku tahun ${p.year} sudah ditutup.`,
    en: (p) => `The ${p.year} books are already closed.`,
  },
  year_not_over: {
    id: (p) => `Tahun ${p.year} belum selesai; buku ditutup sesudah 31 Desember.`,
    en: (p) => `${p.year} is not over yet; the books close after 31 December.`,
  },
  year_nothing_to_close: {
    id: () => "Belum ada catatan untuk ditutup.",
    en: () => "There are no entries to close yet.",
  },
  year_close_order: {
    id: (p) => `Tutup dulu buku tahun ${p.expected}.`,
    en: (p) => `Close the ${p.expected} books first.`,
  },
  year_not_closed: { id: () => "Tahun itu belum ditutup.", en: () => "That year is not closed." },
  shu_rule_missing: {
    id: () => "Kelompok belum punya aturan pembagian SHU (AD/ART); pengawas atau admin mengisinya dulu.",
    en: () => "The group has no SHU share-out rule (AD/ART) yet; the supervisor or an admin sets it first.",
  },
  shu_rule_invalid: {
    id: () => "Setiap bagian harus persen bulat 0–100.",
    en: () => "Each part must be a whole percentage 0–100.",
  },
  shu_rule_not_100: {
    id: (p) => `Jumlah semua bagian harus 100% (sekarang ${p.total}%).`,
    en: (p) => `The parts must add up to 100% (now ${p.total}%).`,
  },
  already_collected: {
    id: (p) =>
      `${p.code} sudah membayar iuran ${dayOf(p.day, "id")} (catatan no. ${p.seq}). Bila ini untuk hari lain, sebutkan harinya.`,
    en: (p) =>
      `${p.code} already paid for ${dayOf(p.day, "en")} (entry no. ${p.seq}). If this is for other days, name them.`,
  },
  days_invalid: {
    id: (p) => `Sebutkan 1–${p.max} hari yang dibayar.`,
    en: (p) => `Name 1–${p.max} days paid for.`,
  },
  days_duplicate: { id: () => "Ada hari yang disebut dua kali.", en: () => "A day is named twice." },
  days_only_daily: {
    id: () => "Hari yang dibayar hanya untuk iuran harian.",
    en: () => "Days paid for apply to the daily contribution only.",
  },
  day_before_joining: {
    id: (p) => `${p.day} sebelum anggota masuk (${p.joinedOn}).`,
    en: (p) => `${p.day} is before the member joined (${p.joinedOn}).`,
  },
  day_too_far_ahead: {
    id: (p) => `${p.day} terlalu jauh ke depan (paling banyak ${p.max} hari).`,
    en: (p) => `${p.day} is too far ahead (at most ${p.max} days).`,
  },
  money_account_invalid: { id: () => "Pilih kas atau bank.", en: () => "Choose cash or bank." },
  transfer_kind_invalid: {
    id: () => "Pilih setor ke bank atau tarik dari bank.",
    en: () => "Choose paying into or drawing from the bank.",
  },
  insufficient_bank: {
    id: (p) => `Saldo bank tidak cukup (tersedia ${RP}${fmt(p.available ?? 0)}).`,
    en: (p) => `Not enough in the bank (${RP}${fmt(p.available ?? 0, ",")} available).`,
  },
  insufficient_savings: { id: () => "Simpanan anggota tidak cukup.", en: () => "Not enough savings." },
  insufficient_social_fund: { id: () => "Dana sosial tidak cukup.", en: () => "Not enough in the social fund." },
  withdrawal_exceeds_savings: {
    id: (p) => `Penarikan melebihi simpanan (${RP}${fmt(p.available)}).`,
    en: (p) => `The withdrawal exceeds the savings (${RP}${fmt(p.available, ",")}).`,
  },
  repayment_exceeds_owed: {
    id: (p) => `Angsuran melebihi sisa utang (${RP}${fmt(p.owed)}).`,
    en: (p) => `The repayment exceeds what is owed (${RP}${fmt(p.owed, ",")}).`,
  },
  loan_balance_negative: {
    id: () => "Sisa pinjaman tidak boleh minus.",
    en: () => "A loan balance cannot go below zero.",
  },
  idempotency_key_reused: {
    id: () => "Kunci kiriman ini sudah dipakai untuk data lain. Muat ulang formulir.",
    en: () => "This submission key was used for other data. Reload the form.",
  },
  idempotency_key_invalid: { id: () => "Kunci kiriman tidak sah.", en: () => "The submission key is not valid." },
  text_required: { id: () => "Wajib diisi.", en: () => "Required." },
  text_too_short: {
    id: (p) => `Terlalu pendek (paling sedikit ${p.min} huruf).`,
    en: (p) => `Too short (at least ${p.min} characters).`,
  },
  text_too_long: {
    id: (p) => `Terlalu panjang (paling banyak ${p.max} huruf).`,
    en: (p) => `Too long (at most ${p.max} characters).`,
  },
  text_control_chars: {
    id: () => "Mengandung karakter yang tidak diizinkan.",
    en: () => "Contains characters that are not allowed.",
  },
  text_invalid: { id: () => "Teks tidak sah.", en: () => "Not valid text." },
  term_invalid: {
    id: (p) => `Jangka waktu tidak sah${p.max ? ` (paling lama ${p.max} bulan)` : ""}.`,
    en: (p) => `The term is not valid${p.max ? ` (at most ${p.max} months)` : ""}.`,
  },
  purpose_invalid: { id: () => "Tujuan pinjaman tidak dikenal.", en: () => "Unknown loan purpose." },
  category_invalid: { id: () => "Kategori tidak dikenal.", en: () => "Unknown category." },
  loan_not_found: { id: () => "Pinjaman tidak ditemukan.", en: () => "Loan not found." },
  loan_closed: { id: () => "Pinjaman sudah ditutup.", en: () => "The loan is closed." },
  loan_already_repaid: { id: () => "Pinjaman sudah lunas.", en: () => "The loan is already repaid." },
  loan_already_written_off: { id: () => "Pinjaman sudah dihapus buku.", en: () => "The loan is already written off." },
  entry_not_found: { id: () => "Catatan tidak ditemukan.", en: () => "Entry not found." },
  entry_already_reversed: {
    id: (p) => `Catatan ini sudah dibalik (no. ${p.seq}).`,
    en: (p) => `This entry was already reversed (no. ${p.seq}).`,
  },
  cannot_reverse_correction: {
    id: () => "Koreksi tidak bisa dibalik; catat entri yang benar.",
    en: () => "A correction cannot be reversed; record the right entry instead.",
  },
  reverse_later_loan_entries_first: {
    id: () => "Balik dulu catatan pinjaman yang lebih baru.",
    en: () => "Reverse the loan's later entries first.",
  },
  lines_empty: { id: () => "Belum ada setoran.", en: () => "No contributions entered." },
  line_duplicate: { id: (p) => `Anggota ${p.code} tercatat dua kali.`, en: (p) => `Member ${p.code} appears twice.` },
  password_weak: {
    id: (p) => `Kata sandi terlalu pendek (paling sedikit ${p.min} huruf).`,
    en: (p) => `The password is too short (at least ${p.min} characters).`,
  },
  password_mismatch: { id: () => "Kata sandi baru tidak sama.", en: () => "The new passwords differ." },
  reason_code_invalid: { id: () => "Pilih alasan koreksi dari daftar.", en: () => "Choose the reason from the list." },
  password_wrong: { id: () => "Kata sandi sekarang salah.", en: () => "The current password is wrong." },
  password_unchanged: {
    id: () => "Kata sandi baru harus berbeda dari yang lama.",
    en: () => "The new password must differ from the old one.",
  },
  group_forbidden: {
    id: () => "Anda tidak melayani kelompok ini.",
    en: () => "You do not serve this group.",
  },
  role_forbidden: {
    id: () => "Peran Anda tidak boleh melakukan ini.",
    en: () => "Your role may not do this.",
  },
  server_busy: {
    id: () => "Sedang dimulai atau sibuk — coba lagi sebentar.",
    en: () => "Starting or busy — try again shortly.",
  },
  request_too_large: { id: () => "Permintaan terlalu besar.", en: () => "Request too large." },
  input_invalid: { id: () => "Isian tidak sah.", en: () => "Invalid input." },
  not_allowed: { id: () => "Anda tidak boleh melakukan ini.", en: () => "You may not do this." },
  not_sent: {
    id: () => "Gagal terkirim (sinyal?). Data belum tersimpan — coba lagi; tidak akan tercatat dua kali.",
    en: () => "Not sent (signal?). Nothing saved yet — try again; it will not be recorded twice.",
  },
  signin_required: { id: () => "Sesi berakhir. Silakan masuk lagi.", en: () => "Session ended. Please sign in again." },
  user_not_found: { id: () => "Pengguna tidak ditemukan.", en: () => "No such user." },
  username_invalid: {
    id: () => "Nama pengguna: 3–32 huruf kecil, angka, titik atau garis.",
    en: () => "Username: 3–32 lowercase letters, digits, dots or dashes.",
  },
  username_taken: { id: () => "Nama pengguna sudah dipakai.", en: () => "That username is taken." },
  gender_invalid: { id: () => "Pilih P atau L.", en: () => "Choose P or L." },
  month_not_finished: {
    id: () => "Bulan ini belum selesai; segel bulan bisa ditandatangani setelah bulan berakhir.",
    en: () => "This month is not over yet; a month's seal can be countersigned once the month has ended.",
  },
  month_has_no_entries: {
    id: () => "Belum ada catatan sampai akhir bulan itu.",
    en: () => "There were no entries by the end of that month.",
  },
  // Closing a month (issue 24): a closed month's figures and seal never change.
  month_closed: {
    id: (p) =>
      `Bulan ${formatMonth(String(p.month), "id", true)} sudah ditutup: laporannya sudah dicetak dengan segel akhir dan tidak boleh berubah. Catat dengan tanggal hari ini; bila formulirnya punya catatan atau alasan, sebutkan bulan ${formatMonth(String(p.month), "id", true)} di sana.`,
    en: (p) =>
      `${formatMonth(String(p.month), "en", true)} is closed: its report is printed with its final seal and must not change. Record this with today's date; if the form has a note or reason, name ${formatMonth(String(p.month), "en", true)} there.`,
  },
  month_out_of_range: {
    id: () => "Tidak ada laporan untuk bulan itu.",
    en: () => "There is no report for that month.",
  },
  cash_count_not_found: { id: () => "Hitung kas tidak ditemukan.", en: () => "Cash count not found." },
  own_record_countersign: {
    id: () => "Catatan ini Anda buat sendiri; yang menandatangani harus orang lain.",
    en: () => "You made this record yourself; someone else must countersign it.",
  },
  already_countersigned: {
    id: () => "Sudah ditandatangani.",
    en: () => "Already countersigned.",
  },
  loan_nothing_to_write_off: {
    id: () => "Tidak ada sisa pokok untuk dihapus buku.",
    en: () => "No principal left to write off.",
  },
  rate_invalid: { id: () => "Tarif jasa tidak sah.", en: () => "The rate is not valid." },
  method_invalid: { id: () => "Cara hitung tidak dikenal.", en: () => "Unknown method." },
  crop_invalid: { id: () => "Jenis tanaman tidak dikenal.", en: () => "Unknown crop." },
  line_kind_invalid: { id: () => "Jenis setoran tidak dikenal.", en: () => "Unknown kind of contribution." },
  lines_too_many: {
    id: (p) => `Terlalu banyak baris (paling banyak ${p.max}).`,
    en: (p) => `Too many lines (at most ${p.max}).`,
  },
  entry_id_invalid: { id: () => "Nomor catatan tidak sah.", en: () => "Not a valid entry id." },
  loan_id_invalid: { id: () => "Nomor pinjaman tidak sah.", en: () => "Not a valid loan id." },
  nothing_to_update: { id: () => "Tidak ada yang diubah.", en: () => "Nothing to change." },
  param_not_whole_number: { id: () => "Harus bilangan bulat.", en: () => "Must be a whole number." },
  param_not_decimal: {
    id: () => "Harus angka (paling banyak 2 desimal).",
    en: () => "Must be a number (at most 2 decimals).",
  },
  param_out_of_range: {
    id: (p) => `Harus antara ${fmt(p.min)} dan ${fmt(p.max)}.`,
    en: (p) => `Must be between ${fmt(p.min, ",")} and ${fmt(p.max, ",")}.`,
  },
  param_not_allowed: {
    id: (p) => `Pilihan tidak dikenal (boleh: ${p.allowed}).`,
    en: (p) => `Unknown choice (allowed: ${p.allowed}).`,
  },
  price_invalid: { id: () => "Harga harus lebih dari nol.", en: () => "Prices must be more than zero." },
  periods_invalid: {
    id: () => "Jumlah periode tidak sah (1–3660).",
    en: () => "The number of periods is not valid (1–3660).",
  },
  group_invalid: { id: () => "Kelompok tidak sah.", en: () => "Not a valid group." },
  number_out_of_range: {
    id: (p) => `Harus bilangan bulat antara ${fmt(p.min)} dan ${fmt(p.max)}.`,
    en: (p) => `Must be a whole number between ${fmt(p.min, ",")} and ${fmt(p.max, ",")}.`,
  },
  time_zone_invalid: { id: () => "Zona waktu tidak dikenal.", en: () => "Unknown time zone." },
  account_invalid: { id: () => "Jenis simpanan tidak dikenal.", en: () => "Unknown kind of savings." },
  opening_balance_empty: {
    id: () => "Saldo awal kosong: isi kas, bank, dana sosial, simpanan atau pinjaman.",
    en: () => "The opening balance is empty: give cash, bank, social fund, savings or loans.",
  },
  role_invalid: { id: () => "Peran tidak dikenal.", en: () => "Unknown role." },
  signin_failed: {
    id: () => "Nama pengguna atau kata sandi salah.",
    en: () => "Wrong username or password.",
  },
  signin_throttled: {
    id: (p) => `Terlalu banyak percobaan. Coba lagi dalam ${p.waitSeconds} detik.`,
    en: (p) => `Too many attempts. Try again in ${p.waitSeconds} seconds.`,
  },
  passbook_denied: {
    id: () => "Kode anggota atau kode cek salah.",
    en: () => "Wrong member code or check code.",
  },
  passbook_throttled: {
    id: (p) => `Terlalu banyak percobaan. Coba lagi dalam ${p.waitSeconds} detik.`,
    en: (p) => `Too many attempts. Try again in ${p.waitSeconds} seconds.`,
  },
  param_repeated: { id: () => "Parameter diberikan lebih dari sekali.", en: () => "Parameter given more than once." },
  // #24 — names that look alike, nobody countersigns her own work, the size of a paper-book import.
  name_invisible_chars: {
    id: () =>
      "Nama memuat tanda yang tidak terlihat (spasi lebar-nol, pengatur arah teks, tanda tag), baris baru atau tab. Ketik ulang namanya dengan huruf dan spasi biasa.",
    en: () =>
      "The name holds invisible characters (zero-width, text-direction or tag characters), a line break or a tab. Type the name again with plain letters and spaces.",
  },
  name_duplicate_unconfirmed: {
    id: (p) =>
      `Nama ini sama dengan nama anggota ${p.code} (${p.name}). Kalau memang orang lain, centang konfirmasi lalu simpan lagi; kalau orang yang sama, jangan didaftarkan dua kali.`,
    en: (p) =>
      `This name is the same as member ${p.code}'s (${p.name}). If she really is someone else, tick the confirmation and save again; if it is the same person, do not register her twice.`,
  },
  import_name_duplicate: {
    id: (p) => `Nama ini sama dengan nama anggota ${p.value}. Periksa, lalu centang konfirmasi nama kembar.`,
    en: (p) => `This name is the same as member ${p.value}'s. Check, then tick the confirmation of look-alike names.`,
  },
  own_entry_correction_countersign: {
    id: () => "Koreksi ini membatalkan catatan yang Anda tulis sendiri; yang menandatangani harus orang lain.",
    en: () => "This correction reverses an entry you wrote yourself; someone else must countersign it.",
  },
  own_month_seal_countersign: {
    id: () => "Anda menulis catatan pada bulan ini; segel bulan ini harus ditandatangani orang lain.",
    en: () => "You wrote entries in this month; someone else must countersign its seal.",
  },
  import_too_many_members: {
    id: (p) => `Terlalu banyak anggota dalam satu impor (paling banyak ${fmt(p.max)}). Tidak ada yang disimpan.`,
    en: (p) => `Too many members in one import (at most ${fmt(p.max, ",")}). Nothing was saved.`,
  },
  import_too_many_loans: {
    id: (p) => `Terlalu banyak pinjaman dalam satu impor (paling banyak ${fmt(p.max)}). Tidak ada yang disimpan.`,
    en: (p) => `Too many loans in one import (at most ${fmt(p.max, ",")}). Nothing was saved.`,
  },
  // Plausibility before saving (issue #25): a figure far from the book, or a large outflow, is
  // saved only when the treasurer confirmed it; a count is replaced the same day, never edited.
  count_difference_unconfirmed: {
    id: (p) =>
      `Hitungan ${RP}${fmt(p.counted)} ${Number(p.difference) < 0 ? "kurang" : "lebih"} ${RP}${fmt(Math.abs(Number(p.difference)))} dari buku (${RP}${fmt(p.book)}) — lebih dari ${RP}${fmt(p.tolerance)}. Periksa angkanya; kalau memang benar, konfirmasi lalu simpan lagi.`,
    en: (p) =>
      `The count of ${RP}${fmt(p.counted, ",")} is ${RP}${fmt(Math.abs(Number(p.difference)), ",")} ${Number(p.difference) < 0 ? "short of" : "over"} the book (${RP}${fmt(p.book, ",")}) — more than ${RP}${fmt(p.tolerance, ",")}. Check the figure; if it really is right, confirm and save again.`,
  },
  large_outflow_unconfirmed: {
    id: (p) =>
      `${RP}${fmt(p.amount)} lebih dari batas kelompok (${RP}${fmt(p.threshold)}) untuk satu pengeluaran atau penarikan. Periksa angkanya; kalau memang benar, konfirmasi lalu simpan lagi.`,
    en: (p) =>
      `${RP}${fmt(p.amount, ",")} is more than the group's limit (${RP}${fmt(p.threshold, ",")}) for one expense or withdrawal. Check the figure; if it really is right, confirm and save again.`,
  },
  count_replace_not_same_day: {
    id: (p) =>
      `Hitungan hanya bisa diganti pada hari dicatat, untuk kas (atau bank) dan tanggal yang sama (${p.date}).`,
    en: (p) =>
      `A count can only be replaced on the day it was recorded, for the same box (or bank) and date (${p.date}).`,
  },
  count_already_replaced: {
    id: () => "Hitungan ini sudah diganti; ganti hitungan yang terbaru.",
    en: () => "This count was already replaced; replace the latest one.",
  },
  count_already_countersigned: {
    id: () => "Hitungan ini sudah ditandatangani pengawas dan tidak bisa diganti; catat hitungan baru.",
    en: () => "The pengawas has countersigned this count, so it cannot be replaced; record a new count.",
  },
  count_replace_reason_invalid: {
    id: () => 'Alasan mengganti harus "salah ketik" atau "dihitung ulang".',
    en: () => 'The reason to replace must be "typing slip" or "counted again".',
  },
  // Loans: the group's lending rule and the borrower's arrears (issue #25).
  loan_above_ceiling: {
    id: (p) =>
      (p.limit === "savings"
        ? `Pinjaman melebihi batas kelompok: utang seorang anggota paling banyak ${RP}${fmt(p.ceiling)} (${p.multiple}× simpanan anggota ini, ${RP}${fmt(p.savings)}).`
        : `Pinjaman melebihi batas kelompok: utang seorang anggota paling banyak ${RP}${fmt(p.ceiling)} (batas tertinggi kelompok).`) +
      (Number(p.owed) > 0
        ? ` Ia masih berutang ${RP}${fmt(p.owed)}, jadi pinjaman baru paling banyak ${RP}${fmt(p.room)}.`
        : ""),
    en: (p) =>
      (p.limit === "savings"
        ? `The loan is above the group's limit: a member may owe at most ${RP}${fmt(p.ceiling, ",")} (${p.multiple}× this member's savings, ${RP}${fmt(p.savings, ",")}).`
        : `The loan is above the group's limit: a member may owe at most ${RP}${fmt(p.ceiling, ",")} (the group's ceiling).`) +
      (Number(p.owed) > 0
        ? ` She still owes ${RP}${fmt(p.owed, ",")}, so a new loan may be at most ${RP}${fmt(p.room, ",")}.`
        : ""),
  },
  borrower_in_arrears: {
    id: (p) =>
      `Anggota ini menunggak ${p.days} hari pada pinjaman lain. Jika tetap memberi pinjaman, centang konfirmasi lalu simpan lagi.`,
    en: (p) =>
      `This member is ${p.days} days late on another loan. To lend all the same, tick the confirmation and save again.`,
  },
  lending_rule_invalid: {
    id: (p) => `Aturan pinjaman tidak sah (kelipatan 0–${fmt(p.max)}, batas lebih dari nol).`,
    en: (p) => `The lending rule is not valid (multiple 0–${fmt(p.max, ",")}, ceiling above zero).`,
  },
  // The supervisor asks instead of signing (issue 25): questions and the treasurer's answers.
  own_record_query: {
    id: () => "Ini pekerjaan Anda sendiri; yang menanyakannya harus orang lain.",
    en: () => "This is your own work; someone else must query it.",
  },
  already_queried: {
    id: () => "Catatan ini sudah ditanyakan dan belum dijawab.",
    en: () => "This record has already been queried and is not answered yet.",
  },
  query_not_found: { id: () => "Pertanyaan tidak ditemukan.", en: () => "Question not found." },
  own_query_answer: {
    id: () => "Anda sendiri yang bertanya; jawabannya harus dari bendahara.",
    en: () => "You asked this yourself; the treasurer must answer it.",
  },
  query_already_answered: {
    id: () => "Pertanyaan ini sudah dijawab.",
    en: () => "This question has already been answered.",
  },
  // #26 — members' phone numbers (private; normalised to 62…).
  phone_invalid: {
    id: () => "Nomor HP tidak sah. Tulis nomor HP Indonesia, misalnya 0812-3456-7890 atau +62 812 3456 7890.",
    en: () =>
      "The phone number is not valid. Write an Indonesian mobile number, e.g. 0812-3456-7890 or +62 812 3456 7890.",
  },
} satisfies Record<ErrorCode, { id: Msg; en: Msg }>;

function fmt(v: unknown, sep = "."): string {
  const n = Number(v);
  return Number.isFinite(n)
    ? Math.trunc(n)
        .toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, sep)
    : String(v ?? "");
}

/** A message in both languages, Indonesian first (for answers sent before a language is known). */
export const bothLanguages = (code: ErrorCode): string =>
  `${errorMessage(code, {}, "id")} / ${errorMessage(code, {}, "en")}`;

export function errorMessage(code: string, params: Params, locale: Locale): string {
  const m = (MESSAGES as Record<string, { id: Msg; en: Msg }>)[code];
  if (!m) return locale === "id" ? "Data tidak sah." : "The data is not valid.";
  return m[locale](params);
}

/** A CSV separator in words, for the paper book's header message. */
function sepName(sep: unknown, locale: Locale): string {
  if (sep === ";") return locale === "id" ? "titik koma (;)" : "semicolons (;)";
  return locale === "id" ? "koma (,)" : "commas (,)";
}

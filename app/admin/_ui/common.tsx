"use client";
import { getSession } from "next-auth/react";
import { useCallback, useRef, useState } from "react";
import { errorMessage } from "@/server/i18n/errors";
import { type api, explain, type FieldError, noAnswer } from "./client";
import type { QueuedWrite } from "./offline-queue";
import { keepOnPhone } from "./phone-queue";

export type Locale = "id" | "en";

export type Group = Awaited<ReturnType<typeof api.admin.groups.mine.query>>[number];

export type Members = Awaited<ReturnType<typeof api.admin.members.list.query>>;

export const L = {
  id: {
    title: "Buku bendahara",
    signOut: "Keluar",
    group: "Kelompok",
    tabs: {
      home: "Ringkasan",
      collect: "Setoran harian",
      withdraw: "Tarik simpanan",
      loans: "Pinjaman",
      cash: "Kas",
      members: "Anggota",
      fix: "Koreksi",
      audit: "Jejak audit",
      year: "Tutup buku (SHU)",
      book: "Pindah dari buku",
      account: "Akun",
    },
    cash: "Kas di tangan (menurut buku)",
    shuRule: "Aturan pembagian SHU (AD/ART)",
    payoutSavings: "Bagian anggota masuk simpanan sukarela",
    payoutCash: "Bagian anggota dibayar tunai",
    memberPayout: "Bagian anggota",
    ruleIsExample: "Contoh aturan (data demo).",
    noRule: "Belum ada aturan pembagian SHU; pengawas atau admin mengisinya.",
    changeRule: "Ubah aturan",
    ruleSaved: "Aturan disimpan ✓",
    ruleTotal: (n: number) => `Jumlah: ${n}% (harus 100%)`,
    closeYear: "Tutup buku tahunan",
    year: "Tahun",
    previewYear: "Lihat pembagian",
    confirmClose: (y: number) => `Benar — tutup buku ${y}`,
    yearClosed: (y: number, seq: number | null) => `Buku ${y} ditutup ✓${seq ? ` (catatan no. ${seq})` : ""}`,
    yearIncome: "Pendapatan",
    costs: "Biaya dan hapus buku",
    memberParts: (n: number) => `Bagian anggota (${n})`,
    bank: "Saldo bank (menurut buku)",
    lastCount: "Hitung kas terakhir",
    matches: "cocok dengan buku",
    over: (d: string) => `lebih ${d} dari buku`,
    short: (d: string) => `kurang ${d} dari buku`,
    lastBankCheck: "Cocok rekening bank terakhir",
    bankDeposit: "Setor ke bank",
    bankWithdrawal: "Tarik dari bank",
    bankCheck: "Cocokkan rekening bank",
    bankCounted: "Saldo di rekening koran / buku tabungan",
    via: "Lewat",
    viaCash: "Kas",
    viaBank: "Bank",
    bookIntro:
      "Pindahkan buku kertas kelompok: pilih tiga berkas CSV (saldo.csv, anggota.csv, pinjaman.csv), periksa setiap angka, lalu konfirmasi. Hanya untuk kelompok yang belum punya catatan.",
    bookCheck: "Periksa berkas",
    bookConfirm: "Benar — pindahkan sekarang",
    bookProblems: (n: number) => `${n} masalah — perbaiki berkasnya lalu pilih lagi:`,
    cutOver: "Tanggal peralihan",
    socialFund: "Dana sosial",
    savingsShare: "Simpanan pokok",
    savingsMandatory: "Simpanan wajib",
    savingsVoluntary: "Simpanan sukarela",
    loansRunning: (n: number) => `Pinjaman berjalan (${n})`,
    loanLine: (code: string, rest: string, left: number, next: string | null, inst: string) =>
      `${code}: sisa ${rest}, ${left} angsuran lagi${next ? `, berikutnya ${next} ${inst}` : ""}`,
    retained: "Surplus ditahan (penyeimbang)",
    membersCount: (n: number) => `Anggota (${n})`,
    bookDone: (seq: number) => `Buku dipindahkan ✓ (saldo awal, catatan no. ${seq}).`,
    checkCodesTitle: "Kode cek anggota — tulis di buku anggota masing-masing sekarang; tidak ditampilkan lagi:",
    codesWritten: "Sudah saya tulis semua",
    late: "Pinjaman menunggak",
    daysLate: (n: number) => `terlambat ${n} hari`,
    due: "Jatuh tempo 7 hari ke depan",
    none: "Tidak ada.",
    date: "Tanggal",
    present: "Bayar",
    today: "hari ini",
    months: (n: number) => `${n} bulan`,
    forDays: (code: string) => `Untuk hari (${code})`,
    daysSpan: (from: string, to: string, n: number) => `${from} – ${to} (${n} hari)`,
    alreadyPaid: (seq: number) => `sudah bayar (no. ${seq})`,
    amount: "Jumlah",
    total: "Jumlah hari ini",
    save: "Simpan",
    saving: "Menyimpan…",
    saved: (n: number, what?: string) => `Tersimpan ✓ catatan no. ${n}${what ? `: ${what}` : ""}`,
    check: "Periksa sebelum menyimpan:",
    receipts: "Kuitansi anggota",
    collected: (n: number, total: string) => `setoran ${n} anggota, ${total}`,
    receiptFor: (code: string) => `Kuitansi ${code}`,
    sendReceipt: (code: string) => `Kirim ke ${code} (WhatsApp)`,
    openPassbook: "Buku anggota",
    savingsNow: "Simpanan sekarang",
    savingsLeft: (code: string, left: string) => `simpanan ${code} tinggal ${left}`,
    confirmSave: "Benar — simpan",
    next: "Lanjut",
    change: "Ubah",
    moneyOut: (via: "cash" | "bank", amount: string) =>
      via === "bank" ? `Saldo bank berkurang ${amount}` : `Kas berkurang ${amount}`,
    moneyIn: (via: "cash" | "bank", amount: string) =>
      via === "bank" ? `Saldo bank bertambah ${amount}` : `Kas bertambah ${amount}`,
    loanWhat: (code: string, months: number, inst: string) => `pinjaman ${code}, ${months} bulan, angsuran ${inst}`,
    roles: { admin: "admin", bendahara: "bendahara", pengawas: "pengawas" } as Record<string, string>,
    member: "Anggota",
    principal: "Pokok",
    term: "Lama (bulan)",
    purpose: "Tujuan",
    preview: "Lihat jadwal",
    confirm: "Cairkan pinjaman",
    installment: "Angsuran",
    serviceCharge: "Jasa",
    fine: "denda",
    owed: "Sisa",
    status: "Status",
    repay: "Bayar angsuran",
    loan: "Pinjaman",
    writeOff: "Hapus buku",
    reason: "Alasan",
    expense: "Catat biaya",
    income: "Catat pendapatan lain",
    category: "Kategori",
    note: "Keterangan",
    count: "Hitung kas",
    counted: "Uang yang dihitung",
    difference: "Selisih",
    code: "Kode anggota",
    name: "Nama lengkap",
    gender: "Jenis kelamin",
    joined: "Tanggal masuk",
    add: "Tambah anggota",
    leave: "Keluar dari kelompok",
    resetCode: "Buat kode cek baru",
    newCode: (c: string, k: string) =>
      `Kode cek baru untuk ${c}: ${k} — tulis di buku anggota sekarang; tidak akan ditampilkan lagi.`,
    pending: (n: number) =>
      `Tidak ada sinyal: ${n} catatan disimpan di HP, dikirim sendiri begitu ada sinyal (urut, tidak tercatat dua kali).`,
    sendNow: "Kirim sekarang",
    sentQueued: (n: number) => `${n} catatan dari HP terkirim ✓`,
    refusedTitle: "Ditolak server:",
    refusedWhat: "Periksa, lalu catat ulang bila masih perlu.",
    dismiss: "Sudah saya periksa",
    heldTitle:
      "Ditahan: uang keluar ini tidak dikirim sendiri setelah ada catatan yang ditolak. Periksa kas, lalu pilih:",
    sendAnyway: "Kirim tetap",
    removeKept: "Hapus dari HP",
    currentPassword: "Kata sandi sekarang",
    newPassword: "Kata sandi baru (min. 10 huruf)",
    repeatPassword: "Ulangi kata sandi baru",
    changePassword: "Ganti kata sandi",
    passwordChanged: "Kata sandi diganti. Semua sesi berakhir — silakan masuk lagi.",
    reverse: "Koreksi (balik)",
    reversed: "sudah dibalik",
    kind: "Jenis",
    readOnly: "Anda pengawas: hanya melihat dan menandatangani hitung kas dan segel bulanan.",
    countersign: "Tandatangani",
    toSign: (n: number) => `Menunggu tanda tangan Anda (${n})`,
    signed: "ditandatangani",
    ownRecord: "dicatat oleh Anda — orang lain yang menandatangani",
    olderUnsigned: (n: number) => `${n} catatan lebih lama belum ditandatangani.`,
    signSeal: (month: string, seq: number, seal: string) =>
      `Segel ${month}: buku sampai catatan no. ${seq}, segel ${seal}.`,
    signCount: (what: string, date: string, counted: string, book: string, diff: string, by: string) =>
      `${what} ${date}: dihitung ${counted}, buku ${book} — ${diff}. Dicatat ${by}.`,
    signCorrection: (seq: number, date: string, reverses: number, reason: string, amount: string, by: string) =>
      `Koreksi no. ${seq} (${date}) membalik no. ${reverses}, ${amount}: ${reason}. Dicatat ${by}.`,
    seals: "Segel bulanan (ujung rantai di akhir bulan)",
    sealSigned: (on: string) => `disegel pengawas ${on}`,
    sealWaiting: "menunggu tanda tangan pengawas",
  },
  en: {
    title: "Treasurer's book",
    signOut: "Sign out",
    group: "Group",
    tabs: {
      home: "Overview",
      collect: "Daily collection",
      withdraw: "Savings withdrawal",
      loans: "Loans",
      cash: "Cash",
      members: "Members",
      fix: "Corrections",
      audit: "Audit log",
      year: "Close the year (SHU)",
      book: "Move in",
      account: "Account",
    },
    cash: "Cash on hand (books)",
    shuRule: "SHU share-out rule (AD/ART)",
    payoutSavings: "Members' parts go to voluntary savings",
    payoutCash: "Members' parts are paid in cash",
    memberPayout: "Members' parts",
    ruleIsExample: "An example rule (demo data).",
    noRule: "No SHU share-out rule yet; the supervisor or an admin sets it.",
    changeRule: "Change the rule",
    ruleSaved: "Rule saved ✓",
    ruleTotal: (n: number) => `Total: ${n}% (must be 100%)`,
    closeYear: "Close the year",
    year: "Year",
    previewYear: "Show the share-out",
    confirmClose: (y: number) => `Correct — close ${y}`,
    yearClosed: (y: number, seq: number | null) => `${y} closed ✓${seq ? ` (entry no. ${seq})` : ""}`,
    yearIncome: "Income",
    costs: "Expenses and write-offs",
    memberParts: (n: number) => `Members' parts (${n})`,
    bank: "Bank balance (books)",
    lastCount: "Last cash count",
    matches: "matches the book",
    over: (d: string) => `${d} over the book`,
    short: (d: string) => `${d} short of the book`,
    lastBankCheck: "Last bank statement check",
    bankDeposit: "Pay into the bank",
    bankWithdrawal: "Draw from the bank",
    bankCheck: "Check the bank statement",
    bankCounted: "Balance on the bank statement",
    via: "Through",
    viaCash: "Cash",
    viaBank: "Bank",
    bookIntro:
      "Move the group's paper book in: choose three CSV files (saldo.csv, anggota.csv, pinjaman.csv), check every figure, then confirm. Only for a group without entries.",
    bookCheck: "Check the files",
    bookConfirm: "Correct — move in now",
    bookProblems: (n: number) => `${n} problems — fix the files and choose them again:`,
    cutOver: "Cut-over date",
    socialFund: "Social fund",
    savingsShare: "Share savings",
    savingsMandatory: "Mandatory savings",
    savingsVoluntary: "Voluntary savings",
    loansRunning: (n: number) => `Running loans (${n})`,
    loanLine: (code: string, rest: string, left: number, next: string | null, inst: string) =>
      `${code}: ${rest} owed, ${left} installments left${next ? `, next ${next} ${inst}` : ""}`,
    retained: "Retained surplus (balancing figure)",
    membersCount: (n: number) => `Members (${n})`,
    bookDone: (seq: number) => `Book moved in ✓ (opening balance, entry no. ${seq}).`,
    checkCodesTitle: "Members' check codes — write each in her passbook now; they will not be shown again:",
    codesWritten: "I have written them all down",
    late: "Loans in arrears",
    daysLate: (n: number) => `${n} days late`,
    due: "Due in the next 7 days",
    none: "None.",
    date: "Date",
    present: "Pays",
    today: "today",
    months: (n: number) => `${n} months`,
    forDays: (code: string) => `For days (${code})`,
    daysSpan: (from: string, to: string, n: number) => `${from} – ${to} (${n} days)`,
    alreadyPaid: (seq: number) => `already paid (no. ${seq})`,
    amount: "Amount",
    total: "Today's total",
    save: "Save",
    saving: "Saving…",
    saved: (n: number, what?: string) => `Saved ✓ entry no. ${n}${what ? `: ${what}` : ""}`,
    check: "Check before saving:",
    receipts: "Members' receipts",
    collected: (n: number, total: string) => `collection from ${n} members, ${total}`,
    receiptFor: (code: string) => `Receipt for ${code}`,
    sendReceipt: (code: string) => `Send to ${code} (WhatsApp)`,
    openPassbook: "Passbook",
    savingsNow: "Savings now",
    savingsLeft: (code: string, left: string) => `${code}'s savings will be ${left}`,
    confirmSave: "Correct — save",
    next: "Next",
    change: "Change",
    moneyOut: (via: "cash" | "bank", amount: string) =>
      via === "bank" ? `The bank balance goes down by ${amount}` : `Cash goes down by ${amount}`,
    moneyIn: (via: "cash" | "bank", amount: string) =>
      via === "bank" ? `The bank balance goes up by ${amount}` : `Cash goes up by ${amount}`,
    loanWhat: (code: string, months: number, inst: string) => `loan to ${code}, ${months} months, installment ${inst}`,
    roles: { admin: "admin", bendahara: "treasurer", pengawas: "supervisor" } as Record<string, string>,
    member: "Member",
    principal: "Principal",
    term: "Term (months)",
    purpose: "Purpose",
    preview: "Show schedule",
    confirm: "Disburse loan",
    installment: "Installment",
    serviceCharge: "Service charge",
    fine: "fine",
    owed: "Owed",
    status: "Status",
    repay: "Record repayment",
    loan: "Loan",
    writeOff: "Write off",
    reason: "Reason",
    expense: "Record expense",
    income: "Record other income",
    category: "Category",
    note: "Note",
    count: "Cash count",
    counted: "Cash counted",
    difference: "Difference",
    code: "Member code",
    name: "Full name",
    gender: "Gender",
    joined: "Joined on",
    add: "Add member",
    leave: "Leaves the group",
    resetCode: "New check code",
    newCode: (c: string, k: string) =>
      `New check code for ${c}: ${k} — write it in the passbook now; it will not be shown again.`,
    pending: (n: number) =>
      `No signal: ${n} records kept on this phone, sent by themselves once there is signal (in order, never twice).`,
    sendNow: "Send now",
    sentQueued: (n: number) => `${n} records from this phone sent ✓`,
    refusedTitle: "Refused by the server:",
    refusedWhat: "Check, then enter it again if still needed.",
    dismiss: "I have checked",
    heldTitle: "Held: this money going out is not sent by itself after a refusal. Check the cash, then choose:",
    sendAnyway: "Send anyway",
    removeKept: "Remove from this phone",
    currentPassword: "Current password",
    newPassword: "New password (min. 10 characters)",
    repeatPassword: "Repeat the new password",
    changePassword: "Change password",
    passwordChanged: "Password changed. Every session ended — please sign in again.",
    reverse: "Correct (reverse)",
    reversed: "reversed",
    kind: "Kind",
    readOnly: "You are a supervisor: you can read and countersign cash counts and monthly seals.",
    countersign: "Countersign",
    toSign: (n: number) => `Waiting for your signature (${n})`,
    signed: "signed",
    ownRecord: "recorded by you — someone else signs it",
    olderUnsigned: (n: number) => `${n} older records are not signed.`,
    signSeal: (month: string, seq: number, seal: string) =>
      `Seal of ${month}: the book up to entry no. ${seq}, seal ${seal}.`,
    signCount: (what: string, date: string, counted: string, book: string, diff: string, by: string) =>
      `${what} ${date}: counted ${counted}, book ${book} — ${diff}. Recorded by ${by}.`,
    signCorrection: (seq: number, date: string, reverses: number, reason: string, amount: string, by: string) =>
      `Correction no. ${seq} (${date}) reverses no. ${reverses}, ${amount}: ${reason}. Recorded by ${by}.`,
    seals: "Monthly seals (the chain head at each month's end)",
    sealSigned: (on: string) => `sealed by the supervisor on ${on}`,
    sealWaiting: "waiting for the supervisor's signature",
  },
};

export type Action = ReturnType<typeof useAction>;

/**
 * One action's state: busy, one error, one result. An error names the field it is about and is
 * shown beside that control (see `Field`); an error about no shown field goes to `Status`. Editing a
 * field takes away its error and any old result: a new action has begun.
 */
export function useAction(locale: Locale) {
  const [state, setState] = useState<{ busy: boolean; error: FieldError | null; done: string | null }>({
    busy: false,
    error: null,
    done: null,
  });
  // The fields some `Field` shows an error for; filled while rendering, never emptied.
  const placed = useRef(new Set<string>()).current;
  const run = useCallback(
    async <T,>(f: () => Promise<T>, done: (r: T) => string) => {
      setState({ busy: true, error: null, done: null });
      try {
        const r = await f();
        setState({ busy: false, error: null, done: done(r) });
        void getSession(); // activity keeps the session alive (12 hours after the last action)
        return r;
      } catch (e) {
        setState({ busy: false, error: explain(e, locale), done: null });
        return null;
      }
    },
    [locale],
  );
  /**
   * Sends a write; with no signal (offline, or no answer) keeps it on the phone with its key, to be
   * sent in order later — the queue's banner then says so, and the form may start afresh.
   */
  const save = useCallback(
    async <T,>(
      slug: string,
      write: Omit<QueuedWrite, "queuedAt">,
      f: () => Promise<T>,
      done: (r: T) => string,
    ): Promise<T | "kept" | null> => {
      const keep = () => {
        keepOnPhone(slug, write);
        setState({ busy: false, error: null, done: null });
        return "kept" as const;
      };
      if (!navigator.onLine) return keep();
      let lost = false;
      const r = await run(
        () =>
          f().catch((e: unknown) => {
            lost = noAnswer(e);
            throw e;
          }),
        done,
      );
      return r === null && lost ? keep() : r;
    },
    [run],
  );
  /** The form's own check failed: the same words the server would use, beside the field. */
  const fail = useCallback(
    (field: string, code: string, params: Record<string, string | number> = {}) =>
      setState({ busy: false, error: { field, message: errorMessage(code, params, locale) }, done: null }),
    [locale],
  );
  /** The fields (the names a `Field` shows errors for) that the person just changed. */
  const edited = useCallback(
    (...fields: string[]) =>
      setState((s) => ({
        ...s,
        done: null,
        error: s.error?.field && !fields.includes(s.error.field) && placed.has(s.error.field) ? s.error : null,
      })),
    [placed],
  );
  return { ...state, run, save, fail, edited, placed };
}

/** The checks a form makes before sending, in the order of its fields: the first problem, or null. */
export function firstProblem(
  checks: [field: string, code: string | null | false | undefined, params?: Record<string, string | number>][],
): [string, string, Record<string, string | number>] | null {
  for (const [field, code, params] of checks) if (code) return [field, code, params ?? {}];
  return null;
}

/**
 * A form's submit: the form checks itself first (in the server's words, beside the field), and only
 * then does what it is for. Forms say `noValidate`: the browser's own bubbles never speak instead.
 */
export const onChecked =
  (
    a: { fail: (field: string, code: string, params?: Record<string, string | number>) => void },
    checks: () => Parameters<typeof firstProblem>[0],
    then: () => unknown,
  ) =>
  (e: React.FormEvent) => {
    e.preventDefault();
    const problem = firstProblem(checks());
    if (problem) return a.fail(...problem);
    void then();
  };

/** Common checks, as error codes the server also uses. */
export const amountProblem = (v: string) => (v === "" || !(Number(v) > 0) ? "amount_not_positive" : null);
export const dateProblem = (v: string, today: string) =>
  !/^\d{4}-\d{2}-\d{2}$/.test(v) ? "date_invalid" : v > today ? "date_in_future" : null;

/** The result of the last action, or an error that belongs to no shown field. */
export function Status({ s }: { s: { error: FieldError | null; done: string | null; placed?: Set<string> } }) {
  if (s.error && !(s.error.field && s.placed?.has(s.error.field)))
    return (
      <p className="warn" role="alert">
        {s.error.message}
      </p>
    );
  if (s.done)
    return (
      <p className="ok" role="status">
        {s.done}
      </p>
    );
  return null;
}

export type P = { slug: string; locale: Locale; rp: (n: number) => string; t: (typeof L)["id"] };

/** The last step before money leaves the box or the bank: what will happen, in words, then the final tap. */
export function Confirm({ t, lines, busy, onBack }: { t: P["t"]; lines: string[]; busy: boolean; onBack: () => void }) {
  return (
    <div className="card confirm">
      <p>
        <strong>{t.check}</strong>
      </p>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <button type="submit" disabled={busy}>
        {busy ? t.saving : t.confirmSave}
      </button>{" "}
      <button type="button" className="secondary" onClick={onBack} disabled={busy}>
        {t.change}
      </button>
    </div>
  );
}

/**
 * A labelled control. With `a` and `name` (one field, or several the server may name for it, such
 * as "principal" and "amount"), the error about that field is shown right under the control.
 */
export function Field({
  id,
  label,
  children,
  a,
  name,
}: {
  id: string;
  label: string;
  children: React.ReactNode;
  a?: Pick<Action, "error" | "placed">;
  name?: string | string[];
}) {
  const names = name === undefined ? [] : Array.isArray(name) ? name : [name];
  for (const n of names) a?.placed.add(n);
  const error = a?.error?.field && names.includes(a.error.field) ? a.error.message : null;
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <br />
      {children}
      {error && (
        <p className="warn" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A whole number (rupiah, months): the phone's number pad, and only digits kept. */
export function DigitsInput({
  onChange,
  ...props
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, "onChange" | "value"> & {
  value: string;
  onChange: (digits: string) => void;
}) {
  return <input inputMode="numeric" {...props} onChange={(e) => onChange(e.target.value.replace(/\D/g, ""))} />;
}

export function addDaysIso(d: string, n: number) {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

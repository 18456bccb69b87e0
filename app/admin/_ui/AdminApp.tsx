"use client";
import { getSession, signOut } from "next-auth/react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { loanSchedule, LOAN_PURPOSES, type LoanMethod } from "@/server/domain/loans";
import { formatRupiah } from "@/server/domain/money";
import { api, explain, newKey, noAnswer, type FieldError } from "./client";
import { dismissRefused, enqueue, flush, queued, refused, type QueuedDay, type RefusedDay } from "./offline-queue";
import { errorMessage } from "@/server/i18n/errors";

type Locale = "id" | "en";
type Group = Awaited<ReturnType<typeof api.admin.groups.mine.query>>[number];
type Members = Awaited<ReturnType<typeof api.admin.members.list.query>>;

const L = {
  id: {
    title: "Buku bendahara", signOut: "Keluar", group: "Kelompok", tabs: { home: "Ringkasan", collect: "Setoran harian", loans: "Pinjaman", cash: "Kas", members: "Anggota", fix: "Koreksi", audit: "Jejak audit", account: "Akun" },
    cash: "Kas di tangan (menurut buku)", lastCount: "Hitung kas terakhir", late: "Pinjaman menunggak", due: "Jatuh tempo 7 hari ke depan", none: "Tidak ada.",
    date: "Tanggal", present: "Bayar", amount: "Jumlah", total: "Jumlah hari ini", save: "Simpan", saving: "Menyimpan…", saved: (n: number) => `Tersimpan ✓ (catatan no. ${n})`,
    member: "Anggota", principal: "Pokok", term: "Lama (bulan)", purpose: "Tujuan", preview: "Lihat jadwal", confirm: "Cairkan pinjaman", installment: "Angsuran", repay: "Bayar angsuran", loan: "Pinjaman", writeOff: "Hapus buku", reason: "Alasan",
    expense: "Catat biaya", income: "Catat pendapatan lain", category: "Kategori", note: "Keterangan", count: "Hitung kas", counted: "Uang yang dihitung", difference: "Selisih",
    code: "Kode anggota", name: "Nama lengkap", gender: "Jenis kelamin", joined: "Tanggal masuk", add: "Tambah anggota", leave: "Keluar dari kelompok", resetCode: "Buat kode cek baru", newCode: (c: string, k: string) => `Kode cek baru untuk ${c}: ${k} — tulis di buku anggota sekarang; tidak akan ditampilkan lagi.`,
    queuedNow: (n: number) => `Tidak ada sinyal: setoran disimpan di HP (${n} menunggu). Akan dikirim sendiri begitu ada sinyal.`, pending: (n: number) => `${n} setoran tersimpan di HP, menunggu sinyal.`, sendNow: "Kirim sekarang", sentQueued: (n: number) => `${n} setoran dari HP terkirim ✓`,
    refusedTitle: "Ditolak server — periksa lalu catat ulang:", dismiss: "Sudah saya catat ulang",
    currentPassword: "Kata sandi sekarang", newPassword: "Kata sandi baru (min. 10 huruf)", repeatPassword: "Ulangi kata sandi baru", changePassword: "Ganti kata sandi", mismatch: "Kata sandi baru tidak sama.", passwordChanged: "Kata sandi diganti. Semua sesi berakhir — silakan masuk lagi.",
    reverse: "Koreksi (balik)", reversed: "sudah dibalik", kind: "Jenis", readOnly: "Anda pengawas: hanya melihat dan menandatangani hitung kas.", countersign: "Tandatangani",
  },
  en: {
    title: "Treasurer's book", signOut: "Sign out", group: "Group", tabs: { home: "Overview", collect: "Daily collection", loans: "Loans", cash: "Cash", members: "Members", fix: "Corrections", audit: "Audit log", account: "Account" },
    cash: "Cash on hand (books)", lastCount: "Last cash count", late: "Loans in arrears", due: "Due in the next 7 days", none: "None.",
    date: "Date", present: "Pays", amount: "Amount", total: "Today's total", save: "Save", saving: "Saving…", saved: (n: number) => `Saved ✓ (entry no. ${n})`,
    member: "Member", principal: "Principal", term: "Term (months)", purpose: "Purpose", preview: "Show schedule", confirm: "Disburse loan", installment: "Installment", repay: "Record repayment", loan: "Loan", writeOff: "Write off", reason: "Reason",
    expense: "Record expense", income: "Record other income", category: "Category", note: "Note", count: "Cash count", counted: "Cash counted", difference: "Difference",
    code: "Member code", name: "Full name", gender: "Gender", joined: "Joined on", add: "Add member", leave: "Leaves the group", resetCode: "New check code", newCode: (c: string, k: string) => `New check code for ${c}: ${k} — write it in the passbook now; it will not be shown again.`,
    queuedNow: (n: number) => `No signal: the collection is kept on this phone (${n} waiting). It is sent by itself once there is signal.`, pending: (n: number) => `${n} collections kept on this phone, waiting for signal.`, sendNow: "Send now", sentQueued: (n: number) => `${n} collections from this phone sent ✓`,
    refusedTitle: "Refused by the server — check and enter again:", dismiss: "I have entered them again",
    currentPassword: "Current password", newPassword: "New password (min. 10 characters)", repeatPassword: "Repeat the new password", changePassword: "Change password", mismatch: "The new passwords differ.", passwordChanged: "Password changed. Every session ended — please sign in again.",
    reverse: "Correct (reverse)", reversed: "reversed", kind: "Kind", readOnly: "You are a supervisor: you can read and countersign cash counts.", countersign: "Countersign",
  },
};

function useAction(locale: Locale) {
  const [state, setState] = useState<{ busy: boolean; error: FieldError | null; done: string | null }>({ busy: false, error: null, done: null });
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
  return { ...state, run };
}

function Status({ s, field }: { s: { error: FieldError | null; done: string | null }; field?: string }) {
  if (s.error && (field === undefined || s.error.field === field || s.error.field === null))
    return (
      <p className="warn" role="alert">
        {s.error.field && field === undefined ? `${s.error.field}: ` : ""}
        {s.error.message}
      </p>
    );
  if (s.done && field === undefined)
    return (
      <p className="ok" role="status">
        {s.done}
      </p>
    );
  return null;
}

export function AdminApp({ locale, groups }: { locale: Locale; groups: Group[] }) {
  const t = L[locale];
  const rp = (n: number) => formatRupiah(n, locale);
  const [slug, setSlug] = useState<string>(groups[0]?.slug ?? "");
  const [tab, setTab] = useState<keyof typeof t.tabs>("home");
  const [members, setMembers] = useState<Members>([]);
  const [today, setToday] = useState("");
  const [refresh, setRefresh] = useState(0);
  const group = groups?.find((g) => g.slug === slug);
  const canWrite = group?.role === "admin" || group?.role === "bendahara";

  useEffect(() => {
    if (!slug) return;
    api.admin.members.list.query({ groupSlug: slug }).then(setMembers);
    api.admin.cash.onHand.query({ groupSlug: slug }).then((c) => setToday(c.today));
  }, [slug, refresh]);
  const active = useMemo(() => members.filter((m) => !m.leftOn || m.leftOn > today), [members, today]);
  const reload = () => setRefresh((n) => n + 1);

  return (
    <>
      <h1>{t.title}</h1>
      <p>
        <label htmlFor="g">{t.group}</label>{" "}
        <select id="g" value={slug} onChange={(e) => setSlug(e.target.value)}>
          {groups.map((g) => (
            <option key={g.slug} value={g.slug}>
              {g.name} ({g.role})
            </option>
          ))}
        </select>{" "}
        <button type="button" onClick={() => signOut({ callbackUrl: "/masuk" })}>
          {t.signOut}
        </button>
      </p>
      {!canWrite && <p className="muted">{t.readOnly}</p>}
      <nav aria-label={t.title}>
        {(Object.keys(t.tabs) as (keyof typeof t.tabs)[]).map((k) => (
          <button key={k} type="button" aria-pressed={tab === k} onClick={() => setTab(k)} style={{ margin: "2px", background: tab === k ? "#0b5d3b" : "#6b7c72" }}>
            {t.tabs[k]}
          </button>
        ))}
      </nav>
      {group && today && (
        <section key={`${slug}-${tab}-${refresh}`}>
          {tab === "home" && <Home slug={slug} locale={locale} rp={rp} t={t} canCountersign={group.role === "pengawas" || group.role === "admin"} />}
          {tab === "collect" && canWrite && <Collect slug={slug} members={active} daily={group.dailyContribution} today={today} locale={locale} rp={rp} t={t} />}
          {tab === "loans" && <Loans slug={slug} group={group} members={active} today={today} locale={locale} rp={rp} t={t} canWrite={canWrite} />}
          {tab === "cash" && canWrite && <Cash slug={slug} today={today} locale={locale} rp={rp} t={t} />}
          {tab === "members" && <MembersTab slug={slug} members={members} today={today} locale={locale} rp={rp} t={t} canWrite={canWrite} onChanged={reload} />}
          {tab === "fix" && <Corrections slug={slug} locale={locale} rp={rp} t={t} canWrite={canWrite} />}
          {tab === "audit" && <Audit slug={slug} />}
          {tab === "account" && <Account locale={locale} rp={rp} t={t} slug={slug} />}
        </section>
      )}
    </>
  );
}

type P = { slug: string; locale: Locale; rp: (n: number) => string; t: (typeof L)["id"] };

function Home({ slug, rp, t, locale, canCountersign }: P & { canCountersign: boolean }) {
  const [d, setD] = useState<{ cash: Awaited<ReturnType<typeof api.admin.cash.onHand.query>>; loans: Awaited<ReturnType<typeof api.admin.loans.list.query>> } | null>(null);
  const a = useAction(locale);
  useEffect(() => {
    Promise.all([api.admin.cash.onHand.query({ groupSlug: slug }), api.admin.loans.list.query({ groupSlug: slug })]).then(([cash, loans]) => setD({ cash, loans }));
  }, [slug]);
  if (!d) return <p>…</p>;
  const open = d.loans.filter((l) => l.status === "berjalan" || l.status === "menunggak");
  const late = open.filter((l) => l.daysPastDue > 0);
  const soon = open.filter((l) => l.daysPastDue === 0 && l.schedule.some((i) => !i.paidOn && i.dueOn <= addDaysIso(d.cash.today, 7)));
  const c = d.cash.lastCount;
  return (
    <>
      <ul className="cards">
        <li className="card"><span className="label">{t.cash}</span><span className="value">{rp(d.cash.cash)}</span></li>
        <li className="card"><span className="label">{t.lastCount}</span><span className="value">{c ? `${c.businessDate}: ${rp(c.difference)}` : "–"}</span></li>
      </ul>
      {c && canCountersign && (
        <p>
          <button type="button" disabled={a.busy} onClick={() => a.run(() => api.admin.cash.countersign.mutate({ groupSlug: slug, cashCountId: c.id }), () => "✓")}>
            {t.countersign} ({c.businessDate})
          </button>
        </p>
      )}
      <Status s={a} />
      <h2>{t.late}</h2>
      {late.length ? <ul>{late.map((l) => <li key={l.id}>{l.memberCode} · {rp(l.totalOwed)} · {l.daysPastDue} hari</li>)}</ul> : <p>{t.none}</p>}
      <h2>{t.due}</h2>
      {soon.length ? <ul>{soon.map((l) => <li key={l.id}>{l.memberCode} · {l.schedule.find((i) => !i.paidOn)?.dueOn}</li>)}</ul> : <p>{t.none}</p>}
    </>
  );
}

function addDaysIso(d: string, n: number) {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function Collect({ slug, members, daily, today, rp, t, locale }: P & { members: Members; daily: number; today: string }) {
  const [date, setDate] = useState(today);
  const [rows, setRows] = useState(() => members.map((m) => ({ code: m.code, name: m.fullName, pays: true, amount: String(daily) })));
  const [key, setKey] = useState(newKey); // made when the form opens, reused on retry
  const a = useAction(locale);
  const [queueNote, setQueueNote] = useState<string | null>(null);
  const [queueVersion, setQueueVersion] = useState(0);
  const total = rows.reduce((s, r) => s + (r.pays ? Number(r.amount) || 0 : 0), 0);
  const keepOnPhone = (day: QueuedDay) => {
    enqueue(localStorage, slug, day);
    setKey(newKey()); // the next save is a new collection
    setQueueNote(t.queuedNow(queued(localStorage, slug).length));
    setQueueVersion((v) => v + 1);
  };
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setQueueNote(null);
        const lines = rows.filter((r) => r.pays).map((r) => ({ memberCode: r.code, amount: Number(r.amount) }));
        const day: QueuedDay = { date, idempotencyKey: key, lines, total, queuedAt: new Date().toISOString() };
        if (!navigator.onLine) return keepOnPhone(day);
        let lost = false;
        const r = await a.run(
          () =>
            api.admin.contributions.record.mutate({ groupSlug: slug, date, idempotencyKey: key, lines }).catch((err: unknown) => {
              lost = noAnswer(err);
              throw err;
            }),
          (e) => t.saved(e.seq),
        );
        if (r) setKey(newKey()); // the next save is a new collection
        else if (lost) keepOnPhone(day); // no answer: keep it, send it later with the same key
      }}
    >
      <PhoneQueue slug={slug} t={t} locale={locale} rp={rp} version={queueVersion} />
      <p>
        <label htmlFor="cdate">{t.date}</label> <input id="cdate" type="date" value={date} max={today} onChange={(e) => { setDate(e.target.value); setKey(newKey()); }} />
      </p>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr><th scope="col">{t.member}</th><th scope="col">{t.present}</th><th scope="col" className="num">{t.amount}</th></tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.code}>
                <td><label htmlFor={`p-${r.code}`}>{r.code} {r.name}</label></td>
                <td><input id={`p-${r.code}`} type="checkbox" checked={r.pays} onChange={(e) => { setRows(rows.map((x, j) => (j === i ? { ...x, pays: e.target.checked } : x))); setKey(newKey()); }} /></td>
                <td className="num">
                  <input aria-label={`${t.amount} ${r.code}`} inputMode="numeric" size={7} value={r.amount} disabled={!r.pays} onChange={(e) => { setRows(rows.map((x, j) => (j === i ? { ...x, amount: e.target.value.replace(/\D/g, "") } : x))); setKey(newKey()); }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <strong>{t.total}: {rp(total)}</strong> ({rows.filter((r) => r.pays).length}/{rows.length})
      </p>
      <button type="submit" disabled={a.busy}>{a.busy ? t.saving : t.save}</button>
      {queueNote ? <p className="warn" role="status">{queueNote}</p> : <Status s={a} />}
    </form>
  );
}

/** Collections kept on this phone: sent by themselves when the signal is back, or on a tap. */
function PhoneQueue({ slug, t, locale, rp, version }: Omit<P, "slug"> & { slug: string; version: number }) {
  const [pending, setPending] = useState<QueuedDay[]>([]);
  const [refusedDays, setRefused] = useState<RefusedDay[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = useCallback(() => {
    setPending(queued(localStorage, slug));
    setRefused(refused(localStorage, slug));
  }, [slug]);
  const send = useCallback(async () => {
    if (busy || queued(localStorage, slug).length === 0) return reload();
    setBusy(true);
    try {
      const r = await flush(localStorage, slug, async (days) =>
        (await api.admin.contributions.recordQueued.mutate({ groupSlug: slug, days: days.map(({ date, idempotencyKey, lines }) => ({ date, idempotencyKey, lines })) })).map((x) =>
          x.ok ? { idempotencyKey: x.idempotencyKey, ok: true as const, seq: x.seq } : { idempotencyKey: x.idempotencyKey, ok: false as const, error: x.error },
        ),
      );
      if (r.sent) setNote(t.sentQueued(r.sent));
    } catch {
      // still no answer: everything stays on the phone
    } finally {
      setBusy(false);
      reload();
    }
  }, [busy, slug, reload, t]);
  useEffect(() => {
    reload();
    if (navigator.onLine) void send();
    const onOnline = () => void send();
    window.addEventListener("online", onOnline);
    const timer = window.setInterval(() => {
      if (navigator.onLine && queued(localStorage, slug).length) void send();
    }, 20_000);
    return () => {
      window.removeEventListener("online", onOnline);
      window.clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug, version]);
  if (!pending.length && !refusedDays.length && !note) return null;
  return (
    <section aria-live="polite" className="card">
      {note && <p className="ok" role="status">{note}</p>}
      {pending.length > 0 && (
        <p>
          {t.pending(pending.length)}{" "}
          <button type="button" disabled={busy} onClick={() => void send()}>
            {busy ? t.saving : t.sendNow}
          </button>
        </p>
      )}
      {refusedDays.length > 0 && (
        <>
          <p className="warn" role="alert">{t.refusedTitle}</p>
          <ul>
            {refusedDays.map((d) => (
              <li key={d.idempotencyKey}>
                {d.date} · {rp(d.total)} · {d.error.field ? `${d.error.field}: ` : ""}
                {errorMessage(d.error.code, d.error.params, locale)}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => { dismissRefused(localStorage, slug); reload(); }}>
            {t.dismiss}
          </button>
        </>
      )}
    </section>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <br />
      {children}
    </div>
  );
}

function Loans({ slug, group, members, today, rp, t, locale, canWrite }: P & { group: Group; members: Members; today: string; canWrite: boolean }) {
  const [loans, setLoans] = useState<Awaited<ReturnType<typeof api.admin.loans.list.query>>>([]);
  const [form, setForm] = useState({ memberCode: members[0]?.code ?? "", principal: "", termMonths: "4", purpose: "kopi" as (typeof LOAN_PURPOSES)[number], date: today });
  const [preview, setPreview] = useState(false);
  const [key, setKey] = useState(newKey);
  const [repay, setRepay] = useState({ loanId: "", amount: "", key: newKey() });
  const a = useAction(locale);
  const load = useCallback(() => api.admin.loans.list.query({ groupSlug: slug }).then(setLoans), [slug]);
  useEffect(() => void load(), [load]);
  const [costs, setCosts] = useState<Awaited<ReturnType<typeof api.admin.loans.compare.query>> | null>(null);
  useEffect(() => {
    setCosts(null);
    if (preview && Number(form.principal) > 0 && Number(form.termMonths) >= 1)
      api.admin.loans.compare.query({ groupSlug: slug, principal: Number(form.principal), termMonths: Number(form.termMonths) }).then(setCosts, () => setCosts(null));
  }, [preview, form.principal, form.termMonths, slug]);
  const schedule = useMemo(() => {
    const p = Number(form.principal);
    const n = Number(form.termMonths);
    if (!preview || !(p > 0) || !(n >= 1)) return null;
    try {
      return loanSchedule({ principal: p, termMonths: n, rateBpsPerMonth: group.loanRateBpsPerMonth, method: group.loanMethod as LoanMethod, disbursedOn: form.date });
    } catch {
      return null;
    }
  }, [preview, form, group]);
  const set = (k: keyof typeof form, v: string) => { setForm({ ...form, [k]: v }); setPreview(false); setKey(newKey()); };
  return (
    <>
      {canWrite && (
        <form className="inline" onSubmit={async (e) => {
          e.preventDefault();
          if (!preview) return setPreview(true);
          const r = await a.run(() => api.admin.loans.disburse.mutate({ groupSlug: slug, memberCode: form.memberCode, principal: Number(form.principal), termMonths: Number(form.termMonths), date: form.date, purpose: form.purpose, idempotencyKey: key }), (r) => t.saved(r.entry.seq));
          if (r) { setKey(newKey()); setPreview(false); load(); }
        }}>
          <Field id="lm" label={t.member}>
            <select id="lm" value={form.memberCode} onChange={(e) => set("memberCode", e.target.value)}>{members.map((m) => <option key={m.code} value={m.code}>{m.code} {m.fullName}</option>)}</select>
          </Field>
          <Field id="lp" label={t.principal}><input id="lp" inputMode="numeric" value={form.principal} onChange={(e) => set("principal", e.target.value.replace(/\D/g, ""))} required /></Field>
          <Status s={a} field="principal" />
          <Field id="lt" label={t.term}><input id="lt" inputMode="numeric" value={form.termMonths} onChange={(e) => set("termMonths", e.target.value.replace(/\D/g, ""))} required /></Field>
          <Field id="lu" label={t.purpose}>
            <select id="lu" value={form.purpose} onChange={(e) => set("purpose", e.target.value)}>{LOAN_PURPOSES.map((p) => <option key={p} value={p}>{p}</option>)}</select>
          </Field>
          <Field id="ld" label={t.date}><input id="ld" type="date" max={today} value={form.date} onChange={(e) => set("date", e.target.value)} /></Field>
          {schedule && (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <thead><tr><th scope="col">{t.installment}</th><th scope="col">{t.date}</th><th scope="col" className="num">{t.principal}</th><th scope="col" className="num">Jasa</th></tr></thead>
                <tbody>{schedule.map((i) => <tr key={i.n}><td>{i.n}</td><td>{i.dueOn}</td><td className="num">{rp(i.principal)}</td><td className="num">{rp(i.serviceCharge)}</td></tr>)}</tbody>
              </table>
            </div>
          )}
          {costs && (
            <p>
              {costs.lenders.map((l) => `${l.key.toUpperCase()} ${rp(l.costRp)} (${l.eirPct.toLocaleString(locale === "id" ? "id-ID" : "en-US")}%)`).join(" · ")}
            </p>
          )}
          <div><button type="submit" disabled={a.busy}>{preview ? t.confirm : t.preview}</button></div>
          <Status s={a} />
        </form>
      )}
      {canWrite && (
        <form className="inline" onSubmit={async (e) => {
          e.preventDefault();
          const r = await a.run(() => api.admin.loans.repay.mutate({ groupSlug: slug, loanId: Number(repay.loanId), amount: Number(repay.amount), date: today, idempotencyKey: repay.key }), (r) => `${t.saved(r.entry.seq)} — denda ${rp(r.allocation.fine)}, jasa ${rp(r.allocation.serviceCharge)}, pokok ${rp(r.allocation.principal)}`);
          if (r) { setRepay({ loanId: "", amount: "", key: newKey() }); load(); }
        }}>
          <h2>{t.repay}</h2>
          <Field id="rl" label={t.loan}>
            <select id="rl" value={repay.loanId} onChange={(e) => setRepay({ ...repay, loanId: e.target.value, key: newKey() })} required>
              <option value="">—</option>
              {loans.filter((l) => l.status === "berjalan" || l.status === "menunggak").map((l) => <option key={l.id} value={l.id}>#{l.id} {l.memberCode} · {rp(l.principal)} · {rp(l.totalOwed)}</option>)}
            </select>
          </Field>
          <Field id="ra" label={t.amount}><input id="ra" inputMode="numeric" value={repay.amount} onChange={(e) => setRepay({ ...repay, amount: e.target.value.replace(/\D/g, ""), key: newKey() })} required /></Field>
          <div><button type="submit" disabled={a.busy}>{t.repay}</button></div>
        </form>
      )}
      <h2>{t.tabs.loans}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead><tr><th scope="col">#</th><th scope="col">{t.member}</th><th scope="col">{t.date}</th><th scope="col" className="num">{t.principal}</th><th scope="col">Status</th><th scope="col" className="num">Sisa</th></tr></thead>
          <tbody>{loans.slice(0, 50).map((l) => <tr key={l.id}><td>{l.id}</td><td>{l.memberCode}</td><td>{l.disbursedOn}</td><td className="num">{rp(l.principal)}</td><td>{l.status}</td><td className="num">{rp(l.totalOwed)}</td></tr>)}</tbody>
        </table>
      </div>
    </>
  );
}

function Cash({ slug, today, t, locale, rp }: P & { today: string }) {
  const [f, setF] = useState({ kind: "expense" as "expense" | "income" | "count", amount: "", category: "alat_tulis", note: "", key: newKey() });
  const a = useAction(locale);
  const cats = f.kind === "income" ? ["bunga_bank", "hibah", "sumbangan", "lainnya"] : ["alat_tulis", "transportasi", "rapat", "pelatihan", "konsumsi", "administrasi_bank", "sosial", "lainnya"];
  return (
    <form className="inline" onSubmit={async (e) => {
      e.preventDefault();
      const amount = Number(f.amount);
      const r = f.kind === "count"
        ? await a.run(() => api.admin.cash.count.mutate({ groupSlug: slug, date: today, countedAmount: amount, idempotencyKey: f.key }), (c) => `${t.difference}: ${rp(c.difference)}`)
        : await a.run(() => api.admin.cash[f.kind as "expense" | "income"].mutate({ groupSlug: slug, amount, date: today, category: f.category, note: f.note || null, idempotencyKey: f.key }), (e) => t.saved(e.seq));
      if (r) setF({ ...f, amount: "", note: "", key: newKey() });
    }}>
      <Field id="ck" label={t.kind}>
        <select id="ck" value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value as typeof f.kind, category: e.target.value === "income" ? "bunga_bank" : "alat_tulis", key: newKey() })}>
          <option value="expense">{t.expense}</option><option value="income">{t.income}</option><option value="count">{t.count}</option>
        </select>
      </Field>
      <Field id="ca" label={f.kind === "count" ? t.counted : t.amount}><input id="ca" inputMode="numeric" value={f.amount} onChange={(e) => setF({ ...f, amount: e.target.value.replace(/\D/g, ""), key: newKey() })} required /></Field>
      {f.kind !== "count" && (
        <>
          <Field id="cc" label={t.category}><select id="cc" value={f.category} onChange={(e) => setF({ ...f, category: e.target.value, key: newKey() })}>{cats.map((c) => <option key={c}>{c}</option>)}</select></Field>
          <Field id="cn" label={t.note}><input id="cn" maxLength={200} value={f.note} onChange={(e) => setF({ ...f, note: e.target.value, key: newKey() })} /></Field>
        </>
      )}
      <div><button type="submit" disabled={a.busy}>{t.save}</button></div>
      <Status s={a} />
    </form>
  );
}

function Account({ t, locale }: P) {
  const [f, setF] = useState({ currentPassword: "", newPassword: "", repeat: "" });
  const [mismatch, setMismatch] = useState(false);
  const a = useAction(locale);
  return (
    <form className="inline" onSubmit={async (e) => {
      e.preventDefault();
      setMismatch(f.newPassword !== f.repeat);
      if (f.newPassword !== f.repeat) return;
      const r = await a.run(() => api.admin.account.changePassword.mutate({ currentPassword: f.currentPassword, newPassword: f.newPassword }), () => t.passwordChanged);
      if (r !== null) setTimeout(() => signOut({ callbackUrl: "/masuk" }), 2500);
    }}>
      <h2>{t.changePassword}</h2>
      <Field id="pc" label={t.currentPassword}><input id="pc" type="password" autoComplete="current-password" value={f.currentPassword} onChange={(e) => setF({ ...f, currentPassword: e.target.value })} required /></Field>
      <Status s={a} field="currentPassword" />
      <Field id="pn" label={t.newPassword}><input id="pn" type="password" autoComplete="new-password" minLength={10} maxLength={200} value={f.newPassword} onChange={(e) => setF({ ...f, newPassword: e.target.value })} required /></Field>
      <Status s={a} field="newPassword" />
      <Field id="pr" label={t.repeatPassword}><input id="pr" type="password" autoComplete="new-password" value={f.repeat} onChange={(e) => setF({ ...f, repeat: e.target.value })} required /></Field>
      {mismatch && <p className="warn" role="alert">{t.mismatch}</p>}
      <div><button type="submit" disabled={a.busy}>{t.changePassword}</button></div>
      <Status s={a} />
    </form>
  );
}

function MembersTab({ slug, members, today, t, locale, rp, canWrite, onChanged }: P & { members: Members; today: string; canWrite: boolean; onChanged: () => void }) {
  const [f, setF] = useState({ code: "", fullName: "", gender: "P" as "P" | "L" });
  const a = useAction(locale);
  return (
    <>
      {canWrite && (
        <form className="inline" onSubmit={async (e) => {
          e.preventDefault();
          const r = await a.run(() => api.admin.members.add.mutate({ groupSlug: slug, code: f.code, fullName: f.fullName, gender: f.gender, joinedOn: today }), (r) => t.newCode(r.code, r.checkCode));
          if (r) setF({ code: "", fullName: "", gender: "P" });
        }}>
          <h2>{t.add}</h2>
          <Field id="mc" label={t.code}><input id="mc" value={f.code} onChange={(e) => setF({ ...f, code: e.target.value.toUpperCase() })} required /></Field>
          <Status s={a} field="code" />
          <Field id="mn" label={t.name}><input id="mn" value={f.fullName} onChange={(e) => setF({ ...f, fullName: e.target.value })} required /></Field>
          <Field id="mg" label={t.gender}><select id="mg" value={f.gender} onChange={(e) => setF({ ...f, gender: e.target.value as "P" | "L" })}><option value="P">P</option><option value="L">L</option></select></Field>
          <div><button type="submit" disabled={a.busy}>{t.add}</button></div>
        </form>
      )}
      <Status s={a} />
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead><tr><th scope="col">{t.code}</th><th scope="col">{t.name}</th><th scope="col" className="num">Simpanan</th><th scope="col" /></tr></thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.code}>
                <td>{m.code}</td>
                <td>{m.fullName}{m.leftOn ? ` (${m.leftOn})` : ""}</td>
                <td className="num">{rp(m.savings.savings_share + m.savings.savings_mandatory + m.savings.savings_voluntary)}</td>
                <td>
                  {canWrite && !m.leftOn && (
                    <>
                      <button type="button" onClick={() => a.run(() => api.admin.members.resetCheckCode.mutate({ groupSlug: slug, code: m.code }), (r) => t.newCode(r.code, r.checkCode))}>{t.resetCode}</button>{" "}
                      <button type="button" onClick={async () => { if (await a.run(() => api.admin.members.leave.mutate({ groupSlug: slug, code: m.code, leftOn: today }), () => "✓")) onChanged(); }}>{t.leave}</button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Corrections({ slug, t, locale, rp, canWrite }: P & { canWrite: boolean }) {
  const [entries, setEntries] = useState<Awaited<ReturnType<typeof api.admin.entries.list.query>>["entries"]>([]);
  const [picked, setPicked] = useState<{ id: number; seq: number; reason: string; key: string } | null>(null);
  const a = useAction(locale);
  const load = useCallback(() => api.admin.entries.list.query({ groupSlug: slug, limit: 30 }).then((r) => setEntries(r.entries)), [slug]);
  useEffect(() => void load(), [load]);
  return (
    <>
      <Status s={a} />
      {picked && (
        <form className="inline" onSubmit={async (e) => {
          e.preventDefault();
          const r = await a.run(() => api.admin.entries.reverse.mutate({ groupSlug: slug, entryId: picked.id, reason: picked.reason, idempotencyKey: picked.key }), (r) => `${t.saved(r.seq)} ↩ ${picked.seq}`);
          if (r) { setPicked(null); load(); }
        }}>
          <Field id="rr" label={`${t.reason} (no. ${picked.seq})`}><input id="rr" value={picked.reason} onChange={(e) => setPicked({ ...picked, reason: e.target.value, key: newKey() })} required minLength={5} maxLength={500} /></Field>
          <Status s={a} field="reason" />
          <div><button type="submit" disabled={a.busy}>{t.reverse}</button></div>
        </form>
      )}
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead><tr><th scope="col">No.</th><th scope="col">{t.date}</th><th scope="col">{t.kind}</th><th scope="col" className="num">{t.amount}</th><th scope="col" /></tr></thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td><td>{e.date}</td><td>{e.kind}{e.reversesSeq ? ` ↩ ${e.reversesSeq}` : ""}</td><td className="num">{rp(e.amount)}</td>
                <td>{e.reversedBy ? t.reversed : canWrite && e.kind !== "correction" && e.id ? <button type="button" onClick={() => setPicked({ id: e.id!, seq: e.seq, reason: "", key: newKey() })}>{t.reverse}</button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Audit({ slug }: { slug: string }) {
  const [rows, setRows] = useState<Awaited<ReturnType<typeof api.admin.audit.list.query>>>([]);
  useEffect(() => void api.admin.audit.list.query({ groupSlug: slug, limit: 50 }).then(setRows), [slug]);
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <tbody>{rows.map((r) => <tr key={r.id}><td>{r.at.slice(0, 16).replace("T", " ")}</td><td>{r.actor}</td><td>{r.action}</td><td className="hash">{r.detail}</td></tr>)}</tbody>
      </table>
    </div>
  );
}

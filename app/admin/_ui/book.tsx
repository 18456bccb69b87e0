"use client";
import { savingsTotal } from "@/server/domain/ledger";
import { useState } from "react";
import { BOOK_TEMPLATE_FILES } from "@/server/domain/book-template";
import type { BookFile } from "@/server/domain/paper-book";
import { errorMessage } from "@/server/i18n/errors";
import { formatDate } from "@/server/i18n/format";
import { api, newKey } from "./client";
import { Field, type P, Status, useAction } from "./common";

type Preview = Awaited<ReturnType<typeof api.admin.book.preview.mutate>>;
type Done = Extract<Awaited<ReturnType<typeof api.admin.book.import.mutate>>, { ok: true }>;
const FILES: BookFile[] = ["saldo", "anggota", "pinjaman"];

/** A chosen .xlsx as base64, for the server to read (read-excel-file runs there, not here). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Moving in from the paper book: choose the three files → every figure → confirm. */
export function Book({ slug, t, locale, rp, onChanged }: P & { onChanged: () => void }) {
  const [files, setFiles] = useState<Partial<Record<BookFile, string>>>({});
  // One .xlsx workbook instead of the three CSV files: when chosen, it is what is sent.
  const [workbook, setWorkbook] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [key, setKey] = useState(newKey);
  // Look-alike names in the book: she checks them and confirms they are different people.
  const [confirmedNames, setConfirmedNames] = useState(false);
  const a = useAction(locale);
  const askNames =
    confirmedNames || (preview?.ok === false && preview.problems.some((p) => p.code === "import_name_duplicate"));
  const all = workbook !== undefined || FILES.every((f) => files[f] !== undefined);
  const chosen = () =>
    workbook !== undefined
      ? { workbook }
      : { files: { saldo: files.saldo ?? "", anggota: files.anggota ?? "", pinjaman: files.pinjaman ?? "" } };
  const changed = () => {
    setPreview(null);
    setConfirmedNames(false);
    setKey(newKey());
  };

  if (done) return <BookDone done={done} t={t} onChanged={onChanged} />;

  return (
    <form
      className="inline"
      onSubmit={async (e) => {
        e.preventDefault();
        if (preview?.ok) {
          const r = await a.run(
            () => api.admin.book.import.mutate({ groupSlug: slug, ...chosen(), confirmedNames, idempotencyKey: key }),
            (r) => (r.ok ? t.bookDone(r.entry.seq) : t.bookProblems(r.problems.length)),
          );
          if (r?.ok) setDone(r);
          else if (r) setPreview(r);
          return;
        }
        const r = await a.run(
          () => api.admin.book.preview.mutate({ groupSlug: slug, ...chosen(), confirmedNames }),
          () => "",
        );
        if (r) setPreview(r);
      }}
    >
      <p>{t.bookIntro}</p>
      <details>
        <summary>{t.bookTemplates}</summary>
        <p>{t.bookTemplatesNote}</p>
        <ul>
          {BOOK_TEMPLATE_FILES.map((f) => (
            <li key={f}>
              <a href={`/admin/contoh-buku/${f}`} download={f}>
                {f}
              </a>
            </li>
          ))}
        </ul>
      </details>
      {FILES.map((f) => (
        <Field key={f} id={`bk-${f}`} label={`${f}.csv`}>
          <input
            id={`bk-${f}`}
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              const text = file ? await file.text() : undefined;
              setFiles((prev) => ({ ...prev, [f]: text }));
              changed();
            }}
          />
        </Field>
      ))}
      <Field id="bk-xlsx" label={t.bookWorkbook}>
        <input
          id="bk-xlsx"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            setWorkbook(file ? await base64Of(file) : undefined);
            changed();
          }}
        />
      </Field>
      {preview && !preview.ok && (
        <div role="alert" className="warn">
          <p>{t.bookProblems(preview.problems.length)}</p>
          <ul>
            {preview.problems.map((p) => (
              <li key={`${p.file}:${p.line}:${p.column}:${p.code}`}>
                {p.file}:{p.line}: {p.column} — {errorMessage(p.code, p.params ?? {}, locale)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {askNames && (
        <label htmlFor="bk-names">
          <input
            id="bk-names"
            type="checkbox"
            checked={confirmedNames}
            onChange={(e) => {
              setConfirmedNames(e.target.checked);
              setPreview(null); // checked again, with or without the confirmation
            }}
          />{" "}
          {t.sameNamesConfirm}
        </label>
      )}
      {preview?.ok && <Figures p={preview} t={t} rp={rp} locale={locale} />}
      <div>
        <button type="submit" disabled={a.busy || !all}>
          {preview?.ok ? t.bookConfirm : t.bookCheck}
        </button>
      </div>
      {a.error && <Status s={{ ...a, done: null }} />}
    </form>
  );
}

function Figures({ p, t, rp, locale }: Pick<P, "t" | "rp" | "locale"> & { p: Extract<Preview, { ok: true }> }) {
  const x = p.totals;
  const line = (label: string, v: number) => (
    <li key={label}>
      {label}: <strong>{rp(v)}</strong>
    </li>
  );
  return (
    <section aria-label={t.bookCheck}>
      <p>
        {t.cutOver}: <strong>{formatDate(p.cutOver, locale)}</strong>
      </p>
      <ul>
        {line(t.viaCash, x.cash)}
        {line(t.viaBank, x.bank)}
        {line(t.socialFund, x.socialFund)}
        {line(t.savingsShare, x.savings.savings_share)}
        {line(t.savingsMandatory, x.savings.savings_mandatory)}
        {line(t.savingsVoluntary, x.savings.savings_voluntary)}
        {line(t.loansRunning(x.loans), x.loansOutstanding)}
        {line(t.retained, x.retainedSurplus)}
      </ul>
      <h3>{t.membersCount(x.members)}</h3>
      <ul>
        {p.members.map((m) => (
          <li key={m.code}>
            {m.code} {m.fullName} · {rp(savingsTotal(m.savings))}
          </li>
        ))}
      </ul>
      <h3>{t.loansRunning(p.loans.length)}</h3>
      <ul>
        {p.loans.map((l) => (
          <li key={l.line}>
            {t.loanLine(
              l.memberCode,
              rp(l.principalOutstanding),
              l.installmentsLeft,
              l.nextDueOn && formatDate(l.nextDueOn, locale),
              rp(l.nextInstallment),
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Moved in: the first entry's number, and each member's check code, shown once to be written down. */
function BookDone({ done, t, onChanged }: { done: Done; t: P["t"]; onChanged: () => void }) {
  return (
    <>
      <p className="ok" role="status">
        {t.bookDone(done.entry.seq)}
      </p>
      {done.checkCodes.length > 0 && (
        <>
          <p>{t.checkCodesTitle}</p>
          <ul className="check-codes">
            {done.checkCodes.map((c) => (
              <li key={c.code}>
                {c.code}: <strong>{c.checkCode}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {/* Reloading the screen clears this page: only once the codes are written down. */}
      <button type="button" onClick={onChanged}>
        {t.codesWritten}
      </button>
    </>
  );
}

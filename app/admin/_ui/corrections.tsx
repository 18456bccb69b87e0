"use client";
import { useCallback, useEffect, useState } from "react";
import { CORRECTION_REASONS, type CorrectionReason } from "@/server/domain/ledger";
import { MESSAGES } from "@/server/i18n/messages";
import { api, newKey } from "./client";
import { useAction, Status, Field, type P } from "./common";

export function Corrections({ slug, t, locale, rp, canWrite }: P & { canWrite: boolean }) {
  const [entries, setEntries] = useState<Awaited<ReturnType<typeof api.admin.entries.list.query>>["entries"]>([]);
  const [picked, setPicked] = useState<{
    id: number;
    seq: number;
    reasonCode: CorrectionReason | "";
    note: string;
    key: string;
  } | null>(null);
  const words = MESSAGES[locale];
  const a = useAction(locale);
  const load = useCallback(
    () => api.admin.entries.list.query({ groupSlug: slug, limit: 30 }).then((r) => setEntries(r.entries)),
    [slug],
  );
  useEffect(() => void load(), [load]);
  return (
    <>
      <Status s={a} />
      {picked && (
        <form
          className="inline"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await a.run(
              () =>
                api.admin.entries.reverse.mutate({
                  groupSlug: slug,
                  entryId: picked.id,
                  reasonCode: picked.reasonCode as CorrectionReason,
                  note: picked.note || undefined,
                  idempotencyKey: picked.key,
                }),
              (r) => `${t.saved(r.seq)} ↩ ${picked.seq}`,
            );
            if (r) {
              setPicked(null);
              load();
            }
          }}
        >
          <Field id="rr" label={`${t.reason} (no. ${picked.seq})`}>
            <select
              id="rr"
              value={picked.reasonCode}
              onChange={(e) => setPicked({ ...picked, reasonCode: e.target.value as CorrectionReason, key: newKey() })}
              required
            >
              <option value="">—</option>
              {CORRECTION_REASONS.map((r) => (
                <option key={r} value={r}>
                  {words.reasons[r]}
                </option>
              ))}
            </select>
          </Field>
          <Status s={a} field="reasonCode" />
          <Field id="rn" label={words.privateNote}>
            <input
              id="rn"
              value={picked.note}
              onChange={(e) => setPicked({ ...picked, note: e.target.value, key: newKey() })}
              maxLength={500}
            />
          </Field>
          <Status s={a} field="note" />
          <div>
            <button type="submit" disabled={a.busy}>
              {t.reverse}
            </button>
          </div>
        </form>
      )}
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">No.</th>
              <th scope="col">{t.date}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col" className="num">
                {t.amount}
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{e.date}</td>
                <td>
                  {e.kind}
                  {e.reversesSeq ? ` ↩ ${e.reversesSeq}` : ""}
                </td>
                <td className="num">{rp(e.amount)}</td>
                <td>
                  {e.reversedBy ? (
                    t.reversed
                  ) : canWrite && e.kind !== "correction" && e.id ? (
                    <button
                      type="button"
                      onClick={() => setPicked({ id: e.id!, seq: e.seq, reasonCode: "", note: "", key: newKey() })}
                    >
                      {t.reverse}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function Audit({ slug }: { slug: string }) {
  const [rows, setRows] = useState<Awaited<ReturnType<typeof api.admin.audit.list.query>>>([]);
  useEffect(() => void api.admin.audit.list.query({ groupSlug: slug, limit: 50 }).then(setRows), [slug]);
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.at.slice(0, 16).replace("T", " ")}</td>
              <td>{r.actor}</td>
              <td>{r.action}</td>
              <td className="hash">{r.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

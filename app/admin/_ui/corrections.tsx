"use client";
import { useCallback, useEffect, useState } from "react";
import { type RightEntryDraft, rightEntryDraft } from "@/server/domain/correction-follow-up";
import { CORRECTION_REASONS, type CorrectionReason } from "@/server/domain/ledger";
import { auditSentence } from "@/server/i18n/audit";
import { formatDate } from "@/server/i18n/format";
import { api, newKey } from "./client";
import { useAction, Status, Field, type P, onChecked } from "./common";
import { useWords } from "./words-context";

type Entry = Awaited<ReturnType<typeof api.admin.entries.list.query>>["entries"][number];

/**
 * Koreksi: the group's latest entries, each naming the member it concerns (her code: this screen is
 * the treasurer's only), to reverse one with a reason. Reversed, the form for the right entry opens
 * filled in from it (`onReversed`), linked to the correction.
 */
export function Corrections({
  slug,
  t,
  locale,
  rp,
  canWrite,
  onReversed,
}: P & { canWrite: boolean; onReversed: (d: RightEntryDraft) => void }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [picked, setPicked] = useState<{
    entry: Entry;
    id: number;
    seq: number;
    reasonCode: CorrectionReason | "";
    note: string;
    key: string;
  } | null>(null);
  const words = useWords();
  const a = useAction(locale);
  const load = useCallback(
    () => api.admin.entries.list.query({ groupSlug: slug, limit: 30 }).then((r) => setEntries(r.entries)),
    [slug],
  );
  useEffect(() => void load(), [load]);
  // The correction's form opens above the list: taken to it, its first field ready, wherever she tapped.
  const pickedSeq = picked?.seq;
  useEffect(() => {
    if (pickedSeq !== undefined) document.getElementById("rr")?.focus();
  }, [pickedSeq]);
  return (
    <>
      <Status s={a} />
      {picked && (
        <form
          className="inline"
          noValidate
          onSubmit={onChecked(
            a,
            () => [["reasonCode", !picked.reasonCode && "reason_code_invalid"]],
            async () => {
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
                const draft = rightEntryDraft(picked.entry, r.seq);
                if (draft) onReversed(draft);
                else load();
              }
            },
          )}
        >
          <Field id="rr" label={`${t.reason} (no. ${picked.seq})`} a={a} name="reasonCode">
            <select
              id="rr"
              value={picked.reasonCode}
              onChange={(e) => {
                setPicked({ ...picked, reasonCode: e.target.value as CorrectionReason, key: newKey() });
                a.edited("reasonCode");
              }}
            >
              <option value="">—</option>
              {CORRECTION_REASONS.map((r) => (
                <option key={r} value={r}>
                  {words.reasons[r]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="rn" label={words.privateNote} a={a} name="note">
            <input
              id="rn"
              value={picked.note}
              onChange={(e) => {
                setPicked({ ...picked, note: e.target.value, key: newKey() });
                a.edited("note");
              }}
              maxLength={500}
            />
          </Field>
          <div>
            <button type="submit" disabled={a.busy}>
              {t.reverse}
            </button>
          </div>
        </form>
      )}
      {/* On a phone each entry is a card of two lines (table.entry-list): nothing scrolls sideways. */}
      <div className="table-wrap" tabIndex={0}>
        <table className="entry-list">
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
                <td>{formatDate(e.date, locale)}</td>
                <td>
                  {words.kinds[e.kind] ?? e.kind}
                  {e.reversesSeq ? ` ↩ ${e.reversesSeq}` : ""}
                  {e.memberCode && (
                    <>
                      <br />
                      <small>
                        {t.member}: {e.memberCode}
                      </small>
                    </>
                  )}
                </td>
                <td className="num">{rp(e.amount)}</td>
                <td>
                  {e.reversedBy ? (
                    t.reversed
                  ) : canWrite && e.kind !== "correction" && e.id ? (
                    <button
                      type="button"
                      onClick={() =>
                        setPicked({ entry: e, id: e.id!, seq: e.seq, reasonCode: "", note: "", key: newKey() })
                      }
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

export function Audit({ slug, locale, timeZone }: { slug: string; locale: P["locale"]; timeZone: string }) {
  const [rows, setRows] = useState<Awaited<ReturnType<typeof api.admin.audit.list.query>>>([]);
  useEffect(() => void api.admin.audit.list.query({ groupSlug: slug, limit: 50 }).then(setRows), [slug]);
  return (
    <ol className="audit">
      {rows.map((r) => (
        <li key={r.id}>{auditSentence(r, locale, timeZone)}</li>
      ))}
    </ol>
  );
}

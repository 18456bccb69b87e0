"use client";
import { savingsTotal } from "@/server/domain/ledger";
import { isLargeOutflow } from "@/server/domain/plausibility";
import { rupiahInWords } from "@/server/i18n/words";
import { useCallback, useEffect, useState } from "react";
import type { RightEntryDraft } from "@/server/domain/correction-follow-up";
import { formatDate } from "@/server/i18n/format";
import { api, newKey } from "./client";
import { waitingWithdrawals } from "./kept-money";
import { queued } from "./offline-queue";
import {
  amountProblem,
  Confirm,
  DateField,
  dateCheck,
  DigitsInput,
  Field,
  Status,
  useAction,
  type Members,
  type P,
  onChecked,
  useOpenDays,
  useSent,
} from "./common";
import { Receipts } from "./receipt";

const savingsOf = (m: Members[number]) => savingsTotal(m.savings);

/**
 * Penarikan simpanan: the member's savings are shown before anything is typed; the last step says
 * what leaves the box and what she keeps. Voluntary savings go first, then mandatory, then share.
 */
/**
 * Who may be paid: members of the group today, and any who left with savings still in the book
 * (older data, from before leaving checked them) — what is hers stays hers to take.
 */
const payable = (ms: Members, today: string) => ms.filter((m) => !m.leftOn || m.leftOn > today || savingsOf(m) > 0);

export function Withdraw({
  slug,
  today,
  t,
  locale,
  rp,
  draft,
}: P & { today: string; draft?: Extract<RightEntryDraft, { form: "withdraw" }> | null }) {
  const { members, load, threshold } = usePayableMembers(slug, today);
  // After a correction, the right withdrawal: her, the amount to check, the date, a private note.
  const [fromDraft, setFromDraft] = useState(draft ?? null);
  const [f, setF] = useState(() =>
    draft
      ? { memberCode: draft.memberCode, amount: String(draft.amount), date: draft.date, key: newKey() }
      : { memberCode: "", amount: "", date: today, key: newKey() },
  );
  const note = fromDraft ? t.replacesNote(fromDraft.corrects.seq, fromDraft.corrects.correctionSeq) : null;
  const open = useOpenDays() ?? { from: today, to: today };
  const [confirming, setConfirming] = useState(false);
  const [entryId, setEntryId] = useState<number | null>(null);
  const a = useAction(locale);
  const member = members.find((m) => m.code === f.memberCode);
  const { waiting, left } = savingsLeft(slug, member);
  const amount = Number(f.amount);
  const edit = (k: "memberCode" | "amount" | "date", v: string) => {
    setF({ ...f, [k]: v, key: newKey() });
    setConfirming(false);
    setEntryId(null);
    a.edited(k);
  };
  return (
    <form
      className="inline"
      noValidate
      onSubmit={onChecked(
        a,
        () => [
          ["memberCode", !member && "member_not_found"],
          dateCheck("date", f.date, open),
          ["amount", amountProblem(f.amount)],
          ["amount", !!member && amount > left && "withdrawal_exceeds_savings", { available: Math.max(0, left) }],
        ],
        async () => {
          if (!confirming) return setConfirming(true);
          // Sent only from the last step, after the amount was read in words: confirmed.
          const input = {
            groupSlug: slug,
            memberCode: f.memberCode,
            amount,
            date: f.date,
            note,
            confirmed: true,
            idempotencyKey: f.key,
          };
          const what = `${t.tabs.withdraw} ${f.memberCode} ${rp(amount)}`;
          const r = await a.save(
            slug,
            { key: f.key, kind: "withdrawal", input, summary: what },
            () => api.admin.savings.withdraw.mutate(input),
            (x) => t.saved(x.seq, what),
          );
          setConfirming(false);
          if (r) {
            setF({ memberCode: f.memberCode, amount: "", date: f.date, key: newKey() });
            setFromDraft(null);
          }
          if (r && r !== "kept") {
            setEntryId(r.id);
            void load();
          }
        },
      )}
    >
      {fromDraft && note && (
        <p className="warn" role="note">
          {t.rightEntry(fromDraft.corrects.seq, fromDraft.corrects.correctionSeq)} ({note})
        </p>
      )}
      <Field id="wm" label={t.member} a={a} name="memberCode">
        <select id="wm" value={f.memberCode} onChange={(e) => edit("memberCode", e.target.value)}>
          <option value="">—</option>
          {members.map((m) => (
            <option key={m.code} value={m.code}>
              {m.code} {m.fullName}
              {m.leftOn && m.leftOn <= today ? ` (${t.leftOn(formatDate(m.leftOn, locale))})` : ""}
            </option>
          ))}
        </select>
      </Field>
      {member && <SavingsNow member={member} left={left} waiting={waiting} t={t} rp={rp} />}
      <DateField id="wd" a={a} value={f.date} onChange={(v) => edit("date", v)} t={t} locale={locale} />
      <Field id="wa" label={t.amount} a={a} name="amount">
        <DigitsInput id="wa" value={f.amount} onChange={(v) => edit("amount", v)} />
      </Field>
      {confirming && member ? (
        <Confirm
          t={t}
          busy={a.busy}
          onBack={() => setConfirming(false)}
          lines={[
            t.moneyOut("cash", rp(amount)),
            ...(f.date !== today ? [t.datedOn(formatDate(f.date, locale))] : []),
            t.inWords(rupiahInWords(amount, locale)),
            t.savingsLeft(member.code, rp(left - amount)),
            ...(threshold !== null && isLargeOutflow(amount, threshold) ? [t.largeOutflow(rp(threshold))] : []),
          ]}
        />
      ) : (
        <div>
          <button type="submit" disabled={a.busy}>
            {t.next}
          </button>
        </div>
      )}
      <Status s={a} />
      {entryId && <Receipts slug={slug} entryId={entryId} t={t} locale={locale} rp={rp} />}
    </form>
  );
}

/** Who may be paid, read again when the phone's queue sent a withdrawal, and the group's large-outflow threshold. */
function usePayableMembers(slug: string, today: string) {
  const [members, setMembers] = useState<Members>([]);
  const load = useCallback(
    () => api.admin.members.list.query({ groupSlug: slug }).then((ms) => setMembers(payable(ms, today))),
    [slug, today],
  );
  useEffect(() => void load(), [load]);
  // The phone's queue sent a withdrawal: it left the queue, so her savings are read again with it.
  const sent = useSent();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `sent` is the reload trigger
  useEffect(() => void (sent && load()), [sent]);
  // The group's threshold: one withdrawal above it is confirmed with the amount in words.
  const [threshold, setThreshold] = useState<number | null>(null);
  useEffect(() => {
    api.admin.cash.onHand
      .query({ groupSlug: slug })
      .then((h) => setThreshold(h.largeOutflowThreshold))
      .catch(() => undefined);
  }, [slug]);
  return { members, load, threshold };
}

/** Her savings now (less what waits on the phone), and their parts when nothing waits. */
function SavingsNow({
  member,
  left,
  waiting,
  t,
  rp,
}: Pick<P, "t" | "rp"> & { member: Members[number]; left: number; waiting: number }) {
  return (
    <p>
      {t.savingsNow}: <strong>{rp(Math.max(0, left))}</strong>
      {waiting > 0 ? (
        <span className="warn" id="w-waiting">
          {" "}
          ({t.withdrawWaiting(rp(waiting))})
        </span>
      ) : (
        <>
          {" "}
          ({t.savingsVoluntary} {rp(member.savings.savings_voluntary)}, {t.savingsMandatory}{" "}
          {rp(member.savings.savings_mandatory)}, {t.savingsShare} {rp(member.savings.savings_share)})
        </>
      )}
    </p>
  );
}

/**
 * Her savings as last synced, less what already waits on the phone to be withdrawn from them. One
 * figure, shown and checked alike (the cold try saw the synced one shown and this one checked).
 */
function savingsLeft(slug: string, member: Members[number] | undefined): { waiting: number; left: number } {
  const waiting = member
    ? waitingWithdrawals(typeof window === "undefined" ? [] : queued(localStorage, slug), member.code)
    : 0;
  return { waiting, left: member ? savingsOf(member) - waiting : 0 };
}

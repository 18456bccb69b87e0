"use client";
import { savingsTotal } from "@/server/domain/ledger";
import { useEffect, useRef, useState } from "react";
import { formatDate } from "@/server/i18n/format";
import { api, newKey } from "./client";
import { rupiahInWords } from "@/server/i18n/words";
import { type Action, useAction, Status, Field, type Members, type P, onChecked } from "./common";
import { Receipts } from "./receipt";

export function MembersTab({
  slug,
  members,
  today,
  t,
  locale,
  rp,
  canWrite,
  onChanged,
}: P & { members: Members; today: string; canWrite: boolean; onChanged: () => void }) {
  const { leaving, setLeaving, phoneOf, setPhoneOf, ph, actionsOf, resetOf, undoOf, phoneStatusOf, rc, u, ...act } =
    useMemberPanels(slug, t, locale, onChanged);
  return (
    <>
      <AddMemberForm slug={slug} today={today} t={t} locale={locale} canWrite={canWrite} onChanged={onChanged} />
      {/* One card a member on a phone: her code, name and savings, then her actions behind one tap, and the
          form an action opens right there below them (never above the list, out of her sight). */}
      <table className="members">
        <MembersHead t={t} />
        <tbody>
          {members.map((m) => {
            const canLeave = canWrite && !m.leftOn;
            const canUndo = canWrite && m.leftOn && m.leftOn >= today;
            return (
              <tr key={m.code}>
                <td>{m.code}</td>
                <MemberName m={m} t={t} locale={locale} />
                <td className="num">{rp(savingsTotal(m.savings))}</td>
                <td className="actions">
                  {canLeave && (
                    <details
                      open={actionsOf === m.code}
                      onToggle={(e) => act.toggleActions(m.code, e.currentTarget.open)}
                    >
                      <summary>{t.memberActionsOf(m.code)}</summary>
                      <div className="row-actions">
                        <button type="button" onClick={() => act.resetCode(m.code)}>
                          {t.resetCode}
                        </button>
                        <button type="button" onClick={() => act.startLeave(m.code)}>
                          {t.leave}
                        </button>
                        <button type="button" className="secondary" onClick={() => act.startPhone(m.code)}>
                          {t.editPhone}
                        </button>
                      </div>
                    </details>
                  )}
                  {resetOf === m.code && <Status s={rc} />}
                  {canUndo && (
                    <button type="button" className="secondary" onClick={() => act.undoLeave(m.code)}>
                      {t.undoLeave}
                    </button>
                  )}
                  {undoOf === m.code && <Status s={u} />}
                  {phoneStatusOf === m.code && <Status s={ph} />}
                  {phoneOf === m.code && (
                    <PhoneForm
                      key={m.code}
                      slug={slug}
                      member={m}
                      t={t}
                      a={ph}
                      onClose={() => setPhoneOf(null)}
                      onChanged={onChanged}
                    />
                  )}
                  {leaving === m.code && (
                    <LeaveForm
                      key={m.code}
                      slug={slug}
                      member={m}
                      today={today}
                      t={t}
                      locale={locale}
                      rp={rp}
                      onClose={() => setLeaving(null)}
                      onChanged={onChanged}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/**
 * Which member's row shows what (her actions, a new check code, the leave or phone form, an undone
 * leave), each answer in her own row where the treasurer tapped, and the row actions themselves.
 */
function useMemberPanels(slug: string, t: P["t"], locale: P["locale"], onChanged: () => void) {
  // The member whose leaving is being asked about (one at a time).
  const [leaving, setLeaving] = useState<string | null>(null);
  // The member whose phone number is being set (one at a time), and that form's own status.
  const [phoneOf, setPhoneOf] = useState<string | null>(null);
  const ph = useAction(locale);
  // The member whose actions are open, whose check code was just made new, whose leave was undone: each
  // answer is shown in her own row, where the treasurer tapped.
  const [actionsOf, setActionsOf] = useState<string | null>(null);
  const [resetOf, setResetOf] = useState<string | null>(null);
  const [undoOf, setUndoOf] = useState<string | null>(null);
  const [phoneStatusOf, setPhoneStatusOf] = useState<string | null>(null);
  const rc = useAction(locale);
  // Undoing a leave has its own status: its errors name no field of the form above.
  const u = useAction(locale);
  const toggleActions = (code: string, isOpen: boolean) => setActionsOf((c) => (isOpen ? code : c === code ? null : c));
  const resetCode = async (code: string) => {
    setLeaving(null);
    setPhoneOf(null);
    setResetOf(code);
    await rc.run(
      () => api.admin.members.resetCheckCode.mutate({ groupSlug: slug, code }),
      (r) => t.newCode(r.code, r.checkCode),
    );
  };
  const startLeave = (code: string) => {
    setPhoneOf(null);
    setLeaving(code);
  };
  const startPhone = (code: string) => {
    setLeaving(null);
    setPhoneOf(code);
    setPhoneStatusOf(code);
  };
  const undoLeave = async (code: string) => {
    setUndoOf(code);
    if (
      await u.run(
        () => api.admin.members.undoLeave.mutate({ groupSlug: slug, code }),
        (r) => t.leaveUndone(code, r.payoutReversed),
      )
    ) {
      setLeaving(null); // the leave's own message is not left standing beside its undoing
      onChanged();
    }
  };
  return {
    leaving,
    setLeaving,
    phoneOf,
    setPhoneOf,
    ph,
    actionsOf,
    resetOf,
    undoOf,
    phoneStatusOf,
    rc,
    u,
    toggleActions,
    resetCode,
    startLeave,
    startPhone,
    undoLeave,
  };
}

/** The register's columns: code, name, savings, and her actions (named for screen readers only). */
function MembersHead({ t }: Pick<P, "t">) {
  return (
    <thead>
      <tr>
        <th scope="col">{t.code}</th>
        <th scope="col">{t.name}</th>
        <th scope="col" className="num">
          {t.savingsColumn}
        </th>
        <th scope="col">
          <span className="sr-only">{t.memberActions}</span>
        </th>
      </tr>
    </thead>
  );
}

/** Her name, the day she left (if she did), her phone masked. */
function MemberName({ m, t, locale }: Pick<P, "t" | "locale"> & { m: Members[number] }) {
  return (
    <td>
      {m.fullName}
      {m.leftOn ? ` (${formatDate(m.leftOn, locale)})` : ""}
      {m.phoneMasked && (
        <>
          <br />
          <small className="muted">
            {t.phoneColumn} {m.phoneMasked}
          </small>
        </>
      )}
    </td>
  );
}

/** A new member: her code, name, gender and phone; a name like another member's is confirmed as someone else. */
function AddMemberForm({
  slug,
  today,
  t,
  locale,
  canWrite,
  onChanged,
}: Pick<P, "slug" | "t" | "locale"> & { today: string; canWrite: boolean; onChanged: () => void }) {
  const [f, setF] = useState({ code: "", fullName: "", gender: "P" as "P" | "L", phone: "" });
  // A name that looks like another member's: the server asks, she confirms it is someone else.
  const [confirmed, setConfirmed] = useState(false);
  const a = useAction(locale);
  const askSameName = a.error?.code === "name_duplicate_unconfirmed" || confirmed;
  const edit = (k: keyof typeof f, v: string) => {
    setF({ ...f, [k]: v } as typeof f);
    if (k === "fullName") setConfirmed(false);
    a.edited(k);
  };
  return (
    <>
      {canWrite && (
        <form
          className="inline"
          noValidate
          onSubmit={onChecked(
            a,
            () => [
              ["code", !f.code && "text_required"],
              ["fullName", !f.fullName.trim() && "text_required"],
            ],
            async () => {
              const r = await a.run(
                () =>
                  api.admin.members.add.mutate({
                    groupSlug: slug,
                    code: f.code,
                    fullName: f.fullName,
                    gender: f.gender,
                    joinedOn: today,
                    confirmed,
                    ...(f.phone.trim() ? { phone: f.phone } : {}),
                  }),
                (r) => t.newCode(r.code, r.checkCode),
              );
              if (r) {
                setF({ code: "", fullName: "", gender: "P", phone: "" });
                onChanged();
                setConfirmed(false);
              }
            },
          )}
        >
          <h2>{t.add}</h2>
          <Field id="mc" label={t.code} a={a} name="code">
            <input id="mc" value={f.code} onChange={(e) => edit("code", e.target.value.toUpperCase())} />
          </Field>
          <Field id="mn" label={t.name} a={a} name="fullName">
            <input id="mn" value={f.fullName} onChange={(e) => edit("fullName", e.target.value)} />
          </Field>
          {askSameName && (
            <label htmlFor="m-same">
              <input id="m-same" type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />{" "}
              {t.sameNameConfirm}
            </label>
          )}
          <Field id="mg" label={t.gender} a={a} name="gender">
            <select id="mg" value={f.gender} onChange={(e) => edit("gender", e.target.value)}>
              <option value="P">P</option>
              <option value="L">L</option>
            </select>
          </Field>
          <Field id="mp" label={t.phone} a={a} name="phone">
            <input
              id="mp"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={f.phone}
              aria-describedby="mp-hint"
              onChange={(e) => edit("phone", e.target.value)}
            />
            <small id="mp-hint" className="muted">
              {" "}
              {t.phoneHint}
            </small>
          </Field>
          <div>
            <button type="submit" disabled={a.busy}>
              {t.add}
            </button>
          </div>
        </form>
      )}
      <Status s={a} />
    </>
  );
}

/**
 * A member's phone number, set, changed or removed: typed as she gives it (0812-…, +62 …), kept
 * normalised by the server (a bad one is refused beside the field, nothing saved), shown masked.
 */
function PhoneForm({
  slug,
  member,
  t,
  a,
  onClose,
  onChanged,
}: Pick<P, "slug" | "t"> & { member: Members[number]; a: Action; onClose: () => void; onChanged: () => void }) {
  const [phone, setPhone] = useState("");
  const field = useRef<HTMLInputElement>(null);
  // Opened where she tapped, its field ready to type in (a block body: an effect returns only its clean-up).
  useEffect(() => {
    field.current?.focus({ preventScroll: true });
    field.current?.scrollIntoView({ block: "center" });
  }, []);
  const save = async (value: string | null) => {
    const r = await a.run(
      () => api.admin.members.setPhone.mutate({ groupSlug: slug, code: member.code, phone: value }),
      (x) => t.phoneSaved(x.code, x.phoneMasked),
    );
    if (r) {
      onClose();
      onChanged();
    }
  };
  return (
    <form
      className="card"
      aria-label={t.phoneFormTitle(member.code)}
      noValidate
      onSubmit={onChecked(
        a,
        () => [["phone", !phone.trim() && "phone_invalid"]],
        () => save(phone),
      )}
    >
      <h2>{t.phoneFormTitle(member.code)}</h2>
      <p>
        {member.fullName}
        {member.phoneMasked && ` · ${member.phoneMasked}`}
      </p>
      <Field id="pp" label={t.phone} a={a} name="phone">
        <input
          ref={field}
          id="pp"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={phone}
          onChange={(e) => {
            setPhone(e.target.value);
            a.edited("phone");
          }}
        />
      </Field>
      <div>
        <button type="submit" disabled={a.busy}>
          {t.savePhone}
        </button>{" "}
        {member.phoneMasked && (
          <button type="button" className="secondary" disabled={a.busy} onClick={() => void save(null)}>
            {t.removePhone}
          </button>
        )}{" "}
        <button type="button" className="secondary" onClick={onClose} disabled={a.busy}>
          {t.leaveCancel}
        </button>
      </div>
    </form>
  );
}

/**
 * Leaving, asked before it is recorded: what it means, her savings (paid out in the same act, or she
 * cannot leave — the server refuses), then one tap to confirm. A running loan is refused by the
 * server with its own words. Her receipt follows a payout.
 */
function LeaveForm({
  slug,
  member,
  today,
  t,
  locale,
  rp,
  onClose,
  onChanged,
}: P & { member: Members[number]; today: string; onClose: () => void; onChanged: () => void }) {
  const savings = savingsTotal(member.savings);
  const [payOut, setPayOut] = useState(false);
  const [key, setKey] = useState(newKey);
  const [entryId, setEntryId] = useState<number | null>(null);
  const l = useAction(locale);
  const ref = useRef<HTMLFormElement>(null);
  // A block body: scrollIntoView returns a promise in newer browsers, and an effect may return only its
  // clean-up (React calls whatever it gets back when the dialog closes: "i is not a function").
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "nearest" });
  }, []);
  const done = l.done !== null;
  return (
    <form
      ref={ref}
      className="card confirm"
      aria-label={t.leaveTitle(member.code)}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        // With no signal the confirmed leave waits on the phone with its key, sent in order later.
        const input = {
          groupSlug: slug,
          code: member.code,
          leftOn: today,
          confirmed: true,
          idempotencyKey: key,
          ...(payOut ? { payOut: true } : {}),
        };
        const summary = `${t.leaveTitle(member.code)}${payOut ? ` — ${t.moneyOut("cash", rp(savings))}` : ""}`;
        const r = await l.save(
          slug,
          { key, kind: "leave", input, summary },
          () => api.admin.members.leave.mutate(input),
          (x) =>
            x.seq !== null
              ? t.leftPaidOut(member.code, rp(savings), x.seq)
              : t.leftSaved(member.code, formatDate(today, locale)),
        );
        // Kept on the phone: the form stays, its status saying so right here (the banner is out of view).
        if (r && r !== "kept") {
          setEntryId(r.entryId);
          onChanged();
        }
      }}
    >
      <h2>{t.leaveTitle(member.code)}</h2>
      <p>
        {member.fullName} — {t.leaveWarn}
      </p>
      {savings > 0 && (
        <>
          <p className="warn">{t.leaveSavings(rp(savings))}</p>
          <label htmlFor="l-pay">
            <input
              id="l-pay"
              type="checkbox"
              checked={payOut}
              disabled={done}
              onChange={(e) => {
                setPayOut(e.target.checked);
                setKey(newKey());
                l.edited("payOut");
              }}
            />{" "}
            {t.leavePayOut(rp(savings))}
          </label>
          {payOut && (
            <p>
              {t.moneyOut("cash", rp(savings))} — {t.inWords(rupiahInWords(savings, locale))}
            </p>
          )}
        </>
      )}
      <Status s={l} />
      {!done && (
        <div>
          <button type="submit" disabled={l.busy}>
            {l.busy ? t.saving : t.leaveConfirm}
          </button>{" "}
          <button type="button" className="secondary" onClick={onClose} disabled={l.busy}>
            {t.leaveCancel}
          </button>
        </div>
      )}
      {entryId && <Receipts slug={slug} entryId={entryId} t={t} locale={locale} rp={rp} />}
    </form>
  );
}

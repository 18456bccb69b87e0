"use client";
import { savingsTotal } from "@/server/domain/ledger";
import { useState } from "react";
import { formatDate } from "@/server/i18n/format";
import { api } from "./client";
import { useAction, Status, Field, type Members, type P, onChecked } from "./common";

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
  const [f, setF] = useState({ code: "", fullName: "", gender: "P" as "P" | "L" });
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
                  }),
                (r) => t.newCode(r.code, r.checkCode),
              );
              if (r) {
                setF({ code: "", fullName: "", gender: "P" });
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
          <div>
            <button type="submit" disabled={a.busy}>
              {t.add}
            </button>
          </div>
        </form>
      )}
      <Status s={a} />
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.code}</th>
              <th scope="col">{t.name}</th>
              <th scope="col" className="num">
                Simpanan
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.code}>
                <td>{m.code}</td>
                <td>
                  {m.fullName}
                  {m.leftOn ? ` (${formatDate(m.leftOn, locale)})` : ""}
                </td>
                <td className="num">{rp(savingsTotal(m.savings))}</td>
                <td>
                  {canWrite && !m.leftOn && (
                    <>
                      <button
                        type="button"
                        onClick={() =>
                          a.run(
                            () => api.admin.members.resetCheckCode.mutate({ groupSlug: slug, code: m.code }),
                            (r) => t.newCode(r.code, r.checkCode),
                          )
                        }
                      >
                        {t.resetCode}
                      </button>{" "}
                      <button
                        type="button"
                        onClick={async () => {
                          if (
                            await a.run(
                              () => api.admin.members.leave.mutate({ groupSlug: slug, code: m.code, leftOn: today }),
                              () => "✓",
                            )
                          )
                            onChanged();
                        }}
                      >
                        {t.leave}
                      </button>
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

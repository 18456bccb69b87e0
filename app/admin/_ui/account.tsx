"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { api } from "./client";
import { useAction, Status, Field, type P } from "./common";

export function Account({ t, locale }: P) {
  const [f, setF] = useState({ currentPassword: "", newPassword: "", repeat: "" });
  const [mismatch, setMismatch] = useState(false);
  const a = useAction(locale);
  return (
    <form
      className="inline"
      onSubmit={async (e) => {
        e.preventDefault();
        setMismatch(f.newPassword !== f.repeat);
        if (f.newPassword !== f.repeat) return;
        const r = await a.run(
          () =>
            api.admin.account.changePassword.mutate({ currentPassword: f.currentPassword, newPassword: f.newPassword }),
          () => t.passwordChanged,
        );
        if (r !== null) setTimeout(() => signOut({ callbackUrl: "/masuk" }), 2500);
      }}
    >
      <h2>{t.changePassword}</h2>
      <Field id="pc" label={t.currentPassword}>
        <input
          id="pc"
          type="password"
          autoComplete="current-password"
          value={f.currentPassword}
          onChange={(e) => setF({ ...f, currentPassword: e.target.value })}
          required
        />
      </Field>
      <Status s={a} field="currentPassword" />
      <Field id="pn" label={t.newPassword}>
        <input
          id="pn"
          type="password"
          autoComplete="new-password"
          minLength={10}
          maxLength={200}
          value={f.newPassword}
          onChange={(e) => setF({ ...f, newPassword: e.target.value })}
          required
        />
      </Field>
      <Status s={a} field="newPassword" />
      <Field id="pr" label={t.repeatPassword}>
        <input
          id="pr"
          type="password"
          autoComplete="new-password"
          value={f.repeat}
          onChange={(e) => setF({ ...f, repeat: e.target.value })}
          required
        />
      </Field>
      {mismatch && (
        <p className="warn" role="alert">
          {t.mismatch}
        </p>
      )}
      <div>
        <button type="submit" disabled={a.busy}>
          {t.changePassword}
        </button>
      </div>
      <Status s={a} />
    </form>
  );
}

"use client";
import { useState } from "react";
import { api, signOut } from "./client";
import { useAction, Status, Field, type P, onChecked } from "./common";

export function Account({ t, locale }: P) {
  const [f, setF] = useState({ currentPassword: "", newPassword: "", repeat: "" });
  const a = useAction(locale);
  const edit = (k: keyof typeof f, v: string) => {
    setF({ ...f, [k]: v });
    a.edited(k);
  };
  return (
    <form
      className="inline"
      noValidate
      onSubmit={onChecked(
        a,
        () => [
          ["currentPassword", !f.currentPassword && "text_required"],
          ["newPassword", f.newPassword.length < 10 && "password_weak"],
          ["repeat", f.newPassword !== f.repeat && "password_mismatch"],
        ],
        async () => {
          const r = await a.run(
            () =>
              api.admin.account.changePassword.mutate({
                currentPassword: f.currentPassword,
                newPassword: f.newPassword,
              }),
            () => t.passwordChanged,
          );
          if (r !== null) setTimeout(() => signOut({ callbackUrl: "/masuk" }), 2500);
        },
      )}
    >
      <h2>{t.changePassword}</h2>
      <Field id="pc" label={t.currentPassword} a={a} name="currentPassword">
        <input
          id="pc"
          type="password"
          autoComplete="current-password"
          value={f.currentPassword}
          onChange={(e) => edit("currentPassword", e.target.value)}
        />
      </Field>
      <Field id="pn" label={t.newPassword} a={a} name="newPassword">
        <input
          id="pn"
          type="password"
          autoComplete="new-password"
          minLength={10}
          maxLength={200}
          value={f.newPassword}
          onChange={(e) => edit("newPassword", e.target.value)}
        />
      </Field>
      <Field id="pr" label={t.repeatPassword} a={a} name="repeat">
        <input
          id="pr"
          type="password"
          autoComplete="new-password"
          value={f.repeat}
          onChange={(e) => edit("repeat", e.target.value)}
        />
      </Field>
      <div>
        <button type="submit" disabled={a.busy}>
          {t.changePassword}
        </button>
      </div>
      <Status s={a} />
    </form>
  );
}

"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";

const T = {
  id: {
    username: "Nama pengguna",
    password: "Kata sandi",
    submit: "Masuk",
    wrong: "Nama pengguna atau kata sandi salah.",
    wait: "Terlalu banyak percobaan. Coba lagi 15 menit lagi.",
    busy: "Sedang masuk…",
    offline: "Tidak ada sinyal. Coba lagi.",
  },
  en: {
    username: "Username",
    password: "Password",
    submit: "Sign in",
    wrong: "Wrong username or password.",
    wait: "Too many attempts. Try again in 15 minutes.",
    busy: "Signing in…",
    offline: "No connection. Try again.",
  },
};

export function SignInForm({ locale }: { locale: "id" | "en" }) {
  const t = T[locale];
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="inline"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        setBusy(true);
        setError(null);
        try {
          const r = await signIn("credentials", {
            redirect: false,
            username: String(f.get("username")),
            password: String(f.get("password")),
          });
          if (r?.ok) window.location.assign("/admin");
          else setError(r?.error === "throttled" ? t.wait : t.wrong);
        } catch {
          setError(t.offline);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label htmlFor="username">{t.username}</label>
      <input id="username" name="username" autoComplete="username" autoCapitalize="none" required />
      <label htmlFor="password">{t.password}</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p className="warn" role="alert">
          {error}
        </p>
      )}
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t.busy : t.submit}
        </button>
      </div>
    </form>
  );
}

"use client";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import type { AdminMessages } from "@/server/i18n/admin";

type Locale = "id" | "en";
const AdminWordsContext = createContext<AdminMessages | null>(null);

/** Each language's words in a file of its own, fetched for the signed-in user's language only. */
const LOAD: Record<Locale, () => Promise<AdminMessages>> = {
  id: () => import("@/server/i18n/admin-id").then((m) => m.ADMIN_ID),
  en: () => import("@/server/i18n/admin-en").then((m) => m.ADMIN_EN),
};
const loaded = new Map<Locale, AdminMessages>();

/**
 * The treasurer screens' words of her language: the other language never reaches the phone (the
 * app's first visit stays within its script budget). Drawn once they have come — at once when the
 * app has fetched them before (kept by the service worker like every built file).
 */
export function AdminWords({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [words, setWords] = useState<AdminMessages | null>(() => loaded.get(locale) ?? null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (words) return;
    let live = true;
    LOAD[locale]().then(
      (w) => {
        loaded.set(locale, w);
        if (live) setWords(w);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [locale, words]);
  if (!words)
    return (
      <p role="status" aria-busy={!failed}>
        {failed ? NOT_LOADED[locale] : "…"}
      </p>
    );
  return <AdminWordsContext.Provider value={words}>{children}</AdminWordsContext.Provider>;
}

/** Said when the words could not be fetched (no signal on a phone that never kept them). */
const NOT_LOADED: Record<Locale, string> = {
  id: "Tanpa sinyal — aplikasi belum tersimpan di HP ini. Buka lagi saat ada sinyal.",
  en: "No signal — the app is not kept on this phone yet. Open it again when there is signal.",
};

export function useAdminWords(): AdminMessages {
  const t = useContext(AdminWordsContext);
  if (!t) throw new Error("useAdminWords outside AdminWords");
  return t;
}

"use client";
import { Component, createContext, type ReactNode, Suspense, use, useContext } from "react";
import type { AdminMessages } from "@/server/i18n/admin";

type Locale = "id" | "en";
const AdminWordsContext = createContext<AdminMessages | null>(null);

/** Each language's words in a file of its own, fetched for the signed-in user's language only. */
const LOAD: Record<Locale, () => Promise<AdminMessages>> = {
  id: () => import("@/server/i18n/admin-id").then((m) => m.ADMIN_ID),
  en: () => import("@/server/i18n/admin-en").then((m) => m.ADMIN_EN),
};
/** One fetch per language (a failed one is forgotten, so the next opening tries again). */
const fetched = new Map<Locale, Promise<AdminMessages>>();
function wordsOf(locale: Locale): Promise<AdminMessages> {
  let p = fetched.get(locale);
  if (!p) {
    p = LOAD[locale]();
    p.catch(() => fetched.delete(locale));
    fetched.set(locale, p);
  }
  return p;
}

/**
 * The treasurer screens' words of her language: the other language never reaches the phone (the
 * app's first visit stays within its script budget). The server renders the screen with them (the
 * first response is the screen itself); the phone draws it once its language's file has come — kept
 * by the service worker like every built file.
 */
export function AdminWords({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <NotLoaded locale={locale}>
      <Suspense
        fallback={
          <p role="status" aria-busy="true">
            …
          </p>
        }
      >
        <WithWords locale={locale}>{children}</WithWords>
      </Suspense>
    </NotLoaded>
  );
}

function WithWords({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <AdminWordsContext.Provider value={use(wordsOf(locale))}>{children}</AdminWordsContext.Provider>;
}

/** Said when the words could not be fetched (no signal on a phone that never kept them). */
const NOT_LOADED: Record<Locale, string> = {
  id: "Tanpa sinyal — aplikasi belum tersimpan di HP ini. Buka lagi saat ada sinyal.",
  en: "No signal — the app is not kept on this phone yet. Open it again when there is signal.",
};

class NotLoaded extends Component<{ locale: Locale; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? <p role="alert">{NOT_LOADED[this.props.locale]}</p> : this.props.children;
  }
}

export function useAdminWords(): AdminMessages {
  const t = useContext(AdminWordsContext);
  if (!t) throw new Error("useAdminWords outside AdminWords");
  return t;
}

import "server-only";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { LOCALES, MESSAGES, type Locale, type Messages } from "./messages";

export const LOCALE_COOKIE = "bahasa";

/** The reader's language: the remembered choice, else Indonesian. */
export async function getLocale(): Promise<Locale> {
  const v = (await cookies()).get(LOCALE_COOKIE)?.value;
  return LOCALES.includes(v as Locale) ? (v as Locale) : "id";
}

export async function getMessages(): Promise<{ locale: Locale; t: Messages }> {
  const locale = await getLocale();
  return { locale, t: MESSAGES[locale] };
}

/** A page's metadata with its title in the reader's language (`export const generateMetadata = titled("…")`). */
export const titled =
  (page: keyof Messages["titles"], more: Omit<Metadata, "title"> = {}) =>
  async (): Promise<Metadata> => ({ ...more, title: (await getMessages()).t.titles[page] });

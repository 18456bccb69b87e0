import type { Metadata } from "next";
import { getMessages } from "@/server/i18n/locale";
import { SignInForm } from "./SignInForm";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Masuk bendahara", robots: { index: false } };

export default async function SignInPage() {
  const { locale } = await getMessages();
  return (
    <>
      <h1>{locale === "id" ? "Masuk untuk bendahara dan pengawas" : "Sign in for treasurers and supervisors"}</h1>
      <p className="muted">
        {locale === "id"
          ? "Halaman ini butuh JavaScript. Semua halaman umum bisa dibaca tanpa masuk."
          : "This page needs JavaScript. Every public page can be read without signing in."}
      </p>
      <SignInForm locale={locale} />
    </>
  );
}

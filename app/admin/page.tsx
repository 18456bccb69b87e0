import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/server/auth/options";
import { getMessages } from "@/server/i18n/locale";
import { AdminApp } from "./_ui/AdminApp";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Bendahara", robots: { index: false } };

export default async function AdminPage() {
  // Authorisation is checked again by every tRPC procedure; this only sends strangers to /masuk.
  if (!(await getServerSession(authOptions))) redirect("/masuk");
  const { locale } = await getMessages();
  return <AdminApp locale={locale} />;
}

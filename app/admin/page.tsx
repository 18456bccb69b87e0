import type { Viewport } from "next";
import { redirect } from "next/navigation";
import { getDatabase } from "@/db/client";
import { currentUser } from "@/server/auth/session";
import { getMessages, titled } from "@/server/i18n/locale";
import { groupsOf } from "@/server/services/users";
import { MANIFEST_PATH, THEME_COLOR } from "./_pwa/manifest";
import { AdminApp } from "./_ui/AdminApp";

export const dynamic = "force-dynamic";
// The installable app: its manifest and colour linked from this page only (never from a public one).
export const generateMetadata = titled("treasurer", { robots: { index: false }, manifest: MANIFEST_PATH });
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: THEME_COLOR };

export default async function AdminPage() {
  // The same check as every tRPC procedure: no session, or a disabled, signed-out or idle one, goes to /masuk.
  const database = await getDatabase();
  const user = await currentUser(database);
  if (!user) redirect("/masuk");
  const { locale } = await getMessages();
  // The groups this user serves, drawn on the server: the screen is usable on the first response.
  return <AdminApp locale={locale} groups={await groupsOf(database.db, user)} user={String(user.id)} />;
}

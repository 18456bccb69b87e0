import type { Metadata, Viewport } from "next";
import { redirect } from "next/navigation";
import { getDatabase } from "@/db/client";
import { currentUser } from "@/server/auth/session";
import { ADMIN_MESSAGES } from "@/server/i18n/admin";
import { getMessages, titled } from "@/server/i18n/locale";
import { groupsOf } from "@/server/read/users";
import { MANIFEST_PATH, THEME_COLOR } from "./_pwa/manifest";
import { AdminApp } from "./_ui/AdminApp";
import { AdminWords } from "./_ui/admin-words";
import { adminWords } from "./_ui/words";
import { WordsProvider } from "./_ui/words-context";

export const dynamic = "force-dynamic";
// The installable app: its manifest and colour linked from this page only (never from a public one).
const treasurerMetadata = titled("treasurer", { robots: { index: false }, manifest: MANIFEST_PATH });
// A pengawas' page is titled by her own book ("Buku pengawas"), as its heading is.
export async function generateMetadata(): Promise<Metadata> {
  const metadata = await treasurerMetadata();
  const user = await currentUser(await getDatabase());
  if (user?.role !== "pengawas") return metadata;
  return { ...metadata, title: ADMIN_MESSAGES[(await getMessages()).locale].supervisorTitle };
}
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: THEME_COLOR };

export default async function AdminPage() {
  // The same check as every tRPC procedure: no session, or a disabled, signed-out or idle one, goes to /masuk.
  const database = await getDatabase();
  const user = await currentUser(database);
  if (!user) redirect("/masuk");
  const { locale, t } = await getMessages();
  // The groups this user serves, drawn on the server: the screen is usable on the first response.
  // The screens' word tables come with the page, in her language only (not in the app's script), and
  // the screens' own words fetched in her language only: the other never reaches the phone.
  return (
    <WordsProvider words={adminWords(t)}>
      <AdminWords locale={locale}>
        <AdminApp locale={locale} groups={await groupsOf(database.db, user)} user={String(user.id)} />
      </AdminWords>
    </WordsProvider>
  );
}

import { redirect } from "next/navigation";
import { getDatabase } from "@/db/client";
import { currentUser } from "@/server/auth/session";
import { getMessages, titled } from "@/server/i18n/locale";
import { groupsOf } from "@/server/services/users";
import { AdminApp } from "./_ui/AdminApp";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("treasurer", { robots: { index: false } });

export default async function AdminPage() {
  // The same check as every tRPC procedure: no session, or a disabled, signed-out or idle one, goes to /masuk.
  const database = await getDatabase();
  const user = await currentUser(database);
  if (!user) redirect("/masuk");
  const { locale } = await getMessages();
  // The groups this user serves, drawn on the server: the screen is usable on the first response.
  return <AdminApp locale={locale} groups={await groupsOf(database.db, user)} />;
}

import { getServerSession } from "next-auth";
import type { Database } from "@/db/client";
import { userOfSession, type UserRow } from "@/server/services/users";
import { authOptions } from "./options";

/** The signed-in user of this request, or null (no session, or a disabled, signed-out, password-changed or idle one). */
export async function currentUser(database: Database): Promise<UserRow | null> {
  return userOfSession(database.db, await getServerSession(authOptions));
}

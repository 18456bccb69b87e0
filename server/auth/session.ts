import { decode } from "next-auth/jwt";
import type { Database } from "@/db/client";
import { env } from "@/server/env";
import { cookieOf } from "@/server/http";
import { userOfSession } from "@/server/read/users";
import type { UserRow } from "@/server/shared/users";
import { sessionCookieName } from "./options";

/**
 * The signed-in user of a request, from its session cookie (next-auth's encrypted JWT, read the
 * way next-auth reads it), or null: no cookie, a forged or expired one, or a disabled, signed-out,
 * password-changed or idle user. The same for the API wherever it is served (the front server or Next).
 */
export async function userOfCookies(
  database: Database,
  cookieHeader: string | null | undefined,
): Promise<UserRow | null> {
  const secret = env().NEXTAUTH_SECRET;
  const token = cookieOf(cookieHeader, sessionCookieName());
  if (!secret || !token) return null;
  const claims = await decode({ token, secret }).catch(() => null);
  if (!claims) return null;
  return userOfSession(database.db, {
    uid: Number(claims.uid),
    issuedAtMs: Number(claims.issuedAtMs),
    lastActiveMs: Number(claims.lastActiveMs),
  });
}

/** The signed-in user of the page being rendered (Next's request headers), or null. */
export async function currentUser(database: Database): Promise<UserRow | null> {
  const { headers } = await import("next/headers");
  return userOfCookies(database, (await headers()).get("cookie"));
}

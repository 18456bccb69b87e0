"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDatabase } from "@/db/client";
import { isHttpsPortal, issueSession, SESSION_MAX_AGE_S, sessionCookieName } from "@/server/auth/options";
import { DomainError } from "@/server/domain/errors";
import { clientAddress, refusedUrl } from "@/server/http";
import { verifyCredentials } from "@/server/services/users";

/**
 * Signs in from the form: a POST (a server action, which Next checks comes from this site), so it
 * works without JavaScript and the password never appears in a URL; a refusal comes back as
 * `/masuk?gagal=…`, shown without JavaScript too.
 */
export async function signInAction(form: FormData): Promise<void> {
  const database = await getDatabase();
  let user: { id: number; username: string };
  try {
    user = await verifyCredentials(database, {
      username: form.get("username"),
      password: form.get("password"),
      address: clientAddress(await headers()),
    });
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    redirect(refusedUrl("/masuk", e));
  }
  (await cookies()).set(sessionCookieName(), await issueSession(user), {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttpsPortal(),
    path: "/",
    maxAge: SESSION_MAX_AGE_S,
  });
  redirect("/admin");
}

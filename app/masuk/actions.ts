"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDatabase } from "@/db/client";
import { isHttpsPortal, issueSession, SESSION_MAX_AGE_S, sessionCookieName } from "@/server/auth/options";
import { DomainError } from "@/server/domain/errors";
import { clientAddress, deviceCookieOf, deviceCookieSetting, refusedUrl } from "@/server/http";
import { signIn } from "@/server/verbs/users/sign-in";

/**
 * Signs in from the form: a POST (a server action, which Next checks comes from this site), so it
 * works without JavaScript and the password never appears in a URL; a refusal comes back as
 * `/masuk?gagal=…`, shown without JavaScript too. The browser's device cookie is read and renewed
 * (a known device is not slowed by strangers' guesses from the same address).
 */
export async function signInAction(form: FormData): Promise<void> {
  const database = await getDatabase();
  const h = await headers();
  let signedIn: Awaited<ReturnType<typeof signIn>>;
  try {
    signedIn = await signIn(database, {
      username: form.get("username"),
      password: form.get("password"),
      address: clientAddress(h),
      device: deviceCookieOf("signin", h.get("cookie")),
    });
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    redirect(refusedUrl("/masuk", e));
  }
  const jar = await cookies();
  jar.set(deviceCookieSetting("signin", signedIn.device, isHttpsPortal()));
  jar.set(sessionCookieName(), await issueSession(signedIn.user), {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttpsPortal(),
    path: "/",
    maxAge: SESSION_MAX_AGE_S,
  });
  redirect("/admin");
}

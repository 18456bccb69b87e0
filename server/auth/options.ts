import { env } from "@/server/env";
import type { AuthOptions } from "next-auth";
import { encode } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { clientAddress, deviceCookieOf, deviceCookieSetting } from "@/server/http";
import { endSessions } from "@/server/verbs/users/end-sessions";
import { signIn } from "@/server/verbs/users/sign-in";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/**
 * Username + password (villages have no e-mail accounts to rely on). JWT sessions that end after
 * 12 hours without activity; cookies are HttpOnly, SameSite=Lax, and Secure when the portal is
 * served over https (NEXTAUTH_URL https://…). Sessions older than the user's sessionsValidAfter
 * (password change, sign-out) are refused by the tRPC context.
 */
/** Secure cookies (and the __Secure- prefix) whenever the portal is served over https. */
export const isHttpsPortal = (nextAuthUrl = env().NEXTAUTH_URL) => !!nextAuthUrl?.startsWith("https://");

/** The session cookie's name, as next-auth names it (with the __Secure- prefix under https). */
export const sessionCookieName = () => `${isHttpsPortal() ? "__Secure-" : ""}next-auth.session-token`;

/**
 * A session for a user whose password was just checked, in exactly the form next-auth issues
 * (an encrypted JWT with the claims our callbacks add). Used by the sign-in form's server
 * action, which works without JavaScript and never puts the password in a URL.
 */
export async function issueSession(user: { id: number; username: string }, now = Date.now()): Promise<string> {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set (npm start and npm run demo set it)");
  return encode({
    secret,
    maxAge: SESSION_MAX_AGE_S,
    token: { name: user.username, sub: String(user.id), uid: user.id, issuedAtMs: now, lastActiveMs: now },
  });
}

/**
 * Sends the renewed device cookie with next-auth's callback answer (Next adds cookies set during a
 * route handler to its response). Without it the sign-in still stands: the browser stays an unknown device.
 */
async function setDeviceCookie(device: string): Promise<void> {
  try {
    const { cookies } = await import("next/headers");
    (await cookies()).set(deviceCookieSetting("signin", device, isHttpsPortal()));
  } catch (e) {
    console.warn(`[auth] device cookie not set: ${(e as Error).message}`);
  }
}

export const authOptions: AuthOptions = {
  useSecureCookies: isHttpsPortal(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S, updateAge: 0 },
  jwt: { maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/masuk", error: "/masuk" },
  // A forged or stale session cookie is a refused visitor, not a server fault: one line, no stack.
  logger: {
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR")
        console.warn(`[auth] session cookie refused: ${(metadata as { message?: string })?.message ?? code}`);
      else console.error(`[auth] ${code}`, metadata);
    },
  },
  providers: [
    CredentialsProvider({
      name: "Kas Terbuka",
      credentials: {
        username: { label: "Nama pengguna", type: "text" },
        password: { label: "Kata sandi", type: "password" },
      },
      async authorize(credentials, req) {
        const database = await getDatabase();
        const h = new Headers((req?.headers ?? {}) as Record<string, string>);
        try {
          const { user: u, device } = await signIn(database, {
            username: credentials?.username,
            password: credentials?.password,
            address: clientAddress(h),
            device: deviceCookieOf("signin", h.get("cookie")),
          });
          await setDeviceCookie(device);
          return { id: String(u.id), name: u.username };
        } catch (e) {
          if (e instanceof DomainError && e.kind === "too_many") throw new Error("throttled");
          if (e instanceof DomainError) return null;
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.issuedAtMs = Date.now();
      }
      token.lastActiveMs = Date.now(); // refreshed whenever the session is read (activity)
      return token;
    },
    async session({ session, token }) {
      session.uid = token.uid as number;
      session.issuedAtMs = token.issuedAtMs as number;
      session.lastActiveMs = token.lastActiveMs as number;
      return session;
    },
  },
  events: {
    // Signing out ends every session of that user (JWTs cannot be recalled one by one).
    async signOut({ token }) {
      if (!token?.uid) return;
      await endSessions({ database: await getDatabase(), actor: `user:${token.uid}` }, Number(token.uid));
    },
  },
};

declare module "next-auth" {
  interface Session {
    uid: number;
    issuedAtMs: number;
    lastActiveMs: number;
  }
}

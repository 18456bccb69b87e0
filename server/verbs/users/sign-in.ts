import { eq } from "drizzle-orm";
import { hash, verify } from "@node-rs/argon2";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { DomainError } from "@/server/domain/errors";
import { deviceSeen, renewedDevice } from "@/server/auth/devices";
import { forgiveTry, guessKeys, takeTry, throttled } from "@/server/auth/throttle";
import type { UserRow } from "@/server/shared/users";
import { ARGON } from "@/server/shared/users";

let decoy: Promise<string> | null = null;

interface SignInInput {
  username: unknown;
  password: unknown;
  address: string | null;
}

const usernameOf = (raw: unknown) =>
  String(raw ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 64);

/**
 * Checks a sign-in. Unknown user and wrong password get the same answer and take the same time
 * (a decoy hash is verified). Tries are counted per (username, address) and per address and
 * slowed down, never locked (server/domain/throttle.ts): a stranger's wrong guesses from another
 * address never stop the owner. Refused while waiting: `signin_throttled` with `waitSeconds`.
 * (Without a device cookie: see signIn.)
 */
export async function verifyCredentials(database: Database, input: SignInInput): Promise<UserRow> {
  return checkCredentials(database, input, null);
}

/**
 * Signs in from a browser, with the device cookie it sent (or none): a browser that signed in as
 * this user before is counted per (user, device) only, so eleven wrong tries from strangers behind
 * the same village address leave it signing in at once, and its own wrong tries slow only itself.
 * Any other browser is counted as in verifyCredentials. Gives the user and the renewed device cookie.
 */
export async function signIn(
  database: Database,
  input: SignInInput & { device: string | null | undefined },
  now = Date.now(),
): Promise<{ user: UserRow; device: string }> {
  const seen = deviceSeen("signin", input.device, usernameOf(input.username), now);
  const user = await checkCredentials(database, input, seen.knownDevice);
  return { user, device: renewedDevice("signin", seen, user.username, now) };
}

async function checkCredentials(database: Database, input: SignInInput, knownDevice: string | null): Promise<UserRow> {
  const username = usernameOf(input.username);
  const keys = guessKeys("signin", username, input.address, knownDevice);
  const taken = await takeTry(database, keys);
  if (!taken.ok) throw throttled("signin_throttled", taken.waitMs);
  const [u] = await database.db.select().from(users).where(eq(users.username, username));
  decoy ??= hash("decoy-password-never-used", ARGON);
  const ok = await verify(u?.passwordHash ?? (await decoy), String(input.password ?? "").slice(0, 200)).catch(
    () => false,
  );
  if (!u || !ok || u.disabled) throw new DomainError("unauthorized", "signin_failed");
  await forgiveTry(database, keys);
  return u;
}

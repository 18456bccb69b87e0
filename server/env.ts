/**
 * The portal's settings from the environment, checked once when `npm start` / `npm run demo`
 * starts, so a mistyped value stops the start with a clear message instead of failing later on
 * a visitor's request. Every variable is optional; the defaults are in the README.
 */
import { hkdfSync } from "node:crypto";
import { z } from "zod";

const flag = z.enum(["0", "1"], { error: "must be 0 or 1" });
const port = z.coerce
  .number({ error: "must be a port number" })
  .int("must be a whole number")
  .min(1, "must be 1–65535")
  .max(65_535, "must be 1–65535");

export const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/, "must start with file:, libsql://, http(s):// or ws(s)://")
    .optional(),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  NEXTAUTH_URL: z.url({ error: "must be the portal's address, e.g. https://kas.example.org" }).optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (npm start makes one if unset)").optional(),
  PORT: port.optional(),
  APP_PORT: port.optional(),
  HOST: z.string().min(1).optional(),
  FRONT_CACHE: flag.optional(),
  TRUST_PROXY: flag.optional(),
  /** 1: the front server answers the treasurers' API itself, its writes on the writer thread (by default: Next). */
  FRONT_API: flag.optional(),
  /** With a remote database: how often a front server asks it whether public data changed (ms; 0: every request). */
  FRONT_POLL_MS: z.coerce.number({ error: "must be milliseconds" }).int().min(0).max(60_000).optional(),
  /** Set by `npm start` for the app behind its own front server (not a setting to change). */
  KT_FRONT: flag.optional(),
});
export type Env = z.infer<typeof ZEnv>;

/** A start refused for wrong settings: its message says all there is to say (no stack needed). */
export class EnvError extends Error {
  override name = "EnvError";
}

/** The settings, or an error that names every wrong variable at once. */
export function checkEnv(env: Record<string, string | undefined>): Env {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const r = ZEnv.safeParse(present);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new EnvError(
    `Kas Terbuka cannot start: the environment has wrong values / pengaturan salah:\n${lines.join("\n")}`,
  );
}

let checked: Env | null = null;
/** The settings of this process, checked on first use (a start has already refused wrong values). */
export function env(): Env {
  checked ??= checkEnv(process.env);
  return checked;
}

/** After a start sets a default (the session secret, the portal's address): read the settings again. */
export function settingsChanged(): void {
  checked = null;
}

/**
 * A key of its own for one use of the session secret (HKDF-SHA256 over NEXTAUTH_SECRET, the use as
 * its info), so a value signed for one purpose (a device cookie) is never valid for another.
 */
export function derivedKey(purpose: "device-cookie"): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set (npm start and npm run demo set it)");
  return Buffer.from(hkdfSync("sha256", secret, "kas-terbuka", purpose, 32));
}

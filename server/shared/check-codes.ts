/** Members' check codes: drawn at random and hashed (argon2id, in a bounded pool); the member verbs and the book import write them, the passbook checks them. */
import { hash } from "@node-rs/argon2";
import { randomInt } from "node:crypto";
import { boundedPool } from "@/server/shared/pool";

/** A personal check code (kode cek) for the passbook page: 8 digits, shown once, stored hashed. */
export function newCheckCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, "0");
}

export async function hashCheckCode(code: string): Promise<string> {
  return hash(code, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/**
 * How many kode cek a paper-book import hashes at once, process-wide (argon2 is slow on purpose:
 * ~10 ms of CPU and 19 MiB each). Parallel imports wait their turn in this one pool instead of each
 * filling the thread pool, so sign-ins and single members keep their own hashing free.
 */
export const CHECK_CODE_HASH_POOL = 2;
const checkCodePool = boundedPool(CHECK_CODE_HASH_POOL);

/** Many check codes hashed through the shared pool, in order. */
export function hashCheckCodesPooled(codes: readonly string[]): Promise<string[]> {
  return Promise.all(codes.map((c) => checkCodePool(() => hashCheckCode(c))));
}

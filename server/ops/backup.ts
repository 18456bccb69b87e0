import { copyFileSync, existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { openDatabase, type Database } from "@/db/client";
import { verifyLedger } from "@/server/read/verify";

/**
 * A consistent snapshot while the server keeps running: SQLite's `VACUUM INTO` copies one
 * transaction-consistent view (in WAL mode a reader never blocks the writer).
 */
export async function backupTo(database: Database, file: string): Promise<void> {
  if (existsSync(file)) throw new Error(`backup target exists: ${file}`);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await database.client.execute({ sql: "VACUUM INTO ?", args: [path.resolve(file)] });
}

/** Verifies a backup, sets the current file (and its WAL) aside, and puts the backup in its place. Stop the server first. */
export async function restoreFrom(
  targetFile: string,
  backupFile: string,
): Promise<{ groups: number; entries: number }> {
  const check = await openDatabase(`file:${backupFile}`);
  const v = await verifyLedger(check.db);
  check.close();
  if (v.problems.length)
    throw new Error(`the backup does not verify (${v.problems[0]!.group}: ${v.problems[0]!.problem})`);
  const target = path.resolve(targetFile);
  const aside = `${target}.before-restore-${Date.now()}`;
  for (const suffix of ["", "-wal", "-shm"])
    if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${aside}${suffix}`);
  copyFileSync(backupFile, target);
  return { groups: v.groups, entries: v.entries };
}

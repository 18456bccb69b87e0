import { getDatabase, type Database } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { errorMessage } from "@/server/i18n/errors";

/**
 * Runs one command-line verb on the database: a refusal by the domain is one line and exit 1,
 * anything else is a crash with its stack. The database is closed either way.
 */
export function runOnDatabase(verb: (database: Database) => Promise<void>): void {
  (async () => {
    const database = await getDatabase();
    try {
      await verb(database);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      console.error(`ditolak: ${errorMessage(e.code, e.params, "id")} (${e.code}${e.field ? `, ${e.field}` : ""})`);
      process.exitCode = 1;
    } finally {
      database.close();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

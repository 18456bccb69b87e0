import { importBookCommand } from "./book-commands";
import { runOnDatabase } from "./cli";

// npm run import:book -- … (see scripts/book-commands.ts)
runOnDatabase(async (database) => {
  process.exitCode = await importBookCommand(database, process.argv.slice(2), {
    log: console.log,
    error: console.error,
  });
});

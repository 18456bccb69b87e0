import { groupAddCommand } from "./book-commands";
import { runOnDatabase } from "./cli";

// npm run group:add -- … (see scripts/book-commands.ts)
runOnDatabase(async (database) => {
  process.exitCode = await groupAddCommand(database, process.argv.slice(2), { log: console.log, error: console.error });
});

import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { setUserDisabled } from "@/server/services/users";

/**
 * npm run user:disable -- --username NAME [--enable]
 * Disables a user (a lost phone, a treasurer who hands over the books): every session of hers ends
 * at once and she can no longer sign in. --enable lets her sign in again (old sessions stay ended).
 */
async function main() {
  const args = process.argv.slice(2);
  const username = args[args.indexOf("--username") + 1];
  if (!args.includes("--username") || !username) {
    console.error("usage: npm run user:disable -- --username NAME [--enable]");
    process.exit(2);
  }
  const enable = args.includes("--enable");
  const database = await getDatabase();
  try {
    const u = await setUserDisabled({ database, actor: "cli:user:disable" }, username, !enable);
    console.log(`${u.username}: ${u.disabled ? "disabled, every session ended" : "enabled"}`);
  } catch (e) {
    if (e instanceof DomainError) {
      console.error(`refused: ${e.code}${e.field ? ` (${e.field})` : ""}`);
      process.exit(1);
    }
    throw e;
  } finally {
    database.close();
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

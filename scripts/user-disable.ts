import { setUserDisabled } from "@/server/verbs/users/set-user-disabled";
import { runOnDatabase } from "./cli";

/**
 * npm run user:disable -- --username NAME [--enable]
 * Disables a user (a lost phone, a treasurer who hands over the books): every session of hers ends
 * at once and she can no longer sign in. --enable lets her sign in again (old sessions stay ended).
 */
const args = process.argv.slice(2);
const username = args.includes("--username") ? args[args.indexOf("--username") + 1] : undefined;
if (!username) {
  console.error("usage: npm run user:disable -- --username NAME [--enable]");
  process.exit(2);
}
runOnDatabase(async (database) => {
  const u = await setUserDisabled({ database, actor: "cli:user:disable" }, username, !args.includes("--enable"));
  console.log(`${u.username}: ${u.disabled ? "disabled, every session ended" : "enabled"}`);
});

import { createUser, ROLES, type Role } from "@/server/verbs/users/create-user";
import { runOnDatabase } from "./cli";

/**
 * npm run user:add -- --username NAME --role bendahara --group ratu-damai [--group …]
 * The password is read from standard input (never an argument, so it stays out of shell history).
 */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

async function main() {
  const args = process.argv.slice(2);
  const get = (name: string) => args.flatMap((a, i) => (a === `--${name}` && args[i + 1] ? [args[i + 1]!] : []));
  const username = get("username")[0];
  const role = get("role")[0] as Role | undefined;
  if (!username || !role || !ROLES.includes(role)) {
    console.error(
      "usage: npm run user:add -- --username NAME --role admin|bendahara|pengawas [--group SLUG …]  (password on stdin)",
    );
    process.exit(2);
  }
  if (process.stdin.isTTY) process.stderr.write("Kata sandi (min. 10 huruf), lalu Enter: ");
  const password = await readStdin();
  runOnDatabase(async (database) => {
    const u = await createUser(
      { database, actor: "cli:user:add" },
      { username, password, role, groupSlugs: get("group") },
    );
    console.log(`created ${u.role} ${u.username} (${get("group").join(", ") || "no groups"})`);
  });
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

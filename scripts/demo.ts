import { getDatabase } from "@/db/client";
import { DEMO_USERS, seedDemo } from "@/db/seed/demo";
import { buildIfNeeded, serve } from "./serve";

/** `npm run demo`: migrate, seed the demo groups when the database is empty, build, serve on :3000. */
async function main() {
  const database = await getDatabase();
  await seedDemo(database, { log: (s) => console.log(s) });
  database.close();
  buildIfNeeded();
  const port = process.env.PORT ?? "3000";
  console.log(
    `\nKas Terbuka (DEMO DATA) at http://localhost:${port}\nDemo sign-ins at http://localhost:${port}/masuk (demo only):`,
  );
  for (const u of DEMO_USERS)
    console.log(`  ${u.role.padEnd(9)} ${u.username.padEnd(13)} ${u.password}  ${u.groupSlugs.join(", ")}`);
  console.log("Passbook (/anggota): e.g. group KSM Ratu Damai, member RD-001, kode cek 100001\n");
  await serve({ port });
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

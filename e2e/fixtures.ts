import { createClient } from "@libsql/client";

export const E2E_DATABASE_URL = "file:data/e2e/kas-terbuka.db";

/** An empty group the e2e server adds after the demo seed (`npm run group:add`), for moving a paper book in. */
export const E2E_EMPTY_GROUP = { slug: "ksm-uji-pindah", name: "KSM Uji Pindah" };
export const E2E_EMPTY_GROUP_ARGS = [
  "--slug",
  E2E_EMPTY_GROUP.slug,
  "--name",
  E2E_EMPTY_GROUP.name,
  "--village",
  "Mokel",
  "--founded",
  "2018-01-01",
  "--demo",
];

/** Reads the e2e database directly (to know the private names the pages must never show). */
export async function privateMemberNames(): Promise<string[]> {
  const c = createClient({ url: E2E_DATABASE_URL });
  try {
    const r = await c.execute("SELECT full_name FROM members");
    return r.rows.map((row) => String(row.full_name));
  } finally {
    c.close();
  }
}

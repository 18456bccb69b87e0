import { createClient } from "@libsql/client";

export const E2E_DATABASE_URL = "file:data/e2e/kas-terbuka.db";

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

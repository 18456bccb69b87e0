import { LENDING_CEILING_MAX } from "@/server/domain/lending";
import { setLendingRule } from "@/server/verbs/lending-rule/set-lending-rule";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase, type Database } from "@/db/client";
import { desc, eq } from "drizzle-orm";
import { ledgerHeads } from "@/db/schema";
import { localDate, monthOf } from "@/server/domain/dates";
import { addMember } from "@/server/verbs/members/add-member";
import { createGroup } from "@/server/verbs/groups/create-group";
import type { ServiceContext } from "@/server/shared/context";

/** A real libSQL database in a temp file, migrated. Not a mock. */
export async function tempDatabase(): Promise<{ database: Database; dir: string; cleanup: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), "kas-terbuka-test-"));
  const database = await openDatabase(`file:${path.join(dir, "test.db")}`);
  await migrateDatabase(database);
  return {
    database,
    dir,
    cleanup: () => {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fixed clock: 2026-11-29 10:00 WITA. */
export const FIXED_NOW = new Date("2026-11-29T02:00:00Z");

export function testContext(database: Database, actor = "test:bendahara"): ServiceContext {
  return { database, actor, now: () => FIXED_NOW };
}

/**
 * History as the treasurer typed it: `ctx` with its clock at 18:00 WITA on `date` when that day is
 * in a month before the clock's own — such a month is closed by now, and nothing may be dated in
 * it any more (server/domain/month-close.ts) — else `ctx` itself.
 */
export function typedOn(ctx: ServiceContext, date: string): ServiceContext {
  const now = ctx.now?.() ?? new Date();
  if (monthOf(date) >= monthOf(localDate(now))) return ctx;
  return { ...ctx, now: () => new Date(`${date}T10:00:00Z`) };
}

let keyCounter = 0;
export const key = (prefix = "k") =>
  `${prefix}-${Date.now().toString(36)}-${(keyCounter++).toString(36).padStart(6, "0")}`;

/** A group founded 2024-01-01 with members RD-001 … RD-00n (women and men), all joined at founding. */
export async function seedGroup(ctx: ServiceContext, slug = "ratu-damai", memberCount = 5) {
  const group = await createGroup(ctx, {
    slug,
    name: `KSM ${slug}`,
    village: "Golo Meni",
    kecamatan: "Kota Komba",
    kabupaten: "Manggarai Timur",
    provinsi: "Nusa Tenggara Timur",
    foundedOn: "2024-01-01",
    loanRateBpsPerMonth: 200,
    loanMethod: "flat",
    loanMaxTermMonths: 12,
    lateFineAmount: 5000,
    lateFineGraceDays: 7,
  });
  // Tests of other things lend to members with no savings: the seeded group's lending rule is the
  // ceiling alone (no multiple of savings). Tests of the rule itself set their own, or use none.
  await setLendingRule(ctx, { groupSlug: slug, savingsMultiple: 0, maxPrincipal: LENDING_CEILING_MAX });
  const prefix = slug.slice(0, 2).toUpperCase();
  const codes: string[] = [];
  for (let i = 1; i <= memberCount; i++) {
    const code = `${prefix}-${String(i).padStart(3, "0")}`;
    await addMember(ctx, {
      groupSlug: slug,
      code,
      fullName: `Anggota Uji ${prefix} ${i}`,
      gender: i % 2 ? "P" : "L",
      joinedOn: "2024-01-01",
      checkCode: "12345678",
    });
    codes.push(code);
  }
  return { group, codes };
}

export async function chainHead(database: Pick<Database, "db">, groupId: number) {
  const [h] = await database.db
    .select()
    .from(ledgerHeads)
    .where(eq(ledgerHeads.groupId, groupId))
    .orderBy(desc(ledgerHeads.lastSeq));
  return h ? { seq: h.lastSeq, hash: h.lastHash } : { seq: 0, hash: null };
}

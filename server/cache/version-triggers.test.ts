/**
 * Every table a public page reads raises the data version its page is kept under: a page in the
 * front server's store and a read model in the read cache are served until a version moves
 * (read-cache.ts), and only the database's triggers move it (db/migrations). A table a public
 * loader reads without a trigger would leave a page stale after a change to it.
 *
 * The list below names the tables the public pages read; a walk over the imports of the stored
 * routes' files (the route table's rows) finds every schema table they can reach, so a loader
 * that starts reading a new table fails here until the table is listed — and given a trigger.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { PUBLIC_ROUTES } from "@/server/front/routes";
import { tempDatabase } from "@/server/testing/db";

const ROOT = path.resolve(__dirname, "../..");

/**
 * The files that draw what the front server stores: each stored route's page or handler (the route
 * table, server/front/routes.ts), and the layout and 404 page every page is drawn in.
 */
function entryFiles(): string[] {
  return [...PUBLIC_ROUTES.filter((r) => r.cacheable).map((r) => r.app), "app/layout.tsx", "app/not-found.tsx"];
}

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.relative(ROOT, path.resolve(ROOT, path.dirname(from), spec));
  else return null;
  if (!/^(server|app)\//.test(base) || /^server\/(domain|i18n|testing)\//.test(base)) return null;
  for (const f of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`])
    try {
      if (readFileSync(path.join(ROOT, f)) && /\.tsx?$/.test(f)) return f;
    } catch {}
  return null;
}

/** Every schema table the public files reach through their imports (types only left out). */
function tablesReached(): Set<string> {
  const byExport = new Map<string, string>();
  for (const [name, value] of Object.entries(schema))
    if (is(value, SQLiteTable)) byExport.set(name, getTableName(value));
  const seen = new Set<string>();
  const tables = new Set<string>();
  const todo = entryFiles();
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(path.join(ROOT, file), "utf8");
    for (const m of text.matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+"([^"]+)"/gms)) {
      if (m[1]) continue;
      const [, , names, spec] = m as unknown as [string, string, string, string];
      if (spec === "@/db/schema" || spec.startsWith("@/db/schema/")) {
        for (const n of names.replace(/[{}]/g, "").split(",")) {
          const name = n
            .trim()
            .replace(/^type\s+/, "")
            .split(/\s+as\s+/)[0]!;
          const table = byExport.get(name);
          if (table) tables.add(table);
        }
        continue;
      }
      const next = resolve(file, spec);
      if (next) todo.push(next);
    }
  }
  return tables;
}

type Version = "global" | "group" | "terms";
type Event = "INSERT" | "UPDATE" | "DELETE";

/**
 * The tables the public pages read (through the loaders: figures, cash book, reports, open data,
 * the safety verdict), and the versions a change to each raises — by a trigger on every change the
 * table allows (a table whose rows are never updated or deleted says so with a BEFORE trigger).
 * journal_entries raises the group's version through ledger_heads, which every append moves in
 * the same transaction; a group deleted has no version of its own left (its pages follow the global one).
 */
const PUBLIC_READS: Record<string, Partial<Record<Version, readonly Event[]>>> = {
  ksm_groups: {
    global: ["INSERT", "UPDATE", "DELETE"],
    group: ["INSERT", "UPDATE"],
    terms: ["INSERT", "UPDATE", "DELETE"],
  },
  members: { global: ["INSERT", "UPDATE", "DELETE"], group: ["INSERT", "UPDATE", "DELETE"] },
  reference_terms: {
    global: ["INSERT", "UPDATE", "DELETE"],
    group: ["INSERT", "UPDATE", "DELETE"],
    terms: ["INSERT", "UPDATE", "DELETE"],
  },
  ledger_heads: { global: ["INSERT", "UPDATE"], group: ["INSERT", "UPDATE"] },
  journal_entries: { global: ["INSERT"] },
  loans: { global: ["INSERT"], group: ["INSERT"] },
  cash_counts: { global: ["INSERT"], group: ["INSERT"] },
  cash_count_signatures: { global: ["INSERT", "UPDATE", "DELETE"], group: ["INSERT"] },
  seal_signatures: { global: ["INSERT"], group: ["INSERT"] },
  share_out_rules: { global: ["INSERT"], group: ["INSERT"], terms: ["INSERT", "UPDATE", "DELETE"] },
  year_closings: { global: ["INSERT"], group: ["INSERT"] },
  lending_rules: { global: ["INSERT"], group: ["INSERT"] },
  supervisor_queries: { group: ["INSERT"] },
  supervisor_query_answers: { group: ["INSERT"] },
  correction_signatures: { global: ["INSERT"], group: ["INSERT"] },
};

/** Tables the public files reach that need no trigger of their own, and why. */
const NO_TRIGGER_NEEDED: Record<string, string> = {
  public_version: "the versions themselves",
  group_public_version: "the versions themselves",
  postings: "written only with their journal entry, in its transaction (journal_entries, ledger_heads raise)",
  daily_payments: "the days a payment covers: written only with its journal entry, in its transaction",
  account_balances: "a rollup, moved in the same transaction as the ledger head (ledger_heads raises)",
  month_entries: "a rollup, moved in the same transaction as the ledger head (ledger_heads raises)",
  month_postings: "a rollup, moved in the same transaction as the ledger head (ledger_heads raises)",
  audit_log: "written with every change, in its transaction (the change's own table raises); no page shows it",
  user_groups: "who may write for a group (the treasurer's access check); no public page shows it",
};

/** Changes the database allows that nothing in the portal ever makes, and why. */
const NEVER_MADE: Record<string, string> = {
  "ledger_heads DELETE": "a chain's head is only ever moved forward (the ledger is append-only)",
};

interface Trigger {
  table: string;
  timing: "BEFORE" | "AFTER";
  event: Event;
  sql: string;
}

let t: Awaited<ReturnType<typeof tempDatabase>>;
let triggers: Trigger[];
beforeAll(async () => {
  t = await tempDatabase();
  const rows = await t.database.client.execute("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'");
  triggers = rows.rows.map((r) => {
    const sql = String(r.sql);
    const [, timing, event] = /\b(BEFORE|AFTER)\s+(INSERT|UPDATE|DELETE)\b/i.exec(sql)!;
    return { table: String(r.tbl_name), timing: timing!.toUpperCase(), event: event!.toUpperCase(), sql } as Trigger;
  });
});
afterAll(() => t.cleanup());

function raises(sql: string): Version | null {
  if (/\bgroup_public_version\b/.test(sql)) return "group";
  const row = /UPDATE\s+`?public_version`?[^;]*WHERE\s+id\s*=\s*(\d)/i.exec(sql)?.[1];
  return row === "1" ? "global" : row === "2" ? "terms" : null;
}

/** What the migrated database's triggers miss of the list: "table EVENT → version". */
function missing(list: typeof PUBLIC_READS): string[] {
  const has = new Set(
    triggers.filter((tr) => tr.timing === "AFTER").map((tr) => `${tr.table} ${tr.event} → ${raises(tr.sql)}`),
  );
  return Object.entries(list).flatMap(([table, versions]) =>
    Object.entries(versions).flatMap(([version, events]) =>
      (events ?? []).map((e) => `${table} ${e} → ${version}`).filter((want) => !has.has(want)),
    ),
  );
}

describe("every table a public page reads raises a data version", () => {
  it("finds the tables the public pages reach (the walk is not vacuous)", () => {
    const reached = tablesReached();
    expect(reached).toContain("journal_entries");
    expect(reached).toContain("ksm_groups");
    expect(triggers.length).toBeGreaterThan(50);
  });

  it("lists every table the public pages reach, as read (with its triggers) or as needing none", () => {
    const unlisted = [...tablesReached()].filter((table) => !(table in PUBLIC_READS) && !(table in NO_TRIGGER_NEEDED));
    expect(unlisted).toEqual([]);
  });

  it("has a version trigger on every change each listed table allows", () => {
    expect(missing(PUBLIC_READS)).toEqual([]);
  });

  it("lists every change a listed table allows: the ones no BEFORE trigger refuses", () => {
    const refused = new Set(
      triggers
        .filter((tr) => tr.timing === "BEFORE" && /RAISE\s*\(\s*ABORT/i.test(tr.sql))
        .map((tr) => `${tr.table} ${tr.event}`),
    );
    const unraised = Object.entries(PUBLIC_READS).flatMap(([table, versions]) =>
      (["INSERT", "UPDATE", "DELETE"] as const)
        .filter((e) => !refused.has(`${table} ${e}`) && !(`${table} ${e}` in NEVER_MADE))
        .filter((e) => !Object.values(versions).some((events) => events?.includes(e)))
        .map((e) => `${table} ${e}`),
    );
    expect(unraised).toEqual([]);
  });
});

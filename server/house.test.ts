/**
 * The house rules as a test: every arrow points down — route (app/, server/api) → verb (server/verbs)
 * or loader (server/read) → what both sides stand on (server/shared) → ledger (server/ledger, the one
 * writer) → domain (server/domain) → db. Verbs never import loaders; loaders never write. Tests may
 * import anything.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.tsx?$/.test(d.name) && !/\.(test|spec)\.tsx?$/.test(d.name))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)));
}

/** Every module a file imports, with whether the import is for types only. */
function importsOf(file: string): { from: string; typeOnly: boolean }[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)].map((m) => ({
    from: m[2]!,
    typeOnly: !!m[1],
  }));
}

/** The files in `dir` that import something `refused` says no to, as "file → module". */
function upwardArrows(dir: string, refused: (from: string, typeOnly: boolean) => boolean): string[] {
  return sources(dir).flatMap((f) =>
    importsOf(f)
      .filter((i) => refused(i.from, i.typeOnly))
      .map((i) => `${f} → ${i.from}`),
  );
}

/** The writes in a source text: a write transaction, ledgerWrite, or a drizzle insert/update/delete of a table. */
function writesIn(text: string): string[] {
  return [...text.matchAll(/\b(?:database\.write|ledgerWrite)\(|\.(?:insert|update|delete)\(\s*([a-z]\w*)/g)]
    .filter((m) => !["slot", "key", "id"].includes(m[1] ?? ""))
    .map((m) => m[0]);
}

describe("the house: every arrow points down", () => {
  it("finds the imports it checks (the rules below are not vacuous)", () => {
    expect(sources("server/domain").length).toBeGreaterThan(20);
    expect(importsOf("server/verbs/loans/disburse-loan.ts").some((i) => i.from === "@/server/domain/loans")).toBe(true);
    expect(importsOf("server/read/public-figures.ts").some((i) => i.from === "@/server/shared/loans")).toBe(true);
    expect(importsOf("server/domain/errors.ts")).toContainEqual({ from: "./error-codes", typeOnly: true });
    expect(importsOf("server/i18n/errors.ts")).toContainEqual({ from: "@/server/domain/error-codes", typeOnly: true });
  });

  it("an effect returns nothing but its clean-up: no useEffect with an expression body (unless `void …`)", () => {
    // React calls whatever an effect returns when the component goes; a promise (fetches, and
    // scrollIntoView in newer browsers) there crashed the treasurer screen as a leave dialog closed.
    const bad = sources("app").flatMap((file) =>
      (readFileSync(path.join(ROOT, file), "utf8").match(/useEffect\(\(\) => (?!\{|void )[^\n]*/g) ?? []).map(
        (m) => `${file}: ${m}`,
      ),
    );
    expect(bad).toEqual([]);
  });

  it("the open-data verifier the domain re-exports imports nothing but node's own modules", () => {
    const imports = readFileSync("scripts/verify-open-data.mjs", "utf8").match(/^import .* from "([^"]+)";?$/gm) ?? [];
    expect(imports.filter((line) => !/from "node:/.test(line))).toEqual([]);
  });

  it("the domain is pure: no database, no verbs, no HTTP, no React, no words (i18n maps the domain's codes, not the reverse)", () => {
    // The one exception: the public rules of the book live in the open-data verifier, a single plain
    // JavaScript file anyone runs with node alone (pure too: it imports nothing but node:), and
    // book-rules.ts re-exports them so the portal checks the very same code.
    const allowed = (from: string) =>
      from === "@/scripts/verify-open-data.mjs" ||
      from.startsWith("./") ||
      from.startsWith("../") ||
      from.startsWith("node:");
    expect(upwardArrows("server/domain", (from) => !allowed(from))).toEqual([]);
  });

  it("verbs, loaders and what they share know nothing of the API, the front server, Next or React", () => {
    const refused = /^(@\/app|@\/server\/api|@\/server\/front|next|react|@trpc)/;
    // server/services was split by side (#28): verbs, loaders and what both need; it does not come back.
    expect(existsSync(path.join(ROOT, "server/services"))).toBe(false);
    for (const side of ["server/verbs", "server/read", "server/shared"]) {
      expect(sources(side).length).toBeGreaterThan(5);
      expect(upwardArrows(side, (from) => refused.test(from))).toEqual([]);
    }
  });

  it("verbs never import a loader: nothing from server/read", () => {
    // What a verb must read inside its transaction (balances, loan views, checkpoints, rules in
    // force) lives in server/shared, which pages read too.
    expect(upwardArrows("server/verbs", (from) => /^@\/server\/read(\/|$)/.test(from))).toEqual([]);
  });

  it("loaders never import a verb, and what both sides share imports neither", () => {
    expect(upwardArrows("server/read", (from) => /^@\/server\/verbs(\/|$)/.test(from))).toEqual([]);
    expect(upwardArrows("server/shared", (from) => /^@\/server\/(verbs|read)(\/|$)/.test(from))).toEqual([]);
  });

  it("one input style: every verb's input type is inferred from its zod schema (no hand-written interface)", () => {
    const handWritten = /^export interface \w+Input\b|satisfies z\.ZodType</gm;
    expect("export interface FooInput {\n}) satisfies z.ZodType<X>".match(handWritten)).toHaveLength(2);
    const found = sources("server/verbs").flatMap((f) =>
      (readFileSync(path.join(ROOT, f), "utf8").match(handWritten) ?? []).map((m) => `${f}: ${m}`),
    );
    expect(found).toEqual([]);
  });

  it("loaders and what they share never write: no write transaction, no insert, update or delete", () => {
    expect(writesIn("const x = await ctx.database.write(async (tx) => tx.update(users).set(y));")).toEqual([
      "database.write(",
      ".update(users",
    ]);
    expect(writesIn('createHmac("sha256", k).update(`x`); kept.delete(slot)')).toEqual([]);
    const writes = ["server/read", "server/shared"]
      .flatMap(sources)
      .flatMap((f) => writesIn(readFileSync(path.join(ROOT, f), "utf8")).map((w) => `${f}: ${w}`));
    expect(writes).toEqual([]);
  });

  it("the writer (server/writer) is between the API and the verbs: it knows nothing of the API, the front server, Next or React, and no verb, loader or shared module knows it", () => {
    const refused = /^(@\/app|@\/server\/api|@\/server\/front|next|react|@trpc)/;
    expect(upwardArrows("server/writer", (from) => refused.test(from))).toEqual([]);
    for (const side of ["server/verbs", "server/read", "server/shared"])
      expect(upwardArrows(side, (from) => from.startsWith("@/server/writer"))).toEqual([]);
  });

  it("the front server reads the cache, never the verbs or loaders: nothing from server/verbs, read or shared", () => {
    expect(sources("server/front").length).toBeGreaterThan(4);
    expect(upwardArrows("server/front", (from) => /^@\/server\/(verbs|read|shared)(\/|$)/.test(from))).toEqual([]);
  });

  it("the front server stays in parts: each module under 150 lines (the route table is a table, not a part)", () => {
    const lines = (f: string) => readFileSync(path.join(ROOT, f), "utf8").split("\n").length;
    const long = sources("server/front")
      .filter((f) => f !== "server/front/routes.ts" && lines(f) >= 150)
      .map((f) => `${f}: ${lines(f)} lines`);
    expect(long).toEqual([]);
  });

  it("the cache is infrastructure: it knows no verb, loader, API, front server or page", () => {
    expect(importsOf("server/cache/page-versions.ts").some((i) => i.from === "./read-cache")).toBe(true);
    const refused = /^(@\/app|@\/server\/(api|front|ledger|verbs|read|writer)(\/|$)|next|react|@trpc)/;
    expect(upwardArrows("server/cache", (from) => refused.test(from))).toEqual([]);
  });

  it("the database layer is the bottom: it imports nothing of the portal", () => {
    expect(upwardArrows("db", (from) => /^@\/(server|app|scripts)/.test(from))).toEqual([]);
  });

  it("routers only validate with the verbs' own schemas, call and return: no schema, no query of their own", () => {
    expect(upwardArrows("server/api/routers", (from) => /^(zod|@\/db|drizzle-orm)$|^@\/db\//.test(from))).toEqual([]);
  });

  it("pages never query: no schema, no SQL — they call loaders and verbs", () => {
    expect(upwardArrows("app", (from) => /^(@\/db\/schema|drizzle-orm)/.test(from))).toEqual([]);
  });

  it("strings and formats are a leaf: i18n imports only the domain's types and values, never verbs", () => {
    expect(upwardArrows("server/i18n", (from) => /^@\/(server\/(verbs|read|shared|api)|db|app)/.test(from))).toEqual(
      [],
    );
  });

  it("the ledger is below the verbs: server/ledger imports no verb and no loader (only server/shared)", () => {
    const refused = (from: string) =>
      /^(@\/app|@\/server\/api|@\/server\/front|@\/scripts|next|react|@trpc)/.test(from) ||
      /^@\/server\/(verbs|read)(\/|$)/.test(from);
    expect(sources("server/ledger").length).toBeGreaterThan(3);
    expect(upwardArrows("server/ledger", refused)).toEqual([]);
    // …and the context the ledger reads imports nothing of the ledger (no circle through it).
    expect(importsOf("server/shared/context.ts").filter((i) => i.from.includes("ledger"))).toEqual([]);
  });
});

/**
 * The ledger's tables — those of db/schema/ledger.ts (journal_entries, postings, ledger_heads, loans,
 * daily_payments, cash_counts), the rollups of db/schema/rollups.ts kept beside the chain
 * (account_balances, month_postings, month_entries) and the audit log —
 * are written by server/ledger alone: an insert anywhere else would skip the writer's rules
 * (numbering, idempotency, non-negative, sealing, rollups, audit).
 */
const LEDGER_TABLES: Record<string, string> = {
  journalEntries: "journal_entries",
  postings: "postings",
  ledgerHeads: "ledger_heads",
  accountBalances: "account_balances",
  monthPostings: "month_postings",
  monthEntries: "month_entries",
  dailyPayments: "daily_payments",
  loans: "loans",
  cashCounts: "cash_counts",
  auditLog: "audit_log",
};

/** The places in a source text that insert into a ledger table, as "table". */
function ledgerInserts(text: string): string[] {
  const names = Object.keys(LEDGER_TABLES).join("|");
  const tables = Object.values(LEDGER_TABLES).join("|");
  const patterns = [
    new RegExp(`\\.insert\\(\\s*(${names}|postingsTable)\\b`, "g"), // drizzle: tx.insert(loans)
    new RegExp(`insertMany\\(\\s*\\w+\\s*,\\s*(${names}|postingsTable)\\b`, "g"), // insertMany(tx, postings, …)
    new RegExp(`insert\\s+(?:or\\s+\\w+\\s+)?into\\s+"?(${tables})\\b`, "gi"), // SQL text
    new RegExp(`insert\\(\\s*"(${tables})"`, "g"), // a bulk helper named by table: insert("postings", …)
  ];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1]!));
}

/** Writers of ledger tables outside server/ledger, on purpose. */
const OUTSIDE_WRITERS: Record<string, string> = {
  // The benchmark's scale database: built in bulk from the same domain builders and checked by
  // `npm run verify` afterwards (its header says why it takes no verb path).
  "scripts/seed-scale.ts": "bulk scale database for the benchmark",
};

describe("the house: one ledger writer", () => {
  it("the check sees inserts of every shape (not vacuous)", () => {
    expect(ledgerInserts("await tx.insert(loans).values(x)")).toEqual(["loans"]);
    expect(ledgerInserts("await insertMany(tx, dailyPayments, rows)")).toEqual(["dailyPayments"]);
    expect(ledgerInserts("tx.run(sql`INSERT INTO month_entries (group_id) SELECT 1`)")).toEqual(["month_entries"]);
    expect(ledgerInserts('insert("postings", "id, entry_id", rows)')).toEqual(["postings"]);
    expect(ledgerInserts("tx.insert(members).values(x); tx.insert(loanTerms)")).toEqual([]);
    const writer = readFileSync(path.join(ROOT, "server/ledger/writer.ts"), "utf8");
    expect(new Set(ledgerInserts(writer))).toEqual(
      new Set([
        "journalEntries",
        "ledgerHeads",
        "postingsTable",
        "account_balances",
        "month_postings",
        "month_entries",
        "auditLog",
      ]),
    );
  });

  it("only server/ledger inserts into the ledger tables", () => {
    const all = ["server", "scripts", "app", "db", "bench"].flatMap(sources);
    expect(all.length).toBeGreaterThan(150);
    const outside = all
      .filter((f) => !f.startsWith(`server${path.sep}ledger${path.sep}`) && !(f in OUTSIDE_WRITERS))
      .flatMap((f) => ledgerInserts(readFileSync(path.join(ROOT, f), "utf8")).map((t) => `${f}: ${t}`));
    expect(outside).toEqual([]);
  });

  it("every verb writes through ledgerWrite (which refuses a change without its audit row)", () => {
    // The only other writes: the sign-in throttle's counters, the chain check raising the public
    // versions when its outcome changed, and sign-out ending a user's sessions — none a change to a
    // group's book, none audited today.
    const allowed: Record<string, number> = {
      "server/auth/throttle.ts": 2,
      "server/cache/chain-check.ts": 1,
      "server/verbs/users/end-sessions.ts": 1,
    };
    const direct = ["server", "scripts", "app"]
      .flatMap(sources)
      .filter((f) => !f.startsWith(`server${path.sep}ledger${path.sep}`))
      .map((f) => [f, (readFileSync(path.join(ROOT, f), "utf8").match(/\bdatabase\.write\(/g) ?? []).length] as const)
      .filter(([f, n]) => n > (allowed[f.split(path.sep).join("/")] ?? 0))
      .map(([f, n]) => `${f}: ${n}`);
    expect(direct).toEqual([]);
    expect(readFileSync(path.join(ROOT, "server/ledger/write.ts"), "utf8")).toMatch(/ctx\.database\.write\(/);
  });
});

/** The modules a file reaches: static imports and re-exports, bare imports and import() — comments left out. */
function edgesOf(file: string, known: Set<string>): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8").replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
  const specs = [
    ...text.matchAll(
      /^(?:import|export)\s+(?:type\s+)?[^;]*?from\s+"([^"]+)"|^import\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/gms,
    ),
  ].map((m) => (m[1] ?? m[2] ?? m[3])!);
  const resolved = specs.flatMap((spec) => {
    const base = spec.startsWith("@/")
      ? spec.slice(2)
      : spec.startsWith(".")
        ? path.join(path.dirname(file), spec)
        : null;
    if (base === null) return []; // a package
    const hit = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((c) => known.has(c));
    return hit ? [hit] : [];
  });
  return [...new Set(resolved)];
}

/** Every import circle among `dirs`' sources (strongly connected components of two or more files, or a file importing itself), each sorted. */
function importCircles(dirs: string[]): string[][] {
  const files = dirs.flatMap(sources);
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, edgesOf(f, known)]));
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.includes(v)) circles.push(component.sort());
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return circles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/**
 * The import circles still standing, each to be removed — never added to. None today: the last one
 * (the services' batch writer and two verbs importing each other) went with the one ledger writer in
 * server/ledger/ (#28).
 */
const KNOWN_CIRCLES: string[][] = [];

describe("the house: no import circles", () => {
  it("the walk sees imports, re-exports and import() (it is not vacuous)", () => {
    const known = new Set([...sources("app"), ...sources("server")]);
    expect(edgesOf("app/admin/_ui/common.tsx", known)).toContain("app/admin/_ui/keep-on-phone.ts");
    expect(edgesOf("app/admin/_ui/AdminApp.tsx", known)).toContain("app/admin/_ui/book.tsx"); // import("./book")
    expect(edgesOf("server/i18n/errors.ts", known)).toContain("server/domain/error-codes.ts");
  });

  it("no module of server/, app/ or db/ reaches itself through its imports (types and import() count too)", () => {
    expect(importCircles(["server", "app", "db"])).toEqual(KNOWN_CIRCLES);
  });
});

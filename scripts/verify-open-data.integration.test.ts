import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile, execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { loadGroup } from "@/server/shared/context";
import { groupDetail, ledgerJsonChunks } from "@/server/read/open-data";
import { groupFigures } from "@/server/read/public-figures";
import { groupCheckpoints } from "@/server/shared/seals";
import { tempDatabase } from "@/server/testing/db";
import { seedDemo } from "./seed/demo-history";
import { sha256Hex } from "@/server/domain/chain";
import { type RULES, verifyOpenData } from "./verify-open-data.mjs";

// Both demo groups from their founding to a day in 2017: a year closed (its SHU shared out, some
// parts in cash), the bank, corrections — the ledger exactly as /api/open publishes it.
const UNTIL = "2017-07-01";
const NOW = new Date(`${UNTIL}T12:00:00.000Z`);
const SLUG = "ratu-damai";

type Row = Record<string, unknown> & { seq: number; date: string; hash: string; postings: Record<string, number> };
type Ledger = { group: string; asOf: string; foundedOn: string; entries: Row[] };
type Figures = ReturnType<typeof groupDetail>;

let ledger: Ledger;
let figures: Figures;
/** Every demo group's ledger and figures (ratu-damai's are `ledger` and `figures`). */
const published: { ledger: Ledger; figures: Figures; checkpoints: Checkpoints }[] = [];
/** ratu-damai's checkpoints.json, as /api/open/groups/[slug]/checkpoints.json publishes it. */
let checkpoints: Checkpoints;
type Checkpoints = { group: string; checkpoints: { month: string; seq: number; hash: string; closed: boolean }[] };
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  const t = await tempDatabase();
  ({ dir, cleanup } = t);
  await seedDemo(t.database, { today: UNTIL, now: NOW });
  for (const slug of [SLUG, "compang-dalo"]) {
    const group = await loadGroup(t.database.db, slug);
    let text = "";
    for await (const chunk of ledgerJsonChunks(t.database.db, group, NOW)) text += chunk;
    const f = JSON.parse(JSON.stringify(groupDetail(await groupFigures(t.database.db, group, NOW)))) as Figures;
    const cps = (await groupCheckpoints(t.database.db, group, NOW)).map((c) => ({
      month: c.month,
      seq: c.seq,
      hash: c.hash,
      seal: c.seal,
      closed: c.closed,
    }));
    published.push({ ledger: JSON.parse(text) as Ledger, figures: f, checkpoints: { group: slug, checkpoints: cps } });
  }
  ({ ledger, figures, checkpoints } = published[0]!);
}, 180_000);
afterAll(() => cleanup?.());

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/**
 * The ledger with one more entry, its chain hash recomputed exactly as the portal hashes (so only
 * the rules can catch it): by default a day's contribution of Rp 1.000 in cash, recorded at NOW.
 */
function appended(over: Partial<Row>, base = ledger): Ledger {
  const doc = clone(base);
  const prev = doc.entries.at(-1)!;
  const e: Row = {
    seq: prev.seq + 1,
    date: UNTIL,
    kind: "contribution",
    amountRp: 1000,
    purpose: null,
    category: null,
    reversesSeq: null,
    reversedBySeq: null,
    reason: null,
    canonicalVersion: "kas-terbuka/v2",
    recordedAt: NOW.toISOString(),
    postings: { cash: 1000, savings_mandatory: -1000 },
    detailDigest: "d".repeat(64),
    prevHash: prev.hash,
    hash: "",
    ...over,
  };
  const postings = Object.entries(e.postings)
    .filter(([, v]) => v !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  e.hash = sha256Hex(
    JSON.stringify([
      e.canonicalVersion,
      doc.group,
      e.seq,
      e.date,
      e.kind,
      e.amountRp,
      e.purpose,
      e.category,
      e.reversesSeq,
      e.reason,
      e.recordedAt,
      postings,
      e.detailDigest,
      e.prevHash,
    ]),
  );
  doc.entries.push(e);
  return doc;
}

const check = (doc: Ledger, group: Figures | null = null) => verifyOpenData(doc, { group, now: NOW.getTime() });

/** Runs the script as anyone would, on files: exit code and what it printed. */
function run(doc: unknown, ...args: string[]) {
  const file = path.join(dir, `ledger-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(doc));
  try {
    const out = execFileSync(process.execPath, ["scripts/verify-open-data.mjs", file, ...args], {
      encoding: "utf8",
      stdio: "pipe",
    });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}
const fileOf = (name: string, content: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
};

describe("verify-open-data.mjs on a seeded group's published ledger", () => {
  it("passes the untouched ledgers and the groups' figures (a year closed, the bank, corrections in them)", () => {
    const kinds = new Set(published.flatMap((p) => p.ledger.entries.map((e) => e.kind)));
    for (const k of ["year_close", "correction", "bank_deposit", "loan_repayment"]) expect(kinds, k).toContain(k);
    for (const p of published) {
      expect(p.ledger).toMatchObject({ asOf: UNTIL, foundedOn: p.figures.foundedOn });
      expect(p.checkpoints.checkpoints.filter((c) => c.closed).length).toBeGreaterThan(12);
      const closedMonths = p.checkpoints.checkpoints.filter((c) => c.closed);
      expect(verifyOpenData(p.ledger, { group: p.figures, closedMonths, now: NOW.getTime() })).toMatchObject({
        ok: true,
        figuresCompared: true,
      });
    }
    const r = run(ledger, "--group", fileOf("group.json", figures));
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining("every published balance") });
  });

  it("an appended entry that keeps every rule passes (the harness hashes as the portal does)", () => {
    expect(check(appended({}))).toMatchObject({ ok: true });
  });

  const lastClose = () => ledger.entries.filter((e) => e.kind === "year_close").at(-1)!;
  const breaking: [keyof typeof RULES, () => Partial<Row>][] = [
    ["date_valid", () => ({ date: "2017-02-30", recordedAt: "2017-03-05T10:00:00.000Z" })],
    ["date_after_as_of", () => ({ date: "2017-07-02", recordedAt: "2017-07-02T10:00:00.000Z" })],
    ["date_after_recorded", () => ({ date: UNTIL, recordedAt: "2017-01-18T10:00:00.000Z" })],
    ["date_before_founding", () => ({ date: "2015-12-31" })],
    ["year_closed", () => ({ date: lastClose().date.replace(/-12-31$/, "-06-15") })],
    ["amount_debits", () => ({ amountRp: 1500 })],
    ["postings_balance", () => ({ postings: { cash: 1000, savings_mandatory: -900 } })],
    [
      "below_zero",
      () => ({
        kind: "expense",
        category: "lainnya",
        amountRp: 10_000_000_000,
        postings: { expense: 10_000_000_000, cash: -10_000_000_000 },
      }),
    ],
  ];
  for (const [rule, over] of breaking)
    it(`exits non-zero on an appended entry breaking ${rule}, its chain hash recomputed`, () => {
      const doc = appended(over());
      expect(check(doc)).toMatchObject({ ok: false, rule, seq: doc.entries.at(-1)!.seq });
      const r = run(doc);
      expect(r.code).toBe(1);
      expect(r.out).toContain(rule);
    });

  it("finds cash taken below zero on an earlier day by a back-dated entry, though it is back above zero today", () => {
    const cash = figures.cashRp;
    // A withdrawal of all the cash and a little more, back-dated a week; the day after, a deposit covers it.
    const taken = appended({
      date: "2017-06-20",
      kind: "savings_withdrawal",
      amountRp: cash + 5_000_000,
      postings: { savings_voluntary: cash + 5_000_000, cash: -(cash + 5_000_000) },
    });
    const covered = appended(
      { date: UNTIL, amountRp: 50_000_000, postings: { cash: 50_000_000, savings_voluntary: -50_000_000 } },
      taken,
    );
    expect(check(covered)).toMatchObject({ ok: false, rule: "below_zero", problem: expect.stringContaining("cash") });
  });

  it("finds one savings account's total taken below zero, though the savings together are not", () => {
    const voluntary = -ledger.entries.reduce((t, e) => t + (e.postings.savings_voluntary ?? 0), 0);
    expect(voluntary).toBeGreaterThan(0);
    const moved = voluntary + 1;
    const doc = appended({ amountRp: moved, postings: { savings_voluntary: moved, savings_mandatory: -moved } });
    expect(check(doc)).toMatchObject({
      ok: false,
      rule: "below_zero",
      problem: expect.stringContaining("savings_voluntary is -1"),
    });
  });

  it("exits non-zero when a published balance, month or closed-year pool differs from the ledger", () => {
    const cases: [string, (f: Figures) => void][] = [
      ["cashRp", (f) => (f.cashRp += 1)],
      ["memberSavingsRp", (f) => (f.memberSavingsRp -= 1)],
      ["closing", (f) => (f.months.at(-2)!.closingBalancesRp.cash += 1)],
      ["expensesRp", (f) => (f.months.at(-3)!.expensesRp += 1)],
      ["SHU", (f) => (f.closedYears.at(-1)!.shuRp += 1)],
      ["pool cadangan", (f) => (f.closedYears.at(-1)!.poolsRp.cadangan += 1)],
      ["jasa_modal", (f) => (f.closedYears.at(-1)!.poolsRp.jasa_modal += 1)],
      ["different moments", (f) => (f.lastSeq -= 1)],
    ];
    for (const [what, edit] of cases) {
      const f = clone(figures);
      edit(f);
      expect(check(ledger, f), what).toMatchObject({
        ok: false,
        rule: "published",
        problem: expect.stringContaining(what),
      });
    }
    const f = clone(figures);
    f.cashRp += 1;
    expect(run(ledger, "--group", fileOf("bad-group.json", f)).code).toBe(1);
  });

  it("with a checkpoints file marking a month closed: exits non-zero on an entry dated in it after its close", () => {
    // May 2017 closed at the end of its grace period (the 5th of June): the head then is its seal.
    const head = ledger.entries.filter((e) => e.date <= "2017-06-05").at(-1)!;
    const cp = fileOf("closed.json", {
      group: SLUG,
      checkpoints: [{ month: "2017-05", seq: head.seq, hash: head.hash, closed: true }],
    });
    expect(run(ledger, "--checkpoints", cp).code).toBe(0);
    const late = appended({ date: "2017-05-20" });
    expect(check(late)).toMatchObject({ ok: true }); // no rule without the checkpoints
    expect(
      verifyOpenData(late, { closedMonths: [{ month: "2017-05", seq: head.seq }], now: NOW.getTime() }),
    ).toMatchObject({
      ok: false,
      rule: "month_closed",
      seq: late.entries.at(-1)!.seq,
    });
    expect(run(late, "--checkpoints", cp)).toMatchObject({ code: 1, out: expect.stringContaining("month_closed") });
    // A month not (yet) closed takes it.
    const open = fileOf("open.json", {
      group: SLUG,
      checkpoints: [{ month: "2017-05", seq: head.seq, hash: head.hash, closed: false }],
    });
    expect(run(late, "--checkpoints", open).code).toBe(0);
  });

  it("with the group's own checkpoints.json: exits 0, and non-zero on an entry back-dated into a closed month", () => {
    const cp = fileOf("real-checkpoints.json", checkpoints);
    expect(run(ledger, "--checkpoints", cp).code).toBe(0);
    expect(run(appended({ date: "2017-05-20" }), "--checkpoints", cp)).toMatchObject({
      code: 1,
      out: expect.stringContaining("month_closed"),
    });
  });

  it("given a URL, fetches the group's figures and checkpoints alongside and checks them", async () => {
    let files: Record<string, unknown> = {};
    const server = createServer((req, res) => {
      const body = files[req.url ?? ""];
      res.writeHead(body ? 200 : 404, { "Content-Type": "application/json" }).end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/open/groups`;
    const serve = (l: unknown, f: unknown) => {
      files = {
        [`/api/open/groups/${SLUG}/ledger.json`]: l,
        [`/api/open/groups/${SLUG}.json`]: f,
        [`/api/open/groups/${SLUG}/checkpoints.json`]: checkpoints,
      };
    };
    const runUrl = () =>
      promisify(execFile)(process.execPath, ["scripts/verify-open-data.mjs", `${base}/${SLUG}/ledger.json`]).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
    try {
      serve(ledger, figures);
      expect(await runUrl()).toMatchObject({ code: 0, out: expect.stringContaining("every published balance") });
      serve(ledger, { ...figures, cashRp: figures.cashRp + 1 });
      expect(await runUrl()).toMatchObject({ code: 1, out: expect.stringContaining("cashRp") });
      const late = appended({ date: "2017-05-20" });
      serve(late, { ...figures, lastSeq: late.entries.at(-1)!.seq, lastHash: late.entries.at(-1)!.hash });
      expect(await runUrl()).toMatchObject({ code: 1, out: expect.stringContaining("month_closed") });
    } finally {
      server.close();
    }
  });

  it("refuses a checkpoints file that holds no seal or is not one, and a seal shorter than the printed 12 digits", () => {
    const kept = { group: SLUG, checkpoints: [{ month: "2016-12", seq: 40, hash: ledger.entries[39]!.hash }] };
    expect(run(ledger, "--checkpoints", fileOf("cp.json", kept)).code).toBe(0);
    for (const [name, content] of [
      ["empty.json", {}],
      ["no-seals.json", { group: SLUG, checkpoints: [] }],
      ["ledger-as-cp.json", ledger],
      ["other-group.json", { ...kept, group: "compang-dalo" }],
    ] as const) {
      const r = run(ledger, "--checkpoints", fileOf(name, content));
      expect(r.code, name).toBe(2);
      expect(r.out, name).toContain("REFUSED");
      expect(r.out, name).not.toContain("bukan berkas segel, atau tanpa segel");
    }
    // The Indonesian line says what the English says: whose seals these are.
    const other = run(ledger, "--checkpoints", fileOf("other.json", { ...kept, group: "compang-dalo" }));
    expect(other.out).toContain(`the checkpoints are of group compang-dalo, the ledger of ${SLUG}`);
    expect(other.out).toContain(
      `DITOLAK: --checkpoints ${path.join(dir, "other.json")}: segelnya milik kelompok compang-dalo, buku besarnya milik ${SLUG}`,
    );
    const short = run(ledger, "--expect", `40:${ledger.entries[39]!.hash.slice(0, 8)}`);
    expect(short).toMatchObject({ code: 2, out: expect.stringContaining("shorter than the 12") });
    expect(run(ledger, "--expect", `40:${ledger.entries[39]!.hash.slice(0, 12)}`).code).toBe(0);
    const broken = run(ledger, "--checkpoints", fileOf("broken.json", '{"checkpoints":'));
    expect(broken).toMatchObject({ code: 2, out: expect.stringContaining("REFUSED") });
    expect(run(ledger, "--group", fileOf("no-group.json", "<html>"))).toMatchObject({
      code: 2,
      out: expect.stringContaining("nothing was checked"),
    });
    // A mistyped seal or number is a typing slip, not tampering.
    for (const typed of ["40:3BAB-6FF7-87EO", `4O:${ledger.entries[39]!.hash.slice(0, 12)}`])
      expect(run(ledger, "--expect", typed), typed).toMatchObject({
        code: 2,
        out: expect.stringContaining("check what you typed"),
      });
  });
});

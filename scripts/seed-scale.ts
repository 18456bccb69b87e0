/**
 * npm run seed:scale -- --groups 1000 --members 25 --years 3 [--db file:data/scale.db]
 *
 * A realistic database at scale for the benchmark, written by a bulk path that builds the very
 * rows the services write — the same postings builders, loan schedules, hash chain (entryHash,
 * detailDigest) and rollups from server/domain — and inserts them in large transactions.
 * `npm run verify` recomputes everything afterwards. Differences from the service path, on
 * purpose: no audit-log rows (not part of the ledger), and every member of the scale database
 * shares one kode cek hash (argon2 per member would take hours).
 */
import type { InStatement } from "@libsql/client";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { migrateDatabase, openDatabase } from "@/db/client";
import { seededRandom } from "./seed/random";
import { CURRENT_CHAIN_VERSION, detailDigest, entryHash, GENESIS_HASH } from "@/server/domain/chain";
import { addDays, monthOf } from "@/server/domain/dates";
import {
  balanceKey,
  contributionPostings,
  disbursementPostings,
  entryAmount,
  entryRollup,
  expensePostings,
  repaymentPostings,
  type EntryKind,
  type Posting,
} from "@/server/domain/ledger";
import { loanSchedule } from "@/server/domain/loans";
import { hashCheckCode } from "@/server/shared/check-codes";
import { progress } from "./progress";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};

async function main() {
  const GROUPS = Number(arg("groups", "1000"));
  const MEMBERS = Number(arg("members", "25"));
  const YEARS = Number(arg("years", "3"));
  const url = arg("db", "file:data/scale.db");
  if (!url.startsWith("file:")) throw new Error("seed:scale writes an embedded file database");
  for (const s of ["", "-wal", "-shm"]) rmSync(url.slice(5) + s, { force: true });
  const database = await openDatabase(url);
  await migrateDatabase(database);
  const c = database.client;
  await c.execute("PRAGMA synchronous=OFF"); // a generated benchmark database: speed over durability while loading
  const sharedHash = await hashCheckCode("scale-only");
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Makassar",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const founded = addDays(today, -365 * YEARS);
  const started = Date.now();
  let entryId = 0;
  let postingId = 0;
  let memberId = 0;
  let loanId = 0;
  let totalEntries = 0;

  const bar = progress("seed:scale", GROUPS);
  for (let g = 1; g <= GROUPS; g++) {
    const r = seededRandom(g * 7919);
    const slug = `ksm-skala-${String(g).padStart(4, "0")}`;
    const stmts: InStatement[] = [];
    const rows: Record<string, unknown[][]> = {
      members: [],
      journal_entries: [],
      postings: [],
      loans: [],
      daily_payments: [],
    };
    stmts.push({
      sql: "INSERT INTO ksm_groups (id, slug, name, village, kecamatan, kabupaten, provinsi, founded_on, time_zone, daily_contribution, loan_rate_bps_per_month, loan_method, loan_max_term_months, late_fine_amount, late_fine_grace_days, is_demo) VALUES (?, ?, ?, ?, 'Kota Komba', 'Manggarai Timur', 'Nusa Tenggara Timur', ?, 'Asia/Makassar', 1000, 200, 'flat', 10, 5000, 7, 1)",
      args: [g, slug, `KSM Skala ${g}`, g % 2 ? "Golo Meni" : "Mokel", founded],
    });
    const memberIds: number[] = [];
    for (let m = 1; m <= MEMBERS; m++) {
      memberIds.push(++memberId);
      rows.members!.push([
        memberId,
        g,
        `SK-${String(m).padStart(3, "0")}`,
        `Anggota Skala ${g}-${m}`,
        m % 3 ? "P" : "L",
        founded,
        null,
        sharedHash,
      ]);
    }
    let seq = 0;
    let prev = GENESIS_HASH;
    const balances = new Map<string, number>();
    const months = new Map<string, number>();
    const counts = new Map<string, number>();
    let cash = 0;
    const add = (
      date: string,
      kind: EntryKind,
      postings: Posting[],
      extra: { purpose?: string; category?: string; loanId?: number; note?: string } = {},
    ) => {
      seq++;
      const id = ++entryId;
      const recordedAt = `${date}T10:00:00.000Z`;
      const salt = randomBytes(16).toString("hex");
      const digest = detailDigest(salt, postings, extra.note ?? null);
      const amount = entryAmount(postings);
      const hash = entryHash({
        chainVersion: CURRENT_CHAIN_VERSION,
        groupSlug: slug,
        seq,
        date,
        kind,
        amount,
        purpose: extra.purpose ?? null,
        category: extra.category ?? null,
        reversesSeq: null,
        reason: null,
        recordedAt,
        postings,
        detailDigest: digest,
        prevHash: prev,
      });
      rows.journal_entries!.push([
        id,
        g,
        seq,
        date,
        kind,
        amount,
        extra.purpose ?? null,
        extra.category ?? null,
        extra.note ?? null,
        extra.loanId ?? null,
        null,
        null,
        null,
        CURRENT_CHAIN_VERSION,
        `scale-${g}-${seq}`,
        "scale",
        salt,
        digest,
        prev,
        hash,
        recordedAt,
        "scale:seed",
      ]);
      for (const p of postings)
        rows.postings!.push([++postingId, id, g, date, p.account, p.memberId ?? null, p.loanId ?? null, p.amount]);
      const rollup = entryRollup(postings);
      for (const [account, memberId, loanId, amount] of rollup.balances) {
        const k = balanceKey({ account, memberId, loanId });
        balances.set(k, (balances.get(k) ?? 0) + amount);
      }
      for (const [account, amount] of rollup.accounts) {
        const mk = `${monthOf(date)}|${kind}|${account}`;
        months.set(mk, (months.get(mk) ?? 0) + amount);
        if (account === "cash") cash += amount;
      }
      counts.set(`${monthOf(date)}|${kind}`, (counts.get(`${monthOf(date)}|${kind}`) ?? 0) + 1);
      prev = hash;
    };
    const repayments = new Map<
      string,
      { loanId: number; memberId: number; principal: number; serviceCharge: number }[]
    >();
    for (let day = founded; day <= today; day = addDays(day, 1)) {
      const lines = memberIds
        .filter(() => r.chance(0.9))
        .map((id) => ({ memberId: id, amount: 1000, kind: "daily" as const }));
      if (lines.length) {
        add(day, "contribution", contributionPostings(lines));
        for (const l of lines) rows.daily_payments!.push([g, l.memberId, entryId, day]);
      }
      for (const due of repayments.get(day) ?? [])
        add(
          day,
          "loan_repayment",
          repaymentPostings(due.memberId, due.loanId, {
            fine: 0,
            serviceCharge: due.serviceCharge,
            principal: due.principal,
          }),
          { purpose: "kopi", loanId: due.loanId },
        );
      if (day.endsWith("-01")) {
        const principal = Math.floor((cash * 0.5) / 100_000) * 100_000;
        if (principal >= 300_000) {
          const borrower = memberIds[r.int(0, memberIds.length - 1)]!;
          const id = ++loanId;
          rows.loans!.push([id, g, borrower, principal, 4, 200, "flat", 5000, 7, day, "kopi", "kopi"]);
          add(day, "loan_disbursement", disbursementPostings(borrower, id, principal), { purpose: "kopi", loanId: id });
          for (const i of loanSchedule({
            principal,
            termMonths: 4,
            rateBpsPerMonth: 200,
            method: "flat",
            disbursedOn: day,
          })) {
            if (i.dueOn > today) break; // the loan is still running
            repayments.set(i.dueOn, [
              ...(repayments.get(i.dueOn) ?? []),
              { loanId: id, memberId: borrower, principal: i.principal, serviceCharge: i.serviceCharge },
            ]);
          }
        }
        if (cash > 50_000) add(day, "expense", expensePostings(r.int(2, 5) * 10_000), { category: "konsumsi" });
      }
    }
    totalEntries += seq;
    const insert = (table: string, cols: string, data: unknown[][]) => {
      const per = Math.floor(30_000 / (data[0]?.length ?? 1));
      for (let i = 0; i < data.length; i += per) {
        const chunk = data.slice(i, i + per);
        stmts.push({
          sql: `INSERT INTO ${table} (${cols}) VALUES ${chunk.map((row) => `(${row.map(() => "?").join(",")})`).join(",")}`,
          args: chunk.flat() as never[],
        });
      }
    };
    insert("members", "id, group_id, code, full_name, gender, joined_on, left_on, check_code_hash", rows.members!);
    insert(
      "loans",
      "id, group_id, member_id, principal, term_months, rate_bps_per_month, method, late_fine_amount, late_fine_grace_days, disbursed_on, purpose, crop",
      rows.loans!,
    );
    insert(
      "journal_entries",
      "id, group_id, seq, business_date, kind, amount, purpose, category, note, loan_id, reverses_entry_id, reverses_seq, reason, chain_version, idempotency_key, request_hash, detail_salt, detail_digest, prev_hash, hash, recorded_at, recorded_by",
      rows.journal_entries!,
    );
    insert("postings", "id, entry_id, group_id, business_date, account, member_id, loan_id, amount", rows.postings!);
    insert("daily_payments", "group_id, member_id, entry_id, day", rows.daily_payments!);
    insert(
      "account_balances",
      "group_id, account, member_id, loan_id, balance",
      [...balances].map(([k, balance]) => [g, ...k.split("|").map((v, i) => (i ? Number(v) : v)), balance]),
    );
    insert(
      "month_postings",
      "group_id, month, kind, account, amount",
      [...months.entries()].map(([k, v]) => [g, ...k.split("|"), v]),
    );
    insert(
      "month_entries",
      "group_id, month, kind, entries",
      [...counts.entries()].map(([k, v]) => [g, ...k.split("|"), v]),
    );
    stmts.push({
      sql: "INSERT INTO ledger_heads (group_id, last_seq, last_hash, last_entry_at) VALUES (?, ?, ?, ?)",
      args: [g, seq, prev, `${today}T10:00:00.000Z`],
    });
    await c.batch(stmts, "write");
    bar.update(g, `${g}/${GROUPS} groups, ${totalEntries.toLocaleString("en")} entries`);
  }
  bar.finish(`${GROUPS} groups written`);
  await c.execute("PRAGMA synchronous=FULL");
  await c.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  database.close();
  console.log(
    `seed:scale done: ${GROUPS} groups × ${MEMBERS} members × ${YEARS} years = ${totalEntries.toLocaleString("en")} entries, ${postingId.toLocaleString("en")} postings in ${((Date.now() - started) / 1000).toFixed(0)} s → ${url}. Run: DATABASE_URL=${url} npm run verify`,
  );
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

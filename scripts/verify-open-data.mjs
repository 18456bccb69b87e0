#!/usr/bin/env node
// Recompute a group's hash chain and balances from its published ledger.json — no database,
// no dependencies, just Node 18+.  Usage:
//   node scripts/verify-open-data.mjs https://…/api/open/groups/ratu-damai/ledger.json
//   node scripts/verify-open-data.mjs ledger.json
//   node scripts/verify-open-data.mjs --json ledger.json   (machine-readable result)
// Canonical form: SHA-256 of the UTF-8 bytes of JSON.stringify of
//   [canonicalVersion, group, seq, date, kind, amountRp, purpose, category, reversesSeq, reason,
//    recordedAt, [[account, amount], … sorted by account, zero sums dropped], detailDigest, prevHash]
// canonicalVersion is each entry's own ("kas-terbuka/v2"; "kas-terbuka/v1" before reason codes).
// In a v2 entry `reason` is null or a code from the fixed list, and a write-off has no reason and
// no purpose: no words a person typed are ever published.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

const VERSIONS = ["kas-terbuka/v1", "kas-terbuka/v2"];
const REASONS = ["salah_jumlah", "salah_anggota", "salah_tanggal", "salah_jenis", "tercatat_dua_kali", "lainnya"];

export function verifyLedgerJson(doc) {
  let prev = "0".repeat(64);
  const balances = {};
  for (const [i, e] of doc.entries.entries()) {
    if (e.seq !== i + 1) return { ok: false, seq: e.seq, problem: `expected seq ${i + 1}` };
    if (e.prevHash !== prev) return { ok: false, seq: e.seq, problem: "prevHash does not link to the previous entry" };
    const postings = Object.entries(e.postings)
      .filter(([, v]) => v !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (postings.reduce((t, [, v]) => t + v, 0) !== 0)
      return { ok: false, seq: e.seq, problem: "postings do not sum to zero" };
    const version = e.canonicalVersion ?? doc.canonicalVersion ?? "kas-terbuka/v1";
    if (!VERSIONS.includes(version)) return { ok: false, seq: e.seq, problem: `unknown canonical version ${version}` };
    if (version !== "kas-terbuka/v1") {
      if (e.reason !== null && !REASONS.includes(e.reason))
        return { ok: false, seq: e.seq, problem: "reason is not a code from the fixed list" };
      if (e.kind === "write_off" && (e.reason !== null || e.purpose !== null))
        return { ok: false, seq: e.seq, problem: "a write-off publishes no reason and no purpose" };
    }
    const canonical = JSON.stringify([
      version,
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
    ]);
    const hash = createHash("sha256").update(canonical, "utf8").digest("hex");
    if (hash !== e.hash) return { ok: false, seq: e.seq, problem: "hash does not match the content" };
    for (const [a, v] of postings) balances[a] = (balances[a] ?? 0) + v;
    prev = e.hash;
  }
  return { ok: true, entries: doc.entries.length, lastHash: prev, balances };
}

async function main() {
  const json = process.argv.includes("--json");
  const src = process.argv.slice(2).find((a) => a !== "--json");
  if (!src) {
    console.error("usage: node scripts/verify-open-data.mjs <ledger.json path or URL>");
    process.exit(2);
  }
  const text = /^https?:/.test(src) ? await (await fetch(src)).text() : await readFile(src, "utf8");
  const r = verifyLedgerJson(JSON.parse(text));
  if (json) {
    console.log(JSON.stringify(r));
    process.exit(r.ok ? 0 : 1);
  }
  if (!r.ok) {
    console.error(`MISMATCH at seq ${r.seq}: ${r.problem}`);
    process.exit(1);
  }
  console.log(`OK: ${r.entries} entries, chain intact, last hash ${r.lastHash}`);
  console.log("Balances (debit +, credit −):");
  for (const [a, v] of Object.entries(r.balances).sort()) console.log(`  ${a.padEnd(24)} ${v}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();

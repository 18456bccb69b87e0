#!/usr/bin/env node
// Recompute a group's hash chain and balances from its published ledger.json — no database,
// no dependencies, just Node 18+.  Usage:
//   node scripts/verify-open-data.mjs https://…/api/open/groups/ratu-damai/ledger.json
//   node scripts/verify-open-data.mjs ledger.json
//   node scripts/verify-open-data.mjs --json ledger.json   (machine-readable result)
// Against seals kept outside the server (a printed report, the group's WhatsApp, a mirror):
//   --expect SEQ:SEAL        e.g. --expect 5120:3BAB-6FF7-87E1 (a seal is a prefix of the hash; repeatable)
//   --checkpoints FILE|URL   a copy of checkpoints.json taken earlier
// A chain recomputed after a rewrite is still a valid chain; only a seal kept elsewhere catches
// it: the entry at a sealed sequence number must still have the sealed hash, and be there.
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

/** Checks the ledger against seals kept elsewhere: [{ seq, seal }] where seal is a hash or its prefix. */
export function checkSeals(doc, seals) {
  for (const { seq, seal } of seals) {
    const want = String(seal).replace(/[\s-]/g, "").toLowerCase();
    if (!/^[0-9a-f]{8,64}$/.test(want)) return { ok: false, seq, problem: `not a seal: ${seal}` };
    const e = doc.entries[seq - 1];
    if (!e || e.seq !== seq) return { ok: false, seq, problem: "the ledger ends before this sealed entry" };
    if (!e.hash.startsWith(want)) return { ok: false, seq, problem: "this entry was changed after it was sealed" };
  }
  return { ok: true, checked: seals.length };
}

const readSource = async (src) =>
  /^https?:/.test(src) ? await (await fetch(src)).text() : await readFile(src, "utf8");

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const seals = [];
  let src = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--json") continue;
    if (args[i] === "--expect") {
      const [seq, seal] = String(args[++i] ?? "").split(":");
      seals.push({ seq: Number(seq), seal: seal ?? "" });
    } else if (args[i] === "--checkpoints") {
      const cp = JSON.parse(await readSource(args[++i]));
      for (const c of cp.checkpoints ?? []) seals.push({ seq: c.seq, seal: c.hash });
    } else src = args[i];
  }
  if (!src) {
    console.error(
      "usage: node scripts/verify-open-data.mjs <ledger.json path or URL> [--expect SEQ:SEAL]… [--checkpoints FILE|URL] [--json]",
    );
    process.exit(2);
  }
  const doc = JSON.parse(await readSource(src));
  const chain = verifyLedgerJson(doc);
  const sealed = chain.ok ? checkSeals(doc, seals) : null;
  const r = chain.ok && sealed && !sealed.ok ? sealed : chain;
  if (json) {
    console.log(JSON.stringify(r));
    process.exit(r.ok ? 0 : 1);
  }
  if (!r.ok) {
    console.error(`MISMATCH at seq ${r.seq}: ${r.problem}`);
    process.exit(1);
  }
  console.log(`OK: ${r.entries} entries, chain intact, last hash ${r.lastHash}`);
  if (seals.length) console.log(`OK: all ${seals.length} seals kept elsewhere match`);
  console.log("Balances (debit +, credit −):");
  for (const [a, v] of Object.entries(r.balances).sort()) console.log(`  ${a.padEnd(24)} ${v}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();

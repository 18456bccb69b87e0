import { describe, expect, it } from "vitest";
import { type ChainedEntry, entryHash, GENESIS_HASH } from "@/server/domain/chain";
import { verifyLedgerJson } from "./verify-open-data.mjs";

/** A published ledger.json of `n` entries, hashed exactly as the portal hashes them. */
function ledger(entries: Partial<ChainedEntry>[], chainVersion: 1 | 2 = 2) {
  let prev = GENESIS_HASH;
  return {
    group: "uji",
    canonicalVersion: "kas-terbuka/v2",
    entries: entries.map((over, i) => {
      const e: ChainedEntry = {
        chainVersion,
        groupSlug: "uji",
        seq: i + 1,
        date: "2026-11-01",
        kind: "contribution",
        amount: 1000,
        purpose: null,
        category: null,
        reversesSeq: null,
        reason: null,
        recordedAt: "2026-11-01T10:00:00.000Z",
        postings: [
          { account: "cash", amount: 1000 },
          { account: "savings_mandatory", amount: -1000 },
        ],
        detailDigest: "d".repeat(64),
        prevHash: prev,
        ...over,
      };
      const hash = entryHash(e);
      prev = hash;
      return {
        seq: e.seq,
        date: e.date,
        kind: e.kind,
        amountRp: e.amount,
        purpose: e.purpose,
        category: e.category,
        reversesSeq: e.reversesSeq,
        reason: e.reason,
        canonicalVersion: `kas-terbuka/v${chainVersion}`,
        recordedAt: e.recordedAt,
        postings: Object.fromEntries(e.postings.map((p) => [p.account, p.amount])),
        detailDigest: e.detailDigest,
        prevHash: e.prevHash,
        hash,
      };
    }),
  };
}

describe("verify-open-data.mjs", () => {
  it("accepts a v2 ledger with reason codes and a v1 ledger with the words of its time", () => {
    expect(verifyLedgerJson(ledger([{}, { kind: "correction", reversesSeq: 1, reason: "salah_jumlah" }])).ok).toBe(
      true,
    );
    expect(verifyLedgerJson(ledger([{}, { kind: "correction", reason: "Salah ketik" }], 1)).ok).toBe(true);
  });

  it("refuses words a person typed in a v2 entry, even with every hash recomputed", () => {
    const typed = verifyLedgerJson(ledger([{}, { kind: "correction", reason: "Maria salah setor" }]));
    expect(typed).toMatchObject({ ok: false, seq: 2, problem: "reason is not a code from the fixed list" });
    const writeOff = verifyLedgerJson(ledger([{ kind: "write_off", purpose: "kesehatan" }]));
    expect(writeOff).toMatchObject({ ok: false, seq: 1, problem: "a write-off publishes no reason and no purpose" });
  });
});

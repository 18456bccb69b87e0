import { describe, expect, it } from "vitest";
import { type ChainedEntry, entryHash, GENESIS_HASH, postingsByAccount } from "@/server/domain/chain";
import {
  CORRECTION_REASONS,
  DEBIT_NORMAL,
  entryAmount,
  NON_NEGATIVE,
  SAVINGS_ACCOUNTS,
  yearClosePostings,
} from "@/server/domain/ledger";
import { publicLedgerRow } from "@/server/domain/open-ledger";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DATA_RULES_CHECKED } from "@/server/i18n/pages";
import { checkRules, checkSeals, debitSide, RULE_ACCOUNTS, RULES, verifyLedgerJson } from "./verify-open-data.mjs";

/** A published ledger.json of these entries, hashed and written out exactly as the portal does. */
function ledger(entries: Partial<ChainedEntry>[], chainVersion: 1 | 2 = 2) {
  let prev = GENESIS_HASH;
  return {
    group: "uji",
    canonicalVersion: "kas-terbuka/v2",
    asOf: "2026-11-30",
    foundedOn: "2026-01-01",
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
      // Published exactly as the portal publishes it.
      return publicLedgerRow({ ...e, reversedBy: null, postings: postingsByAccount(e.postings), hash });
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

  it("knows every reason code the portal writes (its own copy, as it runs with no dependencies)", () => {
    for (const reason of CORRECTION_REASONS)
      expect(verifyLedgerJson(ledger([{}, { kind: "correction", reversesSeq: 1, reason }])).ok, reason).toBe(true);
  });

  it("refuses words a person typed in a v2 entry, even with every hash recomputed", () => {
    const typed = verifyLedgerJson(ledger([{}, { kind: "correction", reason: "Maria salah setor" }]));
    expect(typed).toMatchObject({ ok: false, seq: 2, problem: "reason is not a code from the fixed list" });
    const writeOff = verifyLedgerJson(ledger([{ kind: "write_off", purpose: "kesehatan" }]));
    expect(writeOff).toMatchObject({ ok: false, seq: 1, problem: "a write-off publishes no reason and no purpose" });
  });
});

describe("verify-open-data.mjs and the portal's own rules (its copies, as it runs with no dependencies)", () => {
  it("/data describes every rule the script checks, and no other", () => {
    expect(Object.keys(DATA_RULES_CHECKED).sort()).toEqual(Object.keys(RULES).sort());
  });

  it("keeps the same accounts: debit-normal, savings, and those never below zero", () => {
    expect(new Set(RULE_ACCOUNTS.debitNormal)).toEqual(new Set(DEBIT_NORMAL));
    expect(RULE_ACCOUNTS.savings).toEqual([...SAVINGS_ACCOUNTS]);
    expect(new Set(RULE_ACCOUNTS.nonNegative)).toEqual(new Set(NON_NEGATIVE));
  });

  it("reads amountRp of a year's close that pays members in cash as the portal writes it", () => {
    const y = {
      income_service_charge: 90_000,
      income_fine: 10_000,
      income_other: 0,
      expense: 20_000,
      write_off_loss: 0,
    };
    const postings = yearClosePostings(y, { cadangan: 20_000, pengurus: 5_000, pendidikan: 5_000, sosial: 5_000 }, [
      { memberId: 1, amount: 30_000, payout: "cash" },
      { memberId: 2, amount: 15_000, payout: "cash" },
    ]);
    const doc = ledger([
      {
        postings: [
          { account: "cash", amount: 200_000 },
          { account: "savings_voluntary", amount: -200_000 },
        ],
        amount: 200_000,
      },
      { kind: "year_close", date: "2026-11-02", postings, amount: entryAmount(postings) },
    ]);
    expect(debitSide(doc.entries[1]!)).toBe(entryAmount(postings));
    expect(checkRules(doc, { now: Date.parse("2026-12-01") })).toEqual({ ok: true });
  });
});

describe("verify-open-data.mjs against seals kept outside the server", () => {
  const amounts = Array.from({ length: 10 }, (_, i) => ({ amount: 1000 + i }));
  const honest = ledger(amounts.map((a) => ({ ...a, postings: posting(a.amount) })));
  const sealAt5 = {
    seq: 5,
    seal: honest.entries[4]!.hash.slice(0, 12)
      .toUpperCase()
      .replace(/(.{4})(?!$)/g, "$1-"),
  };

  it("catches a rewrite of an earlier entry even when every later hash was recomputed", () => {
    // The server's owner changes entry 3's amount and rehashes 3..10: a valid chain again.
    const rewritten = ledger(
      amounts.map((a, i) => ({ amount: i === 2 ? 9000 : a.amount, postings: posting(i === 2 ? 9000 : a.amount) })),
    );
    expect(verifyLedgerJson(rewritten).ok).toBe(true);
    expect(checkSeals(honest, [sealAt5])).toEqual({ ok: true, checked: 1 });
    expect(checkSeals(rewritten, [sealAt5])).toEqual({
      ok: false,
      seq: 5,
      problem: "this entry was changed after it was sealed",
    });
  });

  it("a typed seal that does not match says first it is probably a typing slip; a seal of another entry names it", () => {
    const flip = (c: string) => (c === "0" ? "1" : "0");
    const hex = honest.entries[4]!.hash.slice(0, 12);
    const typo = { seq: 5, seal: `${hex.slice(0, 11)}${flip(hex[11]!)}`, typed: true };
    const r = checkSeals(honest, [typo]);
    expect(r).toMatchObject({ ok: false, seq: 5 });
    const problem = (r as { problem: string }).problem;
    expect(problem).toMatch(/^the seal matches no entry of this ledger: probably a typing slip — check every digit/);
    expect(problem).toContain("if they are exact, this entry was changed after it was sealed");
    expect(problem).toContain("mungkin salah ketik");
    // The right seal under the wrong number: the number is what was mistyped.
    expect(checkSeals(honest, [{ seq: 4, seal: hex, typed: true }])).toMatchObject({
      ok: false,
      seq: 4,
      problem: expect.stringMatching(/^this seal is that of entry 5, not 4: check the number you typed/),
    });
    // A seal read from a checkpoints file was not typed: a mismatch there is a changed entry.
    expect(checkSeals(honest, [{ ...typo, typed: false }])).toMatchObject({
      problem: "this entry was changed after it was sealed",
    });
  });

  it("catches a ledger cut short before a sealed entry", () => {
    const cut = { ...honest, entries: honest.entries.slice(0, 4) };
    expect(verifyLedgerJson(cut).ok).toBe(true);
    expect(checkSeals(cut, [sealAt5])).toMatchObject({
      ok: false,
      seq: 5,
      problem: "the ledger ends before this sealed entry",
    });
  });

  it("the command exits non-zero naming the sequence, with --expect or a checkpoints file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kt-verify-"));
    const cut = path.join(dir, "ledger.json");
    writeFileSync(cut, JSON.stringify({ ...honest, entries: honest.entries.slice(0, 4) }));
    const checkpoints = path.join(dir, "checkpoints.json");
    writeFileSync(
      checkpoints,
      JSON.stringify({ checkpoints: [{ month: "2026-11", seq: 5, hash: honest.entries[4]!.hash }] }),
    );
    const run = (...args: string[]) => {
      try {
        return {
          code: 0,
          out: execFileSync(process.execPath, ["scripts/verify-open-data.mjs", ...args], {
            encoding: "utf8",
            stdio: "pipe",
          }),
        };
      } catch (e) {
        const err = e as { status: number; stderr: string };
        return { code: err.status, out: err.stderr };
      }
    };
    expect(run(cut, "--expect", `5:${sealAt5.seal}`)).toMatchObject({ code: 1, out: expect.stringContaining("seq 5") });
    expect(run(cut, "--checkpoints", checkpoints)).toMatchObject({ code: 1, out: expect.stringContaining("seq 5") });
    expect(run(cut, "--expect", `4:${honest.entries[3]!.hash.slice(0, 12)}`).code).toBe(0);
    // One digit mistyped on the command line: a typing slip first, not "changed".
    const hex4 = honest.entries[3]!.hash.slice(0, 12);
    const typo = run(cut, "--expect", `4:${hex4.slice(0, 11)}${hex4[11] === "0" ? "1" : "0"}`);
    expect(typo).toMatchObject({ code: 1, out: expect.stringContaining("probably a typing slip") });
    expect(typo.out).not.toMatch(/: this entry was changed/);
  });
});

function posting(amount: number) {
  return [
    { account: "cash" as const, amount },
    { account: "savings_mandatory" as const, amount: -amount },
  ];
}

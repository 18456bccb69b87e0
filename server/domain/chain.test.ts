import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalEntry, entryHash, GENESIS_HASH, verifyChain, type ChainedEntry } from "./chain";

function chainOf(n: number, chainVersion: 1 | 2 = 2): (ChainedEntry & { hash: string })[] {
  const out: (ChainedEntry & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e: ChainedEntry = {
      chainVersion,
      groupSlug: "ratu-damai",
      seq,
      date: `2026-01-${String(seq).padStart(2, "0")}`,
      kind: "contribution",
      amount: 25_000 + seq,
      purpose: null,
      category: null,
      reversesSeq: null,
      reason: null,
      recordedAt: `2026-01-${String(seq).padStart(2, "0")}T10:00:00.000Z`,
      postings: [
        { account: "cash", amount: 25_000 + seq },
        { account: "savings_mandatory", amount: -(25_000 + seq), memberId: 1 },
      ],
      detailDigest: "a".repeat(64),
      prevHash: prev,
    };
    const hash = entryHash(e);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}

const FIELDS = [
  "groupSlug",
  "seq",
  "date",
  "kind",
  "amount",
  "purpose",
  "category",
  "reversesSeq",
  "reason",
  "recordedAt",
  "postings",
  "detailDigest",
  "prevHash",
] as const;

describe("hash chain", () => {
  it("the canonical form is the documented JSON array", () => {
    const [e] = chainOf(1);
    expect(canonicalEntry(e!)).toBe(
      `["kas-terbuka/v2","ratu-damai",1,"2026-01-01","contribution",25001,null,null,null,null,"2026-01-01T10:00:00.000Z",[["cash",25001],["savings_mandatory",-25001]],"${"a".repeat(64)}","${GENESIS_HASH}"]`,
    );
    expect(canonicalEntry(chainOf(1, 1)[0]!)).toBe(
      `["kas-terbuka/v1","ratu-damai",1,"2026-01-01","contribution",25001,null,null,null,null,"2026-01-01T10:00:00.000Z",[["cash",25001],["savings_mandatory",-25001]],"${"a".repeat(64)}","${GENESIS_HASH}"]`,
    );
  });

  it("an untouched chain verifies, in either version", () => {
    expect(verifyChain(chainOf(10))).toBeNull();
    expect(verifyChain(chainOf(10, 1))).toBeNull();
  });

  it("a v2 entry carries no typed words: a reason is a code, a write-off has no reason or purpose", () => {
    const rehash = (e: ChainedEntry & { hash: string }) => ({ ...e, hash: entryHash(e) });
    const [a] = chainOf(1);
    expect(verifyChain([rehash({ ...a!, kind: "correction", reason: "salah_jumlah" })])).toBeNull();
    expect(verifyChain([rehash({ ...a!, kind: "correction", reason: "Salah ketik Maria" })])?.problem).toMatch(
      /fixed list/,
    );
    expect(verifyChain([rehash({ ...a!, kind: "write_off", purpose: "kopi" })])?.problem).toMatch(/write-off/);
    // A v1 entry (before reason codes) keeps its free text and still verifies.
    const [old] = chainOf(1, 1);
    expect(verifyChain([rehash({ ...old!, kind: "correction", reason: "Salah ketik" })])).toBeNull();
  });

  it("property: changing any field of any past entry is detected", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.constantFrom(...FIELDS), (i, field) => {
        const chain = chainOf(10);
        const e = chain[i]!;
        const tampered: Record<string, unknown> = { ...e };
        const v = e[field];
        tampered[field] =
          field === "postings"
            ? [
                { account: "cash", amount: 1 },
                { account: "expense", amount: -1 },
              ]
            : typeof v === "number"
              ? v + 1
              : v === null
                ? "x"
                : `${v}x`;
        chain[i] = tampered as unknown as typeof e;
        expect(verifyChain(chain)).not.toBeNull();
      }),
    );
  });

  it("detects a removed or reordered entry", () => {
    const c = chainOf(5);
    expect(verifyChain([c[0]!, c[2]!, c[3]!])).not.toBeNull();
    expect(verifyChain([c[1]!, c[0]!])).not.toBeNull();
  });
});

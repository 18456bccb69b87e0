/**
 * The public ledger as published (open data, CC BY 4.0): each entry's public fields — those of its
 * canonical hash, plus the reversal back-link — as JSON rows and as CSV. No name, no member, no
 * free text anyone typed.
 */
import { type ChainedEntry, CHAIN_VERSIONS, postingsByAccount } from "./chain";
import type { BusinessDate } from "./dates";

export const LICENSE = { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" };

/** An entry as published: what the chain seals (less the group, named once per file) with its postings by account. */
export interface PublicEntry extends Omit<ChainedEntry, "groupSlug" | "postings"> {
  /** Internal id, only for treasurers' screens (withIds); never in public pages or open data. */
  id?: number;
  date: BusinessDate;
  reversedBy: { seq: number; reason: string | null } | null;
  postings: [string, number][];
  hash: string;
}

/** Ledger rows as published: the fields of the canonical hash, plus the reversal back-link. */
export function publicLedgerRow(e: PublicEntry) {
  return {
    seq: e.seq,
    date: e.date,
    kind: e.kind,
    amountRp: e.amount,
    purpose: e.purpose,
    category: e.category,
    reversesSeq: e.reversesSeq,
    reversedBySeq: e.reversedBy?.seq ?? null,
    reason: e.reason,
    canonicalVersion: CHAIN_VERSIONS[e.chainVersion],
    recordedAt: e.recordedAt,
    postings: Object.fromEntries(e.postings),
    detailDigest: e.detailDigest,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

/**
 * A group's ledger.json as a document (what /api/open streams, less its licence lines): its entries
 * as published, with the ledger's asOf and the group's founding — what the rules of the book read.
 */
export function publicLedgerOfEntries(
  group: { slug: string; foundedOn: BusinessDate },
  asOf: BusinessDate,
  entries: readonly (ChainedEntry & { hash: string })[],
) {
  return {
    group: group.slug,
    asOf,
    foundedOn: group.foundedOn,
    entries: entries.map((e) => publicLedgerRow({ ...e, reversedBy: null, postings: postingsByAccount(e.postings) })),
  };
}

export const CSV_COLUMNS = [
  "seq",
  "date",
  "kind",
  "amount_rp",
  "purpose",
  "category",
  "reverses_seq",
  "reversed_by_seq",
  "reason",
  "recorded_at",
  "postings",
  "detail_digest",
  "prev_hash",
  "hash",
  "is_demo",
] as const;

/**
 * One CSV cell. A text that a spreadsheet would run as a formula (starting with =, +, -, @, tab
 * or carriage return: OWASP's CSV-injection rule) is prefixed with ' so it stays text. Numbers
 * are written as numbers (a negative amount is a number, not a formula).
 */
export const csvCell = (v: unknown) => {
  const raw = v === null || v === undefined ? "" : String(v);
  const s = typeof v !== "number" && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * postings in CSV: `account:amount` pairs joined by `;`, sorted by account (as hashed). `is_demo`
 * is on every row, so a demo row pasted into another sheet still says what it is.
 */
export function csvRow(e: PublicEntry, isDemo: boolean): string {
  const r = publicLedgerRow(e);
  return [
    r.seq,
    r.date,
    r.kind,
    r.amountRp,
    r.purpose,
    r.category,
    r.reversesSeq,
    r.reversedBySeq,
    r.reason,
    r.recordedAt,
    e.postings.map(([a, v]) => `${a}:${v}`).join(";"),
    r.detailDigest,
    r.prevHash,
    r.hash,
    isDemo,
  ]
    .map(csvCell)
    .join(",");
}

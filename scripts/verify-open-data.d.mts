/** Types for the dependency-free verifier anyone can run (scripts/verify-open-data.mjs). */
export function verifyLedgerJson(doc: {
  group: string;
  canonicalVersion?: string;
  entries: Record<string, unknown>[];
}):
  | { ok: true; entries: number; lastHash: string; balances: Record<string, number> }
  | { ok: false; seq: number; problem: string };

/** Checks a ledger against seals kept elsewhere (a hash or a prefix of at least 8 hex digits). */
export function checkSeals(
  doc: { entries: { seq: number; hash: string }[] },
  seals: { seq: number; seal: string }[],
): { ok: true; checked: number } | { ok: false; seq: number; problem: string };

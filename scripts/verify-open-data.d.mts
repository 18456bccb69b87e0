/** Types for the dependency-free verifier anyone can run (scripts/verify-open-data.mjs). */
export function verifyLedgerJson(doc: {
  group: string;
  canonicalVersion?: string;
  entries: Record<string, unknown>[];
}):
  | { ok: true; entries: number; lastHash: string; balances: Record<string, number> }
  | { ok: false; seq: number; problem: string };

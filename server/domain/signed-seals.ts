/**
 * The supervisor's countersigned seals as evidence against a rewrite. A rewrite that recomputes
 * every hash from some entry on leaves a chain that agrees with its content; only a seal kept
 * somewhere else shows it. The countersignatures (month, seq, hash) are such seals: when the
 * entry at a signed seq no longer carries the signed hash (or is gone), the books were rewritten
 * after the supervisor signed.
 *
 * Defence in depth, not proof: the signatures live in the same database (table seal_signatures),
 * so a rewrite that also rewrites them is not caught here — an attacker must know of that second
 * table. A seal printed on the notice board or kept by a member (/verifikasi, the open-data
 * verifier's --checkpoints) is what catches that one.
 */

export interface SignedSeal {
  month: string;
  seq: number;
  hash: string;
}

export interface BrokenSignedSeal {
  /** The month whose countersigned seal no longer holds, and the entry it named. */
  month: string;
  seq: number;
  /** The last entry a still-holding countersigned seal vouches for (0: none); anything after it may be rewritten. */
  trustedUpTo: number;
}

/**
 * The first countersigned seal (in entry order) the chain no longer holds, given the hash each
 * entry has now (undefined: no such entry — cut off); null when every one holds.
 */
export function brokenSignedSeal(
  signed: readonly SignedSeal[],
  hashAt: (seq: number) => string | undefined,
): BrokenSignedSeal | null {
  let trustedUpTo = 0;
  for (const s of [...signed].sort((a, b) => a.seq - b.seq)) {
    if (hashAt(s.seq) !== s.hash) return { month: s.month, seq: s.seq, trustedUpTo };
    trustedUpTo = s.seq;
  }
  return null;
}

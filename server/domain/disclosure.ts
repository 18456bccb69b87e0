/**
 * Disclosure control: the one rule every public output (pages, open JSON and CSV, monthly and
 * yearly reports, /dampak) follows for figures drawn from few members or loans.
 *
 * 1. A cell drawn from 1 to 4 members or loans is hidden (primary suppression).
 * 2. A breakdown is an equation `total = part + part + …`. While any breakdown has exactly one
 *    hidden cell, that cell can be computed by subtraction, so a second cell of the same breakdown
 *    is hidden too (complementary suppression, as τ-ARGUS and sdcTable do): the next-smallest part
 *    that can be hidden; when no part can, the total. Breakdowns that share a cell are linked, so
 *    this repeats until no breakdown holds a single hidden cell.
 *
 * 3. Zero is not a small cell (it names no one), but once a breakdown hides a part, its zero parts
 *    are hidden with it: otherwise the pattern gives the small ones away (two purposes hidden and
 *    every other shown as none: each hidden one must be small, and a total of 2 makes each 1; or
 *    a zero hidden second, chosen by a rule anyone can read, tells which of two hidden cells is 0).
 *
 * A cell marked `known` can be counted by anyone elsewhere (the public ledger, or a margin every
 * page shows): it is never hidden and never chosen as the second cell, since hiding it would hide
 * nothing.
 *
 * Every hidden cell reads the same in every output ("disembunyikan" / null in JSON), whether it was
 * small or hidden second: telling them apart would itself narrow the hidden values down.
 */

/** Any figure drawn from fewer than this many members or loans is hidden. */
export const MIN_CELL = 5;

export type Suppressed<T> = { value: T; suppressed: false } | { value: null; suppressed: true };

export const shownCell = <T>(value: T): Suppressed<T> => ({ value, suppressed: false });
export const hiddenCell = <T>(): Suppressed<T> => ({ value: null, suppressed: true });

/** True when a figure drawn from `basedOn` members or loans is too small to show. */
export const isSmall = (basedOn: number): boolean => basedOn > 0 && basedOn < MIN_CELL;

/** A single figure in no breakdown (an average, a ratio): hidden when drawn from 1 to 4. */
export function suppressSmall<T>(value: T, basedOn: number): Suppressed<T> {
  return isSmall(basedOn) ? hiddenCell() : shownCell(value);
}

/**
 * A share `part ÷ whole` of members (drop-out, retention). Shown beside the whole (the members at
 * the start of the year), it gives back both `part` and `whole − part`: so it is hidden when either
 * of them, or the whole, is drawn from 1 to 4 — 1 leaver in 25 is a count of 1, as a rate too. A
 * part anyone can count on the public ledger gives nothing away (`known`): then only a small whole
 * hides it. Value: the share, or null when there is no whole to share.
 */
export function suppressShare(part: number, whole: number, known = false): Suppressed<number | null> {
  if (isSmall(whole) || (!known && (isSmall(part) || isSmall(whole - part)))) return hiddenCell();
  return shownCell(whole === 0 ? null : part / whole);
}

export interface Cell {
  value: number;
  /** How many members or loans the figure is drawn from (for a count, the count itself). */
  basedOn: number;
  /** Anyone can count it elsewhere (the public ledger, a margin shown as it is). */
  known?: boolean;
}

/** `total = Σ parts`, as the outputs show it. */
export interface Breakdown {
  total: string;
  parts: readonly string[];
}

export interface Table {
  cells: Readonly<Record<string, Cell>>;
  breakdowns: readonly Breakdown[];
}

/** The cell to hide second in a breakdown with one hidden cell: next-smallest hideable part, else the total. */
function complementOf(t: Table, b: Breakdown, hidden: ReadonlySet<string>): string | null {
  const hideable = (k: string) => !hidden.has(k) && !t.cells[k]!.known;
  const parts = b.parts
    .filter(hideable)
    .sort((x, y) => t.cells[x]!.basedOn - t.cells[y]!.basedOn || (x < y ? -1 : x > y ? 1 : 0));
  return parts[0] ?? (hideable(b.total) ? b.total : null);
}

/** The cells of `t` to hide: the small ones, and the second cells that keep them from being computed. */
export function cellsToHide(t: Table, opts: { complementary?: boolean } = {}): Set<string> {
  const hidden = new Set(Object.keys(t.cells).filter((k) => !t.cells[k]!.known && isSmall(t.cells[k]!.basedOn)));
  if (opts.complementary === false) return hidden;
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of t.breakdowns) {
      if (b.parts.some((k) => hidden.has(k)))
        for (const k of b.parts)
          if (!hidden.has(k) && !t.cells[k]!.known && t.cells[k]!.basedOn === 0) {
            hidden.add(k);
            changed = true;
          }
      if ([b.total, ...b.parts].filter((k) => hidden.has(k)).length !== 1) continue;
      const next = complementOf(t, b, hidden);
      if (next === null) continue; // everything else is known: the cell is public anyway (see `known`)
      hidden.add(next);
      changed = true;
    }
  }
  return hidden;
}

/** Each cell of `t` as the public sees it. */
export function disclose(t: Table, opts: { complementary?: boolean } = {}): Record<string, Suppressed<number>> {
  const hidden = cellsToHide(t, opts);
  return Object.fromEntries(
    Object.entries(t.cells).map(([k, c]) => [k, hidden.has(k) ? hiddenCell<number>() : shownCell(c.value)]),
  );
}

/**
 * What a reader of the shown cells can compute: every subtraction (a breakdown's total less any
 * set of its shown parts, or the parts summed into a hidden total), repeated over linked breakdowns
 * until nothing new follows. Returns the hidden cells (not `known`) it recovers, with their values.
 */
export function recoverable(
  t: Table,
  shown: Readonly<Record<string, Suppressed<number>>>,
): { cell: string; value: number }[] {
  const known = new Map<string, number>();
  for (const [k, c] of Object.entries(t.cells)) {
    const s = shown[k];
    if (c.known) known.set(k, c.value);
    else if (s && !s.suppressed) known.set(k, s.value);
  }
  const found: { cell: string; value: number }[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of t.breakdowns) {
      for (const [cell, value] of subtractions(b, known)) {
        if (known.has(cell)) continue;
        known.set(cell, value);
        found.push({ cell, value });
        changed = true;
      }
    }
  }
  return found;
}

/** Every subtraction over one breakdown: total − Σ(any subset of known parts), and Σ parts when all are known. */
function subtractions(b: Breakdown, known: ReadonlyMap<string, number>): [string, number][] {
  const out: [string, number][] = [];
  const knownParts = b.parts.filter((p) => known.has(p));
  if (knownParts.length === b.parts.length && !known.has(b.total))
    out.push([b.total, knownParts.reduce((s, p) => s + known.get(p)!, 0)]);
  const total = known.get(b.total);
  if (total === undefined) return out;
  const unknown = b.parts.filter((p) => !known.has(p));
  if (knownParts.length > 16) {
    // Too many subsets to list: the one subtraction that can recover a part (all the others known).
    if (unknown.length === 1) out.push([unknown[0]!, total - knownParts.reduce((s, p) => s + known.get(p)!, 0)]);
    return out;
  }
  for (let mask = 0; mask < 1 << knownParts.length; mask++) {
    const used = knownParts.filter((_, i) => mask & (1 << i));
    const rest = b.parts.filter((p) => !used.includes(p));
    if (rest.length !== 1) continue;
    out.push([rest[0]!, total - used.reduce((s, p) => s + known.get(p)!, 0)]);
  }
  return out;
}

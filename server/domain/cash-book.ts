/**
 * The cash book as a villager reads it: for each entry of a month, the money that came in and went
 * out of the cash box and the bank, and what each held after it (running balances, whole rupiah).
 * The balances follow the entries in the order the book is read — by date, then by number — from
 * what cash and bank held when the month began; the last line's balances are the month's closing.
 */
import type { BusinessDate } from "./dates";
import { MONEY_ACCOUNTS, type MoneyAccount } from "./ledger";

export type MoneyHeld = Record<MoneyAccount, number>;

/** What the cash book needs of an entry: its number, date and postings summed by account (cash is debit-positive). */
export interface CashBookEntry {
  seq: number;
  date: BusinessDate;
  postings: readonly (readonly [string, number])[];
}

export type CashBookLine<E extends CashBookEntry> = E & {
  /** Money in, by account (zero or more). */
  in: MoneyHeld;
  /** Money out, by account (zero or more, as a positive amount). */
  out: MoneyHeld;
  /** What cash and bank held after this entry. */
  held: MoneyHeld;
};

export interface CashBookMonth<E extends CashBookEntry> {
  opening: MoneyHeld;
  lines: CashBookLine<E>[];
  totalIn: MoneyHeld;
  totalOut: MoneyHeld;
  closing: MoneyHeld;
}

const none = (): MoneyHeld => ({ cash: 0, bank: 0 });

/** The order the book is read in: by business date, then by entry number. */
export const bookOrder = (a: CashBookEntry, b: CashBookEntry) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq;

/**
 * Masuk, Keluar and Saldo for a month's entries from the month's opening balances. An entry that moves
 * money between cash and bank shows out of one and into the other; one that touches neither (a year's
 * closing, a write-off) shows nothing in or out and the balances unchanged.
 */
export function cashBookMonth<E extends CashBookEntry>(opening: MoneyHeld, entries: readonly E[]): CashBookMonth<E> {
  for (const a of MONEY_ACCOUNTS)
    if (!Number.isSafeInteger(opening[a])) throw new RangeError(`opening ${a} is not whole rupiah`);
  const held = { ...opening };
  const totalIn = none();
  const totalOut = none();
  const lines = [...entries].sort(bookOrder).map((e) => {
    const moved = none();
    for (const [account, amount] of e.postings) {
      if (account !== "cash" && account !== "bank") continue;
      if (!Number.isSafeInteger(amount)) throw new RangeError(`entry ${e.seq}: ${account} is not whole rupiah`);
      moved[account] += amount;
    }
    const inn = none();
    const out = none();
    for (const a of MONEY_ACCOUNTS) {
      if (moved[a] > 0) inn[a] = moved[a];
      else if (moved[a] < 0) out[a] = -moved[a];
      held[a] += moved[a];
      totalIn[a] += inn[a];
      totalOut[a] += out[a];
    }
    return { ...e, in: inn, out, held: { ...held } };
  });
  return { opening: { ...opening }, lines, totalIn, totalOut, closing: { ...held } };
}

import { type Access, mayDo, type Role } from "@/server/domain/access";
import type { ADMIN_MESSAGES } from "@/server/i18n/admin";

export type TabKey = keyof (typeof ADMIN_MESSAGES)["id"]["tabs"];

/**
 * What each tab needs of the role (server/domain/access.ts): a tab for writing is only shown to a
 * role that may write; the pengawas sees what she reads and signs, her signing list (Ringkasan) first.
 * The order is the screen's: the bar's first, then the rest as listed under "Lainnya".
 */
const TAB_NEEDS: Record<TabKey, Access> = {
  collect: "write",
  repay: "write",
  cash: "write",
  home: "read",
  loans: "read",
  withdraw: "write",
  members: "read",
  fix: "read",
  audit: "read",
  year: "read",
  book: "write",
  account: "read",
};
export const TAB_ORDER = Object.keys(TAB_NEEDS) as TabKey[];

/** The tabs a role sees, in the screen's order. */
export const tabsFor = (role: Role, order: readonly TabKey[] = TAB_ORDER): TabKey[] =>
  order.filter((k) => mayDo(role, TAB_NEEDS[k]));

/**
 * The bottom bar's four places, the most used first among those the role can use: the treasurer
 * collects, takes repayments, counts the cash and looks at the overview; a pengawas, who writes
 * nothing, gets her signing list (Ringkasan) first, then what she reads most.
 */
const BAR_WISH: readonly TabKey[] = ["collect", "repay", "cash", "home"];
const READER_BAR_WISH: readonly TabKey[] = ["home", "loans", "members", "audit"];
export const BAR_SIZE = 4;

/** The bottom bar (at most four tabs) and what is under "Lainnya" (every other tab she can use, in order). */
export function navFor(role: Role): { bar: TabKey[]; more: TabKey[] } {
  const hers = tabsFor(role);
  const wish = mayDo(role, "write") ? BAR_WISH : READER_BAR_WISH;
  const bar = wish.filter((k) => hers.includes(k)).slice(0, BAR_SIZE);
  return { bar, more: hers.filter((k) => !bar.includes(k)) };
}

import { type Access, mayDo, type Role } from "@/server/domain/access";
import type { ADMIN_MESSAGES } from "@/server/i18n/admin";

export type TabKey = keyof (typeof ADMIN_MESSAGES)["id"]["tabs"];

/**
 * What each tab needs of the role (server/domain/access.ts): a tab for writing is only shown to a
 * role that may write; the pengawas sees what she reads and signs, her signing list (Ringkasan) first.
 */
const TAB_NEEDS: Record<TabKey, Access> = {
  home: "read",
  collect: "write",
  withdraw: "write",
  loans: "read",
  cash: "write",
  members: "read",
  fix: "read",
  audit: "read",
  year: "read",
  book: "write",
  account: "read",
};

/** The tabs a role sees, in the screen's order. */
export const tabsFor = (role: Role, order: readonly TabKey[]): TabKey[] =>
  order.filter((k) => mayDo(role, TAB_NEEDS[k]));

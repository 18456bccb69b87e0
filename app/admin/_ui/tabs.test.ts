import { describe, expect, it } from "vitest";
import { ROLES } from "@/server/domain/access";
import { ADMIN_MESSAGES } from "@/server/i18n/admin";
import { BAR_SIZE, navFor, TAB_ORDER, type TabKey, tabsFor } from "./tabs";

const WRITING: TabKey[] = ["collect", "repay", "cash", "withdraw", "book"];

describe("tabsFor", () => {
  it("orders every tab that has a name, and only those", () => {
    expect([...TAB_ORDER].sort()).toEqual(Object.keys(ADMIN_MESSAGES.id.tabs).sort());
    expect([...TAB_ORDER].sort()).toEqual(Object.keys(ADMIN_MESSAGES.en.tabs).sort());
  });
  it("gives the treasurer and the admin every tab", () => {
    expect(tabsFor("bendahara")).toEqual(TAB_ORDER);
    expect(tabsFor("admin")).toEqual(TAB_ORDER);
  });
  it("hides the tabs for writing from the pengawas, her signing list (Ringkasan) first", () => {
    const hers = tabsFor("pengawas");
    expect(hers[0]).toBe("home");
    for (const k of WRITING) expect(hers).not.toContain(k);
    expect(hers).toEqual(["home", "loans", "members", "fix", "audit", "year", "account"]);
  });
});

describe("navFor: the bottom bar and what is under Lainnya", () => {
  it("puts the treasurer's four most used on the bar — Setoran, Angsuran, Kas, Ringkasan — the admin's too", () => {
    for (const role of ["bendahara", "admin"] as const) {
      const { bar, more } = navFor(role);
      expect(bar).toEqual(["collect", "repay", "cash", "home"]);
      expect(more).toEqual(["loans", "withdraw", "members", "fix", "audit", "year", "book", "account"]);
    }
  });
  it("gives the pengawas her signing list first and nothing for writing, on the bar or under Lainnya", () => {
    const { bar, more } = navFor("pengawas");
    expect(bar[0]).toBe("home");
    expect(bar).toEqual(["home", "loans", "members", "audit"]);
    for (const k of WRITING) {
      expect(bar).not.toContain(k);
      expect(more).not.toContain(k);
    }
    expect(more).toEqual(["fix", "year", "account"]);
  });
  it("reaches every tab a role can use exactly once, never more than four on the bar", () => {
    for (const role of ROLES) {
      const { bar, more } = navFor(role);
      expect(bar.length).toBeLessThanOrEqual(BAR_SIZE);
      expect([...bar, ...more].sort()).toEqual(tabsFor(role).sort());
      expect(new Set([...bar, ...more]).size).toBe(bar.length + more.length);
    }
  });
});

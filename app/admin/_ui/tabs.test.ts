import { describe, expect, it } from "vitest";
import { ADMIN_MESSAGES } from "@/server/i18n/admin";
import { type TabKey, tabsFor } from "./tabs";

const order = Object.keys(ADMIN_MESSAGES.id.tabs) as TabKey[];

describe("tabsFor", () => {
  it("gives the treasurer and the admin every tab", () => {
    expect(tabsFor("bendahara", order)).toEqual(order);
    expect(tabsFor("admin", order)).toEqual(order);
  });
  it("hides the tabs for writing from the pengawas, her signing list (Ringkasan) first", () => {
    const hers = tabsFor("pengawas", order);
    expect(hers[0]).toBe("home");
    for (const k of ["collect", "withdraw", "cash", "book"] as const) expect(hers).not.toContain(k);
    expect(hers).toEqual(["home", "loans", "members", "fix", "audit", "year", "account"]);
  });
});

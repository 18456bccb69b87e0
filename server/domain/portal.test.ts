import { describe, expect, it } from "vitest";
import { findGroups, pageOf } from "./portal";

describe("lists of groups", () => {
  it("finds groups by words of the name or village, in any case", () => {
    const gs = [
      { group: { name: "KSM Ratu Damai", village: "Golo Meni" } },
      { group: { name: "KSM Compang Dalo", village: "Mokel" } },
    ];
    expect(findGroups(gs, "mokel").groups).toEqual([gs[1]]);
    expect(findGroups(gs, "  ksm   GOLO ").groups).toEqual([gs[0]]);
    expect(findGroups(gs, "ksm").groups).toEqual(gs);
    expect(findGroups(gs, "tidak ada").groups).toEqual([]);
    expect(findGroups(gs, undefined)).toEqual({ query: "", groups: gs });
    expect(findGroups(gs, "x".repeat(500)).query.length).toBe(64);
  });

  it("pages a list: clamped page numbers, at least one page", () => {
    const xs = Array.from({ length: 53 }, (_, i) => i);
    expect(pageOf(xs, "2", 25)).toEqual({ items: xs.slice(25, 50), page: 2, pages: 3 });
    expect(pageOf(xs, "99", 25).page).toBe(3);
    expect(pageOf(xs, "-4", 25).page).toBe(1);
    expect(pageOf(xs, "abc", 25).page).toBe(1);
    expect(pageOf([], undefined, 25)).toEqual({ items: [], page: 1, pages: 1 });
  });
});

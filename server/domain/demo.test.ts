import { describe, expect, it } from "vitest";
import { demoCheckCode, demoPassbookHint } from "./demo";

describe("the demo passbook hint", () => {
  it("names the first demo group present, its first member and that member's kode cek", () => {
    const groups = [
      { slug: "compang-dalo", isDemo: true },
      { slug: "ratu-damai", isDemo: true },
    ];
    expect(demoPassbookHint(groups)).toEqual({
      groupSlug: "ratu-damai",
      groupName: "KSM Ratu Damai",
      memberCode: "RD-001",
      checkCode: "100001",
    });
    expect(demoPassbookHint([{ slug: "compang-dalo", isDemo: true }])?.checkCode).toBe(demoCheckCode("CD-001"));
  });
  it("is never given for a real group, even one that took a demo slug", () => {
    expect(demoPassbookHint([{ slug: "ratu-damai", isDemo: false }])).toBeNull();
    expect(demoPassbookHint([])).toBeNull();
  });
});

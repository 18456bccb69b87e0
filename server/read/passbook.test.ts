import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainError } from "@/server/domain/errors";
import { seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { openPassbook } from "@/server/read/passbook";

let t: Awaited<ReturnType<typeof tempDatabase>>;
beforeAll(async () => {
  t = await tempDatabase();
  await seedGroup(testContext(t.database), "ratu-damai", 20); // RA-001 … RA-020, kode cek 12345678
});
afterAll(() => t.cleanup());

const open = (memberCode: string, checkCode: string, address: string) =>
  openPassbook(t.database, { groupSlug: "ratu-damai", memberCode, checkCode, address }).then(
    () => "ok",
    (e: DomainError) => e.code,
  );

describe("passbook guessing", () => {
  it("one member's wrong codes do not stop another member behind the same address", async () => {
    for (let i = 0; i < 4; i++) expect(await open("RA-001", "00000000", "10.20.0.1")).toBe("passbook_denied");
    expect(await open("RA-001", "12345678", "10.20.0.1")).toBe("passbook_throttled");
    expect(await open("RA-002", "12345678", "10.20.0.1")).toBe("ok");
  });

  it("guessing across many member codes from one address is still capped", async () => {
    for (let i = 1; i <= 11; i++)
      expect(await open(`RA-${String(i).padStart(3, "0")}`, "99999999", "10.30.0.1")).toBe("passbook_denied");
    expect(await open("RA-012", "12345678", "10.30.0.1")).toBe("passbook_throttled");
    expect(await open("RA-012", "12345678", "10.30.0.2")).toBe("ok");
  });
});

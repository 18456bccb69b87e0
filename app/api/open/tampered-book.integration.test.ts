/**
 * The open JSON of a portal with one tampered book (a repayment raised above what was owed in the
 * database): rendered through the route handlers, never an empty 500.
 */
import type { Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openClient } from "@/db/client";
import { seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { bookWithALoan, raiseRepayment } from "@/server/testing/tamper";
import { GET as groupJson } from "./groups/[slug]/route";
import { GET as groupsJson } from "./groups.json/route";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let other: Client;
const before = process.env.DATABASE_URL;

beforeAll(async () => {
  t = await tempDatabase();
  const { group } = await seedGroup(testContext(t.database), "ratu-damai", 5);
  await seedGroup(testContext(t.database), "sumber-air", 5);
  await bookWithALoan(t.database, "ratu-damai", "RA");
  await bookWithALoan(t.database, "sumber-air", "SU");
  other = openClient(t.database.url);
  await raiseRepayment(other, group.id);
  // The routes open the portal's own database (getDatabase): this one, as a freshly started app would.
  process.env.DATABASE_URL = t.database.url;
});
afterAll(() => {
  process.env.DATABASE_URL = before;
  other.close();
  t.cleanup();
});

const detail = (slug: string) =>
  groupJson(new Request(`http://x/api/open/groups/${slug}.json`), {
    params: Promise.resolve({ slug: `${slug}.json` }),
  });

describe("open JSON with a tampered book", () => {
  it("groups.json answers: the other group with its figures, the tampered one apart, without figures", async () => {
    const res = await groupsJson();
    expect(res.status).toBe(200);
    const body = (await res.json()) as { groups: { slug: string }[]; failedChainCheck: Record<string, unknown>[] };
    expect(body.groups.map((g) => g.slug)).toEqual(["sumber-air"]);
    expect(body.failedChainCheck).toMatchObject([{ slug: "ratu-damai", error: "chain_check_failed" }]);
    expect(Object.keys(body.failedChainCheck[0]!).filter((k) => k.endsWith("Rp"))).toEqual([]);
  });

  it("the tampered group's JSON is a 409 with a JSON reason; the other group's answers 200", async () => {
    const res = await detail("ratu-damai");
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe("chain_check_failed");
    expect(body.message).toMatch(/tidak lolos pemeriksaan/);
    expect((await detail("sumber-air")).status).toBe(200);
  });
});

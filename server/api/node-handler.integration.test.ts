import http from "node:http";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueSession, sessionCookieName } from "@/server/auth/options";
import { localDate } from "@/server/domain/dates";
import { settingsChanged } from "@/server/env";
import { createUser } from "@/server/verbs/users/create-user";
import { key, seedGroup, tempDatabase, testContext } from "@/server/testing/db";
import { startWriterThread } from "@/server/writer/thread";
import type { Writer } from "@/server/writer/writer";
import { treasurerApi } from "./node-handler";

/**
 * The API as `npm start` serves it: tRPC's Node adapter on the front server, each mutation's verb
 * on the writer thread. A post is written and answered; a refusal reaches the client with the same
 * error shape as through Next; every answer carries the headers Next gives /api (next.config.js).
 */
let t: Awaited<ReturnType<typeof tempDatabase>>;
let writer: Writer;
let server: http.Server;
let base = "";
let cookie = "";
const before = { secret: process.env.NEXTAUTH_SECRET, url: process.env.NEXTAUTH_URL };

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "node-handler-test-secret-0123456789-abc";
  process.env.NEXTAUTH_URL = "http://127.0.0.1:3000";
  settingsChanged();
  t = await tempDatabase();
  const ctx = testContext(t.database, "test:setup");
  await seedGroup(ctx, "ratu-damai", 3);
  const user = await createUser(ctx, {
    username: "bendahara-ra",
    password: "kata-sandi-panjang-123",
    role: "bendahara",
    groupSlugs: ["ratu-damai"],
  });
  cookie = `${sessionCookieName()}=${await issueSession({ id: user.id, username: user.username })}`;
  writer = await startWriterThread({ url: t.database.url });
  server = http.createServer(treasurerApi(t.database, 64 * 1024, writer));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await writer?.close();
  t?.cleanup();
  process.env.NEXTAUTH_SECRET = before.secret;
  process.env.NEXTAUTH_URL = before.url;
  settingsChanged();
});

const record = (memberCode: string) =>
  fetch(`${base}/api/trpc/admin.contributions.record`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie },
    body: JSON.stringify({
      groupSlug: "ratu-damai",
      date: localDate(new Date(), "Asia/Makassar"),
      idempotencyKey: key("api"),
      lines: [{ memberCode, amount: 1000, kind: "voluntary" }],
    }),
  });

describe("the treasurers' API on the front server, writes on the writer thread", () => {
  it("writes a post on the thread and answers with its entry", async () => {
    const r = await record("RA-001");
    expect(r.status).toBe(200);
    const body = (await r.json()) as { result: { data: { id: number; amount: number } } };
    expect(body.result.data.amount).toBe(1000);
    const row = await t.database.db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM journal_entries WHERE id = ${body.result.data.id}`,
    );
    expect(Number(row!.n)).toBe(1);
  });

  it("answers a refusal with the domain error's code, field and status, as through Next", async () => {
    const r = await record("RA-999");
    expect(r.status).toBe(404);
    const body = (await r.json()) as { error: { message: string; data: { domain: { code: string; field: string } } } };
    expect(body.error.message).toBe("member_not_found");
    expect(body.error.data.domain).toMatchObject({ code: "member_not_found", field: "lines.0.memberCode" });
  });

  it("sends the headers Next sends with /api: data, never a document", async () => {
    const r = await fetch(`${base}/api/trpc/admin.groups.mine`);
    expect(r.status).toBe(401);
    expect(r.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("x-frame-options")).toBe("DENY");
  });
});

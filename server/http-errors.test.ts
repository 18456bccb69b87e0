import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { conflict, DomainError, invalid, notFound } from "@/server/domain/errors";
import { answersDomainErrors, HTTP_STATUS, refusalMessage, refusalResponse } from "./http-errors";

const ROOT = path.resolve(__dirname, "..");

describe("one DomainError → HTTP mapping", () => {
  it("gives each kind its status, the same reading as the API's codes", () => {
    expect(HTTP_STATUS).toEqual({
      validation: 400,
      not_found: 404,
      conflict: 409,
      forbidden: 403,
      unauthorized: 401,
      too_many: 429,
    });
  });

  it("answers with the code and the message in the visitor's language, or in both before one is known", async () => {
    const e = invalid("param_out_of_range", "amount", { min: 10_000, max: 1_000_000_000 });
    expect(refusalMessage(e, "id")).toContain("10.000");
    expect(refusalMessage(e, "en")).not.toBe(refusalMessage(e, "id"));
    const id = refusalResponse(notFound("group_not_found", "groupSlug"), { locale: "id" });
    expect(id.status).toBe(404);
    expect(await id.json()).toEqual({ error: "group_not_found", message: "Kelompok tidak ditemukan." });
    const en = refusalResponse(notFound("group_not_found"), { locale: "en" });
    expect(await en.json()).toEqual({ error: "group_not_found", message: "Group not found." });
    const both = refusalResponse(notFound("group_not_found"));
    expect(await both.json()).toEqual({
      error: "group_not_found",
      message: "Kelompok tidak ditemukan. / Group not found.",
    });
  });

  it("lets a route say how its answer differs: one status, its own fields, its headers", async () => {
    const r = refusalResponse(invalid("year_not_closed"), {
      status: 404,
      headers: { "Access-Control-Allow-Origin": "*" },
      body: { error: "x" },
    });
    expect(r.status).toBe(404);
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    expect(await r.json()).toEqual({ error: "x" });
  });

  it("wraps a handler: a DomainError becomes its answer, anything else is thrown on", async () => {
    const refused = answersDomainErrors(async (code: "conflict" | "crash") => {
      if (code === "conflict") throw conflict("already_countersigned", "entryId");
      throw new Error("boom");
    });
    const r = await refused("conflict");
    expect(r.status).toBe(409);
    expect((await r.json()).error).toBe("already_countersigned");
    await expect(refused("crash")).rejects.toThrow("boom");
    const fine = answersDomainErrors(async () => new Response("ok"));
    expect(await (await fine()).text()).toBe("ok");
    const chosen = answersDomainErrors(
      async () => {
        throw new DomainError("too_many", "signin_throttled");
      },
      (e) => ({ status: e.kind === "too_many" ? 503 : 500 }),
    );
    expect((await chosen()).status).toBe(503);
  });
});

/** Route handlers and the helpers beside them under app/api: everything that answers HTTP itself. */
function handlerFiles(): string[] {
  return readdirSync(path.join(ROOT, "app"), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.ts$/.test(d.name) && !/\.test\.ts$/.test(d.name))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)))
    .filter((f) => f.endsWith("/route.ts") || f.startsWith("app/api/"));
}

describe("every route handler in app/ answers refusals through the one mapping", () => {
  it("finds the route handlers (the checks below are not vacuous)", () => {
    expect(handlerFiles()).toContain("app/api/open/compare/route.ts");
    expect(handlerFiles()).toContain("app/api/open/open-group.ts");
    expect(handlerFiles().length).toBeGreaterThan(10);
  });

  it("no route handler catches a DomainError on its own", () => {
    const own = handlerFiles().filter((f) =>
      /instanceof\s+DomainError|\bcatch\s*\(/.test(readFileSync(path.join(ROOT, f), "utf8")),
    );
    expect(own).toEqual([]);
  });

  it("every route handler that calls a loader or verb is wrapped in answersDomainErrors", () => {
    // The treasurers' API maps refusals itself, in its one tRPC middleware (server/api/trpc.ts); sign-in is next-auth's.
    const own = /^app\/api\/(trpc|auth)\//;
    const unwrapped = handlerFiles()
      .filter((f) => f.endsWith("/route.ts") && !own.test(f))
      .filter((f) => {
        const text = readFileSync(path.join(ROOT, f), "utf8");
        const calls = /from "@\/server\/services\/|open-group"/.test(text);
        const exported = [...text.matchAll(/^export (?:async function|const) (GET|POST|PUT|PATCH|DELETE|HEAD)\b.*$/gm)];
        return calls && (exported.length === 0 || exported.some((m) => !/= answersDomainErrors\(/.test(m[0])));
      });
    expect(unwrapped).toEqual([]);
  });
});

/**
 * How the API reaches the verbs that write: a `Writer` runs one command — a verb, the caller's
 * identity and the input the router has already parsed — and answers with the verb's own result
 * or its own error. Two writers, one contract:
 *  - `inProcessWriter`: the verb called right here (tests, CLI scripts, `next dev`, the Next route);
 *  - `startWriterThread` (./thread.ts): the verb run on the writer thread, which owns the write
 *    connection and its group commit, so a post never waits behind a page (how `npm start` runs).
 * Only plain data crosses a thread: the caller goes as `CallerData`, an error as `ErrorData`, and a
 * `DomainError` comes back as the same `DomainError` (kind, code, field, params) — the API's
 * messages do not change with the writer.
 */
import { ZodError } from "zod";
import type { Database } from "@/db/client";
import type { Role } from "@/server/domain/access";
import { DomainError, type DomainErrorKind } from "@/server/domain/errors";
import type { ErrorCode } from "@/server/domain/error-codes";
import type { ServiceContext } from "@/server/shared/context";
import type { Verb } from "./commands";

export interface Writer {
  run<V extends Verb>(verb: V, ctx: ServiceContext, input: Parameters<V>[1]): Promise<Awaited<ReturnType<V>>>;
  close(): Promise<void>;
}

/** The verb called on this thread, on the context's own database. */
export const inProcessWriter: Writer = {
  run: (verb, ctx, input) => verb(ctx, input) as never,
  close: async () => {},
};

/** Who acts, as plain data: the actor, the signed-in user, and the caller's clock when it has its own. */
export interface CallerData {
  actor: string;
  user?: { id: number; role: Role };
  /** The caller's `now()` at hand-off (a test's or the demo's fixed clock); absent: the writer's own clock. */
  nowMs?: number;
}

export function callerData(ctx: ServiceContext): CallerData {
  return {
    actor: ctx.actor,
    ...(ctx.user ? { user: { id: ctx.user.id, role: ctx.user.role } } : {}),
    ...(ctx.now ? { nowMs: ctx.now().getTime() } : {}),
  };
}

export function contextOf(database: Database, caller: CallerData): ServiceContext {
  const nowMs = caller.nowMs;
  return {
    database,
    actor: caller.actor,
    ...(caller.user ? { user: caller.user } : {}),
    ...(nowMs !== undefined ? { now: () => new Date(nowMs) } : {}),
  };
}

export type ErrorData =
  | {
      type: "domain";
      kind: DomainErrorKind;
      code: ErrorCode;
      field?: string;
      params: Record<string, string | number>;
    }
  | { type: "zod"; issues: ZodError["issues"] }
  | { type: "error"; name: string; message: string };

export function errorData(e: unknown): ErrorData {
  if (e instanceof DomainError)
    return {
      type: "domain",
      kind: e.kind,
      code: e.code,
      ...(e.field !== undefined ? { field: e.field } : {}),
      params: { ...e.params },
    };
  if (e instanceof ZodError) return { type: "zod", issues: e.issues };
  const err = e instanceof Error ? e : new Error(String(e));
  return { type: "error", name: err.name, message: err.message };
}

/** The error as the caller's thread throws it: the same class, code and params it was thrown with. */
export function errorOf(data: ErrorData): Error {
  if (data.type === "domain") return new DomainError(data.kind, data.code, data.field, data.params);
  if (data.type === "zod") return new ZodError(data.issues);
  const err = new Error(data.message);
  err.name = data.name;
  return err;
}

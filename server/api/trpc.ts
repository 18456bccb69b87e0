import { env } from "@/server/env";
import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import type { Database } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import type { ServiceContext } from "@/server/shared/context";
import { type Access, mayDo, type Role } from "@/server/domain/access";
import { canActOn } from "@/server/read/users";
import type { UserRow } from "@/server/shared/users";
import type { Verb } from "@/server/writer/commands";
import { inProcessWriter, type Writer } from "@/server/writer/writer";

export interface ApiContext {
  database: Database;
  user: UserRow | null;
  /** The request came from the portal's own pages (Origin matches Host); mutations need it. */
  sameOrigin: boolean;
  now?: () => Date;
  /** Where mutations run their verb (server/writer): the writer thread under `npm start`; here when absent. */
  writer?: Writer;
}

/** Origin must be present and equal to the portal's own origin (CSRF protection for cookie sessions). */
export { MAX_BATCH_SIZE } from "./limits";

/**
 * A mutation must come from the portal's own pages: its Origin (scheme, host and port) is the
 * portal's URL (NEXTAUTH_URL) or the address the request was sent to (Host, with the portal's
 * scheme). X-Forwarded-Host and -Proto are believed only behind a trusted proxy (TRUST_PROXY=1).
 */
export function isSameOrigin(
  headers: Headers,
  opts: { portalUrl?: string; trustProxy?: boolean } = {
    portalUrl: env().NEXTAUTH_URL,
    trustProxy: env().TRUST_PROXY === "1",
  },
): boolean {
  const origin = headers.get("origin");
  if (!origin) return false;
  try {
    const scheme = opts.portalUrl ? new URL(opts.portalUrl).protocol : "http:";
    const allowed = new Set<string>();
    if (opts.portalUrl) allowed.add(new URL(opts.portalUrl).origin);
    const host = headers.get("host");
    if (host) allowed.add(new URL(`${scheme}//${host}`).origin);
    const forwardedHost = headers.get("x-forwarded-host");
    if (opts.trustProxy && forwardedHost) {
      const proto = headers.get("x-forwarded-proto");
      allowed.add(new URL(`${proto ? `${proto}:` : scheme}//${forwardedHost}`).origin);
    }
    return allowed.has(new URL(origin).origin);
  } catch {
    return false;
  }
}

const TRPC_CODE = {
  validation: "BAD_REQUEST",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  forbidden: "FORBIDDEN",
  unauthorized: "UNAUTHORIZED",
  too_many: "TOO_MANY_REQUESTS",
} as const;

const t = initTRPC.context<ApiContext>().create({
  errorFormatter({ shape, error }) {
    const domain =
      error.cause instanceof DomainError
        ? { code: error.cause.code, field: error.cause.field ?? null, params: error.cause.params }
        : null;
    const zod = error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : null;
    // Raw database or runtime messages never reach a client.
    const message = domain
      ? domain.code
      : zod
        ? "invalid_input"
        : error.code === "INTERNAL_SERVER_ERROR"
          ? "internal_error"
          : error.message;
    return { ...shape, message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, domain, zod } };
  },
});

/** The one place domain errors become tRPC errors. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.kind], message: cause.code, cause });
  }
  return result;
});

const checkOrigin = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation" && !ctx.sameOrigin) throw new TRPCError({ code: "FORBIDDEN", message: "origin_refused" });
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors).use(checkOrigin);

/** A signed-in user's procedure: the verbs get her as the actor (`ctx.service`). */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user || ctx.user.disabled) throw new TRPCError({ code: "UNAUTHORIZED", message: "signin_required" });
  const service: ServiceContext = {
    database: ctx.database,
    actor: `user:${ctx.user.id}:${ctx.user.username}`,
    user: { id: ctx.user.id, role: ctx.user.role as Role },
    now: ctx.now,
  };
  const writer = ctx.writer ?? inProcessWriter;
  /** A mutation's verb, run by the writer for this user: `ctx.write(verb, input)`. */
  const write = <V extends Verb>(verb: V, input: Parameters<V>[1]) => writer.run(verb, service, input);
  return next({ ctx: { ...ctx, user: ctx.user, service, write } });
});

/**
 * A procedure on one group's books: the user must serve that group, in a role that may do this
 * (each verb checks again inside its transaction), and the input is the verb's own schema.
 */
export function groupProcedure<S extends z.ZodObject>(access: Access, schema?: S) {
  return authedProcedure
    .input(
      (schema ?? z.object({})).extend({ groupSlug: z.string().min(1).max(64) }) as unknown as z.ZodType<
        z.output<S> & { groupSlug: string },
        z.input<S> & { groupSlug: string }
      >,
    )
    .use(async ({ ctx, input, next }) => {
      const role = await canActOn(ctx.database.db, ctx.user, input.groupSlug);
      if (!role) throw new TRPCError({ code: "FORBIDDEN", message: "group_forbidden" });
      if (!mayDo(role, access)) throw new TRPCError({ code: "FORBIDDEN", message: "role_forbidden" });
      return next({ ctx: { ...ctx, role } });
    });
}

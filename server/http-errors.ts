/**
 * The one way a route handler in app/ answers a DomainError: its kind gives the HTTP status (the
 * same reading as the API's tRPC codes in server/api/trpc.ts), its code the machine answer, and the
 * message table (server/i18n/errors.ts) the words — in the visitor's language when it is known,
 * else in both, Indonesian first (open data is read before any language is chosen). A handler
 * never catches a DomainError itself (server/http-errors.test.ts greps for it): it is wrapped in
 * `answersDomainErrors`, and says at most how its answer differs (one status for every refusal of
 * an address, its own fields, its headers).
 */
import { DomainError, type DomainErrorKind } from "@/server/domain/errors";
import { bothLanguages, errorMessage } from "@/server/i18n/errors";
import type { Locale } from "@/server/i18n/messages";

export const HTTP_STATUS: Record<DomainErrorKind, number> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  too_many: 429,
};

/** A refusal's message: in one language, or in both (Indonesian first) when none is known. */
export function refusalMessage(e: DomainError, locale: Locale | "both" = "both"): string {
  return locale === "both" ? bothLanguages(e.code) : errorMessage(e.code, e.params, locale);
}

/** How one route's answer to a refusal differs from the rest's. */
export interface RefusalAnswer {
  /** One status for every refusal (a report's address: any refusal means there is no such report). */
  status?: number;
  headers?: Record<string, string>;
  /** The answer's fields, when the route documents others than `{ error, message }`. */
  body?: Record<string, unknown>;
  locale?: Locale | "both";
}

/** The HTTP answer to a DomainError. */
export function refusalResponse(e: DomainError, how: RefusalAnswer = {}): Response {
  return Response.json(how.body ?? { error: e.code, message: refusalMessage(e, how.locale) }, {
    status: how.status ?? HTTP_STATUS[e.kind],
    ...(how.headers ? { headers: how.headers } : {}),
  });
}

/** A route handler whose DomainErrors are answered by `refusalResponse` (anything else is thrown on: a 500). */
export function answersDomainErrors<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
  how: RefusalAnswer | ((e: DomainError) => RefusalAnswer) = {},
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return refusalResponse(e, typeof how === "function" ? how(e) : how);
    }
  };
}

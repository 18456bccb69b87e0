/**
 * Expected failures of the business, each with a machine code that the UI translates
 * (server/i18n/messages.ts) and, where it applies, the input field it is about.
 * Domain code never carries sentences: the code plus params is the message.
 */
import type { ErrorCode } from "./error-codes";

export type DomainErrorKind = "validation" | "not_found" | "conflict" | "forbidden" | "unauthorized" | "too_many";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: ErrorCode,
    readonly field?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${kind}:${code}${field ? `@${field}` : ""}`);
    this.name = "DomainError";
  }
}

export const invalid = (code: ErrorCode, field?: string, params?: Record<string, string | number>) =>
  new DomainError("validation", code, field, params);
export const notFound = (code: ErrorCode, field?: string) => new DomainError("not_found", code, field);
export const conflict = (code: ErrorCode, field?: string, params?: Record<string, string | number>) =>
  new DomainError("conflict", code, field, params);

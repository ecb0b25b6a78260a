import { ERROR_CATALOGUE, type DomainErrorKind, type ErrorCode, type ErrorCodeOf } from './error-catalogue';

/**
 * Why a command was refused. The kind maps one-to-one onto HTTP at the edge:
 * VALIDATION → 400, FORBIDDEN → 403, NOT_FOUND → 404, CONFLICT / INVALID_STATE → 409.
 */
export type { DomainErrorKind } from './error-catalogue';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine-readable code from the catalogue (error-catalogue.ts), e.g. SEPARATION_OF_DUTIES. */
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A refusal by code: the kind comes from the catalogue, the message too unless the case words its own. */
export function domainError(code: ErrorCode, message?: string, field?: string): DomainError {
  const spec: { kind: DomainErrorKind; message?: string } = ERROR_CATALOGUE[code];
  return new DomainError(spec.kind, code, message ?? spec.message ?? code, field);
}

export const nominationNotFound = () => domainError('NOMINATION_NOT_FOUND');

// The per-kind helpers only accept codes of their kind, so the catalogue stays complete and right.
export const forbidden = (code: ErrorCodeOf<'FORBIDDEN'>, message: string) =>
  new DomainError('FORBIDDEN', code, message);
export const invalidState = (code: ErrorCodeOf<'INVALID_STATE'>, message: string) =>
  new DomainError('INVALID_STATE', code, message);
export const invalid = (code: ErrorCodeOf<'VALIDATION'>, message: string, field?: string) =>
  new DomainError('VALIDATION', code, message, field);
export const conflict = (code: ErrorCodeOf<'CONFLICT'>, message: string) => new DomainError('CONFLICT', code, message);

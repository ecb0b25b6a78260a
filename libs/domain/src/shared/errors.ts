/**
 * Why a command was refused. The kind maps one-to-one onto HTTP at the edge:
 * VALIDATION → 400, FORBIDDEN → 403, NOT_FOUND → 404, CONFLICT / INVALID_STATE → 409.
 */
export type DomainErrorKind = 'VALIDATION' | 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_STATE' | 'CONFLICT';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine-readable code, e.g. SEPARATION_OF_DUTIES, QUORUM_NOT_MET. */
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const forbidden = (code: string, message: string) => new DomainError('FORBIDDEN', code, message);
export const invalidState = (code: string, message: string) => new DomainError('INVALID_STATE', code, message);
export const invalid = (code: string, message: string, field?: string) =>
  new DomainError('VALIDATION', code, message, field);
export const conflict = (code: string, message: string) => new DomainError('CONFLICT', code, message);

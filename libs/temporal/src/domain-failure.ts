/**
 * The one codec between a DomainError and the Temporal failure it travels as: the activity throws
 * it, the workflow's validators and handlers rethrow it, the client gateway turns it back into the
 * DomainError. Deterministic and dependency-light (only `@temporalio/common` and RELATIVE imports
 * of pure code) so the workflow bundle can import it too (through workflows/shared/failures.ts).
 */
import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '../../domain/src/shared/errors';
import { DOMAIN_ERROR_FAILURE_TYPE, type DomainErrorDetails } from './contracts';

/** How deep to look through wrappers (WorkflowUpdateFailedError → ActivityFailure → ApplicationFailure …). */
const MAX_DEPTH = 5;

/** A refused command as the failure its caller receives: non-retryable, type DomainError, details[0] = the error. */
export function domainFailure(err: DomainError | DomainErrorDetails): ApplicationFailure {
  const d: DomainErrorDetails = { kind: err.kind, code: err.code, message: err.message };
  if (err.field !== undefined) d.field = err.field;
  return ApplicationFailure.create({
    type: DOMAIN_ERROR_FAILURE_TYPE,
    message: d.message,
    details: [d],
    nonRetryable: true,
  });
}

/** The DomainError an error carries — itself, or a DomainError failure, however wrapped — if any. */
export function domainErrorFrom(err: unknown): DomainError | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < MAX_DEPTH; depth++) {
    if (e instanceof DomainError) return e;
    if (e instanceof ApplicationFailure && e.type === DOMAIN_ERROR_FAILURE_TYPE) {
      const d = e.details?.[0] as DomainErrorDetails | undefined;
      return d && typeof d.code === 'string'
        ? new DomainError(d.kind, d.code, d.message, d.field)
        : new DomainError('INVALID_STATE', 'REFUSED', e.message);
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The details of the DomainError an error carries, if any (what the workflow logs and rethrows). */
export function domainDetails(err: unknown): DomainErrorDetails | undefined {
  const e = domainErrorFrom(err);
  if (!e) return undefined;
  return { kind: e.kind, code: e.code, message: e.message, ...(e.field !== undefined ? { field: e.field } : {}) };
}

/**
 * What an Update handler or validator throws: a DomainError (from `guard` or from the activity)
 * becomes the DomainError ApplicationFailure; other failures pass through unchanged.
 */
export function toUpdateFailure(err: unknown): unknown {
  const d = domainDetails(err);
  return d ? domainFailure(d) : err;
}

import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { DomainError } from '../../libs/domain/src/shared/errors';
import { DOMAIN_ERROR_FAILURE_TYPE, type DomainErrorDetails } from '../../libs/temporal/src/contracts';

/** A refused command as the failure its caller receives: non-retryable, type DomainError, details[0] = the error. */
export function domainFailure(details: DomainErrorDetails): ApplicationFailure {
  const d: DomainErrorDetails = { kind: details.kind, code: details.code, message: details.message };
  if (details.field !== undefined) d.field = details.field;
  return ApplicationFailure.create({ type: DOMAIN_ERROR_FAILURE_TYPE, message: d.message, details: [d], nonRetryable: true });
}

/** The DomainError carried by an error (thrown here, or by the activity), if any. */
export function domainDetails(err: unknown): DomainErrorDetails | undefined {
  if (err instanceof DomainError) return { kind: err.kind, code: err.code, message: err.message, ...(err.field !== undefined ? { field: err.field } : {}) };
  const failure = err instanceof ActivityFailure ? err.cause : err;
  if (failure instanceof ApplicationFailure && failure.type === DOMAIN_ERROR_FAILURE_TYPE) {
    const d = failure.details?.[0] as DomainErrorDetails | undefined;
    if (d && typeof d.code === 'string') return d;
    return { kind: 'INVALID_STATE', code: 'REFUSED', message: failure.message };
  }
  return undefined;
}

/**
 * What an Update handler or validator throws: a DomainError (from `guard` or from the activity)
 * becomes the DomainError ApplicationFailure; other failures pass through unchanged.
 */
export function toUpdateFailure(err: unknown): unknown {
  const d = domainDetails(err);
  return d ? domainFailure(d) : err;
}

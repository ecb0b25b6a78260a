import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { DomainError, forbidden, invalid } from '../../libs/domain/src/shared/errors';
import { domainErrorFrom } from '../../libs/temporal/src/client/nomination-gateway';
import { DOMAIN_ERROR_FAILURE_TYPE } from '../../libs/temporal/src/contracts';
import { domainDetails, domainFailure, toUpdateFailure } from './failures';

describe('A refused command travels as a DomainError failure and comes back as the same DomainError', () => {
  it('a validator refusal becomes a non-retryable DomainError failure with kind, code, message and field', () => {
    const failure = toUpdateFailure(invalid('REQUIRED', 'Cần lý do', 'comment')) as ApplicationFailure;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: DOMAIN_ERROR_FAILURE_TYPE, nonRetryable: true, message: 'Cần lý do' });
    expect(failure.details).toEqual([{ kind: 'VALIDATION', code: 'REQUIRED', message: 'Cần lý do', field: 'comment' }]);
  });

  it('a refusal from the activity (wrapped in an ActivityFailure) keeps its details', () => {
    const fromActivity = domainFailure({ kind: 'FORBIDDEN', code: 'ROLE_REQUIRED', message: 'Cần vai trò' });
    const wrapped = new ActivityFailure(
      'activity failed',
      'applyNominationCommand',
      '1',
      'NON_RETRYABLE_FAILURE',
      'worker',
      fromActivity,
    );
    expect(domainDetails(wrapped)).toEqual({ kind: 'FORBIDDEN', code: 'ROLE_REQUIRED', message: 'Cần vai trò' });
  });

  it('the gateway turns the failure, however deeply wrapped, back into a DomainError', () => {
    const failure = toUpdateFailure(forbidden('OUT_OF_SCOPE', 'Ngoài phạm vi')) as ApplicationFailure;
    const outer = new Error('update failed', { cause: new Error('middle', { cause: failure }) });
    const back = domainErrorFrom(outer);
    expect(back).toBeInstanceOf(DomainError);
    expect(back).toMatchObject({ kind: 'FORBIDDEN', code: 'OUT_OF_SCOPE', message: 'Ngoài phạm vi' });
  });

  it('other failures pass through untouched and carry no DomainError', () => {
    const crash = ApplicationFailure.create({ type: 'Error', message: 'disk full' });
    expect(toUpdateFailure(crash)).toBe(crash);
    expect(domainDetails(crash)).toBeUndefined();
    expect(domainErrorFrom(new Error('network'))).toBeUndefined();
  });
});

import type { ActivityOptions } from '@temporalio/workflow';
import { DOMAIN_ERROR_FAILURE_TYPE } from '../../libs/temporal/src/contracts';

/**
 * How every workflow calls the nomination activity: a refused command (DomainError) is final, any
 * other failure (store down, worker lost) is retried with backoff.
 */
export const NOMINATION_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '20 seconds',
  retry: {
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: [DOMAIN_ERROR_FAILURE_TYPE],
  },
};

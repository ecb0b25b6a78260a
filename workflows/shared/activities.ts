import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';
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

/**
 * The same activity run as a local activity (in the workflow's own task: no activity task queue,
 * no second workflow task): the same timeout and retries. A wait longer than 10 seconds before a
 * retry (the store down for a while) is a server timer, so a long outage holds no workflow task open.
 */
export const NOMINATION_LOCAL_ACTIVITY_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: NOMINATION_ACTIVITY_OPTIONS.startToCloseTimeout,
  retry: NOMINATION_ACTIVITY_OPTIONS.retry,
  localRetryThreshold: '10 seconds',
};

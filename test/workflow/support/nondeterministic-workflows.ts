/**
 * A deliberately non-deterministic edit of the workflows (replay test's control): the nomination
 * workflow now starts a timer before anything else, so its first command changes. Replaying the
 * committed histories against this bundle must fail; if it does not, the replay test guards nothing.
 */
import { sleep } from '@temporalio/workflow';
import { nominationWorkflow as current } from '../../../workflows/nomination/nomination.workflow';
import type { NominationWorkflowArgs } from '../../../libs/temporal/src/contracts';

export { revocationWorkflow } from '../../../workflows/revocation/revocation.workflow';

export async function nominationWorkflow(args: NominationWorkflowArgs) {
  await sleep('1 millisecond');
  return current(args);
}

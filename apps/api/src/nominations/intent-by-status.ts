import { DomainError, type NominationIntent, type NominationStatus } from '@tdkt/domain';
import type { ApiRuntime } from '../api-runtime';

/**
 * Runs a command whose intent depends on the nomination's stage (submit, or resubmit once returned).
 * The intent is chosen by the status the read model shows; when the workflow's stage refuses it
 * (`WRONG_STAGE`: the read model had not caught up), it is chosen again by the workflow's own view
 * and, if that differs, run once more. So every outcome is the one choosing by the workflow's view
 * first gave, and the query to the workflow (a round trip through Temporal to its worker) is paid only
 * when the read model was behind. The guard checks role, scope and the nominee identically for
 * either intent, so the stage is the only refusal on which the choice can matter.
 */
export async function runByStatus<I extends NominationIntent, T>(
  runtime: Pick<ApiRuntime, 'queries' | 'gateway'>,
  nominationId: string,
  intentFor: (status: NominationStatus) => I,
  run: (intent: I) => Promise<T>,
): Promise<T> {
  const workflowsChoice = async () => intentFor((await runtime.gateway.view(nominationId)).status as NominationStatus);
  const shown = await runtime.queries.nominationStatus(nominationId);
  if (shown === null) return run(await workflowsChoice());
  const intent = intentFor(shown);
  try {
    return await run(intent);
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'WRONG_STAGE') throw err;
    const again = await workflowsChoice();
    if (again.type === intent.type) throw err;
    return run(again);
  }
}

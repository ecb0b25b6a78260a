import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { ApplyCommandInput, ApplyCommandResult, NominationActivities } from '../../libs/temporal/src/contracts';
import { NOMINATION_ACTIVITY_OPTIONS, NOMINATION_LOCAL_ACTIVITY_OPTIONS } from './activities';

/**
 * A command's decide + append runs as a local activity: one workflow task per command instead of
 * an activity task round-trip and a second workflow task. Decided per call: a command a running
 * workflow ran before this patch replays as the remote activity it was (no marker in its history).
 * The activity is the same one either way (idempotent: deterministic event ids, expected revision),
 * so a local attempt re-run after a lost workflow task finds its own events and reports them.
 */
export const LOCAL_APPLY_PATCH = 'apply-command-local-activity';

const remote = proxyActivities<NominationActivities>(NOMINATION_ACTIVITY_OPTIONS);
const local = proxyLocalActivities<NominationActivities>(NOMINATION_LOCAL_ACTIVITY_OPTIONS);

export function applyNominationCommand(input: ApplyCommandInput): Promise<ApplyCommandResult> {
  return (patched(LOCAL_APPLY_PATCH) ? local : remote).applyNominationCommand(input);
}

/**
 * Revoking an award (hủy bỏ khen thưởng) after the nomination workflow has ended: one command run
 * by the same activity against the nomination's stream (a local activity since the patch in
 * ../shared/apply-nomination-command). Workflow id `revocation-<nominationId>-<commandId>`.
 */
import type { CommandOutcome, RevocationWorkflowArgs } from '../../libs/temporal/src/contracts';
import { applyNominationCommand } from '../shared/apply-nomination-command';
import { domainDetails, domainFailure } from '../shared/failures';

export async function revocationWorkflow(args: RevocationWorkflowArgs): Promise<CommandOutcome> {
  const { nominationId, commandId, actor, intent } = args;
  if (!intent || intent.type !== 'RevokeAward')
    throw domainFailure({
      kind: 'VALIDATION',
      code: 'INTENT_TYPE',
      message: 'revocationWorkflow carries RevokeAward',
      field: 'type',
    });
  try {
    const r = await applyNominationCommand({ nominationId, commandId, intent, actor, now: new Date().toISOString() });
    const out: CommandOutcome = {
      nominationId,
      status: r.status,
      onHold: r.onHold,
      revision: r.revision,
      position: r.position,
    };
    if (r.decisionNumber) out.decisionNumber = r.decisionNumber;
    if (r.revocationDecisionNumber) out.revocationDecisionNumber = r.revocationDecisionNumber;
    return out;
  } catch (err) {
    const d = domainDetails(err);
    if (d) throw domainFailure(d);
    throw err;
  }
}

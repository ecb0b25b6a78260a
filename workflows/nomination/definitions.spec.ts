/**
 * The intent table is complete: every human intent has an Update (or is the revocation, its own
 * workflow), the workflow registers a handler for every Update, and the names are the ones in
 * running and recorded histories.
 */
import { NOMINATION_INTENT_TYPES } from '../../libs/domain/src/nomination/nomination.intents';
import type { NominationWorkflowArgs } from '../../libs/temporal/src/contracts';

const registered: string[] = [];

// Runs the workflow function outside Temporal just far enough to see its handlers: it then waits for ever.
jest.mock('@temporalio/workflow', () => {
  const actual = jest.requireActual('@temporalio/workflow');
  return {
    defineUpdate: actual.defineUpdate,
    defineQuery: actual.defineQuery,
    defineSignal: actual.defineSignal,
    proxyActivities: () => ({}),
    proxyLocalActivities: () => ({}),
    patched: () => true,
    uuid4: () => 'uuid',
    log: { warn: () => undefined },
    allHandlersFinished: () => true,
    condition: () => new Promise(() => undefined),
    setHandler: (def: { name: string }) => registered.push(def.name),
  };
});

import { NOMINATION_UPDATES, REVOCATION_INTENT, UPDATE_INTENT_TYPES, viewQuery } from './definitions';
import { nominationWorkflow } from './nomination.workflow';

const args: NominationWorkflowArgs = {
  nominationId: 'n-1',
  stageTimeLimits: { CLUSTER_REVIEW: 1, COUNCIL_VOTING: 1, AWAITING_SIGNATURE: 1, RETURNED: 1, reminderAt: 0.8 },
  stageTimeUnit: 'seconds',
  councilVotingDays: 1,
};

describe('The intent table: one Update per intent, a handler for every Update', () => {
  beforeAll(() => {
    void nominationWorkflow(args);
  });

  it.each(NOMINATION_INTENT_TYPES)('%s has an Update, or is the revocation (its own workflow)', (type) => {
    if (type === REVOCATION_INTENT) expect(type in NOMINATION_UPDATES).toBe(false);
    else expect(UPDATE_INTENT_TYPES).toContain(type);
  });

  it.each(UPDATE_INTENT_TYPES)('the workflow handles the Update of %s', (type) => {
    expect(registered).toContain(NOMINATION_UPDATES[type].name);
  });

  it('the workflow answers the view query, and registers nothing twice', () => {
    expect(registered).toContain(viewQuery.name);
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('the Update names are those in workflow histories (a rename would break running nominations)', () => {
    expect(Object.fromEntries(UPDATE_INTENT_TYPES.map((t) => [t, NOMINATION_UPDATES[t].name]))).toEqual({
      DraftNomination: 'draft',
      EditNomination: 'edit',
      SubmitNomination: 'submit',
      ResubmitNomination: 'resubmit',
      ReviewAtCluster: 'clusterReview',
      RecordOfficeCheck: 'officeCheck',
      OpenCouncilVoting: 'openVoting',
      CastCouncilVote: 'castVote',
      RecuseFromCouncil: 'recuse',
      CloseCouncilVoting: 'closeVoting',
      SignAwardDecision: 'sign',
      DeclineSignature: 'decline',
      PutOnHold: 'hold',
      ReleaseFromHold: 'release',
      WithdrawNomination: 'withdraw',
      ForwardToCentral: 'forwardToCentral',
      RecordCentralDecision: 'recordCentralDecision',
    });
  });
});

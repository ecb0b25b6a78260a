import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from './nomination.decider';

const spec = DeciderSpecification.for(nominationDecider);
const sessionTally = f.tally({ members: 6, approve: 5, recused: 1 });

describe('a council session decides a nomination (RecordSessionOutcome, by the session workflow)', () => {
  it('an approved item waits for the signature, with the session, the tally and the rule in the event', () => {
    spec
      .given(f.story.inCouncilVoting())
      .when(f.recordSessionOutcome({ sessionId: 'phien-12-2026', tally: sessionTally }))
      .thenEvents(([e], after) => {
        expect(e).toMatchObject({
          type: 'CouncilVotingClosed',
          data: { trigger: 'SESSION', sessionId: 'phien-12-2026', outcome: 'APPROVED', tally: sessionTally },
        });
        expect(e.data.by).toEqual({ userId: 'system', role: 'SYSTEM' });
        expect(after.status).toBe('AWAITING_SIGNATURE');
        if (after.status !== 'NONE') expect(after.council).toMatchObject({ open: false, sessionId: 'phien-12-2026' });
      });
  });

  it('a rejected item ends REJECTED, and a secret item carries its issued and cast counts', () => {
    const secret = { issued: 5, cast: 4, ballotsHash: 'abc' };
    spec
      .given(f.story.inCouncilVoting())
      .when(f.recordSessionOutcome({ outcome: 'THRESHOLD_NOT_MET', secret }))
      .thenEvents(([e], after) => {
        expect(e.type === 'CouncilVotingClosed' && e.data.secret).toEqual(secret);
        expect(after.status).toBe('REJECTED');
      });
  });

  it('is recorded once: a nomination the session already moved on refuses a second outcome', () => {
    spec
      .given([...f.story.inCouncilVoting(), f.councilVotingClosed({ trigger: 'SESSION' })])
      .when(f.recordSessionOutcome())
      .thenThrows('INVALID_STATE', 'WRONG_STAGE');
  });

  it('only the system records it; a person, even the secretary, may not', () => {
    spec
      .given(f.story.inCouncilVoting())
      .when(f.recordSessionOutcome({ by: f.thuky }))
      .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });

  it('a nomination in written consultation (its own voting open) refuses a session outcome', () => {
    spec.given(f.story.votingOpen()).when(f.recordSessionOutcome()).thenThrows('INVALID_STATE', 'VOTING_ALREADY_OPEN');
  });

  it('a nomination on hold still learns the vote, and cannot be signed until released', () => {
    spec
      .given([...f.story.inCouncilVoting(), f.nominationPutOnHold('COUNCIL_VOTING')])
      .when(f.recordSessionOutcome())
      .thenState((s) => expect(s).toMatchObject({ status: 'AWAITING_SIGNATURE', onHold: true }));
  });
});

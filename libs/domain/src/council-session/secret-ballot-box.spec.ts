import { DeciderSpecification } from '../testing/decider-spec';
import { agendaLockDecider } from './agenda-lock';
import { ballotBoxDecider, canonicalBallots, countBallots } from './secret-ballot-box';

describe('a secret item’s ballot box', () => {
  const spec = DeciderSpecification.for(ballotBoxDecider);
  const cast = (tokenHash: string, choice: 'approve' | 'reject' | 'abstain' = 'approve') => ({
    type: 'SecretBallotCast' as const,
    data: { tokenHash, choice },
  });

  it('records a ballot as token hash and choice, nothing else', () => {
    spec
      .given([])
      .when({ type: 'CastSecretBallot', tokenHash: 't1', choice: 'reject' })
      .then([cast('t1', 'reject')]);
  });

  it('refuses a replayed token, and any ballot after the seal; sealing twice is a no-op', () => {
    expect(
      spec
        .given([cast('t1')])
        .when({ type: 'CastSecretBallot', tokenHash: 't1', choice: 'reject' })
        .thenThrows('CONFLICT', 'TOKEN_ALREADY_USED').field,
    ).toBe('token');
    const sealed = [cast('t1'), { type: 'BallotBoxSealed' as const, data: { cast: 1 } }];
    spec
      .given(sealed)
      .when({ type: 'CastSecretBallot', tokenHash: 't2', choice: 'approve' })
      .thenThrows('INVALID_STATE', 'BALLOT_BOX_SEALED');
    spec.given(sealed).when({ type: 'SealBallotBox' }).thenNothing();
  });

  it('publishes in one canonical order whatever the order of casting, and counts', () => {
    const a = canonicalBallots([
      { tokenHash: 'b', choice: 'reject' },
      { tokenHash: 'a', choice: 'approve' },
    ]);
    expect(a).toBe('a approve\nb reject\n');
    expect(countBallots([{ choice: 'approve' }, { choice: 'approve' }, { choice: 'abstain' }])).toEqual({
      approve: 2,
      reject: 0,
      abstain: 1,
    });
  });
});

describe('a nomination is on at most one open session (agenda lock)', () => {
  const spec = DeciderSpecification.for(agendaLockDecider);
  const reserved = (sessionId: string) => ({
    type: 'AgendaItemReserved' as const,
    data: { nominationId: 'n1', sessionId },
  });
  const released = (sessionId: string) => ({
    type: 'AgendaItemReleased' as const,
    data: { nominationId: 'n1', sessionId },
  });

  it('reserving is idempotent for its holder and refused for another session until released', () => {
    spec
      .given([])
      .when({ type: 'Reserve', nominationId: 'n1', sessionId: 's1' })
      .then([reserved('s1')]);
    spec
      .given([reserved('s1')])
      .when({ type: 'Reserve', nominationId: 'n1', sessionId: 's1' })
      .thenNothing();
    spec
      .given([reserved('s1')])
      .when({ type: 'Reserve', nominationId: 'n1', sessionId: 's2' })
      .thenThrows('CONFLICT', 'ON_ANOTHER_SESSION');
    spec
      .given([reserved('s1'), released('s1')])
      .when({ type: 'Reserve', nominationId: 'n1', sessionId: 's2' })
      .then([reserved('s2')]);
    spec
      .given([reserved('s1')])
      .when({ type: 'Release', nominationId: 'n1', sessionId: 's2' })
      .thenNothing();
  });
});

import type { Actor, Role } from '../shared/actor';
import { hasRole } from '../shared/actor';
import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import type { NominationCommand } from './nomination.commands';
import { nominationDecider } from './nomination.decider';
import type { NominationEvent } from './nomination.events';

const spec = DeciderSpecification.for(nominationDecider);

/** Everyone in the demo organisation, plus the workflow's own clock. */
const everyone: Actor[] = [...Object.values(f.demoActors), f.system];

interface Right {
  /** Who may: the role(s) the command needs. */
  roles: Role[];
  given: () => NominationEvent[];
  /** The command issued by `by`, in a state where the right person would succeed. */
  command: (by: Actor) => NominationCommand;
  rightPerson: Actor;
  /** Someone with the right role but the wrong unit or cluster. */
  outOfScope?: Actor;
}

const rights: Record<NominationCommand['type'], Right> = {
  DraftNomination: {
    roles: ['UNIT_OFFICER'],
    given: () => [],
    command: (by) => f.draftNomination({ by }),
    rightPerson: f.canboDonvi1,
    outOfScope: f.canboDonvi3,
  },
  EditNomination: {
    roles: ['UNIT_OFFICER'],
    given: () => f.story.inDraft(),
    command: (by) => f.editNomination({ achievements: 'Bổ sung minh chứng' }, { by }),
    rightPerson: f.canboDonvi1,
    outOfScope: f.canboDonvi3,
  },
  SubmitNomination: {
    roles: ['UNIT_HEAD'],
    given: () => f.story.inDraft(),
    command: (by) => f.submitNomination({ by }),
    rightPerson: f.thutruongDonvi1,
    outOfScope: f.thutruongDonvi3,
  },
  ResubmitNomination: {
    roles: ['UNIT_HEAD'],
    given: () => f.story.returned(),
    command: (by) => f.resubmitNomination({ by }),
    rightPerson: f.thutruongDonvi1,
    outOfScope: f.thutruongDonvi3,
  },
  ReviewAtCluster: {
    roles: ['CLUSTER_LEADER'],
    given: () => f.story.inClusterReview(),
    command: (by) => f.reviewAtCluster('endorse', { by }),
    rightPerson: f.truongcumCum1,
    outOfScope: f.truongcumCum2,
  },
  OpenCouncilVoting: {
    roles: ['COUNCIL_SECRETARY'],
    given: () => f.story.inCouncilVoting(),
    command: (by) => f.openCouncilVoting({ by }),
    rightPerson: f.thuky,
  },
  CastCouncilVote: {
    roles: ['COUNCIL_MEMBER'],
    given: () => f.story.votingOpen(),
    command: (by) => f.castCouncilVote(by, 'approve'),
    rightPerson: f.hoidong2,
  },
  RecuseFromCouncil: {
    roles: ['COUNCIL_MEMBER'],
    given: () => f.story.votingOpen(),
    command: (by) => f.recuseFromCouncil(by),
    rightPerson: f.hoidong1,
  },
  CloseCouncilVoting: {
    roles: ['COUNCIL_SECRETARY', 'SYSTEM'],
    given: () => f.story.votingOpen(),
    command: (by) => f.closeCouncilVoting('SECRETARY', { by }),
    rightPerson: f.thuky,
  },
  RecordSessionOutcome: {
    roles: ['SYSTEM'],
    given: () => f.story.inCouncilVoting(),
    command: (by) => f.recordSessionOutcome({ by }),
    rightPerson: f.system,
  },
  SignAwardDecision: {
    roles: ['CHAIRMAN'],
    given: () => f.story.awaitingSignature(),
    command: (by) => f.signAwardDecision({ by }),
    rightPerson: f.chutich,
  },
  DeclineSignature: {
    roles: ['CHAIRMAN'],
    given: () => f.story.awaitingSignature(),
    command: (by) => f.declineSignature({ by }),
    rightPerson: f.chutich,
  },
  PutOnHold: {
    roles: ['COUNCIL_SECRETARY'],
    given: () => f.story.inClusterReview(),
    command: (by) => f.putOnHold('INSPECTION', { by }),
    rightPerson: f.thuky,
  },
  ReleaseFromHold: {
    roles: ['COUNCIL_SECRETARY'],
    given: () => [...f.story.inClusterReview(), f.nominationPutOnHold('CLUSTER_REVIEW')],
    command: (by) => f.releaseFromHold({ by }),
    rightPerson: f.thuky,
  },
  WithdrawNomination: {
    roles: ['UNIT_HEAD'],
    given: () => f.story.inClusterReview(),
    command: (by) => f.withdrawNomination({ by }),
    rightPerson: f.thutruongDonvi1,
    outOfScope: f.thutruongDonvi3,
  },
  RevokeAward: {
    roles: ['CHAIRMAN'],
    given: () => f.story.awarded(),
    command: (by) => f.revokeAward('DISHONEST_DECLARATION', { by }),
    rightPerson: f.chutich,
  },
  ForwardToCentral: {
    roles: ['CHAIRMAN'],
    given: () => f.centralStory.awaitingSignature(),
    command: (by) => f.forwardToCentral({ by }),
    rightPerson: f.chutich,
  },
  RecordCentralDecision: {
    roles: ['COUNCIL_SECRETARY'],
    given: () => f.centralStory.forwarded(),
    command: (by) => f.recordCentralDecision({ by }),
    rightPerson: f.thuky,
  },
  IssueStageReminder: {
    roles: ['SYSTEM'],
    given: () => f.story.inClusterReview(),
    command: (by) => f.issueStageReminder('CLUSTER_REVIEW', { by }),
    rightPerson: f.system,
  },
  EscalateStage: {
    roles: ['SYSTEM'],
    given: () => f.story.inClusterReview(),
    command: (by) => f.escalateStage('CLUSTER_REVIEW', { by }),
    rightPerson: f.system,
  },
};

const table = Object.entries(rights) as [NominationCommand['type'], Right][];

describe('Who may do what', () => {
  describe.each(table)('%s', (_type, right) => {
    it(`is done by ${right.rightPerson.userId}`, () => {
      spec
        .given(right.given())
        .when(right.command(right.rightPerson))
        .thenEvents((events) => expect(events).toHaveLength(1));
    });

    const wrongRole = everyone.filter((a) => !right.roles.some((r) => hasRole(a, r)));
    it.each(wrongRole.map((a) => [a.userId, a] as const))(
      'is refused to %s, who lacks the role (ROLE_REQUIRED)',
      (_id, actor) => {
        spec.given(right.given()).when(right.command(actor)).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
      },
    );

    if (right.outOfScope) {
      const outsider = right.outOfScope;
      it(`is refused to ${outsider.userId}, of another unit or cluster (OUT_OF_SCOPE)`, () => {
        spec.given(right.given()).when(right.command(outsider)).thenThrows('FORBIDDEN', 'OUT_OF_SCOPE');
      });
    }
  });

  it('every command is covered by this table', () => {
    expect(Object.keys(rights).sort()).toEqual(
      [
        'DraftNomination',
        'EditNomination',
        'SubmitNomination',
        'ResubmitNomination',
        'ReviewAtCluster',
        'OpenCouncilVoting',
        'CastCouncilVote',
        'RecuseFromCouncil',
        'CloseCouncilVoting',
        'RecordSessionOutcome',
        'SignAwardDecision',
        'DeclineSignature',
        'PutOnHold',
        'ReleaseFromHold',
        'WithdrawNomination',
        'RevokeAward',
        'ForwardToCentral',
        'RecordCentralDecision',
        'IssueStageReminder',
        'EscalateStage',
      ].sort(),
    );
  });

  describe('the auditor (thanh tra) reads everything but can do nothing', () => {
    it.each(table)('%s by the auditor is forbidden', (_type, right) => {
      spec.given(right.given()).when(right.command(f.thanhtra)).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    });
  });

  describe('scope comes from the actor, not from the command', () => {
    it('an officer cannot draft a nomination for another unit, even naming that unit (OUT_OF_SCOPE is FORBIDDEN)', () => {
      spec
        .given([])
        .when(f.draftNomination({ by: f.canboDonvi1, unitId: 'donvi3', clusterId: 'cum2' }))
        .thenThrows('FORBIDDEN', 'OUT_OF_SCOPE');
    });

    it('an officer drafts for his own unit in the other cluster', () => {
      spec
        .given([])
        .when(f.draftNomination({ by: f.canboDonvi3, unitId: 'donvi3', clusterId: 'cum2' }))
        .thenState((s) => expect(s).toMatchObject({ status: 'DRAFT', unitId: 'donvi3', clusterId: 'cum2' }));
    });

    it('the cluster leader of cum2 reviews a nomination of donvi3', () => {
      const o = { unitId: 'donvi3', clusterId: 'cum2' };
      spec
        .given([f.nominationDrafted({ ...o, by: f.canboDonvi3 }), f.nominationSubmitted({ by: f.thutruongDonvi3 })])
        .when(f.reviewAtCluster('endorse', { by: f.truongcumCum2 }))
        .then([f.clusterEndorsed({ by: f.truongcumCum2 })]);
    });

    it('a person without a unit cannot act for any unit', () => {
      const headWithoutUnit: Actor = { userId: 'thutruong.khong.don.vi', roles: ['UNIT_HEAD'] };
      spec
        .given(f.story.inDraft())
        .when(f.submitNomination({ by: headWithoutUnit }))
        .thenThrows('FORBIDDEN', 'OUT_OF_SCOPE');
    });
  });

  describe('a nomination must exist, once', () => {
    it('drafting the same nomination twice is refused (ALREADY_EXISTS)', () => {
      spec.given(f.story.inDraft()).when(f.draftNomination()).thenThrows('INVALID_STATE', 'ALREADY_EXISTS');
    });

    it.each(table.filter(([t]) => t !== 'DraftNomination'))(
      '%s on an unknown nomination is NOT_FOUND',
      (_type, right) => {
        spec.given([]).when(right.command(right.rightPerson)).thenThrows('NOT_FOUND', 'NOMINATION_NOT_FOUND');
      },
    );
  });
});

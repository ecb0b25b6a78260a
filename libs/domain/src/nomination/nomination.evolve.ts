import type { NominationEvent } from './nomination.events';
import type { CouncilState, ExistingNomination, NominationState } from './nomination.state';
import type { NominationStatus } from './nomination.types';

export const initialState = (): NominationState => ({ status: 'NONE' });

/** A new stage starts its own SLA clock: notices of the previous visit no longer count. */
const moveTo = (s: ExistingNomination, status: NominationStatus, at: string): ExistingNomination => {
  if (status === s.status) return s;
  const { sla: _previousVisit, ...rest } = s;
  return { ...rest, status, stageSince: at };
};

const addOnce = (list: string[], id: string) => (list.includes(id) ? list : [...list, id]);

/** evolve(state, event) → state. Pure and total: unknown events leave the state unchanged. */
export function evolve(state: NominationState, event: NominationEvent): NominationState {
  if (event.type === 'NominationDrafted') {
    const d = event.data;
    return {
      status: 'DRAFT',
      nominationId: d.nominationId,
      onHold: false,
      unitId: d.unitId,
      clusterId: d.clusterId,
      campaign: d.campaign,
      award: d.award,
      nominee: d.nominee,
      achievements: d.achievements,
      documents: d.documents,
      oneOff: d.oneOff,
      drafters: [d.by.userId],
      proposers: [],
      round: 0,
      stageSince: d.at,
      ...(d.eligibility?.length ? { eligibility: { reasons: d.eligibility, at: d.at, stage: 'DRAFT' as const } } : {}),
      ...(d.stageLimits ? { stageLimits: d.stageLimits } : {}),
    };
  }
  if (state.status === 'NONE') return state;
  const s = state;
  const at = event.data.at;
  switch (event.type) {
    case 'NominationEdited': {
      const c = event.data.changes;
      return {
        ...s,
        nominee: c.nominee ?? s.nominee,
        achievements: c.achievements ?? s.achievements,
        documents: c.documents ?? s.documents,
        drafters: addOnce(s.drafters, event.data.by.userId),
      };
    }
    case 'NominationSubmitted':
      return {
        ...moveTo(s, event.data.nextStatus, at),
        ...(event.data.oneOff ? { oneOff: true } : {}),
        round: 1,
        proposers: addOnce(s.proposers, event.data.by.userId),
      };
    case 'NominationResubmitted':
      return {
        ...moveTo(s, event.data.nextStatus ?? 'CLUSTER_REVIEW', at),
        round: event.data.round,
        proposers: addOnce(s.proposers, event.data.by.userId),
      };
    case 'NominationReturnedForRevision':
      return moveTo(s, 'RETURNED', at);
    case 'ClusterEndorsed':
      return moveTo(s, event.data.nextStatus ?? 'COUNCIL_VOTING', at);
    case 'OfficeCheckPassed':
      return moveTo(s, 'COUNCIL_VOTING', at);
    case 'OfficeCheckReturned':
      return moveTo(s, 'RETURNED', at);
    case 'ClusterRejected':
      return moveTo(s, 'REJECTED', at);
    case 'CouncilVotingOpened':
      return {
        ...s,
        council: {
          open: true,
          members: event.data.members,
          policy: event.data.policy,
          deadline: event.data.deadline,
          votes: {},
          recused: [],
        },
        ...(event.data.eligibility
          ? { eligibility: { reasons: event.data.eligibility, at, stage: 'COUNCIL_VOTING' as const } }
          : {}),
      };
    case 'CouncilVoteCast':
      return {
        ...s,
        council: { ...s.council!, votes: { ...s.council!.votes, [event.data.by.userId]: event.data.choice } },
      };
    case 'CouncilMemberRecused':
      return { ...s, council: { ...s.council!, recused: addOnce(s.council!.recused, event.data.by.userId) } };
    case 'CouncilVotingClosed': {
      const council: CouncilState = event.data.sessionId
        ? {
            ...(s.council ?? { members: [], votes: {}, recused: [], deadline: at }),
            policy: event.data.rule,
            sessionId: event.data.sessionId,
            open: false,
            tally: event.data.tally,
          }
        : { ...s.council!, open: false, tally: event.data.tally };
      return { ...moveTo(s, event.data.outcome === 'APPROVED' ? 'AWAITING_SIGNATURE' : 'REJECTED', at), council };
    }
    case 'AwardDecisionSigned':
      return { ...moveTo(s, 'AWARDED', at), decisionNumber: event.data.decisionNumber, signedAt: at };
    case 'SignatureDeclined':
      return moveTo(s, 'REJECTED', at);
    case 'NominationPutOnHold':
      return { ...s, onHold: true };
    case 'NominationReleasedFromHold':
      return { ...s, onHold: false };
    case 'NominationWithdrawn':
      return { ...moveTo(s, 'WITHDRAWN', at), onHold: false };
    case 'AwardRevoked':
      return moveTo(s, 'REVOKED', at);
    case 'NominationForwarded':
      return moveTo(s, 'FORWARDED', at);
    case 'CentralAwardDecided':
      return { ...moveTo(s, 'AWARDED', at), decisionNumber: event.data.decisionNumber, signedAt: at };
    case 'CentralAwardRefused':
      return moveTo(s, 'REJECTED', at);
    case 'StageReminderIssued':
      return { ...s, sla: { reminded: true, escalated: s.sla?.escalated ?? false } };
    case 'StageEscalated':
      return { ...s, sla: { reminded: s.sla?.reminded ?? false, escalated: true } };
    default:
      return s;
  }
}

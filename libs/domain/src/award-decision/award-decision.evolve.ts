import type { AwardDecisionEvent } from './award-decision.events';
import type { AwardDecisionState, ExistingDecision } from './award-decision.state';

export const initialDecisionState = (): AwardDecisionState => ({ status: 'NONE' });

export function evolveDecision(state: AwardDecisionState, event: AwardDecisionEvent): AwardDecisionState {
  if (event.type === 'AwardDecisionDrafted') {
    const { by, at, ...data } = event.data;
    return { ...data, status: 'DRAFT', draftedBy: by.userId, draftedAt: at, removed: [] };
  }
  if (state.status === 'NONE') return state;
  const s: ExistingDecision = state;
  switch (event.type) {
    case 'DecisionRecipientRemoved':
      return {
        ...s,
        recipients: s.recipients.filter((r) => r.nominationId !== event.data.nominationId),
        removed: [...s.removed, { nominationId: event.data.nominationId, reason: event.data.reason }],
      };
    case 'DecisionSigned':
      return {
        ...s,
        status: event.data.decisionNumber ? 'ISSUED' : 'SIGNED',
        signer: event.data.signer,
        signedAt: event.data.at,
        year: event.data.year,
        ...(event.data.decisionNumber ? { decisionNumber: event.data.decisionNumber } : {}),
      };
    case 'DecisionDeclined':
      return { ...s, status: 'DECLINED', declineReason: event.data.reason };
    case 'DecisionNumberRegistered':
      return { ...s, status: 'ISSUED', decisionNumber: event.data.decisionNumber };
    case 'DecisionApplied':
      return {
        ...s,
        status: 'APPLIED',
        ...(event.data.notApplied?.length ? { notApplied: event.data.notApplied } : {}),
      };
  }
}

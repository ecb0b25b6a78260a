import type { CampaignEvent } from './campaign.events';
import type { CampaignState } from './campaign.state';

export const initialCampaignState = (): CampaignState => ({ status: 'NONE' });

export function evolveCampaign(state: CampaignState, event: CampaignEvent): CampaignState {
  if (event.type === 'CampaignCreated')
    return { status: 'PLANNED', definition: event.data.definition, createdAt: event.data.at, registrations: {} };
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'CampaignLaunched':
      return { ...state, status: 'REGISTRATION_OPEN', launchDocument: event.data.document, launchedAt: event.data.at };
    case 'CampaignNominationsOpened':
      return { ...state, status: 'NOMINATIONS_OPEN', nominationsOpenedAt: event.data.at };
    case 'CampaignClosed':
      return { ...state, status: 'CLOSED', closedAt: event.data.at };
    case 'UnitRegisteredForCampaign': {
      const r = event.data.registration;
      return { ...state, registrations: { ...state.registrations, [r.unitId]: r } };
    }
    default:
      return state;
  }
}

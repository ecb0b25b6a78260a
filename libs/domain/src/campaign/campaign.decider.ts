import type { Decider } from '../shared/decider';
import type { CampaignCommand } from './campaign.commands';
import { decideCampaign } from './campaign.decide';
import type { CampaignEvent } from './campaign.events';
import { evolveCampaign, initialCampaignState } from './campaign.evolve';
import type { CampaignState } from './campaign.state';

export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  decide: decideCampaign,
  evolve: evolveCampaign,
  initialState: initialCampaignState,
};

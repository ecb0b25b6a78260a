import type { ActingAs } from '../shared/actor';
import type { CampaignDefinition, LaunchDocument, UnitRegistration } from './campaign.types';

interface Common {
  campaignId: string;
  at: string;
  by: ActingAs;
}

export type CampaignCreated = { type: 'CampaignCreated'; data: Common & { definition: CampaignDefinition } };
export type CampaignLaunched = { type: 'CampaignLaunched'; data: Common & { document: LaunchDocument } };
export type CampaignNominationsOpened = { type: 'CampaignNominationsOpened'; data: Common };
export type CampaignClosed = { type: 'CampaignClosed'; data: Common };
export type UnitRegisteredForCampaign = {
  type: 'UnitRegisteredForCampaign';
  data: Common & { registration: UnitRegistration };
};

export type CampaignEvent =
  CampaignCreated | CampaignLaunched | CampaignNominationsOpened | CampaignClosed | UnitRegisteredForCampaign;

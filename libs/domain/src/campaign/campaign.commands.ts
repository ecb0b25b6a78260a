import type { Actor } from '../shared/actor';
import type { CampaignDefinition, LaunchDocument } from './campaign.types';

interface Base {
  campaignId: string;
  actor: Actor;
  now: string;
}

/** The office creates a campaign; the directory and catalog it is checked against come with it. */
export interface CreateCampaign extends Base {
  type: 'CreateCampaign';
  definition: Omit<CampaignDefinition, 'campaignId'>;
  known: { awardCodes: string[]; unitIds: string[]; clusterIds: string[] };
}
export interface LaunchCampaign extends Base {
  type: 'LaunchCampaign';
  document: LaunchDocument;
}
export interface OpenCampaignNominations extends Base {
  type: 'OpenCampaignNominations';
}
export interface CloseCampaign extends Base {
  type: 'CloseCampaign';
}
/** A unit head registers the unit (its cluster from the directory). */
export interface RegisterForCampaign extends Base {
  type: 'RegisterForCampaign';
  clusterId: string;
  commitment: string;
  targetAwardCodes: string[];
}

export type CampaignCommand =
  CreateCampaign | LaunchCampaign | OpenCampaignNominations | CloseCampaign | RegisterForCampaign;

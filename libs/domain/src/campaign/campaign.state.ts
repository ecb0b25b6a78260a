import type { CampaignDefinition, CampaignStatus, LaunchDocument, UnitRegistration } from './campaign.types';

export interface ExistingCampaign {
  status: CampaignStatus;
  definition: CampaignDefinition;
  createdAt: string;
  launchDocument?: LaunchDocument;
  launchedAt?: string;
  nominationsOpenedAt?: string;
  closedAt?: string;
  /** By unit id; a unit registering again replaces its registration (while registration is open). */
  registrations: Record<string, UnitRegistration>;
}

export type CampaignState = { status: 'NONE' } | ExistingCampaign;

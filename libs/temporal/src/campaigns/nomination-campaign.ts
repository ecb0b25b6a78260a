/**
 * The campaign a nomination command needs, as the activities load it: from the campaign's own
 * stream (created and run by the office), else — for a campaign still declared in the organisation
 * file (an older deployment, a test's fixed campaign) — the file's line, whose `open` flag is enforced.
 */
import {
  draftingContextOf,
  fileCampaignContext,
  invalid,
  nominationCampaignOf,
  type AwardCatalog,
  type Campaign,
  type CampaignDraftingContext,
} from '@tdkt/domain';
import type { OrganisationDirectory } from '@tdkt/config';
import type { EventStore } from '@tdkt/event-store';
import { loadCampaign, loadScoring } from './campaign-streams';

export interface NominationCampaign {
  campaign: Campaign;
  rules?: CampaignDraftingContext;
}

export async function campaignForNomination(
  deps: { store: EventStore; directory: OrganisationDirectory; catalog: AwardCatalog },
  campaignId: string,
  clusterId?: string,
): Promise<NominationCampaign | undefined> {
  const s = await loadCampaign(deps.store, campaignId);
  if (s) {
    const scoring =
      clusterId && s.definition.scoringTable.length
        ? await loadScoring(deps.store, clusterId, s.definition.year)
        : undefined;
    const leading = scoring && scoring.campaignId === campaignId ? (scoring.leadingUnitIds ?? null) : null;
    return { campaign: nominationCampaignOf(s), rules: draftingContextOf(s, deps.catalog, leading) };
  }
  const c = deps.directory.campaign(campaignId);
  if (!c) return undefined;
  return {
    campaign: { id: c.id, year: c.year, submissionDeadline: c.submissionDeadline },
    rules: fileCampaignContext(
      c,
      deps.catalog.awards.map((a) => a.code),
    ),
  };
}

export async function requireCampaign(
  deps: { store: EventStore; directory: OrganisationDirectory; catalog: AwardCatalog },
  campaignId: string,
  clusterId?: string,
): Promise<NominationCampaign> {
  const found = await campaignForNomination(deps, campaignId, clusterId);
  if (!found) throw invalid('UNKNOWN_CAMPAIGN', `Không có đợt thi đua ${campaignId}`, 'campaignId');
  return found;
}

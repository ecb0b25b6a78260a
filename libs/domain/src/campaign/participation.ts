import type { CampaignDefinition } from './campaign.types';

/** Whether a unit (of this cluster) takes part: listed, or its cluster listed, or nobody listed (all units). */
export function participates(d: Pick<CampaignDefinition, 'participants'>, unitId: string, clusterId: string): boolean {
  const { unitIds, clusterIds } = d.participants;
  if (unitIds.length === 0 && clusterIds.length === 0) return true;
  return unitIds.includes(unitId) || clusterIds.includes(clusterId);
}

/**
 * Campaigns seeded at first start (the demo's, `config/demo-campaigns.json`): each is created,
 * launched, registered and opened through its own decider, as the office would, so the stream is
 * the same as one the API writes. Idempotent: each step runs only if the stream has not reached it,
 * under a command id of its own (a crash half-way resumes).
 */
import {
  SYSTEM_ACTOR,
  type Actor,
  type AwardCatalog,
  type CampaignDefinition,
  type CampaignStatus,
  type LaunchDocument,
} from '@tdkt/domain';
import type { OrganisationDirectory } from '@tdkt/config';
import type { EventStore } from '@tdkt/event-store';
import { readFileSync } from 'node:fs';
import { loadCampaign, runCampaignCommand } from './campaign-streams';

export interface CampaignSeed {
  definition: CampaignDefinition;
  launchDocument: LaunchDocument;
  /** Where the seed leaves the campaign. */
  status: Exclude<CampaignStatus, 'PLANNED'>;
  registrations: { unitId: string; commitment: string; targetAwardCodes: string[] }[];
}

export function loadCampaignSeeds(file: string): CampaignSeed[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { campaigns?: CampaignSeed[] };
  if (!Array.isArray(raw.campaigns)) throw new Error(`${file}: "campaigns" must be an array`);
  return raw.campaigns;
}

const ORDER: CampaignStatus[] = ['PLANNED', 'REGISTRATION_OPEN', 'NOMINATIONS_OPEN', 'CLOSED'];

/** Returns the ids of the campaigns written (or advanced) now. */
export async function seedCampaigns(
  store: EventStore,
  seeds: CampaignSeed[],
  deps: { directory: OrganisationDirectory; catalog: AwardCatalog },
  now = new Date().toISOString(),
): Promise<string[]> {
  const office: Actor = { ...SYSTEM_ACTOR, roles: ['COUNCIL_SECRETARY'] };
  const { org } = deps.directory;
  const written: string[] = [];
  for (const seed of seeds) {
    const id = seed.definition.campaignId;
    const step = (name: string) => `seed:${id}:${name}`;
    let s = await loadCampaign(store, id);
    const before = s ? ORDER.indexOf(s.status) : -1;
    const base = { campaignId: id, now };
    if (!s) {
      const { campaignId: _id, ...definition } = seed.definition;
      await runCampaignCommand(
        store,
        {
          ...base,
          type: 'CreateCampaign',
          actor: office,
          definition,
          known: {
            awardCodes: deps.catalog.awards.map((a) => a.code),
            unitIds: org.units.map((u) => u.id),
            clusterIds: org.clusters.map((c) => c.id),
          },
        },
        step('create'),
      );
      s = await loadCampaign(store, id);
    }
    if (s!.status === 'PLANNED')
      await runCampaignCommand(
        store,
        { ...base, type: 'LaunchCampaign', actor: office, document: seed.launchDocument },
        step('launch'),
      );
    s = await loadCampaign(store, id);
    if (s!.status === 'REGISTRATION_OPEN') {
      for (const r of seed.registrations) {
        if (s!.registrations[r.unitId]) continue;
        const clusterId = deps.directory.unit(r.unitId)?.clusterId ?? '';
        await runCampaignCommand(
          store,
          {
            ...base,
            type: 'RegisterForCampaign',
            actor: { ...SYSTEM_ACTOR, roles: ['UNIT_HEAD'], unitId: r.unitId, clusterId },
            clusterId,
            commitment: r.commitment,
            targetAwardCodes: r.targetAwardCodes,
          },
          step(`register:${r.unitId}`),
        );
      }
      if (ORDER.indexOf(seed.status) >= ORDER.indexOf('NOMINATIONS_OPEN'))
        await runCampaignCommand(store, { ...base, type: 'OpenCampaignNominations', actor: office }, step('open'));
    }
    s = await loadCampaign(store, id);
    if (seed.status === 'CLOSED' && s!.status === 'NOMINATIONS_OPEN')
      await runCampaignCommand(store, { ...base, type: 'CloseCampaign', actor: office }, step('close'));
    s = await loadCampaign(store, id);
    if (ORDER.indexOf(s!.status) > before) written.push(id);
  }
  return written;
}

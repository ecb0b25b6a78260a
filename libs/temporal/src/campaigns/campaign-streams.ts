/**
 * Campaigns and cluster scorings are streams of their own, written without a workflow (each command
 * is one load-decide-append, nothing waits on a person or a timer): load, decide, append with the
 * expected revision and event ids derived from the command id, so a retried request writes nothing twice.
 */
import {
  campaignDecider,
  campaignStreamName,
  clusterScoringDecider,
  clusterScoringStreamName,
  type ActingAs,
  type CampaignCommand,
  type CampaignEvent,
  type ClusterScoringCommand,
  type ClusterScoringEvent,
  type ExistingCampaign,
  type ExistingScoring,
} from '@tdkt/domain';
import {
  deterministicEventId,
  foldRecorded,
  handleCommand,
  type EventMetadata,
  type EventStore,
} from '@tdkt/event-store';

export const CAMPAIGN_EVENT_SCHEMA_VERSION = 1;

export async function loadCampaign(store: EventStore, campaignId: string): Promise<ExistingCampaign | undefined> {
  const state = foldRecorded(campaignDecider, await store.readStream(campaignStreamName(campaignId)));
  return state.status === 'NONE' ? undefined : state;
}

export async function loadScoring(
  store: EventStore,
  clusterId: string,
  year: number,
): Promise<ExistingScoring | undefined> {
  const state = foldRecorded(clusterScoringDecider, await store.readStream(clusterScoringStreamName(clusterId, year)));
  return state.status === 'NONE' ? undefined : state;
}

function metadata(by: ActingAs, now: string, correlationId: string, commandId: string): EventMetadata {
  const m: EventMetadata = {
    actorId: by.userId,
    actorRole: by.role,
    occurredAt: now,
    correlationId,
    causationId: commandId,
    schemaVersion: CAMPAIGN_EVENT_SCHEMA_VERSION,
  };
  if (by.unitId !== undefined) m.actorUnitId = by.unitId;
  if (by.clusterId !== undefined) m.actorClusterId = by.clusterId;
  return m;
}

export interface Written<E> {
  events: E[];
  /** Global position of the last event written (undefined: a retry, already stored). */
  position?: number;
}

/** Runs one campaign command; a refusal throws the domain's error and appends nothing. */
export async function runCampaignCommand(
  store: EventStore,
  command: CampaignCommand,
  commandId: string,
): Promise<Written<CampaignEvent>> {
  const stream = campaignStreamName(command.campaignId);
  const handled = await handleCommand(store, stream, campaignDecider, command, {
    envelope: (e, i) => ({
      id: deterministicEventId(stream, commandId, String(i)),
      metadata: metadata(e.data.by, command.now, stream, commandId),
    }),
    maxAttempts: 3,
  });
  return { events: handled.events, position: handled.position };
}

export async function runScoringCommand(
  store: EventStore,
  command: ClusterScoringCommand,
  commandId: string,
): Promise<Written<ClusterScoringEvent>> {
  const stream = clusterScoringStreamName(command.clusterId, command.year);
  const handled = await handleCommand(store, stream, clusterScoringDecider, command, {
    envelope: (e, i) => ({
      id: deterministicEventId(stream, commandId, String(i)),
      metadata: metadata(e.data.by, command.now, stream, commandId),
    }),
    maxAttempts: 3,
  });
  return { events: handled.events, position: handled.position };
}

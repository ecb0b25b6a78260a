import {
  campaignDecider,
  CAMPAIGN_STREAM_PREFIX,
  CLUSTER_SCORING_STREAM_PREFIX,
  clusterScoringDecider,
  type CampaignEvent,
  type CampaignState,
  type ClusterScoringEvent,
  type ClusterScoringState,
} from '@tdkt/domain';
import type { RecordedEvent } from '@tdkt/event-store';
import { insertMany, SqlExecutor, SqlParam, toBit, upsertClause } from '../../db/read-model-db';
import type { Projection } from '../../projection';
import { loadByIds, NOMINATION_STREAM_PREFIX } from '../nomination-events';
import {
  CAMPAIGN_COLUMNS,
  CAMPAIGN_REGISTRATIONS_TABLE,
  CAMPAIGNS_DDL,
  CAMPAIGNS_TABLE,
  CLUSTER_SCORINGS_TABLE,
  CLUSTER_UNIT_SCORES_TABLE,
  REGISTRATION_COLUMNS,
  SCORING_COLUMNS,
  UNIT_SCORE_COLUMNS,
} from './campaigns.schema';

function bySuffix(events: readonly RecordedEvent[], prefix: string): Map<string, RecordedEvent[]> {
  const groups = new Map<string, RecordedEvent[]>();
  for (const e of events) {
    if (!e.stream.startsWith(prefix)) continue;
    const id = e.stream.slice(prefix.length);
    groups.set(id, [...(groups.get(id) ?? []), e]);
  }
  return groups;
}

/**
 * Campaigns and cluster scorings, each stream folded with its decider's own evolve (what the list
 * shows is what the decider knows). Nomination streams are subscribed too, though nothing is written
 * for them, so the checkpoint moves on (as the council sessions' projection does).
 */
export class CampaignsProjection implements Projection {
  readonly name = 'campaigns';
  readonly version = 1;
  readonly streamPrefixes = [CAMPAIGN_STREAM_PREFIX, CLUSTER_SCORING_STREAM_PREFIX, NOMINATION_STREAM_PREFIX];
  readonly tables = [CAMPAIGNS_TABLE, CAMPAIGN_REGISTRATIONS_TABLE, CLUSTER_SCORINGS_TABLE, CLUSTER_UNIT_SCORES_TABLE];
  readonly ddl = CAMPAIGNS_DDL;

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    await this.campaigns(tx, bySuffix(events, CAMPAIGN_STREAM_PREFIX));
    await this.scorings(tx, bySuffix(events, CLUSTER_SCORING_STREAM_PREFIX));
  }

  private async campaigns(tx: SqlExecutor, groups: Map<string, RecordedEvent[]>) {
    if (!groups.size) return;
    const stored = await loadByIds<{ campaign_id: string; state: string }>(
      tx,
      CAMPAIGNS_TABLE,
      'campaign_id',
      'campaign_id, state',
      [...groups.keys()],
    );
    const rows: SqlParam[][] = [];
    const registrations: SqlParam[][] = [];
    for (const [id, list] of groups) {
      const before = stored.get(id);
      let state: CampaignState = before ? JSON.parse(before.state) : campaignDecider.initialState();
      for (const e of list) {
        state = campaignDecider.evolve(state, { type: e.type, data: e.data } as CampaignEvent);
        if (e.type === 'UnitRegisteredForCampaign' && state.status !== 'NONE') {
          const r = (e.data as Extract<CampaignEvent, { type: 'UnitRegisteredForCampaign' }>['data']).registration;
          registrations.push([
            id,
            r.unitId,
            r.clusterId,
            r.commitment,
            JSON.stringify(r.targetAwardCodes),
            r.registeredBy,
            r.at,
          ]);
        }
      }
      if (state.status === 'NONE') continue;
      const d = state.definition;
      rows.push([
        id,
        d.name,
        d.kind,
        d.year,
        state.status,
        d.submissionDeadline,
        Object.keys(state.registrations).length,
        list[list.length - 1].position,
        JSON.stringify(state),
      ]);
    }
    await insertMany(tx, CAMPAIGNS_TABLE, CAMPAIGN_COLUMNS, rows, upsertClause(['campaign_id'], CAMPAIGN_COLUMNS));
    // The last registration of a unit in the batch wins (a unit may register again while registration is open).
    const last = new Map(registrations.map((r) => [`${r[0]}|${r[1]}`, r]));
    await insertMany(
      tx,
      CAMPAIGN_REGISTRATIONS_TABLE,
      REGISTRATION_COLUMNS,
      [...last.values()],
      upsertClause(['campaign_id', 'unit_id'], REGISTRATION_COLUMNS),
    );
  }

  private async scorings(tx: SqlExecutor, groups: Map<string, RecordedEvent[]>) {
    if (!groups.size) return;
    const stored = await loadByIds<{ scoring_id: string; state: string }>(
      tx,
      CLUSTER_SCORINGS_TABLE,
      'scoring_id',
      'scoring_id, state',
      [...groups.keys()],
    );
    const rows: SqlParam[][] = [];
    const units: SqlParam[][] = [];
    for (const [id, list] of groups) {
      const before = stored.get(id);
      let state: ClusterScoringState = before ? JSON.parse(before.state) : clusterScoringDecider.initialState();
      for (const e of list)
        state = clusterScoringDecider.evolve(state, { type: e.type, data: e.data } as ClusterScoringEvent);
      if (state.status === 'NONE') continue;
      rows.push([
        id,
        state.clusterId,
        state.year,
        state.campaignId,
        state.status,
        list[list.length - 1].position,
        JSON.stringify(state),
      ]);
      const ranks = new Map((state.ranking ?? []).map((r) => [r.unitId, r.rank]));
      for (const s of Object.values(state.scores))
        units.push([
          id,
          state.clusterId,
          state.year,
          s.unitId,
          JSON.stringify(s.scores),
          s.total,
          ranks.get(s.unitId) ?? null,
          toBit(state.leadingUnitIds?.includes(s.unitId)),
        ]);
    }
    await insertMany(tx, CLUSTER_SCORINGS_TABLE, SCORING_COLUMNS, rows, upsertClause(['scoring_id'], SCORING_COLUMNS));
    await insertMany(
      tx,
      CLUSTER_UNIT_SCORES_TABLE,
      UNIT_SCORE_COLUMNS,
      units,
      upsertClause(['scoring_id', 'unit_id'], UNIT_SCORE_COLUMNS),
    );
  }
}

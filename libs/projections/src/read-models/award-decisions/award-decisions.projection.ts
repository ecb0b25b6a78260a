import { awardDecisionDecider, type AwardDecisionEvent, type AwardDecisionState } from '@tdkt/domain';
import type { RecordedEvent } from '@tdkt/event-store';
import { insertMany, SqlExecutor, SqlParam, upsertClause } from '../../db/read-model-db';
import type { Projection } from '../../projection';
import { loadByIds, NOMINATION_STREAM_PREFIX } from '../nomination-events';
import {
  AWARD_DECISION_COLUMNS as COLUMNS,
  AWARD_DECISIONS_DDL,
  AWARD_DECISIONS_TABLE,
} from './award-decisions.schema';

export const AWARD_DECISION_STREAM_PREFIX = 'award-decision-';
const UPSERT = upsertClause(['decision_id'], COLUMNS);

/** The decisions board: each decision folded with the domain's own evolve. */
export class AwardDecisionsProjection implements Projection {
  readonly name = 'award-decisions';
  readonly version = 1;
  /** Nomination streams too (written nothing for): a checkpoint then moves on with the log (see council-sessions). */
  readonly streamPrefixes = [AWARD_DECISION_STREAM_PREFIX, NOMINATION_STREAM_PREFIX];
  readonly tables = [AWARD_DECISIONS_TABLE];
  readonly ddl = AWARD_DECISIONS_DDL;

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    const groups = new Map<string, RecordedEvent[]>();
    for (const e of events) {
      if (!e.stream.startsWith(AWARD_DECISION_STREAM_PREFIX)) continue;
      const id = e.stream.slice(AWARD_DECISION_STREAM_PREFIX.length);
      groups.set(id, [...(groups.get(id) ?? []), e]);
    }
    if (groups.size === 0) return;
    const stored = await loadByIds<{ decision_id: string; state: string }>(
      tx,
      AWARD_DECISIONS_TABLE,
      'decision_id',
      'decision_id, state',
      [...groups.keys()],
    );
    const rows: SqlParam[][] = [];
    for (const [id, list] of groups) {
      const before = stored.get(id);
      let state: AwardDecisionState = before ? JSON.parse(before.state) : awardDecisionDecider.initialState();
      for (const e of list)
        state = awardDecisionDecider.evolve(state, { type: e.type, data: e.data } as AwardDecisionEvent);
      if (state.status === 'NONE') continue;
      rows.push([
        id,
        state.kind,
        state.authority,
        state.title,
        state.status,
        state.decisionNumber ?? null,
        state.year ?? null,
        state.draftedAt,
        state.signedAt ?? null,
        state.recipients.length,
        list[list.length - 1].position,
        JSON.stringify(state),
      ]);
    }
    await insertMany(tx, AWARD_DECISIONS_TABLE, COLUMNS, rows, UPSERT);
  }
}

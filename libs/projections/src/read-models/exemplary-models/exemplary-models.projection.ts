import {
  EXEMPLARY_MODEL_STREAM_PREFIX,
  evolveExemplaryModel,
  type ExemplaryModelEvent,
  type ExemplaryModelState,
} from '@tdkt/domain';
import type { RecordedEvent } from '@tdkt/event-store';
import { insertMany, SqlExecutor, SqlParam, upsertClause } from '../../db/read-model-db';
import { normaliseForSearch } from '../../normalise';
import type { Projection } from '../../projection';
import { loadByIds } from '../nomination-events';
import { jsonOr } from '../row-values';
import {
  EXEMPLARY_MODEL_COLUMNS as COLUMNS,
  EXEMPLARY_MODELS_DDL,
  EXEMPLARY_MODELS_TABLE,
} from './exemplary-models.schema';

/** One step of a story's history, as the office and the public read it. */
export interface ExemplaryModelHistoryEntry {
  type: ExemplaryModelEvent['type'];
  at: string;
  by: string;
  reason?: string;
}

const UPSERT = upsertClause(['model_id'], COLUMNS);

/** The stories: folded with the domain's own `evolve`; every step kept in `history` (unpublishing deletes nothing). */
export class ExemplaryModelsProjection implements Projection {
  readonly name = 'exemplary-models';
  readonly version = 1;
  readonly streamPrefixes = [EXEMPLARY_MODEL_STREAM_PREFIX];
  readonly tables = [EXEMPLARY_MODELS_TABLE];
  readonly ddl = EXEMPLARY_MODELS_DDL;

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    const ids = [...new Set(events.map((e) => e.stream.slice(EXEMPLARY_MODEL_STREAM_PREFIX.length)))];
    const stored = await loadByIds<Record<string, unknown>>(
      tx,
      EXEMPLARY_MODELS_TABLE,
      'model_id',
      COLUMNS.join(', '),
      ids,
    );
    const rows = new Map<string, Record<string, SqlParam>>();
    const states = new Map<string, { state: ExemplaryModelState; history: ExemplaryModelHistoryEntry[] }>();
    for (const e of events) {
      const id = e.stream.slice(EXEMPLARY_MODEL_STREAM_PREFIX.length);
      let current = states.get(id);
      if (!current) {
        const row = stored.get(id);
        current = row
          ? { state: stateOf(row), history: jsonOr(row.history, []) }
          : { state: { status: 'NONE' }, history: [] };
        if (row) rows.set(id, Object.fromEntries(COLUMNS.map((c) => [c, row[c] as SqlParam])));
        states.set(id, current);
      }
      const event = { type: e.type, data: e.data } as ExemplaryModelEvent;
      current.state = evolveExemplaryModel(current.state, event);
      const d = event.data as { at: string; by?: { userId: string }; reason?: string };
      current.history.push({
        type: event.type,
        at: d.at,
        by: d.by?.userId ?? '',
        ...(d.reason ? { reason: d.reason } : {}),
      });
      const s = current.state;
      if (s.status === 'NONE') continue;
      const before = rows.get(id);
      rows.set(id, {
        model_id: id,
        status: s.status,
        title: s.content.title,
        body: s.content.text,
        photo_url: s.content.photoUrl ?? null,
        award: JSON.stringify(s.award),
        consent: s.consent ? JSON.stringify(s.consent) : null,
        history: JSON.stringify(current.history),
        created_at: (before?.created_at as string | undefined) ?? d.at,
        updated_at: d.at,
        published_at:
          event.type === 'ExemplaryModelPublished' ? d.at : ((before?.published_at as string | null) ?? null),
        search_text: normaliseForSearch(
          [s.content.title, s.award.nomineeName, s.award.awardName, s.award.decisionNumber, s.content.text].join(' '),
        ),
        position: e.position,
      });
    }
    await insertMany(
      tx,
      EXEMPLARY_MODELS_TABLE,
      COLUMNS,
      [...rows.values()].map((r) => COLUMNS.map((c) => r[c])),
      UPSERT,
    );
  }
}

function stateOf(row: Record<string, unknown>): ExemplaryModelState {
  return {
    status: String(row.status) as 'DRAFT' | 'PUBLISHED' | 'UNPUBLISHED',
    modelId: String(row.model_id),
    content: {
      title: String(row.title),
      text: String(row.body),
      ...(row.photo_url ? { photoUrl: String(row.photo_url) } : {}),
    },
    award: jsonOr(row.award, {} as never),
    consent: jsonOr(row.consent, null),
  };
}

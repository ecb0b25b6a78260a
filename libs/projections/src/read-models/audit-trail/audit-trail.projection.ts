import type { RecordedEvent } from '@tdkt/event-store';
import { insertMany, SqlExecutor, SqlParam } from '../../db/read-model-db';
import { summarise } from '../../labels';
import type { Projection } from '../../projection';
import {
  asNominationEvent,
  DOSSIER_STREAM_PREFIX,
  nominationIdOf,
  NOMINATION_STREAM_PREFIX,
  payloadOf,
} from '../nomination-events';
import { AUDIT_COLUMNS as COLUMNS, AUDIT_DDL, AUDIT_TABLE } from './audit-trail.schema';

/** The nomination's own stream, and its dossier's: who added which document, when, with its hash. */
export const AUDIT_STREAM_PREFIXES = [NOMINATION_STREAM_PREFIX, DOSSIER_STREAM_PREFIX];

const nonEmptyText = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The audit trail: one row per nomination event, in order, naming who acted, in which role and for
 * which unit, with a Vietnamese one-line summary, the reason or comment given, and the full data.
 * Append-only; the global position is the key, so an event can never be recorded twice.
 */
export class AuditTrailProjection implements Projection {
  readonly name = 'audit-trail';
  /**
   * 2: a vote's comment is no longer shown (rebuilds the trail without them).
   * 3: the dossier's uploads (`dossier-<id>`) are in the nomination's trail; rows name their stream.
   */
  readonly version = 3;
  readonly streamPrefixes = AUDIT_STREAM_PREFIXES;
  readonly tables = [AUDIT_TABLE];
  readonly ddl = AUDIT_DDL;

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    await insertMany(tx, AUDIT_TABLE, COLUMNS, events.map(auditRow));
  }
}

/**
 * A council member's vote is shown as its choice only: the comment a member wrote with it is not
 * repeated word for word to every reader of the trail (it stays in the event store, for an inquiry).
 */
const WITHOUT_COMMENT = new Set(['CouncilVoteCast']);

function auditRow(e: RecordedEvent): SqlParam[] {
  const hidden = WITHOUT_COMMENT.has(e.type);
  const raw = payloadOf(e);
  const { comment: _comment, ...rest } = raw;
  const data = hidden ? rest : raw;
  const by = (data.by ?? {}) as { userId?: string; role?: string; unitId?: string; clusterId?: string };
  const m = e.metadata ?? ({} as RecordedEvent['metadata']);
  // The acting role and scope recorded by the domain (`by`) first; the envelope otherwise.
  const reason = hidden ? null : (nonEmptyText(data.reason) ?? nonEmptyText(data.reasons) ?? nonEmptyText(m.reason));
  const row: Record<(typeof COLUMNS)[number], SqlParam> = {
    position: e.position,
    stream: e.stream,
    nomination_id: nominationIdOf(e),
    revision: e.revision,
    event_id: e.id,
    event_type: e.type,
    actor_id: nonEmptyText(by.userId) ?? nonEmptyText(m.actorId),
    actor_role: nonEmptyText(by.role) ?? nonEmptyText(m.actorRole),
    actor_unit_id: nonEmptyText(by.unitId) ?? nonEmptyText(m.actorUnitId),
    actor_cluster_id: nonEmptyText(by.clusterId) ?? nonEmptyText(m.actorClusterId),
    occurred_at: nonEmptyText(data.at) ?? nonEmptyText(m.occurredAt) ?? e.recordedAt,
    recorded_at: e.recordedAt ?? null,
    summary: safeSummary(e),
    reason,
    comment: nonEmptyText(data.comment),
    correlation_id: nonEmptyText(m.correlationId),
    causation_id: nonEmptyText(m.causationId),
    schema_version: typeof m.schemaVersion === 'number' ? m.schemaVersion : null,
    data: JSON.stringify(data),
  };
  return COLUMNS.map((c) => row[c]);
}

/** A malformed payload (e.g. a future schema) must not stop the trail: fall back to the event type. */
function safeSummary(e: RecordedEvent): string {
  try {
    return summarise(asNominationEvent(e));
  } catch {
    return e.type;
  }
}

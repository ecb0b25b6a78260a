import type { RecordedEvent } from '@tdkt/event-store';
import { insertMany, SqlExecutor, SqlParam } from '../db/read-model-db';
import { summarise } from '../labels';
import type { Projection } from '../projection';
import { asNominationEvent, nominationIdOf, NOMINATION_STREAM_PREFIX } from './nomination-events';

export const AUDIT_TABLE = 'audit_entries';

const COLUMNS = [
  'position',
  'nomination_id',
  'revision',
  'event_id',
  'event_type',
  'actor_id',
  'actor_role',
  'actor_unit_id',
  'actor_cluster_id',
  'occurred_at',
  'recorded_at',
  'summary',
  'reason',
  'comment',
  'correlation_id',
  'causation_id',
  'schema_version',
  'data',
] as const;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The audit trail: one row per nomination event, in order, naming who acted, in which role and for
 * which unit, with a Vietnamese one-line summary, the reason or comment given, and the full data.
 * Append-only; the global position is the key, so an event can never be recorded twice.
 */
export class AuditTrailProjection implements Projection {
  readonly name = 'audit-trail';
  readonly version = 1;
  readonly streamPrefixes = [NOMINATION_STREAM_PREFIX];
  readonly tables = [AUDIT_TABLE];
  readonly ddl = [
    `CREATE TABLE IF NOT EXISTS ${AUDIT_TABLE} (
      position BIGINT PRIMARY KEY,
      nomination_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      event_id TEXT NOT NULL,
      event_type TEXT NOT NULL,
      actor_id TEXT,
      actor_role TEXT,
      actor_unit_id TEXT,
      actor_cluster_id TEXT,
      occurred_at TEXT,
      recorded_at TEXT,
      summary TEXT NOT NULL,
      reason TEXT,
      comment TEXT,
      correlation_id TEXT,
      causation_id TEXT,
      schema_version INTEGER,
      data TEXT NOT NULL
    )`,
    `CREATE UNIQUE INDEX IF NOT EXISTS ux_audit_nomination_revision ON ${AUDIT_TABLE} (nomination_id, revision)`,
    `CREATE INDEX IF NOT EXISTS ix_audit_actor ON ${AUDIT_TABLE} (actor_id)`,
  ];

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    await insertMany(tx, AUDIT_TABLE, COLUMNS, events.map(auditRow));
  }
}

function auditRow(e: RecordedEvent): SqlParam[] {
  const data = (e.data ?? {}) as Record<string, unknown>;
  const by = (data.by ?? {}) as { userId?: string; role?: string; unitId?: string; clusterId?: string };
  const m = e.metadata ?? ({} as RecordedEvent['metadata']);
  // The acting role and scope recorded by the domain (`by`) first; the envelope otherwise.
  const reason = str(data.reason) ?? str(data.reasons) ?? str(m.reason);
  const row: Record<(typeof COLUMNS)[number], SqlParam> = {
    position: e.position,
    nomination_id: nominationIdOf(e),
    revision: e.revision,
    event_id: e.id,
    event_type: e.type,
    actor_id: str(by.userId) ?? str(m.actorId),
    actor_role: str(by.role) ?? str(m.actorRole),
    actor_unit_id: str(by.unitId) ?? str(m.actorUnitId),
    actor_cluster_id: str(by.clusterId) ?? str(m.actorClusterId),
    occurred_at: str(data.at) ?? str(m.occurredAt) ?? e.recordedAt,
    recorded_at: e.recordedAt ?? null,
    summary: safeSummary(e),
    reason,
    comment: str(data.comment),
    correlation_id: str(m.correlationId),
    causation_id: str(m.causationId),
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

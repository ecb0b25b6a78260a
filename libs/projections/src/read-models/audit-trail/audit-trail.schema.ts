/**
 * The audit trail's table: one row per event of a nomination (its stream and its dossier's), keyed by
 * its global position; `revision` is the event's revision in its own `stream`.
 */
export const AUDIT_TABLE = 'audit_entries';

export const AUDIT_COLUMNS = [
  'position',
  'stream',
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

export const AUDIT_DDL = [
  `CREATE TABLE IF NOT EXISTS ${AUDIT_TABLE} (
    position BIGINT PRIMARY KEY,
    stream TEXT NOT NULL,
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
  `CREATE UNIQUE INDEX IF NOT EXISTS ux_audit_stream_revision ON ${AUDIT_TABLE} (stream, revision)`,
  `CREATE INDEX IF NOT EXISTS ix_audit_nomination ON ${AUDIT_TABLE} (nomination_id, position)`,
  `CREATE INDEX IF NOT EXISTS ix_audit_actor ON ${AUDIT_TABLE} (actor_id)`,
];

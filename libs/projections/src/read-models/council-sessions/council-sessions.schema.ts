/** Council sessions: one row per session, its summary columns and its folded state (agenda, attendance, results). */
export const COUNCIL_SESSIONS_TABLE = 'council_sessions';

export const COUNCIL_SESSION_COLUMNS = [
  'session_id',
  'title',
  'scheduled_at',
  'status',
  'items',
  'opened_at',
  'closed_at',
  'position',
  'state',
] as const;

export const COUNCIL_SESSIONS_DDL = [
  `CREATE TABLE IF NOT EXISTS ${COUNCIL_SESSIONS_TABLE} (
    session_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    scheduled_at TEXT NOT NULL,
    status TEXT NOT NULL,
    items INTEGER NOT NULL,
    opened_at TEXT,
    closed_at TEXT,
    position BIGINT NOT NULL,
    state TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ix_council_sessions_scheduled ON ${COUNCIL_SESSIONS_TABLE} (scheduled_at)`,
];

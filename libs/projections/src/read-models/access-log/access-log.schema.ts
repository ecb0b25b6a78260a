/** Who read personal data: one row per read, keyed by the read's global position in the event log. */
export const ACCESS_LOG_TABLE = 'personal_data_reads';
/** The event store stream the API appends the reads to (so they are leaves of the audit log too). */
export const ACCESS_LOG_STREAM = 'access-log';
export const PERSONAL_DATA_READ = 'PersonalDataRead';

export const ACCESS_LOG_COLUMNS = [
  'position',
  'event_id',
  'actor_id',
  'actor_roles',
  'actor_unit_id',
  'read_at',
  'address',
  'route',
  'resource',
  'nomination_id',
  'fields',
] as const;

export const ACCESS_LOG_DDL = [
  `CREATE TABLE IF NOT EXISTS ${ACCESS_LOG_TABLE} (
    position BIGINT PRIMARY KEY,
    event_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_roles TEXT NOT NULL,
    actor_unit_id TEXT,
    read_at TEXT NOT NULL,
    address TEXT,
    route TEXT NOT NULL,
    resource TEXT NOT NULL,
    nomination_id TEXT,
    fields TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ix_reads_nomination ON ${ACCESS_LOG_TABLE} (nomination_id, position)`,
  `CREATE INDEX IF NOT EXISTS ix_reads_actor ON ${ACCESS_LOG_TABLE} (actor_id, position)`,
  `CREATE INDEX IF NOT EXISTS ix_reads_time ON ${ACCESS_LOG_TABLE} (read_at)`,
];

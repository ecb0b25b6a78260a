/**
 * Public notices (công khai): one row per notice — its period, its items as the public sees them
 * (JSON) and how many comments it has and how many wait for the office. No comment text or contact
 * here: the office reads those from the notice's stream.
 */
export const PUBLIC_NOTICES_TABLE = 'public_notices';

export const PUBLIC_NOTICE_COLUMNS = [
  'notice_id',
  'title',
  'published_at',
  'starts_at',
  'ends_at',
  'working_days',
  'items',
  'comments',
  'open_comments',
  'position',
] as const;

export const PUBLIC_NOTICES_DDL = [
  `CREATE TABLE IF NOT EXISTS ${PUBLIC_NOTICES_TABLE} (
    notice_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    published_at TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    working_days INTEGER NOT NULL,
    items TEXT NOT NULL,
    comments INTEGER NOT NULL,
    open_comments INTEGER NOT NULL,
    position BIGINT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ix_public_notices_ends ON ${PUBLIC_NOTICES_TABLE} (ends_at)`,
];

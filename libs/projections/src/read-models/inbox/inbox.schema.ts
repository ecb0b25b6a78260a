/** The inbox: one row per (nomination, awaitee key) it waits for. */
export const INBOX_TABLE = 'inbox';
/** The inbox's own folded state per nomination, so it never waits on another projection. */
export const INBOX_STATE_TABLE = 'inbox_state';

export const INBOX_COLUMNS = ['nomination_id', 'awaitee', 'status', 'since', 'position'] as const;
export const INBOX_STATE_COLUMNS = ['nomination_id', 'state'] as const;

export const INBOX_DDL = [
  `CREATE TABLE IF NOT EXISTS ${INBOX_TABLE} (
    nomination_id TEXT NOT NULL,
    awaitee TEXT NOT NULL,
    status TEXT NOT NULL,
    since TEXT,
    position BIGINT NOT NULL,
    PRIMARY KEY (nomination_id, awaitee)
  )`,
  `CREATE INDEX IF NOT EXISTS ix_inbox_awaitee ON ${INBOX_TABLE} (awaitee, since)`,
  `CREATE TABLE IF NOT EXISTS ${INBOX_STATE_TABLE} (
    nomination_id TEXT PRIMARY KEY,
    state TEXT NOT NULL
  )`,
];
